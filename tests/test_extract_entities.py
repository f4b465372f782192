"""extract_entities on hand-written text and the seeds; the CoNLL-2003 valid score."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from index.article import Article
from index.extract import extract
from index.extract.entities import extract_entities


def _types(entities) -> dict[str, str]:
    return {e.name: e.type for e in entities}


def test_people_orgs_places_by_evidence():
    text = (
        "Russian Foreign Minister Sergei Lavrov met officials of the International Monetary Fund in Ankara "
        "on Monday. Lavrov told Reuters that the talks with Microsoft Corp went well.\n"
        "However, the Kremlin said on Tuesday that President Vladimir Putin would travel to the Black Sea."
    )
    got = _types(extract_entities(text))
    assert got["Sergei Lavrov"] == "person"
    assert got["Vladimir Putin"] == "person"
    assert got["International Monetary Fund"] == "organization"
    assert got["Reuters"] == "organization"
    assert got["Ankara"] == "place"
    assert got["Black Sea"] == "place"
    assert "However" not in got and "Monday" not in got and "Russian" not in got


def test_nationality_before_a_full_name_is_peeled():
    text = (
        "Russian Svetlana Kuznetsova beat American Lindsay Davenport in Melbourne. "
        "German Gref, the economy minister, spoke later."
    )
    got = _types(extract_entities(text))
    assert got["Svetlana Kuznetsova"] == "person" and got["Lindsay Davenport"] == "person"
    assert "Russian Svetlana Kuznetsova" not in got and "American Lindsay Davenport" not in got
    assert "German Gref" in got


def test_weekday_or_month_before_a_name_is_a_date():
    text = (
        "On Thursday Intel said profits rose. On Wednesday Tony Blair met Foreign Secretary Jack Straw. "
        "The story ran in the Sunday Times on Monday."
    )
    got = _types(extract_entities(text))
    assert got["Intel"] == "organization" and got["Tony Blair"] == "person"
    assert "Thursday Intel" not in got and "Wednesday Tony Blair" not in got
    assert "Sunday Times" in got


def test_headline_words_need_confirmation():
    title = "Lavrov Remains Committed To Idlib Agreement"
    got = _types(extract_entities("Talks went on in Sochi for hours.", title=title))
    assert "Remains Committed" not in got and "Remains Committed To Idlib Agreement" not in got
    assert got["Sochi"] == "place"
    assert got["Idlib"] == "place"


def test_sports_teams_and_titles():
    title = "SOCCER - ENGLISH FIRST DIVISION RESULTS."
    body = (
        "LONDON 1996-08-23\n"
        "Results of English first division soccer matches on Friday:\n"
        "Tranmere 3 Grimsby 2\n"
        "Portsmouth 1 Queens Park Rangers 2\n"
        "The match was played in front of 12,000 fans, said coach John Smith.\n"
        "At Cardiff: Glamorgan 326 (D. Cox 95 not out, S. Campbell 69) beat Somerset 236-4."
    )
    got = _types(extract_entities(body, title))
    for team in ("Tranmere", "Grimsby", "Portsmouth", "Queens Park Rangers", "Glamorgan", "Somerset"):
        assert got.get(team) == "organization", (team, got.get(team))
    assert got["London"] == "place" and got["Cardiff"] == "place"
    assert got["John Smith"] == "person" and got["D. Cox"] == "person"
    text = "Palestinian President Yasser Arafat met French President Francois Hollande in Paris."
    got = _types(extract_entities(text))
    assert got["Yasser Arafat"] == "person" and got["Francois Hollande"] == "person"
    got = _types(extract_entities("Fighters of the Islamic State and the Syrian Democratic Forces clashed."))
    assert "Islamic State" in got and "Syrian Democratic Forces" in got


def test_run_scanner_matches_token_loop():
    """The regex scanner for ordinary lines finds the same runs, with the same context, as the
    token-by-token loop (kept for headlines and lines in capitals)."""
    from index.extract.entities import _scan_runs, _token_runs, _tokens

    lines = [
        "Russian Foreign Minister Sergei Lavrov met officials of the Bank of England in Ankara on Monday.",
        '"We will win," said Hayat Tahrir al-Sham, which the U.S. calls a terror group; al-Nusra agreed.',
        "However, the Kremlin said: 'Putin spoke to Erdoğan.' Then J. Smith (Reuters) left for São Paulo.",
        "the minister of Poland and the Republic of Ireland's president - O'Neill, McDonald's - talked.",
        "1996-08-30 -- Leicestershire beat Somerset by 12 runs at Grace Road, Leicester.",
    ]
    for line in lines:
        fast: list = []
        slow: list = []
        _scan_runs(line, fast)
        _token_runs(line, _tokens(line), False, slow)
        assert [c[:4] for c in fast] == [c[:4] for c in slow], line


def _seed(sample_archive, prefix):
    path = next(sample_archive.glob(f"{prefix}_*.txt"))
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return extract(Article(id=path.name, path=str(path), title=title, body=body))


def test_seed_entities(sample_archive):
    everything: dict[tuple[str, str], int] = {}
    for prefix in ("000", "001", "002", "003", "004"):
        for e in _seed(sample_archive, prefix).entities:
            everything[(e.type, e.name)] = everything.get((e.type, e.name), 0) + 1
    for place in ("Idlib", "Turkey", "Russia", "Sochi", "Hmeimim"):
        assert ("place", place) in everything, place
    for person in ("Sergey Lavrov", "Vladimir Putin", "Recep Tayyip Erdoğan"):
        assert ("person", person) in everything, person
    assert ("organization", "Hayat Tahrir al-Sham") in everything


def test_seed_alias_cases_one_value(sample_archive):
    ext = _seed(sample_archive, "004")
    names = {(e.type, e.name) for e in ext.entities}
    assert ("organization", "Hayat Tahrir al-Sham") in names
    assert ("organization", "HTS") not in names
    assert ("place", "Hmeimim") in names and ("place", "Hamimim") not in names
    assert ("person", "Recep Tayyip Erdoğan") in names and ("person", "Recep Tayyip Erdogan") not in names
    lavrov = [e for e in _seed(sample_archive, "001").entities if "Lavrov" in e.name]
    assert [e.name for e in lavrov] == ["Sergey Lavrov"]  # "Sergei Lavrov" and "Lavrov" merged


def _conll(corpora) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/ is not installed
    from scripts.eval.conll import evaluate

    return evaluate(corpora / "conll2003" / "valid.txt")


@pytest.mark.corpora
def test_conll_valid_no_regression(corpora):
    """Guards the measured score (0.79 at the last commit, organisations 0.75); its runtime is
    measured by scripts/bench_limits.py --conll, not asserted here."""
    result = _conll(corpora)
    assert result["documents"] == 216
    assert result["overall"]["f1"] >= 0.77, result
    assert result["types"]["organization"]["f1"] >= 0.70, result["types"]


@pytest.mark.corpora
def test_conll_valid_f1(corpora):
    """Issue 3 target: document-level F1 >= 0.75 over people, organisations and places."""
    result = _conll(corpora)
    assert result["overall"]["f1"] >= 0.75, result["overall"]


def test_home_runs_count_toward_a_sports_report_only_as_words():
    """ "home run" counts as a sports phrase only after a word boundary ("bighome run" does not),
    as does "quarter-final": in a sports report a city names its team."""
    opening = "Fans said Denver won again this season. Ortiz hit "
    sports = opening + "a home run, another home\nrun and a quarter-final homer."
    assert _types(extract_entities(sports)).get("Denver") == "organization"
    plain = opening + "a home-run, a bighome run and an xquarter-final homer."
    assert _types(extract_entities(plain)).get("Denver") == "place"


def test_ascii_run_patterns_match_the_unicode_ones_on_ascii_lines():
    """``_scan_runs`` reads ASCII lines with the ASCII-class copies of the run patterns: on ASCII
    text they find exactly the runs the Unicode patterns find (blanks \\x1c-\\x1f included)."""
    from index.extract import entities as E

    for pattern in (E._ASCII_RUN_RE, E._ASCII_RUN_ARABIC_RE):
        assert "\\w" not in pattern.pattern and "\\S" not in pattern.pattern and "\\d" not in pattern.pattern
    lines = [
        "Russian Foreign Minister Sergei Lavrov met officials of the Bank of England in Ankara on Monday.",
        '"We will win," said Hayat Tahrir al-Sham, which the U.S. calls a terror group; al-Nusra agreed.',
        "the minister of Poland and the Republic of Ireland's president - O'Neill, McDonald's - talked.",
        "J. Smith\x1cand A.\x1fB. Jones of\x0bthe Bank\tof England; X-Men, 3M, Sam's, S'mores, Ab'cd'ef",
        "ex-President Bill al-Assad el-Sisi bin-Laden Ibn-Saud AT&T CNN/ORC U.N. U.S.-Led",
    ]
    pairs = ((E._RUN_RE, E._ASCII_RUN_RE), (E._RUN_ARABIC_RE, E._ASCII_RUN_ARABIC_RE))
    for line in lines:
        assert line.isascii()
        for unicode_re, ascii_re in pairs:
            spans = [m.span() for m in unicode_re.finditer(line)]
            assert spans and spans == [m.span() for m in ascii_re.finditer(line)], line


def test_sports_words_without_lower_casing_the_text():
    """``_is_sports`` reads the [a-z] words of the text with A-Z lower-cased by a byte table, not of
    ``text.lower()``: the same words unless the text holds one of ``_LOWER_TO_ASCII``, the only
    characters whose lower case has an ASCII letter (then the text is lower-cased first)."""
    import re

    from index.extract import entities as E

    assert {chr(c) for c in range(128, 0x110000) if re.search("[a-z]", chr(c).lower())} == set(
        E._LOWER_TO_ASCII
    )
    assert E._is_sports("SOCCER Football GOALS coach")
    assert E._is_sports("\u0130 soccer football goals coach")
    assert not E._is_sports("soccer football go\u0130als")  # "goi̇als": no third word
    assert E._is_sports("\u212aelvin scored: 3-1, 2 - 0, 1-1 and 4-2")  # four score lines
    assert not E._is_sports("3-1, 2-0, 1-1, 2010-2011")  # no score after a digit-dash-digit run
    assert E._is_sports("HOME RUNS and a Home Run, a quarter-final and a home run")

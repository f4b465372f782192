"""extract_entities on hand-written text and the seeds; the CoNLL-2003 valid score."""

from __future__ import annotations

import sys
import time
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


def test_headline_words_need_confirmation():
    title = "Lavrov Remains Committed To Idlib Agreement"
    got = _types(extract_entities("Talks went on in Sochi for hours.", title=title))
    assert "Remains Committed" not in got and "Remains Committed To Idlib Agreement" not in got
    assert got["Sochi"] == "place"
    assert got["Idlib"] == "place"


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


def _conll(corpora) -> tuple[dict, float]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/ is not installed
    from scripts.eval.conll import evaluate

    start = time.perf_counter()
    result = evaluate(corpora / "conll2003" / "valid.txt")
    return result, time.perf_counter() - start


@pytest.mark.corpora
def test_conll_valid_no_regression(corpora):
    """Guards the measured score (0.73 at the last commit) and the runtime budget."""
    result, seconds = _conll(corpora)
    assert seconds < 20
    assert result["documents"] == 216
    assert result["overall"]["f1"] >= 0.72, result


@pytest.mark.corpora
@pytest.mark.xfail(reason="issue 3 target (F1 >= 0.75) not reached yet: 0.73 on CoNLL valid", strict=False)
def test_conll_valid_f1(corpora):
    result, _ = _conll(corpora)
    assert result["overall"]["f1"] >= 0.75, result["overall"]

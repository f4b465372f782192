"""Quote records and speaker attribution (index/extract/quotes.py) and its PolNeAR scorer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from index.extract.quotes import extract_speakers

# scripts/ is not an installed package: the scorer is imported from the repository root.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scripts.eval import polnear  # noqa: E402

SEED_SPEAKERS = {
    "000": {"Sergey Lavrov", "Mevlut Cavusoglu"},
    "001": {"Sergei Lavrov"},
    "002": {"Maria Zakharova"},
    "003": {"Sergey Lavrov"},
    "004": {"Dmitry Peskov"},
}


def _seed(sample_archive, prefix: str) -> tuple[str, str]:
    path = next(sample_archive.glob(f"{prefix}_*.txt"))
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return title, body


def _by_name(body: str, title: str = "") -> dict:
    return {s.name: s for s in extract_speakers(body, title)}


# -- seeds ------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(SEED_SPEAKERS))
def test_seed_speakers(sample_archive, prefix):
    title, body = _seed(sample_archive, prefix)
    people = {s.name for s in extract_speakers(body, title) if s.type == "person"}
    assert SEED_SPEAKERS[prefix] <= people
    # Erdoğan is reported as speaking through the Turkish presidency in 001 and agreeing in 003.
    assert people - SEED_SPEAKERS[prefix] <= {"Recep Tayyip Erdoğan"}


def test_seed_000_comment_text_not_attributed(sample_archive):
    title, body = _seed(sample_archive, "000")
    speakers = _by_name(body, title)
    assert "Russia" not in speakers  # "PEACE AT LAST (?), says Russia." is a reader comment
    assert set(speakers) == {"Sergey Lavrov", "Mevlut Cavusoglu"}


def test_seed_quotes_have_offsets_into_body(sample_archive):
    for prefix in SEED_SPEAKERS:
        title, body = _seed(sample_archive, prefix)
        for speaker in extract_speakers(body, title):
            for quote in speaker.quotes:
                assert body[quote.start : quote.end] == quote.text
                assert quote.speaker == speaker.name
                assert quote.kind in {"direct", "reported"}


def test_seed_004_spokesman_resolves_to_peskov(sample_archive):
    title, body = _seed(sample_archive, "004")
    peskov = _by_name(body, title)["Dmitry Peskov"]
    explained = [q for q in peskov.quotes if q.cue == "explained"]
    assert explained and explained[0].text.startswith("First of all, of course")
    assert "the report said" not in body[explained[0].end : explained[0].end + 5]


def test_seed_001_turkish_presidency_is_an_organisation(sample_archive):
    title, body = _seed(sample_archive, "001")
    assert _by_name(body, title)["Turkish presidency"].type == "organization"


# -- patterns ---------------------------------------------------------------------------------


def test_curly_quote_split_around_attribution_and_surname_resolution():
    body = (
        "Russian Foreign Minister Sergey Lavrov met reporters.\n"
        "“We will move forward,” Lavrov said. “The agreement holds firm.”"
    )
    lavrov = _by_name(body)["Sergey Lavrov"]
    assert [(q.kind, q.cue, q.text) for q in lavrov.quotes] == [
        ("direct", "said", "We will move forward"),
        ("direct", "said", "The agreement holds firm."),
    ]


def test_straight_quotes_inverted_cue():
    body = '"We will not retreat from this position," said Maria Zakharova.'
    quotes = _by_name(body)["Maria Zakharova"].quotes
    assert [(q.kind, q.text) for q in quotes] == [("direct", "We will not retreat from this position")]


def test_apposition_is_peeled():
    body = "Dmitry Peskov, the Kremlin spokesman, said the talks were useful."
    quotes = _by_name(body)["Dmitry Peskov"].quotes
    assert [(q.kind, q.cue, q.text) for q in quotes] == [("reported", "said", "the talks were useful.")]


def test_description_before_name_in_apposition():
    body = "Press secretary of the President, Dmitry Peskov, said that Turkey is responsible."
    assert [q.text for q in _by_name(body)["Dmitry Peskov"].quotes] == ["Turkey is responsible."]


def test_pronoun_resolves_to_named_person():
    body = "Mevlut Cavusoglu arrived in Moscow. He stressed that the ceasefire must hold."
    quotes = _by_name(body)["Mevlut Cavusoglu"].quotes
    assert [(q.cue, q.text) for q in quotes] == [("stressed", "the ceasefire must hold.")]


def test_according_to_with_title():
    body = "The ceasefire will hold, according to Turkish Foreign Minister Mevlut Cavusoglu."
    quotes = _by_name(body)["Mevlut Cavusoglu"].quotes
    assert [(q.cue, q.kind, q.text) for q in quotes] == [
        ("according to", "reported", "The ceasefire will hold")
    ]


def test_role_noun_resolves_to_person_introduced_with_it():
    body = (
        "Dmitry Peskov, the Kremlin spokesman, arrived. "
        "“First of all, there are clusters of militants,” the Kremlin spokesman explained."
    )
    quotes = _by_name(body)["Dmitry Peskov"].quotes
    assert [(q.cue, q.text) for q in quotes] == [
        ("explained", "First of all, there are clusters of militants")
    ]


def test_minister_role_resolves():
    body = (
        "Turkey's Foreign Minister Mevlut Cavusoglu spoke first. "
        "The minister also acknowledged that violations rose."
    )
    assert [q.cue for q in _by_name(body)["Mevlut Cavusoglu"].quotes] == ["acknowledged"]


def test_organisations_speak_but_reports_do_not():
    body = "The Kremlin said the talks were useful. The report said nothing more."
    speakers = _by_name(body)
    assert list(speakers) == ["Kremlin"]
    assert speakers["Kremlin"].type == "organization"


def test_adjectival_organisation_and_it_said():
    body = "Erdogan emphasized the need for calm, the Turkish presidency said. It said talks would go on."
    presidency = _by_name(body)["Turkish presidency"]
    assert presidency.type == "organization"
    assert [q.text for q in presidency.quotes] == [
        "Erdogan emphasized the need for calm",
        "talks would go on.",
    ]


def test_multi_paragraph_quote():
    body = (
        "Lavrov told reporters that Moscow is ready.\n"
        "“We have been patient for years and we will remain patient.\n"
        "“But patience has limits,” he added."
    )
    quotes = _by_name(body)["Lavrov"].quotes
    assert [(q.kind, q.text) for q in quotes] == [
        ("reported", "Moscow is ready."),
        ("direct", "We have been patient for years and we will remain patient."),
        ("direct", "But patience has limits"),
    ]


def test_anonymous_sources_are_not_speakers():
    assert extract_speakers("Sources said the deal was close. Officials warned it may collapse.") == []


def test_pure_and_empty():
    assert extract_speakers("") == []
    assert extract_speakers("No quotes here at all.") == []


# -- scorer -----------------------------------------------------------------------------------


def test_span_key_rules():
    text = (
        "Headline\nThe mayor of Charlotte and Mr. Obama spoke. Hillary Clinton’s aides met Trump on Monday."
    )
    mid = polnear.capitalised_midsentence(text)
    assert polnear.span_key("Hillary Clinton’s campaign", mid) == "clinton"
    assert polnear.span_key("Mr. Obama, the president", mid) == "obama"
    assert polnear.span_key("the mayor of Charlotte", mid) is None
    assert polnear.span_key("he", mid) is None
    assert polnear.span_key("Monday", mid) is None


@pytest.mark.corpora
def test_polnear_dev_regression_floor(corpora):
    result = polnear.evaluate(corpora / "polnear" / "data" / "dev")
    assert result["articles"] == 84
    # Measured 0.677 F1 / 0.854 P when written; this floor guards against regressions.
    assert result["f1"] >= 0.65
    assert result["precision"] >= 0.83


@pytest.mark.corpora
@pytest.mark.xfail(strict=False, reason="issue 3 target (F1 >= 0.80, P >= 0.85) not reached yet: 0.68 / 0.85")
def test_polnear_dev_target(corpora):
    result = polnear.evaluate(corpora / "polnear" / "data" / "dev")
    assert result["f1"] >= 0.80
    assert result["precision"] >= 0.85

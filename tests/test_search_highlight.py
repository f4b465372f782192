"""Snippet matching: the fast span finder equals the analyzer's token-by-token scan, exactly."""

from __future__ import annotations

import random

import pytest
from archive_gen import records

from search import highlight
from search.highlight import match_spans, snippet

# The analyzer's own scan, token by token: the reference the fast path must equal.
reference_spans = highlight._FORMS.spans

TRICKY = [
    "U.S. and U.S.A.. a..b x.a.b Trump's Trumps trump_ ÉCOLE école İstanbul a.b.c ab.cd",
    "..a a. .a _a_ 3.5 3..5 'quote' “double” —dash— (paren) x_y said, said; said.",
    "Erdoğan Erdogan ERDOĞAN erdoğan's (Erdoğan) «Erdoğan» Erdoğan-led Lavrov/Peskov",
    "running runs ran runner's RUNNING-mate re-run, reruns... run.run run_run",
    "",
    # Non-ASCII tokens with ASCII forms (café, the Kelvin sign's "k"), a dotted İ that lower-cases
    # to two characters, long s, irregular stems, mixed case, words at both edges, a lone surrogate.
    "happy Happiness HAPPY unhappy x.happy happy.x a..happy Café café_x \u212aelvin kelvin",
    "İstanbul istanbul ſaid said straße strasse McDonald's MCDONALD mcdonald \ud800happy",
    "possibility possibly sensibility izlybiliti izlyble fluency fluent agreed agree hoping hope",
    "happy",
]


def _forms_of(text: str) -> list[str]:
    words = highlight._FORMS.pattern.findall(text)
    return [f for f in (highlight._FORMS.form(w) for w in words) if f is not None]


def test_fast_path_is_taken():
    # Loud: if the analyzer's word pattern or stemmer changes, match_spans silently falls back to a
    # slower scan.
    assert highlight._FIND_BY_TEXT
    assert highlight._FORMS.knows_prefixes
    assert highlight._prefixes(frozenset({"idlib", "erdoğan"})) == (b"idlib",)
    assert highlight._prefixes(frozenset({"idlib", "war", "eu"})) == (b"eu", b"idlib", b"war")  # short stems
    assert highlight._prefixes(frozenset({"idlib", "ai"})) is None  # "a" ("ay" -> "ai") starts too many words


def _fuzz_text(rng: random.Random) -> str:
    """Words, suffixes and separators chosen to trip token edges, case and non-ASCII letters."""
    pieces = ["happ", "y", "i", "ness", "ily", "sens", "ibility", "biliti", "run", "ning", "s", "ed", "ing",
              "ation", "al", "Idlib", "IDLIB", "caf", "é", "É", "\u212a", "ſ", "İ", "ß", "ğ", "3", "_", "x",
              "ational", "ize", "er", "Y", "ye", "e"]
    glue = [" ", " ", " ", ".", "..", "-", "'", "\u2019", "\u201c", "\u2014", ", ", "\n", "\xa0", "", "/"]
    return "".join(rng.choice(pieces) + (rng.choice(glue) if rng.random() < 0.6 else "")
                   for _ in range(rng.randint(0, 40)))


@pytest.mark.parametrize("few", [highlight.FEW_NON_ASCII, 0])  # letters found one by one, or by runs
def test_fuzzed_texts_spans_equal_reference(monkeypatch, few):
    monkeypatch.setattr(highlight, "FEW_NON_ASCII", few)
    rng = random.Random(11)
    checked = matched = by_prefix = 0
    for _ in range(3000):
        text = _fuzz_text(rng)
        forms = sorted(set(_forms_of(text)))
        for size in (1, 2):
            words = set(rng.sample(forms, min(size, len(forms)))) | {"idlib"}
            spans = match_spans(text, words)
            assert spans == reference_spans(text, words), (text, words)
            checked += 1
            matched += bool(spans)
            by_prefix += highlight._prefixes(frozenset(words)) is not None
    assert (checked, matched, by_prefix) == (6000, 5772, 5540)


def test_short_words_take_the_chunk_path_with_the_same_spans():
    text = "The AI, a aid; Ai AI.time preai AIs ai"
    assert highlight._prefixes(frozenset({"ai"})) is None
    expected = [(4, 6), (15, 17), (32, 35), (36, 38)]  # "AI", "Ai", "AIs", "ai"
    assert match_spans(text, {"ai"}) == reference_spans(text, {"ai"}) == expected


def test_three_letter_stems_are_found_by_prefix_with_the_same_spans():
    text = "The war, a warning; WAR war.time prewar wars war"
    assert highlight._prefixes(frozenset({"war"})) == (b"war",)
    expected = [(4, 7), (20, 23), (40, 44), (45, 48)]  # "war", "WAR", "wars", "war"
    assert match_spans(text, {"war"}) == reference_spans(text, {"war"}) == expected


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_texts_every_term(text):
    for form in set(_forms_of(text)):
        assert match_spans(text, {form}) == reference_spans(text, {form}), form
    forms = set(_forms_of(text))
    assert match_spans(text, forms) == reference_spans(text, forms)
    assert match_spans(text, {"absent"}) == reference_spans(text, {"absent"}) == []


def test_generated_archive_spans_and_snippets_equal_reference(monkeypatch):
    rng = random.Random(5)
    checked = matched = 0
    for record in records(150, seed=21):
        for text in (record["title"], record["body"]):
            forms = _forms_of(text)
            for size in (1, 2, 3):
                words = set(rng.sample(forms, min(size, len(forms)))) | {"quantum"}
                fast = match_spans(text, words)
                assert fast == reference_spans(text, words)
                checked += 1
                matched += bool(fast)
    assert (checked, matched) == (900, 900)  # every sample holds words of its own text
    # Whole snippets: the same bytes with the reference scan patched in.
    texts = [r["body"] for r in records(40, seed=22)]
    queries = [set(rng.sample(_forms_of(t), 2)) for t in texts]
    fast = [snippet(t, q) for t, q in zip(texts, queries, strict=True)]
    monkeypatch.setattr(highlight, "match_spans", reference_spans)
    assert fast == [snippet(t, q) for t, q in zip(texts, queries, strict=True)]
    assert all("<mark>" in s for s in fast)


def test_tokens_inside_longer_tokens_are_not_matched():
    # "war" occurs inside "warning" and "war.time" but is a token only once.
    text = "warning war.time war, prewar"
    assert match_spans(text, {"war"}) == [(17, 20)] == reference_spans(text, {"war"})


def test_a_text_in_another_script_equal_reference():
    text = ("Лавров заявил, что переговоры в Сочи продолжатся; Lavrov said the café talks would go on. "
            "\u212aelvin Erdoğan'ın Idlib-based ſaid. ") * 12
    assert len(text.encode()) - len(text) > highlight.FEW_NON_ASCII  # the regex branch
    forms = set(_forms_of(text))
    for word in sorted(forms):
        assert match_spans(text, {word}) == reference_spans(text, {word}), word
    assert len(match_spans(text, {"cafe", "kelvin", "лавров"})) == 36

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
]


def _forms_of(text: str) -> list[str]:
    words = highlight._FORMS.pattern.findall(text)
    return [f for f in (highlight._FORMS.form(w) for w in words) if f is not None]


def test_fast_path_is_taken():
    # Loud: if the analyzer's word pattern changes, match_spans silently falls back to the slow scan.
    assert highlight._FIND_BY_TEXT


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

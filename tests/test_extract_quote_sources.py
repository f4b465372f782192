"""Issue 12, ninth round: rules that find the Source of a quote (speaker side), each on a small
hand-written text with the exact quote text and speaker asserted."""

from __future__ import annotations

from index.extract.quotes import extract_speakers


def _quotes(body: str, title: str = "") -> dict[str, list[str]]:
    return {s.name: [q.text for q in s.quotes] for s in extract_speakers(body, title)}


def test_quotation_closed_by_replied_is_not_the_previous_speakers_follow_on():
    body = '"Biden is very good," Nides wrote.\n\n"So far so good," Clinton replied.'
    assert _quotes(body) == {"Nides": ["Biden is very good"], "Clinton": ["So far so good"]}


def test_quotation_closed_by_responded_is_not_the_previous_speakers_follow_on():
    body = '"You will have to ask a bear," Maddow said.\n\n"Yes, ask a bear," Clinton responded.'
    assert _quotes(body) == {"Maddow": ["You will have to ask a bear"], "Clinton": ["Yes, ask a bear"]}


def test_noun_like_cue_after_a_quotation_and_a_name_is_a_verb():
    body = 'Richard Viguerie spoke. "Trump does not unite the party," Viguerie notes.'
    assert _quotes(body) == {"Richard Viguerie": ["Trump does not unite the party"]}


def test_noun_like_cue_after_a_clause_and_a_name_is_a_verb():
    body = "Sean O'Keefe spoke. Bush cannot expect to advance in Texas without Cruz, O'Keefe notes."
    assert _quotes(body) == {"Sean O'Keefe": ["Bush cannot expect to advance in Texas without Cruz"]}


def test_noun_like_word_after_a_name_in_mid_clause_stays_a_noun():
    body = "The senator read the Viguerie notes. He left."
    assert "Viguerie" not in _quotes(body)

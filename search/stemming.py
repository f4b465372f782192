"""Whoosh's Porter stemmer (``whoosh.lang.porter.stem``), the same function made cheaper.

Indexing stems every word new to a worker process (dozens an article in its first hundreds, fewer
later), and Whoosh's stemmer runs about ten regular-expression matches a word, such as
``^(.+?)(ational|tional|...)$`` whose lazy prefix retries the alternatives at every position:
those matches were a sixth of ``SegmentBuilder.add`` in instruction counts on a process's second
segment.  Such a match is the *longest* listed suffix the word ends with that leaves at least one
character (the lazy prefix stops at the shortest stem), so here the candidates are looked up by
the word's last two characters, longest first, and other suffix tests compare slices; the rules,
measures and quirks are Whoosh's (e.g. its ``_at_bl_iz.match`` is anchored at the start, so it
only fires for the words "at", "bl" and "iz").  A word holding a line break goes to Whoosh's own
function (``$`` matches before a final newline, which plain suffix tests would not reproduce).
About 0.56x Whoosh's instructions per word; tests compare both functions on many words.
"""

from __future__ import annotations

import re

from whoosh.lang.porter import stem as whoosh_stem

_CONS_SEQ = "[^aeiouy]+"
_VOWEL_SEQ = "[aeiou]+"
# Whoosh's measure patterns, as it writes them.
_MGR0 = re.compile("^(" + _CONS_SEQ + ")?" + _VOWEL_SEQ + _CONS_SEQ).match  # m > 0
_MEQ1 = re.compile("^(" + _CONS_SEQ + ")?" + _VOWEL_SEQ + _CONS_SEQ + "(" + _VOWEL_SEQ + ")?$").match
_MGR1 = re.compile("^(" + _CONS_SEQ + ")?" + _VOWEL_SEQ + _CONS_SEQ + _VOWEL_SEQ + _CONS_SEQ).match  # m > 1
_S_V = re.compile("^(" + _CONS_SEQ + ")?[aeiouy]").match  # a vowel in the stem
_C_V = re.compile("^" + _CONS_SEQ + "[aeiouy][^aeiouwxy]$").match
_AT_BL_IZ = re.compile("(at|bl|iz)$").match
_STEP1B = re.compile("([^aeiouylsz])\\1$").match

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP4 = frozenset(("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou",
                    "ism", "ate", "iti", "ous", "ive", "ize"))


def _by_ending(suffixes) -> dict[str, tuple[str, ...]]:
    """The suffixes by their last two characters, longest first (no suffix is shorter than two)."""
    found: dict[str, list[str]] = {}
    for suffix in sorted(suffixes, key=len, reverse=True):
        found.setdefault(suffix[-2:], []).append(suffix)
    return {ending: tuple(group) for ending, group in found.items()}


_STEP2_ENDINGS, _STEP3_ENDINGS, _STEP4_ENDINGS = _by_ending(_STEP2), _by_ending(_STEP3), _by_ending(_STEP4)


def _suffix(word: str, endings: dict[str, tuple[str, ...]]) -> str | None:
    """The longest suffix of ``endings`` that ``word`` ends with, leaving at least one character:
    what ``^(.+?)(s1|s2|...)$`` matches as its second group.  Most words end in two characters no
    suffix ends in: one slice and one dict lookup."""
    candidates = endings.get(word[-2:])
    if candidates is not None:
        size = len(word)
        for suffix in candidates:
            if size > len(suffix) and word.endswith(suffix):
                return suffix
    return None


def stem(w: str) -> str:
    """``whoosh.lang.porter.stem(w)``, the same result for every string."""
    if len(w) < 3:
        return w
    if "\n" in w:
        return whoosh_stem(w)
    first_is_y = w[0] == "y"
    if first_is_y:
        w = "Y" + w[1:]
    # Suffix tests compare slices: a str.endswith call parses its arguments, and was a tenth of
    # the cost.  Step 1a
    if w[-1] == "s":
        if w[-4:] == "sses" or w[-3:] == "ies":
            w = w[:-2]
        elif w[-2] != "s":
            w = w[:-1]
    # Step 1b
    tail = w[-3:]
    if tail == "eed":
        if _MGR0(w[:-3]):
            w = w[:-1]
    else:
        # ^(.*)(ed|ing)$: the greedy prefix leaves the suffix that ends the word
        stem_ = w[:-2] if tail[-2:] == "ed" else w[:-3] if tail == "ing" else None
        if stem_ is not None and _S_V(stem_):
            w = stem_
            if _AT_BL_IZ(w):
                w += "e"
            elif _STEP1B(w):
                w = w[:-1]
            elif _C_V(w):
                w += "e"
    # Step 1c
    if w[-1:] == "y":
        stem_ = w[:-1]
        if _S_V(stem_):
            w = stem_ + "i"
    # Step 2
    suffix = _suffix(w, _STEP2_ENDINGS)
    if suffix is not None:
        stem_ = w[:-len(suffix)]
        if _MGR0(stem_):
            w = stem_ + _STEP2[suffix]
    # Step 3
    suffix = _suffix(w, _STEP3_ENDINGS)
    if suffix is not None:
        stem_ = w[:-len(suffix)]
        if _MGR0(stem_):
            w = stem_ + _STEP3[suffix]
    # Step 4
    suffix = _suffix(w, _STEP4_ENDINGS)
    if suffix is not None:
        stem_ = w[:-len(suffix)]
        if _MGR1(stem_):
            w = stem_
    elif len(w) > 4 and w[-3:] == "ion" and w[-4] in "st":  # ^(.+?)(s|t)(ion)$
        stem_ = w[:-3]
        if _MGR1(stem_):
            w = stem_
    # Step 5
    if len(w) > 1 and w[-1] == "e":  # ^(.+?)e$
        stem_ = w[:-1]
        if _MGR1(stem_) or (_MEQ1(stem_) and not _C_V(stem_)):
            w = stem_
    if w[-2:] == "ll" and _MGR1(w):
        w = w[:-1]
    if first_is_y:
        w = "y" + w[1:]
    return w

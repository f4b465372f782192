"""search.stemming.stem is Whoosh's Porter stemmer: the same stem for every word."""

from __future__ import annotations

import itertools
import random
import re

from whoosh.lang.porter import stem as whoosh_stem

from search import stemming
from search.analysis import Forms, text_analyzer

SUFFIXES = sorted({*stemming._STEP2, *stemming._STEP3, *stemming._STEP4, "sion", "tion", "ion", "e", "ed",
                   "ing", "eed", "s", "sses", "ies", "ss", "y", "ly", "ll", "at", "bl", "iz", "ement",
                   "ational", "ization", "fulness", "biliti", "ously"})
STEMS = ["", "a", "b", "y", "t", "ra", "tr", "yo", "ba", "bat", "cr", "hop", "fil", "feed", "agr", "relat",
         "condit", "gener", "rat", "xy", "yy", "aa", "sky", "Y", "ee", "oo", "i", "o", "u", "é", "straß"]


def _words() -> list[str]:
    words = {stem + suffix for stem in STEMS for suffix in SUFFIXES}
    words |= {stem + a + b for stem in STEMS[:12] for a, b in itertools.product(SUFFIXES, repeat=2)}
    rng = random.Random(15)
    letters = "aeiouyyssttlnrbcdgiez"
    for _ in range(60_000):
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(0, 12))))
    for _ in range(3_000):
        word = "".join(rng.choice(letters + "\nAÉ1._ ") for _ in range(rng.randint(0, 10)))
        words.add(word)
        words.add(word + "\n")  # Whoosh's "$" matches before a final line break
    return sorted(words)


def test_the_fast_stemmer_is_whooshs_on_generated_words():
    words = _words()
    assert len(words) > 70_000
    different = [w for w in words if stemming.stem(w) != whoosh_stem(w)]
    assert different == []


def test_the_fast_stemmer_is_whooshs_on_english_words():
    text = """Relational conditional rationalization generalization sensitiveness hopefulness
    callousness formaliti sensibiliti analogi triplicate formative formalize electriciti electrical
    hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible
    irritant replacement adjustment dependent adoption homologou communism activate angulariti
    homologous effective bowdlerize probate rate cease controll roll caresses ponies ties caress
    cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling
    hissing fizzed failing filing happy sky yes yesterday yelling eed ed ing at bl iz tion sion"""
    words = text.split()
    assert [stemming.stem(w.lower()) for w in words] == [whoosh_stem(w.lower()) for w in words]
    # Whoosh's quirks are kept: its step 1b double-consonant rule is anchored at the start.
    assert stemming.stem("relational") == "relat" and stemming.stem("hopping") == "hopp"


def test_the_analyser_stems_with_the_fast_stemmer():
    """Fails if Forms stops using it for Whoosh's Porter stemmer."""
    forms = Forms(text_analyzer())
    assert forms._stem is stemming.stem
    assert forms.knows_prefixes


def test_the_fast_stemmer_is_whooshs_on_a_news_corpus(corpora):
    """Every distinct word of the BBC News corpus (2,225 articles), as written and lower-cased."""
    words: set[str] = set()
    for path in sorted((corpora / "bbc" / "bbc").glob("*/*.txt")):
        for word in re.findall(r"\w+", path.read_text(encoding="latin-1")):
            words.update((word, word.lower()))
    assert len(words) > 30_000
    different = [w for w in sorted(words) if stemming.stem(w) != whoosh_stem(w)]
    assert different == []

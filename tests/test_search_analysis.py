"""The fast analysis path must index exactly what Whoosh's analyzer chain indexes."""

import pickle

import pytest
from whoosh import fields

from search.analysis import FAST_WORD_PATTERN, FastText, Forms, split_words, text_analyzer

TEXTS = [
    "",
    "The the a of",  # only stop words
    "The Kremlin said on Monday that the talks were constructive.",
    "a b Lavrov said",  # dropped short tokens before the first kept word
    "Erdoğan met Erdogan; ERDOGAN met erdoğan.",
    "U.S. officials, 3.5 per cent, e-mail and U.K.-based groups",
    "İstanbul ÆØÅ straße Çavuşoğlu Hmeimim 2018 covid-19 don't",
    "running runs ran, runner! “Quoted” — dashes – and ‘single’ quotes",
    "word " * 50 + "the end",
]


def _reference(field_boost: float = 1.0) -> fields.TEXT:
    return fields.TEXT(analyzer=text_analyzer(), field_boost=field_boost)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("boost", [1.0, 2.0])
def test_fast_text_indexes_what_text_indexes(text, boost):
    fast = FastText(analyzer=text_analyzer(), field_boost=boost)
    assert sorted(fast.index(text)) == sorted(_reference(boost).index(text))


def test_forms_positions_skip_stop_words_like_the_stop_filter():
    forms = Forms(text_analyzer())
    assert forms.positions("a b Lavrov said the war") == {"lavrov": [2], "said": [3], "war": [4]}
    assert forms.form("The") is None
    assert forms.form("Erdoğan") == "erdogan"


def test_forms_spans_mark_every_spelling():
    forms = Forms(text_analyzer())
    text = "Erdoğan and Erdogan were runs"
    assert forms.spans(text, {"erdogan", "run"}) == [(0, 7), (12, 19), (25, 29)]


def test_forms_refuses_other_analyzers():
    with pytest.raises(ValueError):
        Forms(fields.ID().analyzer)


def test_fast_text_pickles_without_its_cache():
    field = FastText(analyzer=text_analyzer())
    list(field.index("warm the cache"))
    clone = pickle.loads(pickle.dumps(field))
    assert "_forms" not in clone.__dict__
    assert sorted(clone.index("warm the cache")) == sorted(_reference().index("warm the cache"))


def test_fast_text_encodes_a_single_position_once(monkeypatch):
    field, reference = FastText(analyzer=text_analyzer()), _reference()
    text = "Lavrov met Cavusoglu in Sochi; Lavrov said talks went well"
    expected = sorted(reference.index(text))
    calls = []
    encode = field.format.encode
    monkeypatch.setattr(field.format, "encode", lambda poses: calls.append(list(poses)) or encode(poses))
    assert sorted(field.index(text)) == expected
    assert len(calls) == 8  # 7 terms once (each position encoded) and "lavrov" twice
    calls.clear()
    assert sorted(field.index(text)) == expected
    assert calls == [[0, 4]]  # "in" takes no position; the single positions came from the cache


def test_fast_text_values_are_new_objects_each_time():
    # Whoosh's block writer pickles a term's values together: a shared object would be written as
    # a back-reference, and the postings file would differ from Whoosh's own.
    field = FastText(analyzer=text_analyzer())
    first, second = list(field.index("alpha beta")), list(field.index("alpha beta"))
    assert first == second == sorted(_reference().index("alpha beta"))
    assert all(a[3] is not b[3] for a, b in zip(first, second, strict=True))

def test_fast_text_single_position_cache_is_bounded(monkeypatch):
    import search.analysis as analysis

    monkeypatch.setattr(analysis, "SINGLE_POSITIONS_LIMIT", 3)
    field = FastText(analyzer=text_analyzer())
    text = " ".join(f"word{n}" for n in range(20)) + " word1"
    assert sorted(field.index(text)) == sorted(_reference().index(text))
    assert sorted(field._singles) == [0, 2, 3]  # the first three single positions seen
    assert sorted(field.index(text)) == sorted(_reference().index(text))


def test_forms_cut_words_with_the_fast_pattern_and_the_same_tokens():
    forms = Forms(text_analyzer())
    assert forms._findall.__self__.pattern == FAST_WORD_PATTERN  # the fast path is taken
    whoosh_pattern = text_analyzer().items[0].expression
    edge = "a.b. c..d e.f.g. U.S.-based 3.5.6 _x_. . .x x. é.ü ١٢.٣ a_b.c_d ..."
    for text in [*TEXTS, edge, edge.replace("é.ü ١٢.٣", "\u201c.\u2019s\u201d")]:
        assert forms._words(text) == whoosh_pattern.findall(text)


@pytest.mark.corpora
def test_fast_text_matches_text_on_real_articles(corpora):
    fast, reference = FastText(analyzer=text_analyzer()), _reference()
    paths = sorted((corpora / "bbc").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    assert len(texts) > 2000
    for text in texts[::10]:
        assert sorted(fast.index(text)) == sorted(reference.index(text))


# -- ascii_prefix: what every ASCII token analysed to a term starts with -------------------------
_SUFFIXES = ["ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization",
             "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi",
             "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic",
             "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
             "sion", "tion", "e", "ll", "s", "sses", "ies", "eed", "ed", "ing", "y", "at", "bl", "iz", "ly"]


def _suffix_chains(count: int, seed: int) -> list[str]:
    """Words built from Porter's own suffixes, chained (every rule, and rules after rules)."""
    import random

    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = []
    for _ in range(count):
        base = "".join(rng.choice(letters if rng.random() < 0.5 else "aeiouyblstzr")
                       for _ in range(rng.randint(0, 6)))
        word = base + "".join(rng.choice(_SUFFIXES) for _ in range(rng.randint(0, 3)))
        words.append(("y" + word if rng.random() < 0.1 else word).upper() if rng.random() < 0.1 else word)
    return words


def test_ascii_prefix_starts_every_ascii_token_of_its_term():
    from archive_gen import records

    forms = Forms(text_analyzer())
    assert forms.knows_prefixes
    words = _suffix_chains(60_000, seed=4)
    for record in records(200, seed=9):
        words += forms.pattern.findall(record["title"] + " " + record["body"])
    checked = tail_of_one = tail_of_two = 0
    for word in words:
        term = forms.form(word)
        if term is None or not word.isascii():
            continue
        prefix = forms.ascii_prefix(term)
        assert prefix is not None and word.lower().startswith(prefix), (word, term)
        checked += 1
        if not word.lower().startswith(term):
            assert term[-1] in "iel", (word, term)  # the only characters a rule adds
            tail_of_one += 1
        if not word.lower().startswith(term[:-1]):
            tail_of_two += 1
            assert term.endswith("ble"), (word, term)  # the one rule with two new characters
    assert checked > 60_000
    assert tail_of_one > tail_of_two > 0  # "-biliti" becomes "-ble": a one-character tail would miss these


def test_ascii_prefix_of_terms_no_ascii_token_has():
    forms = Forms(text_analyzer())
    assert forms.ascii_prefix("happi") == "happ"  # "happy": the i is new
    assert forms.ascii_prefix("war") == "war"  # every character is the word's own
    assert forms.ascii_prefix("possible") == "possib"  # "possibility" -> "possible"
    assert forms.ascii_prefix("possibl") == "possib"  # "possibility" -> "possibl" (the e cut)
    assert forms.ascii_prefix("eu") == "eu"
    assert forms.ascii_prefix("hope") == "hop"  # "hoping" -> "hope"
    assert forms.ascii_prefix("erdoğan") is None  # only a token with a non-ASCII letter
    assert forms.ascii_prefix("Upper") is None  # forms of ASCII tokens are lower-case


NAME_TEXTS = ["", "Sergey Lavrov", "O'Brien-Smith, ’’ -- Erdoğan and ERDOGAN", "Lavrov's aides' -- 's",
              "Hmeimim Khmeimim al-Nusra an-Nusra", "' '' ’ -", "İstanbul ÆØÅ straße"]


@pytest.mark.parametrize("text", NAME_TEXTS)
def test_fold_forms_give_the_terms_and_positions_of_the_name_analyzer(text):
    from whoosh import formats

    from search.analysis import index_forms
    from search.schema import build_schema

    field = build_schema()["speaker"]
    forms = index_forms(field)
    assert forms is not None and not forms.renumber
    found = {}
    for pos, word in enumerate(forms.words(text)):
        form = forms.form(word)
        if form is not None:
            found.setdefault(form.encode("utf-8"), []).append(pos)
    encode = formats.Positions().encode
    expected = sorted(field.index(text))
    ours = sorted((term, len(poses), float(len(poses)), encode(poses)) for term, poses in found.items())
    assert ours == expected


def test_index_forms_only_for_analyzers_of_known_shape():
    from whoosh.analysis import StandardAnalyzer

    from search.analysis import FoldForms, index_forms
    from search.schema import build_schema

    schema = build_schema()
    assert isinstance(index_forms(schema["body"]), Forms) and index_forms(schema["body"]).renumber
    assert isinstance(index_forms(schema["person"]), FoldForms)
    assert index_forms(schema["id"]) is None and index_forms(schema["date"]) is None
    assert index_forms(fields.TEXT(analyzer=StandardAnalyzer())) is None
    assert index_forms(fields.TEXT(analyzer=text_analyzer(), vector=True)) is None
    with pytest.raises(ValueError):
        FoldForms(StandardAnalyzer())


def test_split_words_cuts_the_tokens_findall_cuts():
    """On texts of every ASCII character, dots in runs and at the ends, the punctuation it turns
    into spaces and non-ASCII letters (which it leaves to findall)."""
    import random
    import re

    findall = re.compile(FAST_WORD_PATTERN).findall
    marks = "\u2019\u201c\u201d\u2014\u2013\u2018\u2026"
    alphabet = [*map(chr, range(128)), *"...__..", *marks, "é", "ğ",
                "\u00a0", "U.S.", "3.5", "a..b"]
    rng = random.Random(15)
    taken = 0
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        words = split_words(text)
        if words is not None:
            taken += 1
            assert words == findall(text), text
        else:
            assert not text.translate(dict.fromkeys(map(ord, marks))).isascii()
    assert taken > 10_000
    assert split_words("U.S. talks .5 a..b c.d. \u201cQuote\u201d \u2014 it\u2019s") == [
        "U.S", "talks", "5", "a", "b", "c.d", "Quote", "it", "s"]
    assert split_words("école") is None


def test_forms_cut_texts_with_split_words_when_they_can():
    """Fails loudly if the fast tokenising path stops being taken."""
    forms = Forms(text_analyzer())
    assert forms.words("Lavrov\u2019s talks, U.S.") == ["Lavrov", "s", "talks", "U.S"]
    assert forms.words("Erdoğan met Erdogan") == ["Erdoğan", "met", "Erdogan"]  # findall's
    assert forms.split == 1


def test_forms_stem_the_case_variants_of_an_ascii_word_once():
    forms = Forms(text_analyzer())
    stem, stemmed = forms._stem, []
    forms._stem = lambda word: stemmed.append(word) or stem(word)
    assert [forms.form(w) for w in ["talks", "Talks", "TALKS", "The", "the"]] == ["talk"] * 3 + [None] * 2
    assert [forms.form(w) for w in ["Erdoğan", "erdoğan"]] == ["erdogan"] * 2  # not ASCII: analysed apart
    assert stemmed == ["talks", "erdoğan", "erdoğan"]
    assert forms.form("Kept") == forms.form("kept") == "kept" and stemmed[-1:] == ["kept"]  # stored for both

"""Score speaker extraction against PolNeAR gold attributions (issue 3 metric).

For each article ``text/<name>.txt`` the gold set is the union, over every annotator's
``attributions/<name>_<annotator>.ann``, of the *keys* of Source spans that carry a proper name.
A span's key: cut it at the first comma, semicolon, parenthesis, dash or linking word
(of/at/from/who/which/in/for/on/with/and), then take the last capitalised token that is a name
(not a pronoun, determiner, title or weekday) and that also occurs capitalised mid-sentence in the
article; the key is that token accent- and case-folded with any possessive removed.  The predicted
set is the same key of each ``speakers[].name`` returned by ``extract_speakers``.  Micro
precision / recall / F1 are computed over (article, key) pairs.

Run: ``python -m scripts.eval.polnear [SPLIT_DIR]`` (default ``../shared/corpora/polnear/data/dev``).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPLIT = REPO_ROOT.parent / "shared" / "corpora" / "polnear" / "data" / "dev"

# Where a Source span is cut: punctuation that opens an apposition or aside, and linking words
# after which the span no longer names the speaker ("the mayor of Charlotte", "X, who ...").
_CUT = re.compile(
    r"[,;()\[\]]|\s[-\u2010-\u2015]+\s|[\u2013\u2014\u2015]|--"
    r"|\s(?:of|at|from|who|which|in|for|on|with|and)\s",
    re.IGNORECASE,
)
_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w.]+$|(?<=\w)\.$")
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$", re.IGNORECASE)
# A token ending a sentence: . ! ? or : possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?:]['\"\u201d\u2019)\]]*$")
# Opening quotes or brackets that may precede a sentence-initial word.
_OPENERS = re.compile(r"^['\"\u201c\u2018(\[]+")


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


PRONOUNS = _words(
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs "
    "who whom whose which that this these those one someone somebody everyone everybody anyone nobody "
    "himself herself themselves itself"
)
DETERMINERS = _words(
    "the a an this that these those some many several other another each every all both no any few "
    "most more such"
)
TITLES = _words(
    "mr mrs ms miss dr prof sir dame lord lady rev reverend sen senator rep representative gov governor "
    "president vice secretary minister prime chancellor premier mayor judge justice gen general adm "
    "admiral col colonel lt lieutenant maj major capt captain sgt sergeant cpl officer det detective "
    "chief chairman chairwoman chair speaker leader director commissioner ambassador attorney king queen "
    "prince princess pope father sister brother rabbi imam sheikh st saint jr sr spokesman spokeswoman "
    "spokesperson deputy assistant former acting candidate nominee"
)
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
NOT_NAMES = PRONOUNS | DETERMINERS | TITLES | WEEKDAYS


def fold(text: str) -> str:
    """Accent- and case-fold: ``Erdoğan`` -> ``erdogan``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _clean_token(token: str) -> str:
    """Strip surrounding punctuation and a possessive: ``“Clinton’s`` -> ``Clinton``."""
    token = _EDGE_PUNCT.sub("", token)
    return _POSSESSIVE.sub("", token)


def _is_abbreviation(token: str) -> bool:
    """``Mr.``, ``Sen.``, ``J.``, ``U.S.``: a final period that does not end the sentence."""
    stem = token.rstrip(".")
    return len(stem) == 1 or "." in stem or fold(stem) in TITLES


def _ends_sentence(token: str) -> bool:
    """Whether the token before a word closes a sentence (so the word's capital proves nothing)."""
    return bool(_SENTENCE_END.search(token)) and not _is_abbreviation(token)


def capitalised_midsentence(text: str) -> frozenset[str]:
    """Tokens that occur capitalised somewhere other than at a sentence start (headline excluded)."""
    found: set[str] = set()
    for line in text.split("\n")[1:]:
        previous = ""
        for raw in line.split():
            token = _clean_token(raw)
            if previous and token[:1].isupper() and not _ends_sentence(previous) and not _OPENERS.match(raw):
                found.add(token)
            previous = raw
    return frozenset(found)


def span_key(span: str, midsentence: frozenset[str]) -> str | None:
    """The issue-3 key of a Source span or speaker name, or None when it carries no proper name."""
    head = _CUT.split(f" {span} ", maxsplit=1)[0]
    for raw in reversed(head.split()):
        token = _clean_token(raw)
        if not token[:1].isupper():
            continue
        key = fold(token).rstrip(".")
        if len(key) < 2 or key in NOT_NAMES or token not in midsentence:
            continue
        return key
    return None


def _source_spans(ann: Path, text: str) -> Iterable[str]:
    """Source span texts of one brat .ann file (discontinuous ranges joined by a space)."""
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T") or not parts[1].startswith("Source "):
            continue
        ranges = parts[1].split(" ", 1)[1].split(";")
        pieces = []
        for rng in ranges:
            start, end = (int(x) for x in rng.split())
            pieces.append(text[start:end])
        yield " ".join(pieces)


def gold_keys(split_dir: Path, name: str, text: str) -> set[str]:
    """Union over annotators of the keys of one article's Source spans."""
    mid = capitalised_midsentence(text)
    keys: set[str] = set()
    for ann in sorted((split_dir / "attributions").glob(f"{name}_*.ann")):
        for span in _source_spans(ann, text):
            key = span_key(span, mid)
            if key:
                keys.add(key)
    return keys


def predicted_keys(text: str, extract: Callable) -> set[str]:
    """Keys of the speakers extracted from an article (headline = line 1, body = the rest)."""
    title, _, body = text.partition("\n")
    mid = capitalised_midsentence(text)
    keys = set()
    for speaker in extract(body, title):
        key = span_key(speaker.name, mid)
        if key:
            keys.add(key)
    return keys


@functools.cache
def _load_extractor() -> Callable:
    """``index.extract.quotes.extract_speakers``; loaded from its file if sibling modules are missing."""
    try:
        from index.extract.quotes import extract_speakers
    except ImportError:  # the package __init__ imports modules other engineers may not have written yet
        path = REPO_ROOT / "index" / "extract" / "quotes.py"
        spec = importlib.util.spec_from_file_location("_dateline_quotes", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        extract_speakers = module.extract_speakers
    return extract_speakers


def evaluate(split_dir: Path, extract: Callable | None = None, details: dict | None = None) -> dict:
    """Micro P/R/F1 of speaker keys over one PolNeAR split folder (with ``text/`` and ``attributions/``).

    ``extract`` defaults to ``extract_speakers``; ``details``, when given, receives per-article
    ``(gold, predicted)`` key sets for error analysis.
    """
    extract = extract or _load_extractor()
    split_dir = Path(split_dir)
    tp = fp = fn = articles = 0
    seconds = 0.0
    for path in sorted((split_dir / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = gold_keys(split_dir, path.stem, text)
        started = time.perf_counter()
        pred = predicted_keys(text, extract)
        seconds += time.perf_counter() - started
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        articles += 1
        if details is not None:
            details[path.stem] = (gold, pred)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "articles": articles,
        "seconds": seconds,
    }


def split_from_argv(argv: list[str] | None) -> Path | None:
    """The split folder named by the first argument (default: dev), or None (said why) if absent."""
    argv = sys.argv[1:] if argv is None else argv
    split = Path(argv[0]) if argv else DEFAULT_SPLIT
    if not (split / "text").is_dir():
        print(f"no PolNeAR split at {split} (expected text/ and attributions/)", file=sys.stderr)
        return None
    return split


def main(argv: list[str] | None = None) -> int:
    """Print P/R/F1 for the split folder given as the first argument (default: the dev split)."""
    split = split_from_argv(argv)
    if split is None:
        return 2
    r = evaluate(split)
    print(
        f"PolNeAR speakers {split.name}: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
        f"(tp={r['tp']} fp={r['fp']} fn={r['fn']}, {r['articles']} articles, {r['seconds']:.2f}s extraction)"
    )
    return 0


if __name__ == "__main__":
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    sys.exit(main())

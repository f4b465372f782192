"""Score entity extraction against CoNLL-2003 (issue 3 metric), document level.

Each document (split at ``-DOCSTART-``) is detokenised into a plain-text article: the first
sentence is the headline, every further sentence its own line.  The article goes through
``extract_entities`` + ``canonicalize`` (the indexer's own path, minus speakers).  Gold = the
distinct PER / ORG / LOC names of the document (MISC ignored).  A predicted name matches a gold
name of the same type when they are equal after folding, when one's tokens are a contiguous run of
the other's, or, for people, when their last tokens agree.  Each gold name matches once.  Counts
are micro-averaged over documents.

Run: ``python -m scripts.eval.conll [FILE]`` (default ``../shared/corpora/conll2003/valid.txt``).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FILE = REPO_ROOT.parent / "shared" / "corpora" / "conll2003" / "valid.txt"

TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}

# Detokenisation: no space before closing punctuation and clitics, none after openers.
_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "'S",
        "n't",
        "N'T",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "'",
        "...",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
_TOKEN_SPLIT = re.compile(r"\s+")


@dataclass
class Document:
    """One CoNLL document: sentences of tokens and the gold names per type."""

    sentences: list[list[str]] = field(default_factory=list)
    gold: set[tuple[str, str]] = field(default_factory=set)  # (type, name)


def read_documents(path: Path) -> Iterator[Document]:
    """Parse a CoNLL-2003 file (IOB1 or IOB2) into documents with gold entity sets."""
    doc: Document | None = None
    sentence: list[str] = []
    span: list[str] = []
    span_type = ""

    def close_span() -> None:
        nonlocal span, span_type
        if span and doc is not None and span_type in TYPES:
            doc.gold.add((TYPES[span_type], detokenize(span)))
        span, span_type = [], ""

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if line.startswith("-DOCSTART-"):
                close_span()
                if doc is not None:
                    if sentence:
                        doc.sentences.append(sentence)
                    yield doc
                doc, sentence = Document(), []
                continue
            if not line:
                close_span()
                if sentence and doc is not None:
                    doc.sentences.append(sentence)
                sentence = []
                continue
            parts = _TOKEN_SPLIT.split(line)
            token, tag = parts[0], parts[-1]
            sentence.append(token)
            if tag == "O":
                close_span()
                continue
            prefix, _, etype = tag.partition("-")
            if prefix == "B" or etype != span_type:
                close_span()
                span_type = etype
            span.append(token)
    close_span()
    if doc is not None:
        if sentence:
            doc.sentences.append(sentence)
        yield doc


def detokenize(tokens: list[str]) -> str:
    """Join pre-tokenised words into natural text ("U.S. 's" -> "U.S.'s", quotes hug their words)."""
    out: list[str] = []
    quote_open = False
    no_space_next = True
    for tok in tokens:
        if tok == '"':
            if quote_open:
                out.append('"')
                no_space_next = False
            else:
                out.append(("" if no_space_next else " ") + '"')
                no_space_next = True
            quote_open = not quote_open
            continue
        space = not no_space_next and tok not in _NO_SPACE_BEFORE
        out.append((" " if space else "") + tok)
        no_space_next = tok in _NO_SPACE_AFTER
    return "".join(out).strip()


def document_text(doc: Document) -> tuple[str, str]:
    """(headline, body) of a document: first sentence is the headline, one sentence per line."""
    sentences = [detokenize(s) for s in doc.sentences]
    if not sentences:
        return "", ""
    return sentences[0], "\n".join(sentences[1:])


def _fold_tokens(name: str) -> list[str]:
    from search.names import fold

    return re.findall(r"\w+", fold(name))


def _contiguous(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return n > 0 and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def names_match(etype: str, predicted: str, gold: str) -> bool:
    """The issue-3 match rule between one predicted and one gold name of the same type."""
    p, g = _fold_tokens(predicted), _fold_tokens(gold)
    if not p or not g:
        return False
    if p == g or _contiguous(p, g) or _contiguous(g, p):
        return True
    return etype == "person" and p[-1] == g[-1]


def score_document(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> dict[str, list[int]]:
    """Per-type [tp, fp, fn] for one document; each gold name is matched at most once."""
    counts = {t: [0, 0, 0] for t in TYPES.values()}
    # Sorted, never in set order: which of two candidates takes a gold name must not depend on the
    # hash seed (the scores moved by a match or two from run to run).
    unmatched = sorted(gold)
    # Exact matches first so that a looser rule cannot steal a gold name another prediction equals.
    ordered = sorted(
        predicted,
        key=lambda pg: (
            not any(_fold_tokens(pg[1]) == _fold_tokens(g[1]) and g[0] == pg[0] for g in gold),
            pg,
        ),
    )
    for etype, name in ordered:
        hit = next((g for g in unmatched if g[0] == etype and names_match(etype, name, g[1])), None)
        if hit is None:
            counts[etype][1] += 1
        else:
            counts[etype][0] += 1
            unmatched.remove(hit)
    for etype, _ in unmatched:
        counts[etype][2] += 1
    return counts


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def predict(title: str, body: str) -> set[tuple[str, str]]:
    """Entities the indexer would store for this article, as (type, name) pairs."""
    from index.extract.entities import extract_entities
    from index.extract.names import canonicalize
    from search.names import AliasTable

    entities = extract_entities(body, title)
    _, entities = canonicalize([], entities, AliasTable.default())
    return {(e.type, e.name) for e in entities if e.type in TYPES.values()}


def evaluate(path: Path = DEFAULT_FILE, details: list | None = None) -> dict:
    """Score ``path``; returns per-type and overall P/R/F1 plus documents and docs/s.

    ``details``, when a list, receives one record per document (gold, predicted, counts) for
    error analysis.
    """
    path = Path(path)
    docs = list(read_documents(path))
    totals = {t: [0, 0, 0] for t in TYPES.values()}
    texts = [document_text(d) for d in docs]
    predict("", "warm up the gazetteers")  # loading data files is not extraction time
    start = time.perf_counter()
    predictions = [predict(title, body) for title, body in texts]
    seconds = time.perf_counter() - start
    for doc, pred, text in zip(docs, predictions, texts, strict=True):
        counts = score_document(pred, doc.gold)
        for etype, (tp, fp, fn) in counts.items():
            totals[etype][0] += tp
            totals[etype][1] += fp
            totals[etype][2] += fn
        if details is not None:
            details.append(
                {"text": text, "gold": sorted(doc.gold), "predicted": sorted(pred), "counts": counts}
            )
    overall = [sum(v[i] for v in totals.values()) for i in range(3)]
    return {
        "file": str(path),
        "documents": len(docs),
        "seconds": round(seconds, 3),
        "docs_per_second": round(len(docs) / seconds, 1) if seconds else 0.0,
        "types": {etype: _prf(*v) for etype, v in totals.items()},
        "overall": _prf(*overall),
    }


def main(argv: list[str] | None = None) -> int:
    """CLI: print the scores of one CoNLL file as JSON."""
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else DEFAULT_FILE
    print(json.dumps(evaluate(path), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

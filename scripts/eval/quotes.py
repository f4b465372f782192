"""Score quotes one by one against PolNeAR gold attributions (issue 12 metric).

Gold per article: the first annotator's ``.ann`` (file names sorted).  Each event line (``E…``) with
a Content span and a Source span is one gold attribution; its speaker key is the issue-3 key of the
Source text (``scripts.eval.polnear.span_key``).  Attributions whose Source has no key (pronouns,
"officials") are *unnamed*.  Words are ``\\w+`` runs of the accent-folded, lower-cased text, counted
as multisets.

A predicted quote (each quote of each speaker that ``dateline extract`` prints) lies *inside* a gold
span when at least 60 % of its words are among the span's words.  It is

- **correct** when it lies inside a named gold span whose key is its speaker's key;
- **wrong speaker** when it lies inside named spans of other keys only;
- **unjudged** when it lies only inside unnamed spans;
- **spurious** when it lies inside none.

A named gold attribution is **found** when the correct predictions inside it cover at least half of
its words.  P = correct / (correct + wrong speaker + spurious); R = found / named gold attributions.

Run: ``python -m scripts.eval.quotes [SPLIT_DIR]`` or ``scripts/eval_extraction.py --task quotes``.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scripts.eval.polnear import DEFAULT_SPLIT, capitalised_midsentence, fold, span_key, split_from_argv

_WORD = re.compile(r"\w+")
INSIDE = 0.6  # share of a predicted quote's words that must lie in a gold span
FOUND = 0.5  # share of a gold span's words that correct predictions must cover
KINDS = ("correct", "wrong_speaker", "unjudged", "spurious")


def words(text: str) -> Counter:
    """The multiset of ``\\w+`` runs of the folded text."""
    return Counter(_WORD.findall(fold(text)))


@dataclass
class Gold:
    """One gold attribution: its Source text and key (None: unnamed), Content text and words."""

    source: str
    key: str | None
    content: str
    words: Counter = field(default_factory=Counter)


def _span_text(text: str, ranges: str) -> str:
    """Text of a brat span ``"106 118;53 93"`` (discontinuous ranges joined by a space)."""
    pieces = []
    for rng in ranges.split(";"):
        start, end = (int(x) for x in rng.split())
        pieces.append(text[start:end])
    return " ".join(pieces)


def gold_attributions(ann: Path, text: str) -> list[Gold]:
    """The attributions of one ``.ann`` file that have both a Content and a Source span."""
    spans: dict[str, tuple[str, str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = (label, _span_text(text, ranges))
        elif parts[0].startswith("E"):
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            events.append(roles)
    mid = capitalised_midsentence(text)
    out = []
    for roles in events:
        if "Content" not in roles or "Source" not in roles:
            continue
        if roles["Content"] not in spans or roles["Source"] not in spans:
            continue
        source = spans[roles["Source"]][1]
        content = spans[roles["Content"]][1]
        out.append(Gold(source, span_key(source, mid), content, words(content)))
    return out


def _inside(pred: Counter, total: int, gold: Counter) -> bool:
    return total > 0 and sum((pred & gold).values()) >= INSIDE * total


def judge(golds: list[Gold], quotes: list[tuple[str | None, str]]) -> tuple[list[str], list[bool]]:
    """(kind of each predicted ``(speaker key, text)`` quote, whether each gold attribution is found)."""
    kinds = []
    covered: list[Counter] = [Counter() for _ in golds]
    for key, text in quotes:
        pred = words(text)
        total = sum(pred.values())
        inside = [g for g, gold in enumerate(golds) if _inside(pred, total, gold.words)]
        same = [g for g in inside if golds[g].key is not None and golds[g].key == key]
        if same:
            kinds.append("correct")
            for g in same:
                covered[g] += pred
        elif any(golds[g].key is not None for g in inside):
            kinds.append("wrong_speaker")
        elif inside:
            kinds.append("unjudged")
        else:
            kinds.append("spurious")
    found = []
    for gold, cover in zip(golds, covered, strict=True):
        size = sum(gold.words.values())
        found.append(gold.key is not None and size > 0 and sum((cover & gold.words).values()) >= FOUND * size)
    return kinds, found


def _extract(path: Path):
    """What ``dateline extract`` does for one text file: read it as an article, then extract."""
    from index.extract import AliasTable, extract
    from index.readers.formats import parse_txt

    article = parse_txt(path.read_bytes(), id=path.name, path=str(path))
    return extract(article, AliasTable.default())


def evaluate(split_dir: Path = DEFAULT_SPLIT, show: int = 0) -> dict:
    """Counts, P/R/F1 and (``show`` > 0) the first ``show`` errors of each kind over one split folder."""
    split_dir = Path(split_dir)
    counts = Counter({k: 0 for k in KINDS})
    named = found_total = unnamed = articles = 0
    errors: dict[str, list[dict]] = {"wrong_speaker": [], "spurious": [], "missed": []}
    seconds = 0.0
    for path in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        golds = gold_attributions(anns[0], text)
        started = time.perf_counter()
        extracted = _extract(path)
        seconds += time.perf_counter() - started
        mid = capitalised_midsentence(text)
        quotes = [(span_key(s.name, mid), q.text, s.name) for s in extracted.speakers for q in s.quotes]
        kinds, found = judge(golds, [(k, t) for k, t, _ in quotes])
        counts.update(kinds)
        articles += 1
        named += sum(g.key is not None for g in golds)
        unnamed += sum(g.key is None for g in golds)
        found_total += sum(found)
        for (_key, quote_text, name), kind in zip(quotes, kinds, strict=True):
            if kind in errors and len(errors[kind]) < show:
                errors[kind].append({"article": path.stem, "speaker": name, "quote": quote_text})
        for gold, hit in zip(golds, found, strict=True):
            if gold.key is not None and not hit and len(errors["missed"]) < show:
                errors["missed"].append({"article": path.stem, "speaker": gold.source, "quote": gold.content})
    judged = counts["correct"] + counts["wrong_speaker"] + counts["spurious"]
    precision = counts["correct"] / judged if judged else 0.0
    recall = found_total / named if named else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        **dict(counts),
        "found": found_total,
        "named_gold": named,
        "unnamed_gold": unnamed,
        "missed": named - found_total,
        "articles": articles,
        "seconds": seconds,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the quote-level scores for the split folder given as the first argument (default: dev)."""
    split = split_from_argv(argv)
    if split is None:
        return 2
    r = evaluate(split)
    print(
        f"PolNeAR quotes {split.name}: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
        f"(correct={r['correct']} wrong_speaker={r['wrong_speaker']} spurious={r['spurious']} "
        f"unjudged={r['unjudged']} found={r['found']}/{r['named_gold']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

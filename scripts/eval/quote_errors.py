"""Where quote-level recall and precision are lost on a PolNeAR split (issue 12 error analysis).

Every named gold attribution that the quote metric (``scripts.eval.quotes``) does not count as
found gets one category:

- ``speaker``:   a predicted quote lies inside its content but with another (or no) speaker key;
- ``boundary``:  correct predictions lie inside it but cover less than half of its words, or a
                 predicted quote of the right speaker overlaps it without lying inside it;
- ``no_content``: an attribution was found at its cue but carried no quote;
- ``dropped``:   an attribution was found at its cue but filtered out afterwards (negation, place);
- ``source``:    its cue word is one the extractor reads, but no attribution was found there;
- ``cue``:       its cue word is not one the extractor reads (the lemma counts are listed).

Run: ``python -m scripts.eval.quote_errors [SPLIT_DIR] [--show CATEGORY N]`` from the repository root.
Reads the extractor's internals (``index.extract.quotes``) so it is a development tool only.
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from index.extract import quotes as Q
from scripts.eval.polnear import DEFAULT_SPLIT, capitalised_midsentence, span_key
from scripts.eval.quotes import FOUND, INSIDE, words

_RANGE = re.compile(r"(\d+) (\d+)")


def _spans(ann: Path) -> tuple[dict, list[dict]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            spans[parts[0]] = (label, [(int(a), int(b)) for a, b in _RANGE.findall(ranges)])
        elif parts[0].startswith("E"):
            events.append(dict(arg.partition(":")[::2] for arg in parts[1].split()))
    return spans, events


def _context(text: str, cue_ranges: list[tuple[int, int]]) -> str:
    return text[max(0, cue_ranges[0][0] - 150) : cue_ranges[0][1] + 30]


def _internals(body: str, title: str):
    """(all attributions, kept attributions, (attribution, quote) pairs) as extract_speakers builds
    them: its own steps and filters (``Q._attributions``, ``Q._stated``, ``Q._headline_quote``)."""
    every, atts, pairs, headline = Q._attributions(body, title)
    stated = Q._stated(atts, headline)
    pairs = [(a, q) for a, q in pairs if a.name in stated]
    for name, kind, cue, text in headline:
        quote = Q._headline_quote(name, cue, text)
        if quote is not None:
            pairs.append((Q._Attribution(name, kind, cue, -1, -1, -1, -1, -1, False), quote))
    return every, atts, pairs


def _boundary(quoted, gw: Counter, size: int) -> str:
    """boundary:long (the best same-speaker quote covers the span but spills out of it), :short
    (inside it but covering too little), :both."""
    best = None
    kind = ""
    for _a, q in quoted:
        pw = words(q.text)
        total = sum(pw.values()) or 1
        common = sum((pw & gw).values())
        score = (common / size, common / total)
        if best is None or score[0] > best[0]:
            best = score
            kind = q.kind
    if best is None:
        return "boundary:none"
    cover, inside = best
    if cover >= FOUND and inside < INSIDE:
        return "boundary:long:" + kind
    if inside >= INSIDE and cover < FOUND:
        return "boundary:short:" + kind
    return "boundary:both"


def analyse(split_dir: Path):
    cats: Counter = Counter()
    cue_lemmas: Counter = Counter()
    source_cues: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for path in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        shift = len(title) + 1
        mid = capitalised_midsentence(text)
        every, atts, pairs = _internals(body, title)
        quotes = [(span_key(a.name, mid), q) for a, q in pairs if q is not None]
        spans, events = _spans(anns[0])
        for ev in events:
            if not {"Content", "Source"} <= ev.keys() or not {ev["Content"], ev["Source"]} <= spans.keys():
                continue
            src = " ".join(text[a:b] for a, b in spans[ev["Source"]][1])
            key = span_key(src, mid)
            if key is None:
                continue
            content_ranges = spans[ev["Content"]][1]
            content = " ".join(text[a:b] for a, b in content_ranges)
            gw = words(content)
            size = sum(gw.values())
            cover: Counter = Counter()
            inside_other = False
            overlap_same = False
            # (a discontinuous span's pieces are not always listed in text order)
            g_start = min(a for a, _ in content_ranges) - shift
            g_end = max(b for _, b in content_ranges) - shift
            for k, q in quotes:
                if q.kind != "headline" and (q.end <= g_start or q.start >= g_end):
                    continue  # elsewhere in the article: shared words prove nothing
                pw = words(q.text)
                total = sum(pw.values())
                common = sum((pw & gw).values())
                if total and common >= INSIDE * total:
                    if k == key:
                        cover += pw
                    else:
                        inside_other = True
                elif k == key and common >= FOUND * size:
                    overlap_same = True
            if size and sum((cover & gw).values()) >= FOUND * size:
                cats["found"] += 1
                continue
            cue_ranges = spans[ev["Cue"]][1] if ev.get("Cue") in spans else []
            cue_text = " ".join(text[a:b] for a, b in cue_ranges)
            cue_lemma = cue_text.lower().strip()
            at_cue = [
                a
                for a in every
                if any(cs - shift - 2 <= a.cue_start < ce - shift + 2 for cs, ce in cue_ranges)
            ]
            kept = [a for a in at_cue if a in atts]
            quoted = [(a, q) for a, q in pairs if a in kept and q is not None]
            if quoted:
                keys = {span_key(a.name, mid) for a, _ in quoted}
                cat = _boundary(quoted, gw, size) if key in keys else "speaker"
            elif cover or overlap_same:
                cat = _boundary(
                    [
                        (None, q)
                        for k, q in quotes
                        if k == key and (q.kind == "headline" or (q.end > g_start and q.start < g_end))
                    ],
                    gw,
                    size,
                )
            elif inside_other:
                cat = "speaker"
            elif at_cue and not kept:
                cat = "dropped"
            elif kept:
                cat = "no_content"
            elif any(w in Q._TRIGGERS for w in cue_lemma.split()) or cue_lemma == "according to":
                cat = "source"
                source_cues[cue_lemma] += 1
            else:
                cat = "cue"
                cue_lemmas[cue_lemma] += 1
            cats[cat] += 1
            examples.setdefault(cat, []).append(
                f"{path.stem[:30]} | src={src!r} key={key} cue={cue_text!r}\n    content={content[:200]!r}\n"
                + (f"    context={_context(text, cue_ranges)!r}\n" if cue_ranges else "")
                + "".join(
                    f"    pred[{k}]: {q.text[:160]!r}\n"
                    for k, q in quotes
                    if sum((words(q.text) & gw).values()) >= 3
                )
            )
    return cats, cue_lemmas, source_cues, examples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("split", nargs="?", default=str(DEFAULT_SPLIT))
    parser.add_argument("--show", nargs=2, metavar=("CATEGORY", "N"))
    parser.add_argument("--cues", type=int, default=40)
    args = parser.parse_args()
    cats, cue_lemmas, source_cues, examples = analyse(Path(args.split))
    print(dict(cats.most_common()))
    print("missed cue words:", cue_lemmas.most_common(args.cues))
    print("known cue, no source:", source_cues.most_common(args.cues))
    if args.show:
        cat, n = args.show[0], int(args.show[1])
        items = examples.get(cat, [])
        random.Random(0).shuffle(items)
        for e in items[:n]:
            print(e)


if __name__ == "__main__":
    main()

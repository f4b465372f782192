#!/usr/bin/env python3
"""Score Dateline's extraction on the shared dev data and print P/R/F1 tables.

    .venv/bin/python scripts/eval_extraction.py                 # speakers + entities + speed
    .venv/bin/python scripts/eval_extraction.py --task entities --json
    .venv/bin/python scripts/eval_extraction.py --task speed --articles 500
    .venv/bin/python scripts/eval_extraction.py --task quotes --errors 10

Speakers: PolNeAR dev (``scripts/eval/polnear.py``).  Quotes: PolNeAR dev, quote by quote
(``scripts/eval/quotes.py``, issue 12; not part of ``all``).  Entities: CoNLL-2003 valid
(``scripts/eval/conll.py``).  Speed: CPU-time articles/s of the full ``extract`` over a fixed
selection of AllSides articles (``scripts/eval/speed.py``).  Metrics are defined in issues 3 and 12
and docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # make `scripts.eval` and the project importable from a checkout


def _table(rows: list[tuple[str, dict]], title: str) -> str:
    lines = [title, f"{'':14} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}"]
    for name, r in rows:
        scores = f"{r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}"
        lines.append(f"{name:14} {scores} {r['tp']:6d} {r['fp']:6d} {r['fn']:6d}")
    return "\n".join(lines)


def run_entities(shared: Path) -> dict:
    """CoNLL-2003 valid, document level."""
    conll = importlib.import_module("scripts.eval.conll")
    return conll.evaluate(shared / "corpora" / "conll2003" / "valid.txt")


def run_speakers(shared: Path, split: str = "dev") -> dict:
    """PolNeAR ``split`` (dev by default); the scorer is imported lazily (it lives in its own module)."""
    polnear = importlib.import_module("scripts.eval.polnear")
    return polnear.evaluate(shared / "corpora" / "polnear" / "data" / split)


def run_quotes(shared: Path, split: str, errors: int) -> dict:
    """PolNeAR quote-level scores (issue 12) and the first ``errors`` errors of each kind."""
    quotes = importlib.import_module("scripts.eval.quotes")
    return quotes.evaluate(shared / "corpora" / "polnear" / "data" / split, show=errors)


def _print_quotes(r: dict, split: str) -> None:
    print(f"Quotes, PolNeAR {split} ({r['articles']} articles, first annotator, issue 12 metric)")
    print(f"{'':14} {'P':>7} {'R':>7} {'F1':>7}")
    print(f"{'quotes':14} {r['precision']:7.3f} {r['recall']:7.3f} {r['f1']:7.3f}")
    print(
        f"predicted: correct {r['correct']}, wrong speaker {r['wrong_speaker']}, "
        f"spurious {r['spurious']}, unjudged {r['unjudged']}"
    )
    print(
        f"gold: named {r['named_gold']} (found {r['found']}, missed {r['missed']}), "
        f"unnamed {r['unnamed_gold']}"
    )
    for kind, items in r["errors"].items():
        if not items:
            continue
        print(f"\nfirst {len(items)} {kind.replace('_', ' ')}:")
        for e in items:
            quote = " ".join(e["quote"].split())
            print(f"  {e['article'][:40]:40}  [{e['speaker']}] {quote[:150]}")
    print()


def run_speed(shared: Path, articles: int) -> dict:
    """CPU-time articles/s of ``extract`` on the first ``articles`` AllSides articles."""
    speed = importlib.import_module("scripts.eval.speed")
    return speed.evaluate(shared / "corpora" / "allsides", articles)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the chosen scorers, print tables (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO_ROOT.parent / "shared",
        help="the shared folder holding corpora/ (default: ../shared next to the repo)",
    )
    parser.add_argument("--task", choices=("speakers", "quotes", "entities", "speed", "all"), default="all")
    parser.add_argument(
        "--articles", type=int, default=1000, help="AllSides articles timed by the speed task (default 1000)"
    )
    parser.add_argument(
        "--errors", type=int, default=10, help="errors of each kind listed by the quotes task (default 10)"
    )
    parser.add_argument(
        "--split",
        default="dev",
        help="PolNeAR split folder scored by the speakers and quotes tasks (default dev)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    args = parser.parse_args(argv)
    if not (args.shared / "corpora").is_dir():
        parser.error(f"no corpora/ under {args.shared} (use --shared DIR)")
    results: dict[str, dict] = {}
    if args.task in ("speakers", "all"):
        results["speakers"] = run_speakers(args.shared, args.split)
    if args.task == "quotes":
        results["quotes"] = run_quotes(args.shared, args.split, args.errors)
    if args.task in ("entities", "all"):
        results["entities"] = run_entities(args.shared)
    if args.task in ("speed", "all"):
        results["speed"] = run_speed(args.shared, args.articles)
    if args.json:
        print(json.dumps(results, indent=2, default=str))
        return 0
    if "speakers" in results:
        r = results["speakers"]
        rate = r["articles"] / r["seconds"] if r.get("seconds") else 0.0
        print(
            _table(
                [("speakers", r)],
                f"Speakers, PolNeAR {args.split} ({r['articles']} articles, {rate:.0f} articles/s)",
            )
        )
        print()
    if "quotes" in results:
        _print_quotes(results["quotes"], args.split)
    if "entities" in results:
        r = results["entities"]
        rows = [*r["types"].items(), ("overall", r["overall"])]
        print(
            _table(
                rows,
                f"Entities, CoNLL-2003 valid ({r['documents']} documents, {r['docs_per_second']:.0f} docs/s)",
            )
        )
        print()
    if "speed" in results:
        r = results["speed"]
        if "skipped" in r:
            print(f"Speed: skipped ({r['skipped']})")
        else:
            print(
                f"Speed, full extract on {r['articles']} AllSides articles "
                f"(mean {r['mean_chars']:.0f} chars): "
                f"{r['articles_per_second']:.0f} articles/s CPU time, {r['ms_per_article']:.2f} ms/article "
                f"(first pass in a fresh process, fastest of {len(r['runs'])} runs, one core); "
                f"second pass, caches warm: {r['warm_articles_per_second']:.0f} articles/s"
            )
            print(f"Extraction ran {r['implementation']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

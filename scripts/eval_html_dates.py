"""Score publication dates of HTML pages against pages with known dates, before and after htmldate's
extensive search.

Usage::

    .venv/bin/python scripts/eval_html_dates.py TRUTH.json PAGES_DIR [--limit N]

``TRUTH.json`` maps a page's URL to ``{"file": "<name>.html", "date": "YYYY-MM-DD"}``: the format of
htmldate's own evaluation sets (github.com/adbar/htmldate, ``tests/eval_mediacloud_2020.json`` with
``tests/test_set/``, and ``tests/eval_default.json`` with ``tests/eval/``).  Each page is read the
way ``dateline index`` reads a scraped ``.html`` file (no URL given from outside) and dated by the
whole pipeline (reader, then ``index.extract.dates.resolve_date``) twice: with dates from metadata
and markup only (``markup``, Dateline's behaviour before), and with htmldate's extensive search of
the text when markup has none (``extensive``, the default now).  A page counts as correct when the
day matches.  Prints coverage (dated / pages), precision (correct / dated) and accuracy
(correct / pages) per mode, and the seconds per page.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.article import Article  # noqa: E402
from index.extract.dates import resolve_date  # noqa: E402
from index.readers.formats import parse_html  # noqa: E402


def score(pages: list[tuple[Path, str]], extensive: bool) -> dict:
    correct = wrong = undated = 0
    started = time.perf_counter()
    for path, truth in pages:
        article = parse_html(path.read_bytes(), id=path.name, path=str(path), extensive_dates=extensive)
        found = resolve_date(article)[0] if isinstance(article, Article) else None
        if found is None:
            undated += 1
        elif found.isoformat() == truth:
            correct += 1
        else:
            wrong += 1
    seconds = time.perf_counter() - started
    total = len(pages)
    dated = correct + wrong
    return {
        "pages": total, "correct": correct, "wrong": wrong, "undated": undated,
        "coverage": round(dated / total, 3) if total else 0.0,
        "precision": round(correct / dated, 3) if dated else 0.0,
        "accuracy": round(correct / total, 3) if total else 0.0,
        "seconds_per_page": round(seconds / total, 4) if total else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("pages", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="Score only the first N pages.")
    args = parser.parse_args()
    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    pages = [(args.pages / item["file"], item["date"]) for item in truth.values()
             if (args.pages / item["file"]).is_file()]
    if args.limit:
        pages = pages[: args.limit]
    print(f"{len(pages)} of {len(truth)} pages found in {args.pages}", file=sys.stderr)
    results = {mode: score(pages, mode == "extensive") for mode in ("markup", "extensive")}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

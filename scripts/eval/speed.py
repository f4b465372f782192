"""Extraction speed on AllSides articles: CPU-time articles/s of the full ``index.extract.extract``.

The selection is fixed: the first ``n`` articles read (through ``index.readers``) from the corpus
folder's ``*.tar.xz`` archives in sorted name order (or from its other files when it holds no
archive).  Articles are read and one warm-up extraction is made (it loads the lexicons and the alias
table) before the clock starts.  The clock is ``time.process_time`` (CPU time of the process), so
other work on the machine counts as little as possible.  The garbage collector runs as in an index
worker (``index.writer.use_worker_gc_policy``), where extraction runs in a build.

Each run is a fresh process: extraction memoises per name (folding, run parses, entity votes), and a
pass over articles already seen finds every cache warm, which an index build over new articles does
not.  The headline figure is the first pass (``articles_per_second``); a second pass over the same
articles is timed too (``warm_articles_per_second``) for comparison with figures measured that way.
Runs are repeated and the fastest is reported, as ``timeit`` does, because interference only ever
slows a run down.

Run: ``python -m scripts.eval.speed [CORPUS_DIR] [N]`` (default ``../shared/corpora/allsides``, 1000).
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpora" / "allsides"
DEFAULT_ARTICLES = 1000
DEFAULT_REPEATS = 3


def load_articles(corpus: Path, n: int = DEFAULT_ARTICLES) -> list:
    """The first ``n`` readable articles of ``corpus`` (archives first, in sorted order)."""
    from index.readers import ReadFailure, discover, read_source

    corpus = Path(corpus)
    paths = sorted(corpus.glob("*.tar.xz")) or [corpus]
    articles = []
    for src in discover(paths):
        if isinstance(src, ReadFailure):
            continue
        for result in read_source(src):
            if isinstance(result, ReadFailure) or not result.body.strip():
                continue
            articles.append(result)
            if len(articles) >= n:
                return articles
    return articles


def timed_pass(corpus: Path, n: int) -> tuple[int, float, float, float, str]:
    """(articles, mean body length, CPU seconds of a first and of a second ``extract`` pass, what
    ran them: ``index.extract.implementation()``)."""
    from index.extract import AliasTable, extract, implementation
    from index.writer import use_worker_gc_policy

    # Extraction runs in index workers, under their garbage-collector policy: timed the same way,
    # the figure is the indexer's extraction speed (Python's default policy costs ~5 % more here).
    use_worker_gc_policy()
    articles = load_articles(corpus, n)
    if not articles:
        return 0, 0.0, 0.0, 0.0, implementation()
    aliases = AliasTable.default()
    extract(articles[0], aliases)  # warm-up: lexicons and alias table load lazily
    seconds = []
    for _ in range(2):
        started = time.process_time()
        for article in articles:
            extract(article, aliases)
        seconds.append(time.process_time() - started)
    mean_chars = sum(len(a.body) for a in articles) / len(articles)
    return len(articles), mean_chars, seconds[0], seconds[1], implementation()


def evaluate(
    corpus: Path = DEFAULT_CORPUS, n: int = DEFAULT_ARTICLES, repeats: int = DEFAULT_REPEATS
) -> dict:
    """CPU-time articles/s of ``extract`` over the fixed selection; ``skipped`` says why when no corpus."""
    corpus = Path(corpus)
    if not corpus.exists():
        return {"skipped": f"no corpus at {corpus}"}
    # One fresh process per run (spawn: no inherited caches), one run at a time.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes=1, maxtasksperchild=1) as pool:
        results = pool.starmap(timed_pass, [(corpus, n)] * max(1, repeats))
    count, mean_chars = results[0][0], results[0][1]
    if not count:
        return {"skipped": f"no readable articles under {corpus}"}
    runs = [first for _, _, first, _, _ in results]
    best, warm = min(runs), min(second for _, _, _, second, _ in results)
    return {
        # "compiled (mypyc 2.4.1)" or "pure Python (why)", as the timed processes reported it.
        "implementation": " / ".join(sorted({result[4] for result in results})),
        "articles": count,
        "mean_chars": mean_chars,
        "cpu_seconds": best,
        "runs": runs,
        "articles_per_second": count / best if best else 0.0,
        "ms_per_article": 1000 * best / count,
        "warm_articles_per_second": count / warm if warm else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the extraction rate for the corpus folder and article count given as arguments."""
    argv = sys.argv[1:] if argv is None else argv
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    n = int(argv[1]) if len(argv) > 1 else DEFAULT_ARTICLES
    r = evaluate(corpus, n)
    if "skipped" in r:
        print(f"speed: skipped ({r['skipped']})")
        return 0
    print(
        f"extract: {r['articles_per_second']:.0f} articles/s CPU time ({r['ms_per_article']:.2f} ms/article, "
        f"{r['articles']} articles of {r['mean_chars']:.0f} chars, best of {len(r['runs'])}); "
        f"second pass, caches warm: {r['warm_articles_per_second']:.0f} articles/s; {r['implementation']}"
    )
    return 0


if __name__ == "__main__":
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    sys.exit(main())

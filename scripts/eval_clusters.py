#!/usr/bin/env python3
"""Measure copy clusters (issue 14.1): recall, false merges and cost.  Results in docs/duplicates.md.

    .venv/bin/python scripts/eval_clusters.py bbc              # exact duplicates of the BBC corpus
    .venv/bin/python scripts/eval_clusters.py replicas         # AllSides + shuffled replicas (long)
    .venv/bin/python scripts/eval_clusters.py samples          # the five sample articles
    .venv/bin/python scripts/eval_clusters.py syria --sample 50  # clusters to read by hand
    .venv/bin/python scripts/eval_clusters.py replicas --reuse --replay  # this code's clusters of
        # an existing replicas index's stored bodies (re-signed, replayed; then `syria --replay`)
    .venv/bin/python scripts/eval_clusters.py cost             # CPU share of clustering in a build
    .venv/bin/python scripts/eval_clusters.py ab --jobs 2      # whole builds, clustering on vs off

Each command indexes its archive with ``dateline index``'s own code (``index.writer.index_paths``)
into ``--workdir`` (kept and reused with ``--reuse``) and reads the clusters the run made from the
index's ``copies.sqlite``.  ``replicas`` indexes the four AllSides archives plus one replica of
each article (``scripts/bench.py``'s replica maker: paragraphs shuffled, another id) and
reports how many replicas share their original's cluster, every cluster that holds more than one
AllSides article (candidate false merges, printed for reading), and the cost of clustering: the
signatures recomputed from the stored bodies (worker CPU) and the cluster updates replayed in
batches as a run makes them (main-process time), against the build's wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT_WORKDIR = Path("/tmp/dateline-clusters")


def build(paths: list[Path], index_dir: Path, reuse: bool, jobs: int | None = None) -> float | None:
    """Index ``paths`` into ``index_dir`` (from scratch unless ``reuse`` and it exists); wall seconds."""
    from index.writer import index_paths

    if reuse and (index_dir / "copies.sqlite").exists():
        return None
    report = index_paths(paths, index_dir, rebuild=True, progress=False, jobs=jobs)
    print(f"built {index_dir}: {report.summary()}", file=sys.stderr)
    return report.seconds


def clusters(index_dir: Path) -> list[list[str]]:
    from index.copies import CopyClusters

    with CopyClusters(index_dir) as copies:
        return copies.clusters()


def stored(index_dir: Path) -> dict[str, dict]:
    """{article id: stored fields} of every live document."""
    from index.storage import open_index

    with open_index(index_dir).searcher() as searcher:
        return {fields["id"]: fields for fields in searcher.all_stored_fields()}


def describe(fields: dict) -> str:
    published = fields.get("date")
    day = published.date().isoformat() if published else "undated"
    body = " ".join((fields.get("body") or "").split())[:160]
    return f"{fields.get('outlet') or '?'} | {day} | {fields.get('title')!r}\n      {body}"


# -- (a) BBC: exact duplicates -----------------------------------------------------------------
def eval_bbc(args) -> dict:
    root = CORPORA / "bbc"
    index_dir = args.workdir / "bbc"
    build([root], index_dir, args.reuse)
    by_bytes = defaultdict(list)
    for path in sorted(root.rglob("*.txt")):
        if path.name.lower() != "readme.txt":
            by_bytes[hashlib.sha256(path.read_bytes()).hexdigest()].append(f"bbc/{path.relative_to(root)}")
    groups = [ids for ids in by_bytes.values() if len(ids) > 1]
    cluster_of = {i: n for n, ids in enumerate(clusters(index_dir)) for i in ids}
    pairs = [(a, b) for ids in groups for a in ids for b in ids if a < b]
    joined = [p for p in pairs if p[0] in cluster_of and cluster_of[p[0]] == cluster_of.get(p[1])]
    fields = stored(index_dir)
    exact = {frozenset(ids) for ids in groups}
    beyond = [ids for ids in clusters(index_dir) if frozenset(ids) not in exact]
    same_text = [ids for ids in beyond if len({fields[i].get("body") for i in ids}) == 1]
    near = [ids for ids in beyond if ids not in same_text]
    for ids in near:
        print(f"near-duplicate cluster ({len(ids)}):")
        for i in ids:
            print(f"  {i}: {describe(fields[i])}")
    return {"groups": len(groups), "files": sum(map(len, groups)), "pairs": len(pairs),
            "pairs_joined": len(joined), "clusters": len(clusters(index_dir)),
            "other_clusters_same_cleaned_text": len(same_text), "other_clusters_near_duplicates": len(near)}


# -- (b) replicas and cost -----------------------------------------------------------------------
def replica_bases(path: Path) -> dict[str, str]:
    """{replica article id: id of the article it copies} of one of bench.py's replica files.

    The replica files are indexed as files, so a record's article id is ``<file>#<line>``; the
    record's own ``id`` field is the copied article's id with ``-r<k>``.
    """
    result = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            copied = json.loads(line)["id"].rsplit("-r", 1)[0]
            result[f"{path.name}#{number}"] = copied
    return result


def eval_replicas(args) -> dict:
    from bench import base_sources, replica_sources

    from index.copies import signature

    corpus = CORPORA / "allsides"
    paths = base_sources(corpus) + replica_sources(corpus, args.workdir, 2)
    index_dir = args.workdir / "replicas-index"
    seconds = build(paths, index_dir, args.reuse, args.jobs)
    fields = stored(index_dir)
    replayed = None
    if args.replay:
        # The clusters this code makes of the stored bodies: re-signed and replayed in batches into
        # a sidecar of their own (the index's sidecar was made by the code that built it).
        replayed = args.workdir / "replay"
        replayed.mkdir(exist_ok=True)
        (replayed / "copies.sqlite").unlink(missing_ok=True)
        seconds = None
    cost_figures = cost(fields, args.batch, replayed)
    found = clusters(replayed or index_dir)
    base_of = replica_bases(args.workdir / "replicas" / "copy-1.jsonl")
    originals = [i for i in fields if i not in base_of]
    cluster_of = {i: n for n, ids in enumerate(found) for i in ids}
    pairs = [(base, replica) for replica, base in base_of.items() if base in fields and replica in fields]
    joined = [p for p in pairs if p[0] in cluster_of and cluster_of[p[0]] == cluster_of.get(p[1])]
    unsigned = [p for p in pairs if signature(fields[p[0]].get("body") or "") is None]
    # A cluster is a candidate false merge when it holds more than one AllSides article.
    mixed = [ids for ids in found if len({base_of.get(i, i) for i in ids}) > 1]
    result = {"articles": len(originals), "replicas": len(pairs), "replicas_joined": len(joined),
              "recall": round(len(joined) / max(1, len(pairs)), 4),
              "too_short_to_cluster": len(unsigned),
              "clusters": len(found), "clusters_with_several_articles": len(mixed),
              "build_seconds": round(seconds, 1) if seconds else None}
    (args.workdir / "mixed.json").write_text(json.dumps(mixed, indent=1))
    missed = [p for p in pairs if p not in set(joined) and p not in set(unsigned)]
    (args.workdir / "missed.json").write_text(json.dumps(missed, indent=1))
    if args.show_mixed:
        for ids in mixed[: args.show_mixed]:
            print(f"cluster with {len({base_of.get(i, i) for i in ids})} articles ({len(ids)} members):")
            for i in ids:
                if i not in base_of:
                    print(f"  {i}: {describe(fields[i])}")
    result.update(cost_figures)
    if seconds:
        share = (result["signature_cpu_s"] / (args.jobs or 2) + result["update_s"]) / seconds
        result["share_of_build"] = round(share, 4)
    return result


def cost(fields: dict[str, dict], batch: int, into: Path | None = None) -> dict:
    """Signature CPU over the stored bodies and the time of replaying the cluster updates (into a
    sidecar in the folder ``into``, kept, or a temporary one)."""
    from index.copies import CopyClusters, signature

    items = sorted(fields.items())
    started = time.process_time()
    sigs = [(i, signature(f.get("body") or "")) for i, f in items]
    sig_cpu = time.process_time() - started
    with tempfile.TemporaryDirectory() as tmp, CopyClusters(into or tmp) as copies:
        started = time.perf_counter()
        for k in range(0, len(sigs), batch):
            copies.update(sigs[k:k + batch])
        update = time.perf_counter() - started
    per_article = 1000 / max(1, len(items))
    return {"signature_cpu_s": round(sig_cpu, 2), "signature_ms_per_article": round(sig_cpu * per_article, 3),
            "update_s": round(update, 2), "update_ms_per_article": round(update * per_article, 3)}


# -- (c) distinct articles: the samples and the Syria/Idlib subset ------------------------------
def eval_samples(args) -> dict:
    index_dir = args.workdir / "samples"
    build([REPO / "examples" / "archive"], index_dir, args.reuse)
    return {"articles": len(stored(index_dir)), "clusters_with_several": len(clusters(index_dir))}


def eval_syria(args) -> dict:
    """Clusters of the Syria/Idlib subset's articles in the replicas index, sampled for reading."""
    subset = CORPORA / "allsides" / "syria_idlib_subset" / "data" / "jsons"
    names = {p.name for p in subset.glob("*.json")}
    index_dir = args.workdir / "replicas-index"
    if not (index_dir / "copies.sqlite").exists():
        raise SystemExit("run the replicas command first (its index holds the subset and its replicas)")
    fields = stored(index_dir)
    if args.replay:
        index_dir = args.workdir / "replay"  # the sidecar `replicas --reuse --replay` made
    base_of = replica_bases(args.workdir / "replicas" / "copy-1.jsonl")
    found = [ids for ids in clusters(index_dir)
             if any(base_of.get(i, i).rsplit("/", 1)[-1] in names for i in ids)]
    rng = random.Random(args.seed)
    sample = rng.sample(found, min(args.sample, len(found)))
    for n, ids in enumerate(sample, 1):
        print(f"[{n}] {len(ids)} members")
        for i in ids:
            print(f"  {i}: {describe(fields[i])}")
    mixed = [ids for ids in found if len({base_of.get(i, i) for i in ids}) > 1]
    return {"subset_articles": len(names), "clusters": len(found), "sampled": len(sample),
            "clusters_with_several_articles": len(mixed)}


# -- cost inside a build ------------------------------------------------------------------------
def eval_cost(args) -> dict:
    """Thread CPU of the signatures and cluster updates inside one ``index_paths`` run (jobs=1).

    The first ``--articles`` AllSides articles are written to a JSONL file and indexed in this
    process, so both pieces can be timed where they run; whole-build A/B timings are swamped by
    noise on a shared machine.
    """
    import itertools
    import shutil

    import index.copies as copies
    import index.writer as writer
    from index.readers import read_paths

    source = args.workdir / "cost" / "part.jsonl"
    if not source.exists():
        source.parent.mkdir(parents=True, exist_ok=True)
        with source.open("w", encoding="utf-8") as out:
            archive = CORPORA / "allsides" / "jsons_id-n-z.tar.xz"
            for item in itertools.islice(read_paths([archive]), args.articles):
                if hasattr(item, "body"):
                    out.write(json.dumps({"title": item.title, "text": item.body, "outlet": item.outlet,
                                          "date": item.published.isoformat() if item.published else None})
                              + "\n")
    spent = {"signature": 0.0, "update": 0.0}
    sign, update = writer.signature, copies.CopyClusters.update

    def timed_signature(body):
        started = time.thread_time()
        try:
            return sign(body)
        finally:
            spent["signature"] += time.thread_time() - started

    def timed_update(self, added, removed=()):
        started = time.thread_time()
        try:
            return update(self, added, removed)
        finally:
            spent["update"] += time.thread_time() - started

    writer.signature, copies.CopyClusters.update = timed_signature, timed_update
    index_dir = args.workdir / "cost" / "index"
    shutil.rmtree(index_dir, ignore_errors=True)
    started = time.process_time()
    report = writer.index_paths([source.parent], index_dir, jobs=1, progress=False)
    build_cpu = time.process_time() - started
    clustering = spent["signature"] + spent["update"]
    return {"articles": report.indexed, "build_cpu_s": round(build_cpu, 2),
            "signature_s": round(spent["signature"], 2), "update_s": round(spent["update"], 2),
            "share_of_build_cpu": round(clustering / build_cpu, 4)}


def _ab_build(mode: str, index_dir: str, jobs: int, archive: str) -> None:
    """One build of the A/B (in a child process): clustering ``on``, or ``off`` for measurement only.

    ``off`` replaces the signature and the cluster update with no-ops in this process before the
    workers fork from it, so the build does everything else exactly as ``dateline index`` does.
    """
    import shutil

    import index.copies as copies
    import index.writer as writer

    if mode == "off":
        writer.signature = lambda body: None
        copies.CopyClusters.update = lambda self, added, removed=(): None
    shutil.rmtree(index_dir, ignore_errors=True)
    report = writer.index_paths([Path(archive)], Path(index_dir), jobs=jobs, progress=False)
    print(json.dumps({"indexed": report.indexed}))


def eval_ab(args) -> dict:
    """Whole builds with clustering on and off, alternated (on off off on ...): CPU and wall.

    Each build runs in a child process; its CPU is user + sys of that process and every process
    it started (workers, committer), from ``getrusage(RUSAGE_CHILDREN)``.
    """
    import resource
    import statistics
    import subprocess

    archive = CORPORA / "allsides" / args.archive
    code = (f"import sys; sys.path.insert(0, {str(REPO / 'scripts')!r}); import eval_clusters; "
            "eval_clusters._ab_build(*sys.argv[1:3], int(sys.argv[3]), sys.argv[4])")
    runs = []
    for pair in range(args.pairs):
        for mode in ("on", "off") if pair % 2 == 0 else ("off", "on"):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", code, mode, str(args.workdir / f"ab-{mode}"),
                                  str(args.jobs or 2), str(archive)],
                                 check=True, capture_output=True, text=True).stdout
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            run = {"mode": mode, "cpu_s": round(cpu, 1), "wall_s": round(wall, 1),
                   "indexed": json.loads(out.strip().splitlines()[-1])["indexed"],
                   "load": round(os.getloadavg()[0], 1)}
            print(json.dumps(run), file=sys.stderr, flush=True)
            runs.append(run)
    result: dict = {"archive": args.archive, "jobs": args.jobs or 2, "runs": runs}
    for key in ("cpu_s", "wall_s"):
        on = statistics.mean(r[key] for r in runs if r["mode"] == "on")
        off = statistics.mean(r[key] for r in runs if r["mode"] == "off")
        result[f"{key}_on_mean"], result[f"{key}_off_mean"] = round(on, 1), round(off, 1)
        result[f"{key}_overhead"] = round(on / off - 1, 4)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["bbc", "replicas", "samples", "syria", "cost", "ab"])
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--reuse", action="store_true", help="keep an index built by an earlier run")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--batch", type=int, default=5000, help="articles per replayed update (cost)")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--articles", type=int, default=2000, help="articles the cost command indexes")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--pairs", type=int, default=2, help="on/off build pairs the ab command runs")
    parser.add_argument("--archive", default="jsons_id-a-m.tar.xz", help="AllSides archive ab indexes")
    parser.add_argument("--replay", action="store_true",
                        help="replicas/syria: cluster the stored bodies with this code (a sidecar in "
                             "WORKDIR/replay) instead of reading the index's own sidecar")
    parser.add_argument("--show-mixed", type=int, default=20, help="print this many candidate false merges")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    commands = {"bbc": eval_bbc, "replicas": eval_replicas, "samples": eval_samples, "syria": eval_syria,
                "cost": eval_cost, "ab": eval_ab}
    result = commands[args.what](args)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

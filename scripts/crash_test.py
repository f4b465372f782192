#!/usr/bin/env python3
"""Crash test: ``kill -9`` of ``dateline index`` at random moments over a growing archive.

Each round adds new articles to the archive, starts ``dateline index`` as a separate process, and
kills it with SIGKILL at a random moment (often in the middle of a batch, sometimes during a
commit).  After every kill it checks that

1. the index opens (``index.storage.open_index``) and answers a search;
2. every article whose batch the killed run reported as committed (its ``committed N articles``
   lines on stderr) is in the index, and no article is in it twice;
3. every article the manifest lists is in the index (the manifest never claims more than Whoosh holds).

After the last round a normal run must complete the index: every article of the archive is
searchable exactly once.  Exit status 0 when every check held; the figures are printed as JSON.

    .venv/bin/python scripts/crash_test.py --rounds 20            # the issue-5 run (~1.5 min)
    .venv/bin/python scripts/crash_test.py --rounds 3 --per-round 40   # as the test suite does
    .venv/bin/python scripts/crash_test.py --rebuild --rounds 10 --jobs 2   # issue 11: kill, then --rebuild
    .venv/bin/python scripts/crash_test.py --orphans --rounds 10 --jobs 2   # issue 11: orphaned workers

With ``--orphans`` each round kills only the main process of a multi-process run once it has
reported a commit, and measures how long its workers and committer live on (Linux: reads /proc)
and whether the run's staging folders are gone once they have ended.

With ``--rebuild`` each round instead kills a multi-process run (``--jobs``) at a random moment
and then runs the documented recovery, ``dateline index --rebuild``, which must succeed and leave
every article of the archive in the index exactly once; the figures count successful rebuilds.

The order in which a run commits articles is deterministic with ``--jobs 1`` (archive order,
skipping articles whose hash the manifest already records), so "reported committed" can be turned
into exact article ids: the first K articles of the run's to-do list.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index.article import Article  # noqa: E402
from index.document import content_hash  # noqa: E402
from index.manifest import MANIFEST_NAME  # noqa: E402
from index.readers import read_paths  # noqa: E402
from index.storage import open_index  # noqa: E402

COMMITTED = re.compile(r"committed (\d+) articles")
_VOCABULARY = (
    "government minister said talks agreement city river council election market report police "
    "court health school border ceasefire parliament budget energy trade summit vote"
)
WORDS = _VOCABULARY.split()


@dataclass
class RoundResult:
    """What one killed run reported and what the index held afterwards."""

    round: int
    killed_after_s: float
    killed: bool
    reported_committed: int
    index_docs: int


@dataclass
class CrashReport:
    rounds: list[RoundResult] = field(default_factory=list)
    articles: int = 0
    final_docs: int = 0
    final_seconds: float = 0.0

    def as_dict(self) -> dict:
        killed = [r for r in self.rounds if r.killed]
        return {
            "rounds": len(self.rounds),
            "killed_runs": len(killed),
            "runs_killed_after_a_commit": sum(1 for r in killed if r.reported_committed),
            "articles_in_archive": self.articles,
            "final_index_docs": self.final_docs,
            "final_run_seconds": round(self.final_seconds, 2),
            "per_round": [vars(r) for r in self.rounds],
        }


def write_articles(folder: Path, first: int, count: int, rng: random.Random) -> None:
    """``count`` plain-text articles, each with a unique searchable token ``tokNNNNNx``."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(150, 400)))
        text = f"Dispatch {n} tok{n:06d}x\n\nThe minister said: \"{body}.\" Reported as tok{n:06d}x.\n"
        (folder / f"a{n:06d}.txt").write_text(text, encoding="utf-8")


def archive_articles(archive: Path) -> list[Article]:
    """Every article of the archive in the order ``dateline index`` processes them."""
    return [a for a in read_paths([archive]) if isinstance(a, Article)]


def manifest_hashes(index_dir: Path) -> dict[str, str]:
    """{article id: hash} the manifest records (empty when there is no manifest yet)."""
    path = index_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    with sqlite3.connect(path, timeout=60) as db:
        return dict(db.execute("SELECT id, hash FROM articles").fetchall())


def run_index(archive: Path, index_dir: Path, *, batch_size: int, kill_after: float | None,
              timeout: float = 600.0, jobs: int = 1, rebuild: bool = False,
              kill_group: bool = False) -> tuple[int, bool, int, str]:
    """Run ``dateline index``; SIGKILL it after ``kill_after`` seconds (None: let it finish).

    ``kill_group`` kills every process of the run at once (as a power loss, the OOM killer or a
    container stop would) instead of the main process only.

    Returns (articles reported committed, killed?, return code, stderr text).
    """
    cmd = [sys.executable, "-c", "from webui.cli import main; main()", "index", str(archive),
           "--index", str(index_dir), "--jobs", str(jobs), "--batch-size", str(batch_size)]
    if rebuild:
        cmd.append("--rebuild")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TQDM_DISABLE": "1"}
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, errors="replace", start_new_session=kill_group)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    killed = False
    try:
        proc.wait(timeout=kill_after if kill_after is not None else timeout)
    except subprocess.TimeoutExpired:
        if kill_after is None:
            proc.kill()
            proc.wait()
            raise
        if kill_group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.send_signal(signal.SIGKILL)
        killed = True
        proc.wait()
    reader.join(timeout=10)
    text = "".join(lines)
    reported = sum(int(n) for n in COMMITTED.findall(text))
    return reported, killed, proc.returncode, text


def check_index(index_dir: Path, must_have: list[str]) -> int:
    """Assert the index opens, answers, holds ``must_have`` and every manifest id once; return its size."""
    ix = open_index(index_dir)  # raises IndexCorruptError on a damaged index
    try:
        with ix.searcher() as searcher:
            stored_ids = [fields["id"] for fields in searcher.all_stored_fields()]
            assert len(stored_ids) == len(set(stored_ids)), "an article is in the index twice"
            present = set(stored_ids)
            missing = [i for i in must_have if i not in present]
            assert not missing, f"{len(missing)} reported-committed articles missing, e.g. {missing[:3]}"
            unbacked = [i for i in manifest_hashes(index_dir) if i not in present]
            assert not unbacked, f"manifest lists {len(unbacked)} articles the index lacks: {unbacked[:3]}"
            from whoosh.qparser import QueryParser

            hits = searcher.search(QueryParser("body", searcher.schema).parse("minister"), limit=1)
            assert len(present) == 0 or hits.scored_length() >= 1, "the index does not answer"
            return len(present)
    finally:
        ix.close()


def crash_rounds(workdir: Path, *, rounds: int, per_round: int, batch_size: int, seed: int,
                 log=lambda line: print(line, file=sys.stderr)) -> CrashReport:
    """Run the crash test in ``workdir``; raises AssertionError on the first broken guarantee."""
    rng = random.Random(seed)
    archive, index_dir = workdir / "archive", workdir / "index"
    report = CrashReport()
    # Round 0 seeds the index without a kill and measures how long a round's work takes.
    write_articles(archive / "r000", 0, per_round, rng)
    started = time.perf_counter()
    _reported, _killed, code, text = run_index(archive, index_dir, batch_size=batch_size, kill_after=None)
    assert code == 0, f"seeding run failed:\n{text[-2000:]}"
    full_run = time.perf_counter() - started
    started = time.perf_counter()
    run_index(archive, index_dir, batch_size=batch_size, kill_after=None)  # nothing to do: start-up cost
    startup = time.perf_counter() - started
    per_article = max(full_run - startup, 0.1) / per_round
    next_article = per_round
    number = 0
    # A run that happens to finish before its kill moment is checked too, but does not count:
    # go on until `rounds` runs were really killed (bounded, in case the machine is very fast).
    while sum(r.killed for r in report.rounds) < rounds and number < 3 * rounds:
        number += 1
        write_articles(archive / f"r{number:03d}", next_article, per_round, rng)
        next_article += per_round
        before = manifest_hashes(index_dir)
        todo = [a.id for a in archive_articles(archive) if before.get(a.id) != content_hash(a)]
        # Anywhere from process start-up to a little past the time this run's work should take.
        kill_after = rng.uniform(0.05, startup + 1.1 * per_article * len(todo))
        reported, killed, code, text = run_index(archive, index_dir, batch_size=batch_size,
                                                 kill_after=kill_after)
        assert killed or code == 0, f"round {number}: run failed on its own:\n{text[-2000:]}"
        assert reported <= len(todo), f"round {number}: reported {reported} of {len(todo)} to do"
        docs = check_index(index_dir, todo[:reported])
        result = RoundResult(number, round(kill_after, 3), killed, reported, docs)
        report.rounds.append(result)
        log(f"round {number:2d}: killed={killed} after {kill_after:.2f} s, "
            f"{reported} reported committed of {len(todo)} to do, index holds {docs}")
    everything = [a.id for a in archive_articles(archive)]
    started = time.perf_counter()
    _reported, _killed, code, text = run_index(archive, index_dir, batch_size=batch_size, kill_after=None)
    report.final_seconds = time.perf_counter() - started
    assert code == 0, f"final run failed:\n{text[-2000:]}"
    report.final_docs = check_index(index_dir, everything)
    report.articles = len(everything)
    assert report.final_docs == len(everything), f"{report.final_docs} docs for {len(everything)} articles"
    return report


@dataclass
class RebuildRound:
    """One kill followed by ``dateline index --rebuild``."""

    round: int
    killed_after_s: float
    killed: bool
    rebuilt: bool
    index_docs: int
    error: str = ""


def rebuild_rounds(workdir: Path, *, rounds: int, articles: int, batch_size: int, jobs: int, seed: int,
                   rebuild_timeout: float = 120.0, kill_group: bool = False,
                   log=lambda line: print(line, file=sys.stderr)) -> list[RebuildRound]:
    """Kill ``rounds`` runs at random moments, each followed by the documented ``--rebuild``.

    A rebuild counts as successful when it exits 0 and the index then holds every article of the
    archive exactly once.  Failures are recorded (with the last line of stderr), not raised, so the
    figures say N of N.
    """
    rng = random.Random(seed)
    archive, index_dir = workdir / "archive", workdir / "index"
    write_articles(archive / "r000", 0, articles, rng)
    everything = [a.id for a in archive_articles(archive)]
    started = time.perf_counter()
    _reported, _killed, code, text = run_index(archive, index_dir, batch_size=batch_size, kill_after=None,
                                               jobs=jobs)
    assert code == 0, f"seeding run failed:\n{text[-2000:]}"
    full_run = time.perf_counter() - started
    results: list[RebuildRound] = []
    number = 0
    while sum(r.killed for r in results) < rounds and number < 3 * rounds:
        number += 1
        kill_after = rng.uniform(0.05, full_run)
        # A run of its own after each rebuild, killed part-way: what a crash leaves behind.
        _reported, killed, _code, _text = run_index(archive, index_dir, batch_size=batch_size,
                                                    kill_after=kill_after, jobs=jobs, rebuild=True,
                                                    kill_group=kill_group)
        try:
            _reported, _killed, code, text = run_index(archive, index_dir, batch_size=batch_size,
                                                       kill_after=None, jobs=jobs, rebuild=True,
                                                       timeout=rebuild_timeout)
            error = "" if code == 0 else (text.strip().splitlines() or ["(no output)"])[-1]
        except subprocess.TimeoutExpired:
            code, error = -1, f"no answer in {rebuild_timeout:.0f} s (killed)"
        docs = 0
        if code == 0:
            try:
                docs = check_index(index_dir, everything)
            except Exception as exc:  # recorded: the figures count it as a failure
                error = f"{type(exc).__name__}: {exc}"
        rebuilt = code == 0 and not error and docs == len(everything)
        if not rebuilt:  # the next round starts from a clean folder, as if the user cleared it
            shutil.rmtree(index_dir, ignore_errors=True)
        results.append(RebuildRound(number, round(kill_after, 3), killed, rebuilt, docs, error))
        log(f"round {number:2d}: killed={killed} after {kill_after:.2f} s; rebuild "
            f"{'ok' if rebuilt else 'FAILED: ' + error}, index holds {docs} of {len(everything)}")
    return results


def _children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def orphan_rounds(workdir: Path, *, rounds: int, articles: int, batch_size: int, jobs: int, seed: int,
                  give_up: float = 120.0, log=lambda line: print(line, file=sys.stderr)) -> list[dict]:
    """Kill the main process of ``rounds`` runs after their first commit; time how long children live.

    Children still alive after ``give_up`` seconds are killed (and reported as lingering that long).
    """
    rng = random.Random(seed)
    archive, index_dir = workdir / "archive", workdir / "index"
    write_articles(archive / "r000", 0, articles, rng)
    results = []
    for number in range(1, rounds + 1):
        cmd = [sys.executable, "-c", "from webui.cli import main; main()", "index", str(archive), "--index",
               str(index_dir), "--jobs", str(jobs), "--batch-size", str(batch_size), "--rebuild"]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "TQDM_DISABLE": "1"}
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                text=True, errors="replace")
        for line in proc.stderr:
            if COMMITTED.match(line):
                break
        children = _children(proc.pid)
        proc.kill()
        proc.wait()
        killed_at = time.perf_counter()
        alive = list(children)
        while alive and time.perf_counter() - killed_at < give_up:
            time.sleep(0.01)
            alive = [pid for pid in alive if _running(pid)]
        lived = time.perf_counter() - killed_at
        for pid in alive:
            os.kill(pid, signal.SIGKILL)
        staging = len(list(index_dir.glob(f".staging/{proc.pid}-*")))
        proc.stderr.close()
        results.append({"round": number, "children": len(children), "lingering_after_give_up": len(alive),
                        "children_lived_s": round(lived, 3), "staging_folders_left": staging})
        log(f"round {number:2d}: {len(children)} children ended {lived:.2f} s after the kill "
            f"({len(alive)} still alive, killed); {staging} staging folders left")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="runs to kill")
    parser.add_argument("--per-round", type=int, default=120, help="articles added before each round")
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="kept afterwards (default: a temporary folder)")
    parser.add_argument("--rebuild", action="store_true",
                        help="after each kill run `dateline index --rebuild` and count successes")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes of the --rebuild runs")
    parser.add_argument("--orphans", action="store_true",
                        help="kill the main process after a commit; time how long its children live on")
    parser.add_argument("--kill", choices=["main", "all"], default="main",
                        help="--rebuild: kill the main process only, or every process of the run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dateline-crash-") as tmp:
        workdir = args.workdir or Path(tmp)
        if args.orphans:
            results = orphan_rounds(workdir, rounds=args.rounds, articles=args.per_round * 10,
                                    batch_size=args.batch_size, jobs=args.jobs, seed=args.seed)
            lived = sorted(r["children_lived_s"] for r in results)
            print(json.dumps({"rounds": len(results), "median_s": lived[len(lived) // 2], "max_s": lived[-1],
                              "staging_folders_left": sum(r["staging_folders_left"] for r in results),
                              "per_round": results}, indent=2))
            return 0 if all(not r["lingering_after_give_up"] for r in results) else 1
        if args.rebuild:
            results = rebuild_rounds(workdir, rounds=args.rounds, articles=args.per_round * 10,
                                     batch_size=args.batch_size, jobs=args.jobs, seed=args.seed,
                                     kill_group=args.kill == "all")
            killed = [r for r in results if r.killed]
            ok = sum(r.rebuilt for r in killed)
            print(json.dumps({"killed_runs": len(killed), "successful_rebuilds": ok,
                              "per_round": [vars(r) for r in results]}, indent=2))
            return 0 if ok == len(killed) else 1
        try:
            report = crash_rounds(workdir, rounds=args.rounds, per_round=args.per_round,
                                  batch_size=args.batch_size, seed=args.seed)
        except AssertionError as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
    print(json.dumps(report.as_dict(), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

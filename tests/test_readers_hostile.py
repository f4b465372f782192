"""index.readers against hostile archives: bombs, traversal, links, loops, and 1,000 fuzzed files."""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import struct
import tarfile
import tempfile
import tracemalloc
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest

from index.article import Article
from index.readers import ReadFailure, discover, limits, read_paths


def read_all(*paths) -> tuple[list[Article], list[ReadFailure]]:
    articles, failures = [], []
    for item in read_paths(paths):
        (failures if isinstance(item, ReadFailure) else articles).append(item)
    return articles, failures


def reasons(failures: list[ReadFailure]) -> list[tuple[str, str]]:
    return [(f.id, f.reason) for f in failures]


def tar_member(tf: tarfile.TarFile, name: str, data: bytes = b"", **attrs) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    for key, value in attrs.items():
        setattr(info, key, value)
    tf.addfile(info, io.BytesIO(data) if data else None)


# --- bombs ---------------------------------------------------------------------------------------------


def test_zip_member_with_a_bomb_compression_ratio_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", b"a" * (5 * limits.MiB))  # deflates ~1000:1
        zf.writestr("fine.txt", "Fine\nbody")
    articles, failures = read_all(path)
    assert [a.id for a in articles] == ["bomb.zip!fine.txt"]
    ((member_id, reason),) = reasons(failures)
    assert member_id == "bomb.zip!bomb.txt"
    assert reason.startswith("compression ratio ") and reason.endswith(
        ":1 over the 100:1 limit (zip bomb?): not read"
    )


def test_zip_declaring_more_than_1_gib_unpacked_is_not_read(tmp_path):
    path = tmp_path / "huge.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", "A\nbody")
    # Patch the central directory to claim 2 GiB unpacked: what a bomb's header says, without the bomb.
    data = bytearray(path.read_bytes())
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 2 * 1024 * limits.MiB)
    path.write_bytes(bytes(data))
    articles, failures = read_all(path)
    assert articles == []
    assert reasons(failures) == [
        (
            "huge.zip",
            "archive would unpack to 2,147,483,648 bytes, over the 1,073,741,824 limit (zip bomb?): not read",
        )
    ]


def test_tar_past_the_unpacked_limit_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ARCHIVE_UNPACKED_BYTES", limits.MiB)
    path = tmp_path / "bomb.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        for n in range(4):
            tar_member(tf, f"{n}.txt", b"Title\n" + b"x" * (400 * 1024))
    articles, failures = read_all(path)
    assert [a.id for a in articles] == ["bomb.tar.gz!0.txt", "bomb.tar.gz!1.txt"]
    assert reasons(failures) == [
        ("bomb.tar.gz", "archive unpacks to over 1,048,576 bytes (tar bomb?): stopped after 2 members")
    ]


# --- traversal, links, special members ------------------------------------------------------------------


def test_zip_traversal_and_absolute_members_are_refused_others_read(tmp_path):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name in ("../evil.txt", "/abs.txt", "ok/../../up.txt", "good.txt"):
            zf.writestr(zipfile.ZipInfo(name), "Title\nbody")
        zf.writestr(zipfile.ZipInfo("C:\\win.txt"), "Title\nbody")
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = 0o120777 << 16  # a symlink, as Info-ZIP stores one
        zf.writestr(link, "/etc/passwd")
    articles, failures = read_all(path)
    assert [a.id for a in articles] == ["evil.zip!good.txt"]
    assert reasons(failures) == [
        ("evil.zip!../evil.txt", "member path with '..' refused: '../evil.txt'"),
        ("evil.zip!/abs.txt", "absolute member path refused: '/abs.txt'"),
        ("evil.zip!ok/../../up.txt", "member path with '..' refused: 'ok/../../up.txt'"),
        ("evil.zip!C:\\win.txt", "absolute member path refused: 'C:\\\\win.txt'"),
        ("evil.zip!link.txt", "symbolic link member refused"),
    ]


def test_tar_links_devices_and_traversal_are_refused_others_read(tmp_path):
    path = tmp_path / "evil.tar"
    with tarfile.open(path, "w") as tf:
        tar_member(tf, "../up.txt", b"T\nb")
        tar_member(tf, "/etc/abs.txt", b"T\nb")
        tar_member(tf, "sym.txt", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        tar_member(tf, "hard.txt", type=tarfile.LNKTYPE, linkname="good.txt")
        tar_member(tf, "dev.txt", type=tarfile.CHRTYPE, devmajor=1, devminor=3)
        tar_member(tf, "fifo.txt", type=tarfile.FIFOTYPE)
        tar_member(tf, "good.txt", b"Good\nbody")
    articles, failures = read_all(path)
    assert [(a.id, a.title) for a in articles] == [("evil.tar!good.txt", "Good")]
    assert reasons(failures) == [
        ("evil.tar!../up.txt", "member path with '..' refused: '../up.txt'"),
        ("evil.tar!/etc/abs.txt", "absolute member path refused: '/etc/abs.txt'"),
        ("evil.tar!sym.txt", "link member refused (-> /etc/passwd)"),
        ("evil.tar!hard.txt", "link member refused (-> good.txt)"),
        ("evil.tar!dev.txt", "device, FIFO or other special member refused"),
        ("evil.tar!fifo.txt", "device, FIFO or other special member refused"),
    ]
    assert not (tmp_path.parent / "up.txt").exists()


def test_truncated_and_fake_archives_are_failures_earlier_members_kept(tmp_path):
    good = tmp_path / "src.tar.xz"
    with tarfile.open(good, "w:xz") as tf:
        for n in range(200):
            tar_member(tf, f"{n:03}.txt", f"Title {n}\n".encode() + os.urandom(2000).hex().encode())
    data = good.read_bytes()
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "cut.tar.xz").write_bytes(data[: len(data) // 2])
    (tmp_path / "d" / "fake.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "d" / "fake.tar.gz").write_bytes(b"\x1f\x8b not really gzip")
    articles, failures = read_all(tmp_path / "d")
    assert 50 < len(articles) < 200
    assert all(a.id.startswith("d/cut.tar.xz!") for a in articles)
    by_id = dict(reasons(failures))
    assert by_id["d/cut.tar.xz"].startswith(f"corrupt archive after {len(articles)} members:")
    assert by_id["d/fake.zip"] == "not a readable zip archive: File is not a zip file"
    assert by_id["d/fake.tar.gz"].startswith("not a readable tar archive:")
    # Cut inside a member's data, that member is reported too.
    assert len(failures) in (3, 4)


# --- the folder walk ------------------------------------------------------------------------------------


def test_symlink_loops_end_fast_and_links_outside_are_not_followed(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\nnot for the index")
    top = tmp_path / "arch"
    (top / "a" / "b").mkdir(parents=True)
    (top / "real.txt").write_text("Real\nbody")
    os.symlink(top, top / "loop")  # arch/loop -> arch
    os.symlink("../..", top / "a" / "b" / "up")  # arch/a/b/up -> arch
    os.symlink(outside, top / "a" / "out")
    os.symlink(outside / "secret.txt", top / "leak.txt")
    os.symlink("real.txt", top / "alias.txt")
    os.symlink("self.txt", top / "self.txt")  # a link to itself
    os.symlink("missing.txt", top / "dangling.txt")
    os.mkfifo(top / "pipe.txt")  # opening it would block forever
    listed: list[str] = []
    real_scandir = os.scandir

    def counting_scandir(path="."):
        listed.append(os.path.relpath(path, top))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", counting_scandir)  # what os.walk lists folders with
    articles, failures = read_all(top)
    monkeypatch.undo()
    assert sorted(listed) == [".", "a", "a/b"], "each real folder is listed once; no link is descended"
    assert sorted(a.id for a in articles) == ["arch/alias.txt", "arch/real.txt"]
    assert sorted(reasons(failures)) == [
        ("arch/a/out", f"symbolic link to a folder outside {top} not followed"),
        ("arch/dangling.txt", "broken symbolic link"),
        ("arch/leak.txt", f"symbolic link to a file outside {top} not followed"),
        ("arch/pipe.txt", "not a regular file"),
        ("arch/self.txt", "broken symbolic link"),
    ]


def _found(top: Path) -> list[tuple[str, str]]:
    """(id, reason) for each failure of ``discover([top])``, (id, "readable") for each source file."""
    return [(f.id, f.reason) if isinstance(f, ReadFailure) else (f.rel, "readable") for f in discover([top])]


def _discover_as_unprivileged(top: Path) -> list[tuple[str, str]]:
    """``discover([top])`` as (id, reason) pairs, run as ``nobody`` when the tests run as root.

    Root reads everything, and CI runs as root: there the walk runs in a forked child that has
    dropped its privileges, so the permission checks meet a real EACCES.
    """
    if os.geteuid() != 0:
        return sorted(_found(top))
    import pwd

    nobody = pwd.getpwnam("nobody")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            found = _found(top)
            with os.fdopen(write_end, "w") as out:
                json.dump(found, out)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as results:
        text = results.read()
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the unprivileged walk failed"
    return sorted(tuple(pair) for pair in json.loads(text))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="drops privileges in a forked child")
def test_unreadable_files_and_folders_are_reported(tmp_path):
    # Under tmp_path's private parents nobody could reach anything: a folder everyone may enter.
    base = Path(tempfile.mkdtemp(prefix="dateline-perm-"))
    base.chmod(0o755)
    top = base / "arch"
    try:
        (top / "locked").mkdir(parents=True)
        (top / "locked" / "x.txt").write_text("X\nx")
        (top / "secret.txt").write_text("S\ns")
        (top / "open.txt").write_text("O\no")
        (top / "secret.txt").chmod(0)
        (top / "locked").chmod(0)
        found = _discover_as_unprivileged(top)
    finally:
        (top / "locked").chmod(0o755)
        shutil.rmtree(base)
    assert found == [
        ("arch/locked", "permission denied"),
        ("arch/open.txt", "readable"),
        ("arch/secret.txt", "permission denied"),
    ]


# --- 50 MB single line ---------------------------------------------------------------------------------


def test_a_50_mb_single_line_costs_neither_memory_nor_time(tmp_path):
    """Bounded memory here; the time (a linear pass) is measured by scripts/bench_limits.py."""
    line = b"x" * (50 * limits.MiB)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "line.txt").write_bytes(line)
    (tmp_path / "d" / "line.jsonl").write_bytes(
        line + b"\n" + json.dumps({"title": "After", "text": "t"}).encode()
    )
    del line
    tracemalloc.start()
    articles, failures = read_all(tmp_path / "d")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [a.id for a in articles] == ["d/line.jsonl#2"]
    assert reasons(failures) == [
        ("d/line.jsonl#1", "line 1 too large: over 20 MiB"),
        ("d/line.txt", "too large: 52,428,800 bytes, over the 20,971,520-byte limit"),
    ]
    assert peak < 1.5 * limits.MAX_ARTICLE_BYTES  # one bounded line buffer, never the 50 MB


# --- the fuzz run -------------------------------------------------------------------------------------

RUSSIAN = (Path(__file__).parent / "fixtures" / "russian_news.txt").read_text("utf-8").splitlines()
WESTERN = (Path(__file__).parent / "fixtures" / "western_news.txt").read_text("utf-8").splitlines()
PAGE = (
    "<html><head><title>Headline {n}</title><meta charset='utf-8'>"
    "<script>document.write('<p>' + 1)</script></head><body><article><h1>Headline {n}</h1>"
    + "<p>{text}</p>" * 4
    + "</article></body></html>"
)


def fuzz_inputs(rng: random.Random) -> list[tuple[str, bytes]]:
    """~1,000 hostile (name, bytes) pairs; every one is a single-article file except the .jsonl ones."""
    text = " ".join(WESTERN)
    obj = {"title": "T", "text": text, "date": "2020-01-02", "authors": ["A", {"name": "B"}]}
    good_json = json.dumps(obj).encode()
    good_html = PAGE.format(n=0, text=text).encode()
    inputs: list[tuple[str, bytes]] = []
    for n in range(200):
        inputs.append((f"trunc_{n}.html", good_html[: rng.randrange(len(good_html))]))
        inputs.append((f"trunc_{n}.json", good_json[: rng.randrange(len(good_json))]))
    for n in range(100):
        base = bytearray(rng.choice([good_json, good_html, text.encode()]))
        for _ in range(rng.randrange(1, 20)):
            base.insert(rng.randrange(len(base) + 1), 0)
        inputs.append((f"nul_{n}.{rng.choice(['json', 'html', 'txt'])}", bytes(base)))
    for n in range(30):
        depth = rng.choice([50, 2_000, 100_000])
        nested = rng.choice(["[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth])
        wrapped = json.dumps({"title": "Deep", "text": "body"})[:-1] + ', "x": ' + nested + "}"
        inputs.append((f"deep_{n}.json", rng.choice([nested, wrapped, "[" * depth]).encode()))
    for n in range(50):
        digits = "9" * 5000
        inputs.append(
            (
                f"digits_{n}.json",
                rng.choice(
                    [
                        digits,
                        '{"title": "Big", "text": "b", "n": ' + digits + "}",
                        '{"title": ' + digits + ', "text": "b", "f": ' + digits + ".5e99999}",
                    ]
                ).encode(),
            )
        )
    for n in range(120):
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        inputs.append((f"junk_{n}.{rng.choice(['txt', 'json', 'html'])}", junk))
    for n in range(100):
        suffix = rng.choice(["txt", "json"])
        inputs.append((f"cp1251_{n}.{suffix}", _as("\n".join(rng.sample(RUSSIAN, 4)), "cp1251", suffix)))
        suffix = rng.choice(["txt", "json"])
        inputs.append((f"latin1_{n}.{suffix}", _as("\n".join(rng.sample(WESTERN, 4)), "latin-1", suffix)))
    for n, suffix in enumerate(["txt", "json", "html", "htm", "jsonl"] * 10):
        inputs.append((f"empty_{n}.{suffix}", rng.choice([b"", b"\n\n \t", b"\xef\xbb\xbf"])))
    for n in range(50):
        lines = [
            rng.choice([good_json, good_json[:30], b"", b"[1, 2]", b"\x00\xff", b"9" * 5000])
            for _ in range(5)
        ]
        inputs.append((f"lines_{n}.jsonl", b"\n".join(lines)))
    inputs.append(("single_line_50mb.txt", b"y" * (50 * limits.MiB)))
    return inputs


def _as(text: str, codec: str, suffix: str) -> bytes:
    if suffix == "txt":
        return text.encode(codec)
    head, _, body = text.partition("\n")
    return json.dumps({"title": head, "text": body}, ensure_ascii=False).encode(codec)


def test_fuzzed_archive_every_input_is_an_article_or_a_failure(tmp_path):
    rng = random.Random(20240501)
    inputs = fuzz_inputs(rng)
    top = tmp_path / "fuzz"
    top.mkdir()
    for name, data in inputs:
        (top / name).write_bytes(data)
    assert len(inputs) >= 1000

    results: dict[str, list[Article | ReadFailure]] = defaultdict(list)
    for item in read_paths([top]):  # must not raise (its speed: scripts/bench_limits.py)
        results[Path(item.path).name].append(item)

    for name, _ in inputs:
        got = results[name]
        if name.endswith(".jsonl"):
            assert got, name
        else:
            assert len(got) == 1, (name, got)
    single = [n for n, _ in inputs if not n.endswith(".jsonl")]
    articles = sum(isinstance(results[n][0], Article) for n in single)
    failures = sum(isinstance(results[n][0], ReadFailure) for n in single)
    assert articles + failures == len(single)

    # Spot checks of what "correctly" means for the known-good shapes.
    for name, (item,) in ((n, results[n]) for n in single):
        if name.startswith(("cp1251_", "latin1_")):
            assert isinstance(item, Article), (name, item)
            assert item.encoding == ("cp1251" if name.startswith("cp1251") else "latin-1"), name
        if name.startswith("empty_"):
            assert isinstance(item, ReadFailure) and item.reason == "empty file", (name, item)
        if isinstance(item, Article):
            assert "\x00" not in item.body and "\x00" not in item.title, name
            json.dumps(item.raw_meta)  # raw_meta stays dumpable: no huge ints, no deep nesting
    assert results["single_line_50mb.txt"][0].reason.startswith("too large: 52,428,800 bytes")
    deep = [results[n][0] for n in single if n.startswith("deep_")]
    assert any(isinstance(d, ReadFailure) and d.reason.endswith("nested too deeply") for d in deep)
    digits = [results[n][0] for n in single if n.startswith("digits_")]
    assert any(isinstance(d, Article) and d.raw_meta["n"] == "9" * 5000 for d in digits)


def test_lone_surrogates_in_json_become_replacement_characters_and_the_article_indexes(tmp_path):
    """A JSON ``\\ud800`` escape decodes to a lone surrogate, which no UTF-8 encodes: it failed the
    content hash, extraction and the whole indexing run.  Every text field now carries U+FFFD
    instead, and the article indexes beside the others."""
    from index.writer import index_paths

    path = tmp_path / "odd.jsonl"
    odd = {"title": "Idlib \ud800 talks", "author": "Ann \udfff Lee", "url": "https://example.com/a",
           "text": "Sergey Lavrov said the talks went on \ud800 until dawn.", "extra": {"note": "x\udc00"}}
    plain = {"title": "Second", "text": "Plain article about Sochi."}
    path.write_text(f"{json.dumps(odd)}\n{json.dumps(plain)}\n", encoding="ascii")
    articles = [item for item in read_paths([path]) if isinstance(item, Article)]
    assert [a.title for a in articles] == ["Idlib \ufffd talks", "Second"]
    assert articles[0].body == "Sergey Lavrov said the talks went on \ufffd until dawn."
    assert articles[0].authors == ["Ann \ufffd Lee"]
    report = index_paths([path], tmp_path / "ix", jobs=1, progress=False)
    assert (report.indexed, report.failed) == (2, [])

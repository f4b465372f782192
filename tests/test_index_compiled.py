"""The compiled extraction modules (``index/extract/_compiled.py``, ``scripts/compile_extraction.py``).

The finder serves the binaries only when every source they were built from is unchanged, and says
once why not otherwise; pure and compiled extraction give byte-identical output; and when the
build made binaries for today's sources, they are what runs.  Tests that need a build skip without
one, except with ``DATELINE_REQUIRE_COMPILED=1`` (set by ``.ci/run``), where they fail.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index.extract import _compiled as C
from scripts import compile_extraction

REPO = Path(__file__).resolve().parents[1]
REQUIRED = os.environ.get("DATELINE_REQUIRE_COMPILED") == "1"


def _tree(tmp_path: Path, mypy: str = "9.9.9") -> tuple[Path, Path]:
    """A copy of the sources and a build folder whose manifest matches them (empty binaries)."""
    root = tmp_path / "root"
    for path in C.SOURCES:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / path, root / path)
    directory = C.compiled_dir(root)
    for name in (C.SHARED_LIBRARY, *C.COMPILED):
        binary = directory / (name.replace(".", "/") + C.ext_suffix())
        binary.parent.mkdir(parents=True, exist_ok=True)
        binary.write_bytes(b"")
    manifest = {"mypy": mypy, "ext_suffix": C.ext_suffix(), "python": C.python_version(),
                "modules": list(C.COMPILED),
                "sources": {p: hashlib.sha256((root / p).read_bytes()).hexdigest() for p in C.SOURCES}}
    (directory / C.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return root, directory


def _require_build() -> C.Status:
    """The real tree's build status; skip (fail in CI) when there is no current build."""
    status = C.compare()
    if not status.usable:
        if REQUIRED:
            pytest.fail(f"DATELINE_REQUIRE_COMPILED=1 but {status.reason}")
        pytest.skip(f"no current compiled build: {status.reason}")
    return status


def test_compiled_folder_is_keyed_by_the_interpreter_abi_outside_the_sources():
    suffix = C.ext_suffix()
    assert suffix.endswith((".so", ".pyd")) and suffix.startswith(".")
    directory = C.compiled_dir(Path("/r"))
    assert directory.parent == Path("/r/build/compiled")
    assert directory.name in suffix and not directory.name.startswith(".")
    assert C.SOURCES[: len(C.COMPILED)] == tuple(n.replace(".", "/") + ".py" for n in C.COMPILED)
    assert "index/extract/__init__.py" not in C.SOURCES and "index/extract/_compiled.py" not in C.SOURCES


def test_finder_serves_the_compiled_modules_when_every_hash_matches(tmp_path, monkeypatch):
    monkeypatch.delenv("DATELINE_PURE", raising=False)
    root, directory = _tree(tmp_path)
    status = C.check(root)
    assert status == C.Status(True, "mypyc 9.9.9", compiler="mypyc 9.9.9")
    finder = C.CompiledFinder(directory)
    for name in (*C.COMPILED, C.SHARED_LIBRARY):
        spec = finder.find_spec(name)
        assert spec is not None and spec.origin == str(directory / (name.replace(".", "/") + C.ext_suffix()))
    # Everything else, the package itself included, is left to the normal import system.
    for name in ("index.extract", "index.extract._compiled", "index.article", "search.names", "json"):
        assert finder.find_spec(name) is None


@pytest.mark.parametrize("changed", ["index/extract/quotes.py", "search/names.py"])
def test_a_changed_source_means_pure_modules_and_one_line_saying_so(tmp_path, monkeypatch, capsys, changed):
    monkeypatch.delenv("DATELINE_PURE", raising=False)
    root, directory = _tree(tmp_path)
    with open(root / changed, "a", encoding="utf-8") as source:
        source.write("# edited\n")
    reason = f"{changed} changed since the build: run .venv/bin/python scripts/compile_extraction.py"
    assert C.compare(root) == C.Status(False, reason, warn=True)
    monkeypatch.setattr(C, "STATUS", None)
    finders = list(sys.meta_path)
    assert C.install(root) == C.Status(False, reason, warn=True)
    assert sys.meta_path == finders
    assert capsys.readouterr().err == f"dateline: extraction runs in pure Python: {reason}\n"
    assert C.install(root).reason == reason and capsys.readouterr().err == ""  # decided once a process
    assert C.implementation() == f"pure Python ({reason})"


def test_every_changed_source_is_counted(tmp_path, monkeypatch):
    root, _ = _tree(tmp_path)
    for path in C.SOURCES[:3]:
        (root / path).write_text("x = 1\n", encoding="utf-8")
    assert C.compare(root).reason.startswith(f"{C.SOURCES[0]} (and 2 more) changed since the build")


def test_a_binary_that_does_not_load_means_pure_modules(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATELINE_PURE", raising=False)
    root, directory = _tree(tmp_path)  # empty files: not loadable extension modules
    monkeypatch.setattr(C, "STATUS", None)
    monkeypatch.setattr(C, "_FINDER", None)
    monkeypatch.delitem(sys.modules, C.SHARED_LIBRARY, raising=False)
    finders = list(sys.meta_path)
    status = C.install(root)
    assert not status.usable and status.warn and status.reason.startswith(f"cannot load {directory} (")
    assert sys.meta_path == finders and C.SHARED_LIBRARY not in sys.modules
    assert capsys.readouterr().err.count("\n") == 1


def test_no_build_is_pure_python_without_a_warning(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATELINE_PURE", raising=False)
    root, directory = _tree(tmp_path)
    (directory / C.MANIFEST).unlink()
    monkeypatch.setattr(C, "STATUS", None)
    status = C.install(root)
    assert status == C.Status(False, "not built: run .venv/bin/python scripts/compile_extraction.py")
    assert capsys.readouterr().err == ""


def test_dateline_pure_forces_pure_modules_and_a_manifest_for_another_build_is_refused(tmp_path, monkeypatch):
    root, directory = _tree(tmp_path)
    monkeypatch.setenv("DATELINE_PURE", "1")
    assert C.check(root) == C.Status(False, "DATELINE_PURE is set")
    assert C.compare(root).usable  # the build script ignores DATELINE_PURE
    monkeypatch.setenv("DATELINE_PURE", "0")
    assert C.check(root).usable
    manifest = json.loads((directory / C.MANIFEST).read_text(encoding="utf-8"))
    for key, other in (("modules", manifest["modules"][:-1]), ("python", "3.11.0a1")):
        (directory / C.MANIFEST).write_text(json.dumps({**manifest, key: other}), encoding="utf-8")
        assert C.compare(root).reason.startswith("built for another interpreter or module list")


def test_build_script_says_up_to_date_without_compiling(tmp_path, capsys, monkeypatch):
    root, _ = _tree(tmp_path)
    shutil.copytree(REPO / "index" / "extract", root / "index" / "extract", dirs_exist_ok=True)
    monkeypatch.setattr(compile_extraction, "build", lambda *a: pytest.fail("built although up to date"))
    assert compile_extraction.main(["--root", str(root)]) == 0
    assert capsys.readouterr().err == "compile_extraction: up to date\n"
    (root / "index" / "extract" / "dates.py").write_text("x = 1\n", encoding="utf-8")
    assert compile_extraction.main(["--status", "--root", str(root)]) == 1
    assert "index/extract/dates.py changed since the build" in capsys.readouterr().err


def test_the_compiled_modules_are_what_runs_when_the_build_is_current():
    """Fails when a build for today's sources exists but pure modules run (a finder not
    installed, or modules imported before it), unless DATELINE_PURE asked for that."""
    status = _require_build()
    if C.check().reason == "DATELINE_PURE is set":
        pytest.skip("DATELINE_PURE is set")
    import index.extract
    import index.extract.quotes

    folder = C.compiled_dir()
    for name in C.COMPILED:
        module = sys.modules[name]
        binary = Path(module.__file__)
        assert binary.parent.is_relative_to(folder) and binary.name.endswith(C.ext_suffix())
    assert not hasattr(index.extract.quotes.extract_speakers, "__code__")  # native, not bytecode
    assert index.extract.implementation() == f"compiled ({status.compiler})"


_DUMP = """
import sys
from pathlib import Path
from index.copies import signature
from index.document import content_hash, to_document
from index.extract import AliasTable, extract, implementation
from index.readers import read_paths
print(implementation())
aliases = AliasTable.default()
for item in read_paths(sys.argv[1:]):
    if hasattr(item, "body"):
        ex = extract(item, aliases)
        doc = to_document(item, ex, content_hash(item), aliases, indexed_at=0)
        sig = signature(ex.body)
        print(repr(ex), sorted((k, repr(v)) for k, v in doc.items()), sig.hex() if sig else None)
"""


def _dump(paths: list[str], pure: bool) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(REPO)}
    env.pop("DATELINE_PURE", None)
    if pure:
        env["DATELINE_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", _DUMP, *paths], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_pure_and_compiled_extraction_give_byte_identical_documents():
    status = _require_build()
    paths = [str(REPO / "examples" / "archive"), str(REPO / "tests" / "fixtures")]
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths.append(str(seeds))
    pure, compiled = _dump(paths, pure=True), _dump(paths, pure=False)
    assert pure[0] == "pure Python (DATELINE_PURE is set)"
    assert compiled[0] == f"compiled ({status.compiler})"
    assert len(pure) >= 8 and pure[1:] == compiled[1:]


@pytest.mark.parametrize(("package_body", "passes"), [
    ("def implementation():\n    return 'compiled (mypyc 2.4.1)'\n", True),
    ("def implementation():\n    return 'pure Python (not built)'\n", False),
    ("raise TypeError('frozenset object expected; got set')\n", False),
])
def test_smoke_test_refuses_a_build_that_does_not_run(tmp_path, package_body, passes):
    (tmp_path / "index" / "extract").mkdir(parents=True)
    (tmp_path / "index" / "__init__.py").write_text("")
    (tmp_path / "index" / "extract" / "__init__.py").write_text(package_body)
    if passes:
        compile_extraction.smoke_test(tmp_path)
    else:
        with pytest.raises(RuntimeError, match="the compiled modules do not run"):
            compile_extraction.smoke_test(tmp_path)

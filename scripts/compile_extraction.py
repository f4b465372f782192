#!/usr/bin/env python3
"""Compile Dateline's extraction modules with mypyc into ``build/compiled/<ABI tag>/``.

    .venv/bin/python scripts/compile_extraction.py            # build, or say "up to date"
    .venv/bin/python scripts/compile_extraction.py --force    # rebuild anyway
    .venv/bin/python scripts/compile_extraction.py --status   # what would run, and why

The modules of ``index.extract._compiled.COMPILED`` become one mypyc group (they call each other
natively); the manifest written beside the binaries records the sha256 of every source they were
built from, so ``index.extract`` uses them only while those files are unchanged (see
``index/extract/_compiled.py``).  Extraction costs ~19 % less compiled, with byte-identical output
(docs/performance.md, "Round 7: compiled extraction").  Needs the ``compile`` extra (mypy, which
ships mypyc) and a C compiler with the Python headers; without them extraction runs in pure Python.

The build goes to a fresh folder that replaces the old one only when complete, so a process that
has the old binaries loaded keeps working, and an interrupted build leaves the old one in place.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parents[1]
LOADER = REPO_ROOT / "index" / "extract" / "_compiled.py"


def load_loader(path: Path = LOADER) -> ModuleType:
    """``index/extract/_compiled.py`` loaded on its own: importing ``index.extract`` would need the
    project's dependencies and would load the very binaries this script replaces."""
    spec = importlib.util.spec_from_file_location("_dateline_compiled_loader", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def say(message: str) -> None:
    """One progress line on stderr."""
    print(f"compile_extraction: {message}", file=sys.stderr, flush=True)


def mypy_version() -> str | None:
    """The installed mypy's version, or None when mypy (hence mypyc) is not installed."""
    try:
        from mypy.version import __version__
    except ImportError:
        return None
    return __version__


def generate_c(loader: ModuleType, c_dir: Path) -> list:
    """Type-check the modules and write their C (mypyc); the setuptools extensions to compile."""
    from mypyc.build import mypycify

    paths = [name.replace(".", "/") + ".py" for name in loader.COMPILED]
    # Project modules outside the group are type-checked, not compiled; third-party packages
    # without type information are Any to mypy (their values are checked at run time).
    options = ["--ignore-missing-imports", "--follow-imports=silent"]
    chatter = io.StringIO()  # mypy's errors, and a note per generator mypyc treats as a list
    try:
        with contextlib.redirect_stdout(chatter):
            return mypycify(options + paths, opt_level="3", target_dir=str(c_dir), group_name=loader.GROUP)
    finally:  # also when mypy's errors end the build (SystemExit): they belong in the log
        print(chatter.getvalue(), end="")


def compile_c(extensions: list, lib_dir: Path, obj_dir: Path, jobs: int) -> None:
    """Run setuptools' ``build_ext`` on ``extensions`` (``jobs`` extensions compiled at a time)."""
    from setuptools import Distribution

    dist = Distribution({"name": "dateline-compiled", "ext_modules": extensions})
    dist.verbose = 0
    command = dist.get_command_obj("build_ext")
    command.build_lib = str(lib_dir)
    command.build_temp = str(obj_dir)
    command.parallel = jobs
    command.inplace = False
    command.ensure_finalized()
    command.run()


@contextlib.contextmanager
def output_to(log: Path):
    """Send this process's (and its compilers') stdout and stderr to ``log`` meanwhile."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with open(log, "wb") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)


def install_folder(built: Path, target: Path) -> None:
    """Put ``built`` at ``target``, replacing what was there (renames: loaded binaries stay valid)."""
    old = target.with_name(target.name + f".old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    built.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def smoke_test(root: Path) -> None:
    """Import the package in a fresh interpreter and check every compiled module is what runs.

    mypyc checks declared types at run time, so code mypy accepts can still fail in a module's
    body (``frozenset | dict_keys`` is a ``set``): a build that cannot be imported is removed
    rather than left to break every later import of ``index.extract``."""
    import subprocess

    check = "import index.extract as e; print(e.implementation())"
    done = subprocess.run([sys.executable, "-c", check], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "DATELINE_PURE": ""})
    said = done.stdout.strip()
    if done.returncode != 0 or not said.startswith("compiled"):
        detail = done.stderr.strip().splitlines()[-1:] or [said]
        raise RuntimeError(f"the compiled modules do not run ({detail[0]})")


def build(loader: ModuleType, root: Path, jobs: int, log: Path) -> Path:
    """Compile every module of the group into a fresh folder and install it; its final path.
    What mypyc and the C compiler print goes to ``log``."""
    target = loader.compiled_dir(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    hashes = loader.source_hashes(root)  # before compiling: an edit during the build reads as stale
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        started = time.monotonic()
        say(f"mypyc {mypy_version()}: type-checking {len(loader.COMPILED)} modules and writing C ...")
        os.chdir(root)  # mypyc names modules after their paths relative to here
        with output_to(log):
            extensions = generate_c(loader, work / "c")
        say(f"C written in {time.monotonic() - started:.0f} s; compiling it ({jobs} jobs) ...")
        with output_to(log):
            compile_c(extensions, work / "lib", work / "obj", jobs)
        out = work / "out"
        shutil.move(str(work / "lib"), out)
        suffix = loader.ext_suffix()
        expected = [loader.SHARED_LIBRARY, *loader.COMPILED]
        missing = [name for name in expected if not (out / (name.replace(".", "/") + suffix)).is_file()]
        if missing:
            raise RuntimeError(f"build_ext made no binary for {', '.join(missing)}")
        manifest = {
            "mypy": mypy_version(),
            "ext_suffix": suffix,
            "python": loader.python_version(),
            "modules": list(loader.COMPILED),
            "sources": hashes,
        }
        (out / loader.MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        install_folder(out, target)
        try:
            smoke_test(root)
        except RuntimeError:
            shutil.rmtree(target, ignore_errors=True)  # never leave binaries that break an import
            raise
        say(f"done in {time.monotonic() - started:.0f} s: {target.relative_to(root)}")
        return target
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Build when the binaries are missing or stale; 0 when they are current at the end, else 1
    (2: mypy is not installed)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the binaries are up to date")
    parser.add_argument("--status", action="store_true",
                        help="only say whether the binaries match the sources")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="extensions compiled at a time (default: 2, or 1 on one core)")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    loader = load_loader(args.root / "index" / "extract" / "_compiled.py")
    status = loader.compare(args.root)
    if args.status or (status.usable and not args.force):
        say("up to date" if status.usable else status.reason)
        return 0 if status.usable else 1
    if mypy_version() is None:
        say("mypy (which ships mypyc) is not installed: extraction runs in pure Python; to compile it:"
            f" .venv/bin/python -m pip install -e '.[compile]' && {loader.REBUILD}")
        return 2
    log = loader.compiled_dir(args.root).parent / "build.log"
    try:
        build(loader, args.root, max(1, args.jobs), log)
    except (Exception, SystemExit) as exc:  # a missing compiler or headers: extraction stays pure, say so
        if loader.compare(args.root).usable:  # a forced rebuild failed; the current binaries stay
            say(f"failed ({type(exc).__name__}: {exc}; details in {log}); the previous build stays in use")
        else:
            say(f"failed ({type(exc).__name__}: {exc}; details in {log}): extraction runs in pure Python,"
                f" which gives the same results with ~23 % more CPU; to retry: {loader.REBUILD}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

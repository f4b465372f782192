"""Load the mypyc-compiled extraction modules, only when they were built from today's sources.

``scripts/compile_extraction.py`` compiles the modules of ``COMPILED`` into
``build/compiled/<ABI tag>/`` (git-ignored, one folder per interpreter ABI) with a manifest: the
sha256 of every file of ``SOURCES``, the mypy version, the interpreter's version and ``EXT_SUFFIX``.
The binaries never sit beside the ``.py`` files: Python's import system prefers an extension
module to a ``.py`` in the same folder, so an edited ``quotes.py`` would silently not run.

``install()`` (run when ``index/extract/__init__.py`` imports this module, before any of the
compiled ones) puts a finder first on ``sys.meta_path`` that serves the compiled modules, and mypyc's shared
library, from that folder, **only when every source hash matches** the files on disk: the modules
compiled together call each other natively, so it is all of them or none.  Otherwise the pure
modules load, and one line on stderr says which file changed and how to rebuild.
``DATELINE_PURE=1`` forces the pure modules (A/B measurements, tests).

Standard library only: the build script loads this file on its own, before the project's
dependencies may be importable.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

#: The repository (an editable install's source tree): sources are hashed and binaries found here.
REPO_ROOT = Path(__file__).resolve().parents[2]
#: Modules compiled together, as one mypyc group.  ``index.extract`` itself stays pure: it is in
#: the import cycle with ``quotes`` and holds no loop worth compiling.
COMPILED = tuple(
    f"index.extract.{name}"
    for name in ("_content", "_lexicon", "clean", "dates", "entities", "names", "outlet", "quotes")
)
#: Files whose content the binaries depend on: the compiled modules and the project modules whose
#: classes they use (mypyc checks the attribute types it was told at build time).
SOURCES = tuple(name.replace(".", "/") + ".py" for name in COMPILED) + ("index/article.py", "search/names.py")
#: Name of the mypyc group, hence of its shared library module (``<GROUP>__mypyc``).
GROUP = "dateline_extract"
SHARED_LIBRARY = f"{GROUP}__mypyc"
MANIFEST = "manifest.json"
#: The command that (re)builds the binaries, said whenever they are not used for a reason it fixes.
REBUILD = ".venv/bin/python scripts/compile_extraction.py"


def ext_suffix() -> str:
    """This interpreter's extension-module suffix (``.cpython-311-x86_64-linux-gnu.so``)."""
    return sysconfig.get_config_var("EXT_SUFFIX") or importlib.machinery.EXTENSION_SUFFIXES[0]


def python_version() -> str:
    """This interpreter's version, ``"3.11.2"``: binaries are rebuilt when it changes.

    mypyc's C is compiled against the interpreter's headers; patch releases keep the stable ABI
    that ``EXT_SUFFIX`` names, not necessarily every internal structure mypyc reads.
    """
    return sys.version.split()[0]


def compiled_dir(root: Path = REPO_ROOT) -> Path:
    """Where the binaries for this interpreter's ABI live: ``build/compiled/<tag>``."""
    tag = ext_suffix().strip(".").removesuffix(".so").removesuffix(".pyd")
    return root / "build" / "compiled" / tag


def source_hashes(root: Path = REPO_ROOT) -> dict[str, str]:
    """sha256 of each file of ``SOURCES`` under ``root`` (relative path -> hex digest)."""
    return {path: hashlib.sha256((root / path).read_bytes()).hexdigest() for path in SOURCES}


@dataclass(frozen=True)
class Status:
    """What ``install`` found: whether the compiled modules may be used, and why not."""

    usable: bool
    reason: str  # "mypyc 2.4.1" when usable, else why the pure modules run
    compiler: str = ""
    warn: bool = False  # the reason is worth a line on stderr (stale or broken, not absent)


def check(root: Path = REPO_ROOT, directory: Path | None = None) -> Status:
    """Whether this process may use the binaries: ``DATELINE_PURE`` unset and ``compare`` agrees."""
    if os.environ.get("DATELINE_PURE", "") not in ("", "0"):
        return Status(False, "DATELINE_PURE is set")
    return compare(root, directory)


def compare(root: Path = REPO_ROOT, directory: Path | None = None) -> Status:
    """Compare the manifest in ``directory`` with the sources under ``root``."""
    directory = compiled_dir(root) if directory is None else directory
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Status(False, f"not built: run {REBUILD}")
    except (OSError, ValueError) as exc:
        return Status(False, f"unreadable {directory / MANIFEST} ({exc}): run {REBUILD}", warn=True)
    if (manifest.get("ext_suffix") != ext_suffix() or manifest.get("python") != python_version()
            or manifest.get("modules") != list(COMPILED)):
        return Status(False, f"built for another interpreter or module list: run {REBUILD}", warn=True)
    built = manifest.get("sources", {})
    try:
        current = source_hashes(root)
    except OSError as exc:
        return Status(False, f"cannot read the sources ({exc})", warn=True)
    changed = [path for path in SOURCES if built.get(path) != current[path]]
    if changed:
        more = f" (and {len(changed) - 1} more)" if len(changed) > 1 else ""
        return Status(False, f"{changed[0]}{more} changed since the build: run {REBUILD}", warn=True)
    compiler = f"mypyc {manifest.get('mypy', '?')}"
    return Status(True, compiler, compiler=compiler)


class CompiledFinder:
    """A ``sys.meta_path`` finder serving ``COMPILED`` and the shared library from one folder."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.suffix = ext_suffix()

    def path_of(self, fullname: str) -> Path | None:
        """The binary that implements ``fullname``, or None for a module this finder leaves alone."""
        if fullname == SHARED_LIBRARY or fullname in COMPILED:
            return self.directory / (fullname.replace(".", "/") + self.suffix)
        return None

    def find_spec(self, fullname: str, path=None, target=None):  # noqa: ANN001 (the finder protocol)
        """The spec of a compiled module (``importlib``'s finder protocol)."""
        binary = self.path_of(fullname)
        if binary is None or not binary.is_file():
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(binary))
        return importlib.util.spec_from_file_location(fullname, binary, loader=loader)


#: What ``install`` decided in this process (None before it ran).
STATUS: Status | None = None
_FINDER: CompiledFinder | None = None


def install(root: Path = REPO_ROOT, directory: Path | None = None) -> Status:
    """Serve the compiled modules when they match the sources; else say once why not.  Idempotent."""
    global STATUS, _FINDER
    if STATUS is not None:
        return STATUS
    directory = compiled_dir(root) if directory is None else directory
    status = check(root, directory)
    if status.usable:
        finder = CompiledFinder(directory)
        sys.meta_path.insert(0, finder)
        try:  # load the shared library now, so a broken binary means pure modules, not a failed import
            importlib.import_module(SHARED_LIBRARY)
        except ImportError as exc:
            sys.meta_path.remove(finder)
            status = Status(False, f"cannot load {directory} ({exc}): run {REBUILD}", warn=True)
        else:
            _FINDER = finder
    if status.warn:
        print(f"dateline: extraction runs in pure Python: {status.reason}", file=sys.stderr)
    STATUS = status
    return status


def running_compiled() -> list[str]:
    """The modules of ``COMPILED`` imported in this process from the compiled folder."""
    if _FINDER is None:
        return []
    folder = str(_FINDER.directory)
    files = {name: str(getattr(sys.modules.get(name), "__file__", "")) for name in COMPILED}
    return [name for name, file in files.items() if file.startswith(folder)]


def implementation() -> str:
    """``"compiled (mypyc 2.4.1)"`` when every compiled module runs, else ``"pure Python (why)"``."""
    status = STATUS if STATUS is not None else Status(False, "the loader was not installed")
    if not status.usable:
        return f"pure Python ({status.reason})"
    running = running_compiled()
    if len(running) == len(COMPILED):
        return f"compiled ({status.compiler})"
    missing = sorted(set(COMPILED) - set(running))
    return f"pure Python ({', '.join(missing)} imported before the compiled loader)"


# Imported as ``index.extract._compiled`` (by the package, before its compiled modules): decide
# now.  The build script loads this file under another name and installs nothing.
if __name__ == "index.extract._compiled":
    install()

"""Find the article files and archives under the PATH arguments of ``dateline index``.

The walk never follows a symlinked folder (``os.walk(followlinks=False)``), so symlink loops cannot
make it spin; symlinked files are read only when they point inside the folder being walked.  Hidden
files and folders, ``__MACOSX`` and files with unknown suffixes are skipped silently; everything else
that cannot be read becomes a ReadFailure, and the walk goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from index.readers import sidecar
from index.readers.sources import (
    SUFFIX_KINDS,
    ReadFailure,
    ReadWarning,
    SourceFile,
    is_ignored_name,
    is_skipped_file,
    kind_of,
)


def discover(paths: Iterable[str | Path]) -> Iterator[SourceFile | ReadFailure]:
    """Yield every supported file under ``paths`` (folders walked recursively, in sorted order).

    A file named directly is yielded even if hidden; with an unsupported suffix it is a ReadFailure,
    because the user asked for it.  Never raises for missing, unreadable or odd paths.
    """
    for arg in paths:
        top = Path(os.path.abspath(arg))
        root = top.name or "root"
        try:
            st = os.stat(top)
        except OSError as exc:
            yield ReadFailure(str(arg), str(top), _os_reason(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(top, root)
        elif not stat.S_ISREG(st.st_mode):
            yield ReadFailure(root, str(top), "not a regular file")
        elif (kind := kind_of(top.name)) is None:
            yield ReadFailure(root, str(top), f"unsupported file type: expected {', '.join(SUFFIX_KINDS)}")
        else:
            yield SourceFile(top, root, top.name, st.st_size, st.st_mtime_ns, kind,
                             meta=sidecar.fingerprint(top.parent))


def _walk(top: Path, root: str) -> Iterator[SourceFile | ReadFailure]:
    real_top = os.path.realpath(top)
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=errors.append, followlinks=False):
        while errors:
            exc = errors.pop(0)
            where = exc.filename or dirpath
            yield ReadFailure(_rel(root, top, where), str(where), _os_reason(exc))
        dirnames[:] = sorted(d for d in dirnames if not is_ignored_name(d))
        for name in dirnames:
            full = os.path.join(dirpath, name)
            # Symlinked folders are not descended into.  One pointing inside the tree is reached by
            # its real path anyway; one pointing outside is reported so nobody wonders why it is missing.
            if os.path.islink(full) and not _inside(real_top, os.path.realpath(full)):
                yield ReadFailure(
                    _rel(root, top, full), full, f"symbolic link to a folder outside {top} not followed"
                )
        folder = _rel(root, top, dirpath)
        meta = sidecar.fingerprint(dirpath)
        if meta:
            for warning in sidecar.load(dirpath, folder).warnings:
                yield ReadWarning(folder, dirpath, warning)
        for name in sorted(filenames):
            if is_skipped_file(name) or (kind := kind_of(name)) is None:
                continue
            full = os.path.join(dirpath, name)
            rel = _rel(root, top, full)
            if os.path.islink(full):
                target = os.path.realpath(full)
                if not os.path.exists(target):
                    yield ReadFailure(rel, full, "broken symbolic link")
                    continue
                if not _inside(real_top, target):
                    yield ReadFailure(rel, full, f"symbolic link to a file outside {top} not followed")
                    continue
            try:
                st = os.stat(full)
            except OSError as exc:
                yield ReadFailure(rel, full, _os_reason(exc))
                continue
            if not stat.S_ISREG(st.st_mode):
                # Opening a FIFO would block the run forever; devices are never articles.
                yield ReadFailure(rel, full, "not a regular file")
            elif not os.access(full, os.R_OK):
                yield ReadFailure(rel, full, "permission denied")
            else:
                yield SourceFile(Path(full), root, rel, st.st_size, st.st_mtime_ns, kind, meta, folder)
    # A folder that cannot be listed is reported by os.walk only when it tries to enter it: after
    # the last folder it yields, so its error would otherwise be dropped (found once the
    # unreadable-folder test ran as an unprivileged user; as root it had always been skipped).
    for exc in errors:
        where = exc.filename or str(top)
        yield ReadFailure(_rel(root, top, where), str(where), _os_reason(exc))


def _rel(root: str, top: Path, full: str | os.PathLike) -> str:
    rel = os.path.relpath(full, top)
    return root if rel == "." else f"{root}/{rel.replace(os.sep, '/')}"


def _inside(real_top: str, target: str) -> bool:
    return os.path.commonpath([real_top, target]) == real_top


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"

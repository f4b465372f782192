"""Read articles out of zip and tar archives without extracting anything to disk.

Members are read in archive order.  Safety rules (limits in ``limits``): members whose path is
absolute or climbs out with ``..`` are refused, as are tar links, devices and FIFOs, zip symlinks
and encrypted members — each as one ReadFailure, the other members still read.  An archive whose
unpacked size passes ``MAX_ARCHIVE_UNPACKED_BYTES`` or a zip member compressed more than
``MAX_COMPRESSION_RATIO`` times (a zip bomb) is stopped with a ReadFailure.  Archives inside
archives are reported, not opened.
"""

from __future__ import annotations

import lzma
import re
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from index.readers import limits
from index.readers.formats import Result, parse_bytes, parse_jsonl
from index.readers.sources import (
    ARCHIVE_KINDS,
    ReadFailure,
    SourceFile,
    is_ignored_name,
    is_skipped_file,
    kind_of,
)

# What a damaged compressed stream or container can raise while being read.
_CORRUPT = (
    tarfile.TarError,
    zipfile.BadZipFile,
    EOFError,
    OSError,
    lzma.LZMAError,
    zlib.error,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
_DRIVE = re.compile(r"^[A-Za-z]:")


def read_archive(src: SourceFile) -> Iterator[Result]:
    """Yield the articles (and failures) of every supported member of a zip or tar archive."""
    if src.kind == "zip":
        yield from _read_zip(src)
    else:
        yield from _read_tar(src)


def member_path(name: str) -> tuple[str | None, str | None]:
    """``(normalised name, None)`` for a safe member path, ``(None, reason)`` for an unsafe one.

    Backslashes count as separators (zips made on Windows); a leading ``./`` is dropped so that
    archives made with ``tar c .`` give the same ids as those made with ``tar c *``.
    """
    posix = name.replace("\\", "/")
    if posix.startswith("/") or _DRIVE.match(posix):
        return None, "absolute member path refused"
    parts = [part for part in posix.split("/") if part not in ("", ".")]
    if ".." in parts:
        return None, "member path with '..' refused"
    return "/".join(parts), None


def _read_zip(src: SourceFile) -> Iterator[Result]:
    path = str(src.path)
    try:
        archive = zipfile.ZipFile(src.path)
    except _CORRUPT as exc:
        yield ReadFailure(src.rel, path, f"not a readable zip archive: {exc}")
        return
    with archive:
        infos = archive.infolist()
        # Declared sizes are checked before anything is decompressed; reads below are bounded too,
        # so a lying header cannot make a member bigger than it says.
        declared = sum(info.file_size for info in infos)
        if declared > limits.MAX_ARCHIVE_UNPACKED_BYTES:
            yield ReadFailure(
                src.rel,
                path,
                f"archive would unpack to {declared:,} bytes, over the "
                f"{limits.MAX_ARCHIVE_UNPACKED_BYTES:,} limit (zip bomb?): not read",
            )
            return
        if len(infos) > limits.MAX_ARCHIVE_MEMBERS:
            yield ReadFailure(src.rel, path, f"more than {limits.MAX_ARCHIVE_MEMBERS:,} members: not read")
            return
        for info in infos:
            if info.is_dir():
                continue
            checked = _check_member(src, info.filename)
            if checked is None:
                continue
            if isinstance(checked, ReadFailure):
                yield checked
                continue
            member_id, kind = checked
            if stat.S_ISLNK(info.external_attr >> 16):
                yield ReadFailure(member_id, path, "symbolic link member refused")
            elif info.flag_bits & 0x1:
                yield ReadFailure(member_id, path, "encrypted member: not read")
            elif (
                info.file_size > limits.RATIO_CHECK_MIN_BYTES
                and info.file_size > limits.MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                yield ReadFailure(
                    member_id,
                    path,
                    f"compression ratio {ratio}:1 over the "
                    f"{limits.MAX_COMPRESSION_RATIO}:1 limit (zip bomb?): not read",
                )
            elif kind != "jsonl" and info.file_size > limits.max_source_bytes(kind):
                yield ReadFailure(member_id, path, limits.too_large_reason(kind, info.file_size))
            else:
                try:
                    with archive.open(info) as stream:
                        yield from _read_member(stream, kind, member_id, path)
                except _CORRUPT as exc:
                    yield ReadFailure(member_id, path, f"corrupt member: {exc}"[:300])


def _read_tar(src: SourceFile) -> Iterator[Result]:
    path = str(src.path)
    try:
        # "r:*" over gz/bz2/xz reads through GzipFile/LZMAFile/BZ2File, read strictly in order here:
        # a forward stream, nothing extracted to disk.  (Stream mode "r|*" was 2-3x slower: its
        # _Stream re-slices its whole decompressed buffer on every 512-byte header read.)
        archive = tarfile.open(src.path, mode="r:*")  # noqa: SIM115 - `with` below
    except _CORRUPT as exc:
        yield ReadFailure(src.rel, path, f"not a readable tar archive: {exc}"[:300])
        return
    unpacked = members = 0
    with archive:
        while True:
            try:
                info = archive.next()
            except _CORRUPT as exc:
                yield ReadFailure(src.rel, path, f"corrupt archive after {members} members: {exc}"[:300])
                return
            if info is None:
                return
            # Stream mode still keeps every TarInfo in .members; drop them so memory stays flat.
            archive.members.clear()
            members += 1
            # Counted for skipped members too: the stream decompresses them all the same.
            unpacked += info.size
            if unpacked > limits.MAX_ARCHIVE_UNPACKED_BYTES:
                yield ReadFailure(
                    src.rel,
                    path,
                    "archive unpacks to over "
                    f"{limits.MAX_ARCHIVE_UNPACKED_BYTES:,} bytes (tar bomb?): "
                    f"stopped after {members - 1} members",
                )
                return
            if members > limits.MAX_ARCHIVE_MEMBERS:
                yield ReadFailure(
                    src.rel, path, f"more than {limits.MAX_ARCHIVE_MEMBERS:,} members: the rest was not read"
                )
                return
            if info.isdir():
                continue
            checked = _check_member(src, info.name)
            if checked is None:
                continue
            if isinstance(checked, ReadFailure):
                yield checked
                continue
            member_id, kind = checked
            if info.issym() or info.islnk():
                yield ReadFailure(member_id, path, f"link member refused (-> {info.linkname})"[:300])
            elif not info.isfile():
                yield ReadFailure(member_id, path, "device, FIFO or other special member refused")
            elif kind != "jsonl" and info.size > limits.max_source_bytes(kind):
                yield ReadFailure(member_id, path, limits.too_large_reason(kind, info.size))
            else:
                try:
                    stream = archive.extractfile(info)
                    if stream is None:
                        continue
                    yield from _read_member(stream, kind, member_id, path)
                except _CORRUPT as exc:
                    yield ReadFailure(member_id, path, f"corrupt member: {exc}"[:300])
                    # The stream position is now unknown: nothing after this member can be trusted.
                    reason = f"corrupt archive after {members - 1} members: the rest was not read"
                    yield ReadFailure(src.rel, path, reason)
                    return


def _check_member(src: SourceFile, name: str) -> tuple[str, str] | ReadFailure | None:
    """``(member id, kind)`` for a member to read, a ReadFailure to report, or None to skip silently."""
    clean, problem = member_path(name)
    if clean is None:
        return ReadFailure(f"{src.rel}!{name}", str(src.path), f"{problem}: {name!r}"[:300])
    *folders, file_name = clean.split("/")
    if any(is_ignored_name(part) for part in folders) or is_skipped_file(file_name):
        return None
    kind = kind_of(file_name)
    if kind is None:
        return None
    member_id = f"{src.rel}!{clean}"
    if kind in ARCHIVE_KINDS:
        return ReadFailure(member_id, str(src.path), "archive inside an archive: not read")
    return member_id, kind


def _read_member(stream: IO[bytes], kind: str, member_id: str, path: str) -> Iterator[Result]:
    if kind == "jsonl":
        yield from parse_jsonl(stream, id=member_id, path=path)
        return
    limit = limits.max_source_bytes(kind)
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield ReadFailure(member_id, path, limits.too_large_reason(kind))
    else:
        yield from parse_bytes(data, kind, id=member_id, path=path)

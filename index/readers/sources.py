"""The plain records the readers hand out besides ``Article``: a file found on disk, and a failure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: File-name suffix -> kind.  Checked longest first so ``.tar.gz`` wins over ``.gz``.
SUFFIX_KINDS: dict[str, str] = {
    ".txt": "txt",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".zip": "zip",
    ".tar": "tar",
    ".tar.gz": "tar",
    ".tgz": "tar",
    ".tar.xz": "tar",
    ".txz": "tar",
    ".tar.bz2": "tar",
    ".tbz2": "tar",
}
ARCHIVE_KINDS = frozenset({"zip", "tar"})
_SUFFIXES = sorted(SUFFIX_KINDS, key=len, reverse=True)


def kind_of(name: str) -> str | None:
    """The kind (txt, json, jsonl, html, zip, tar) of a file name, or None for anything else."""
    lower = name.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return SUFFIX_KINDS[suffix]
    return None


# Corpus documentation that sits next to the articles (bbc/README.TXT, allsides/README.txt).
_DOC_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})


def is_ignored_name(name: str) -> bool:
    """Hidden files and folders and macOS resource-fork folders: skipped without a report."""
    return name.startswith(".") or name == "__MACOSX"


def is_skipped_file(name: str) -> bool:
    """Files never taken for articles: hidden ones, README/LICENSE-style corpus documentation and
    sidecar metadata files (``metadata.csv``, ``metadata.jsonl``).

    Skipped without a report while walking; a file named directly on the command line is still read.
    """
    return (is_ignored_name(name) or name.split(".", 1)[0].lower() in _DOC_STEMS
            or name.lower() in _SIDECAR_NAMES)


# Sidecar metadata files (index/readers/sidecar.py) describe the articles; they are not articles.
_SIDECAR_NAMES = frozenset({"metadata.csv", "metadata.jsonl"})


@dataclass(frozen=True)
class SourceFile:
    """One readable file found on disk: an article file (txt, json, jsonl, html) or an archive."""

    path: Path  # absolute path
    root: str  # last path component of the PATH argument it was found under
    rel: str  # id prefix: root + "/" + path relative to the PATH argument ("/" separators)
    size: int
    mtime_ns: int
    kind: str  # txt | json | jsonl | html | zip | tar
    #: Fingerprint of the folder's sidecar metadata files ("" when none): part of the manifest's
    #: fingerprint of this file, so editing a sidecar re-reads the files it describes.
    meta: str = ""
    #: Id prefix of the folder the file was found in (``news/2019``), or "" for a file named directly.
    folder: str = ""


@dataclass(frozen=True)
class ReadFailure:
    """Something that could not be read, reported instead of raised.

    ``id`` is the id the article would have had, so an indexer can delete a stale copy of it.
    """

    id: str
    path: str
    reason: str


@dataclass(frozen=True)
class ReadWarning(ReadFailure):
    """A problem that costs no article (a malformed sidecar row, an unknown column): reported only.

    A subclass of ReadFailure, so code that only knows failures still skips it.
    """

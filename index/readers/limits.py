"""Reader limits: the bounds that keep one hostile file from exhausting memory, disk or time.

Every limit is a module-level constant so operators can change it in one place (and tests can
monkeypatch it).  Anything over a limit becomes a ``ReadFailure`` with a reason naming the limit;
nothing is truncated silently.

``MAX_ARTICLE_BYTES``
    Largest single article source read into memory: a ``.txt``/``.json``/``.html`` file, an archive
    member, or one JSONL line (20 MiB).  The size is checked *before* reading, so a 50 MB
    single-line file costs a ``stat`` call, not 50 MB of RAM.  JSONL files as a whole are streamed
    line by line and have no total cap.
``MAX_HTML_BYTES``
    HTML pages go through trafilatura, whose cost grows with the DOM; pages above 10 MiB are refused,
    like other sources before they are read (:func:`max_source_bytes`), and the reason names this
    limit, not the larger one for other sources.
``MAX_ARCHIVE_UNPACKED_BYTES``
    Total bytes an archive may unpack to (1 GiB), counting members that are skipped — a streamed
    tar has to decompress them anyway.  Past it the rest of the archive is abandoned (zip bombs).
``MAX_COMPRESSION_RATIO`` / ``RATIO_CHECK_MIN_BYTES``
    A zip member larger than 4 MiB that is more than 100 times smaller compressed is refused:
    real news text compresses 3-10x, bombs 1000x.
``MAX_ARCHIVE_MEMBERS``
    Members read from one archive before the rest is abandoned (1,000,000).
``MAX_TITLE_CHARS``
    Titles longer than this (500 characters) are cut at a word boundary; the text stays in the body.
``MAX_RAW_META_DEPTH`` / ``MAX_INT_DIGITS``
    ``raw_meta`` keeps the original JSON object, but values nested deeper than 8 levels are replaced by
    ``"…"`` and integers longer than 100 digits are kept as strings, so later ``json.dumps`` calls or
    recursive walks can neither recurse too deep nor hit Python's int/str conversion limit.
"""

from __future__ import annotations

MiB = 1024 * 1024

MAX_ARTICLE_BYTES = 20 * MiB
MAX_HTML_BYTES = 10 * MiB
MAX_ARCHIVE_UNPACKED_BYTES = 1024 * MiB
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 4 * MiB
MAX_ARCHIVE_MEMBERS = 1_000_000
MAX_TITLE_CHARS = 500
MAX_RAW_META_DEPTH = 8
MAX_INT_DIGITS = 100


def max_source_bytes(kind: str) -> int:
    """The size limit for one article source of ``kind`` (``html`` pages have their own, smaller one)."""
    return MAX_HTML_BYTES if kind == "html" else MAX_ARTICLE_BYTES


def too_large_reason(kind: str, size: int | None = None) -> str:
    """The ReadFailure reason for a source of ``kind`` over its limit (``size`` when known)."""
    actual = f"{size:,} bytes, " if size is not None else ""
    which = " for HTML pages" if kind == "html" else ""
    return f"too large: {actual}over the {max_source_bytes(kind):,}-byte limit{which}"

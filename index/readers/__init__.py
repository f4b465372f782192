"""Readers: find article files and archives on disk and turn them into ``Article`` records.

One responsibility per module: ``discover`` (the walk), ``decode`` (bytes -> text), ``formats``
(txt/json/jsonl/html parsers), ``metadata`` (JSON keys -> Article fields), ``archives`` (zip/tar
members), ``limits`` (every size bound, documented), ``sidecar`` (per-folder metadata files), ``read`` (tying
them together).  Nothing here
raises for bad input: each problem is one ``ReadFailure`` and the walk goes on.
"""

from __future__ import annotations

from index.readers.discover import discover
from index.readers.read import read_paths, read_source
from index.readers.sources import ReadFailure, ReadWarning, SourceFile

__all__ = ["ReadFailure", "ReadWarning", "SourceFile", "discover", "read_paths", "read_source"]

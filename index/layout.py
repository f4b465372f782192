"""Which entries of an index folder belong to a Dateline index, including what a crash leaves.

``dateline index --rebuild`` deletes the index folder, but only when everything in it is ours: an
``--index`` pointed at the wrong folder must not wipe someone's files.  A run killed at any moment
(``scripts/crash_test.py --rebuild --kill all``) can leave, besides the committed files:

- ``MAIN.tmp/``: the folder Whoosh's segment writers keep temporary files in (``*.ctmp`` column
  files, ``*.run`` posting runs), removed only when a writer finishes or is cancelled;
- ``_MAIN_<generation>.toc.<time>``: a table of contents written but not yet renamed into place;
- ``MAIN_<segment>.<ext>``: files of a segment no table of contents names yet (``.seg``, ``.trm``,
  ``.pst``, ``.vps``, ``._<field>.col`` ...), and the lock files ``MAIN_WRITELOCK``/``MAIN_LOCK``;
- ``.staging/``: segments built by workers and not yet published;
- ``manifest.sqlite`` and ``copies.sqlite`` with SQLite's ``-wal``, ``-shm`` and ``-journal`` files.

Before issue 11 only the committed names were recognised, and 7 of 10 rebuilds after a kill -9 of
every process of a run refused with "'MAIN.tmp' is not part of a Dateline index".
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from index.manifest import MANIFEST_NAME
from index.segments import STAGING_DIR
from index.storage import INDEX_NAME
from search.copies import COPIES_NAME

_MAIN = re.escape(INDEX_NAME)
#: Names of the entries of an index folder that Dateline or Whoosh create (files or folders).
_OURS = re.compile(
    "|".join(
        (
            rf"_{_MAIN}_[0-9]+\.toc(\.[A-Za-z0-9.]+)?",  # table of contents; its temporary while written
            rf"{_MAIN}_[A-Za-z0-9]+(\.[A-Za-z0-9_.]+)?",  # segment files, MAIN_WRITELOCK, MAIN_LOCK
            rf"{_MAIN}\.tmp",  # Whoosh writers' temporary storage (a folder)
            re.escape(STAGING_DIR),
            rf"({re.escape(MANIFEST_NAME)}|{re.escape(COPIES_NAME)})(-wal|-shm|-journal)?",
        )
    )
)


def is_index_entry(name: str) -> bool:
    """True when ``name`` (an entry directly inside an index folder) is one Dateline or Whoosh makes."""
    return _OURS.fullmatch(name) is not None


def foreign_entries(index_dir: str | os.PathLike) -> list[str]:
    """Names in ``index_dir`` that are not part of a Dateline index, sorted (empty when it is all ours).

    Only names are judged, not contents: a folder named ``MAIN.tmp`` or ``.staging`` is taken as
    ours whatever it holds, since Whoosh and the workers put files of their own choosing in them.
    """
    return sorted(entry.name for entry in Path(index_dir).iterdir() if not is_index_entry(entry.name))

"""Reading segment files in place: Whoosh copied every file it opened from a segment into memory.

A compound segment file is mapped with ``mmap`` and each file inside it is opened as a
``BufferFile`` over a memoryview of the map, which wraps it in ``io.BytesIO(memoryview)``:
BytesIO copies a memoryview (it shares only ``bytes``).  Opening a reader therefore copied the
postings and terms of every segment into private memory: 527 MB of anonymous memory, plus the
pages read to copy them, to open the 37.5k-article index (720 MB); a 300k index would need
gigabytes in the server and in the committer.  :class:`BufferReader` is a read-only file over
the memoryview itself, so only the pages actually read are touched, and they stay shared with the
page cache.  :func:`install` makes ``BufferFile`` use it.
"""

from __future__ import annotations

import os

from whoosh.filedb import structfile

#: Most bytes ``peek`` returns.  The C unpickler asks for 128 KiB, unpickles from what it gets
#: (asking for more if needed) and then skips what it used; Whoosh's pickles here are tiny.
PEEK_SIZE = 256


class BufferReader:
    """A read-only, seekable file over a buffer (bytes, memoryview, mmap), never copying all of it."""

    __slots__ = ("_buf", "_pos", "_size")

    def __init__(self, buf) -> None:
        self._buf = memoryview(buf)
        self._pos = 0
        self._size = len(self._buf)

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = self._size if size is None or size < 0 else min(start + size, self._size)
        self._pos = end
        return self._buf[start:end].tobytes()

    def peek(self, size: int = PEEK_SIZE) -> bytes:
        """Bytes from the current position without moving (the C unpickler reads ahead with it)."""
        size = PEEK_SIZE if size <= 0 else min(size, PEEK_SIZE)
        return self._buf[self._pos:self._pos + size].tobytes()

    def readinto(self, target) -> int:
        data = self.read(len(target))
        target[:len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        limit = self._size if size is None or size < 0 else min(self._pos + size, self._size)
        end = self._pos
        while end < limit:
            chunk = self._buf[end:min(end + 64, limit)].tobytes()
            newline = chunk.find(b"\n")
            if newline >= 0:
                end += newline + 1
                break
            end += len(chunk)
        return self.read(end - self._pos)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_CUR:
            offset += self._pos
        elif whence == os.SEEK_END:
            offset += self._size
        if offset < 0:
            raise ValueError(f"negative seek position {offset}")
        self._pos = offset
        return offset

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        # Dropped, not released: a slice handed out by ``get`` may still refer to the map.
        self._buf = memoryview(b"")
        self._size = self._pos = 0


def _buffer_file_init(self, buf, name=None, onclose=None) -> None:
    """``BufferFile.__init__`` with :class:`BufferReader` in place of ``BytesIO(buf)``."""
    self._buf = buf
    self._name = name
    self.file = BufferReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make Whoosh's ``BufferFile`` read its buffer in place (idempotent)."""
    structfile.BufferFile.__init__ = _buffer_file_init

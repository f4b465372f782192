"""Segment files are read in place: BufferFile over a memoryview no longer copies it."""

import io
import os
import pickle

import pytest
from whoosh.filedb.structfile import BufferFile

import index.storage  # noqa: F401  (installs the zero-copy BufferFile)
from index.zerocopy import PEEK_SIZE, BufferReader

DATA = b"header\n" + pickle.dumps({"a": [1, 2, 3], "b": "x" * 600}, 2) + b"line two\ntail"


def test_buffer_file_reads_the_buffer_in_place():
    backing = bytearray(b"0123456789")
    view = memoryview(backing)
    f = BufferFile(view[2:8])
    backing[3] = ord("X")  # visible through the file: nothing was copied
    assert f.read(3) == b"2X4"
    assert f.get(0, 2) == b"2X"
    assert f.tell() == 3


@pytest.mark.parametrize("ops", [
    [("readline",), ("load",), ("readline",), ("read", -1)],
    [("seek", 3), ("read", 4), ("seek", -2, os.SEEK_CUR), ("read", 3),
     ("seek", -4, os.SEEK_END), ("read", 10)],
    [("read", 0), ("readline", 3), ("readline",), ("tell",), ("seek", 0, os.SEEK_END), ("read", 5)],
])
def test_buffer_reader_behaves_like_bytesio(ops):
    def run(f):
        out = []
        for op, *args in ops:
            out.append(pickle.load(f) if op == "load" else getattr(f, op)(*args))
            out.append(f.tell())
        return out

    assert run(BufferReader(memoryview(DATA))) == run(io.BytesIO(DATA))


def test_peek_offers_a_bounded_prefix_without_moving():
    f = BufferReader(DATA)
    f.seek(7)
    assert f.peek(1 << 17) == DATA[7:7 + PEEK_SIZE]
    assert f.tell() == 7
    buf = bytearray(4)
    assert f.readinto(buf) == 4 and bytes(buf) == DATA[7:11]

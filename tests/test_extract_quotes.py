"""Quote records and speaker attribution (index/extract/quotes.py) and its PolNeAR scorer."""

from __future__ import annotations

import pytest

from index.extract.quotes import extract_speakers

SEED_SPEAKERS = {
    "000": {"Sergey Lavrov", "Mevlut Cavusoglu"},
    "001": {"Sergei Lavrov"},
    "002": {"Maria Zakharova"},
    "003": {"Sergey Lavrov"},
    "004": {"Dmitry Peskov"},
}


def _seed(sample_archive, prefix: str) -> tuple[str, str]:
    path = next(sample_archive.glob(f"{prefix}_*.txt"))
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return title, body


def _names(body: str, title: str = "") -> list[str]:
    return [s.name for s in extract_speakers(body, title)]


@pytest.mark.parametrize("prefix", sorted(SEED_SPEAKERS))
def test_seed_speakers(sample_archive, prefix):
    title, body = _seed(sample_archive, prefix)
    people = {s.name for s in extract_speakers(body, title) if s.type == "person"}
    assert SEED_SPEAKERS[prefix] <= people
    assert people - SEED_SPEAKERS[prefix] <= {"Recep Tayyip Erdoğan"}

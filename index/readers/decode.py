"""Bytes -> text, robustly, with the codec that worked recorded.

Order of trust: a byte-order mark; strict UTF-8; a charset the document declares (HTML ``<meta>``);
UTF-16 without a BOM (recognised by its NUL bytes); UTF-8 with a few stray single-byte characters
(the stray bytes decoded as cp1252, recorded as ``utf-8+cp1252``); and finally a choice between
cp1251 (Cyrillic) and cp1252/latin-1 (Western) made by :func:`looks_cyrillic`.  Every path returns
text — latin-1 decodes any byte string — so decoding never fails; what it may do is guess, and the
guess is recorded in ``Article.encoding`` so it can be audited.
"""

from __future__ import annotations

import codecs
import re

# Codec names as recorded in Article.encoding.
UTF8 = "utf-8"
UTF8_MIXED = "utf-8+cp1252"
CP1251 = "cp1251"
CP1252 = "cp1252"
LATIN1 = "latin-1"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, UTF8),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Enough bytes to decide on a single-byte codec; scoring a 20 MB file whole would only cost time.
_SAMPLE_BYTES = 256 * 1024
_WORD = re.compile(r"[^\W\d_]{2,}")  # runs of two or more letters


def _stray_bytes_as_cp1252(err: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: decode one undecodable byte as cp1252 (latin-1 where cp1252 has a hole)."""
    byte = err.object[err.start : err.start + 1]
    try:
        return byte.decode(CP1252), err.start + 1
    except UnicodeDecodeError:
        return byte.decode(LATIN1), err.start + 1


codecs.register_error("dateline-cp1252", _stray_bytes_as_cp1252)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; never raises.

    ``declared`` is a charset the document names for itself (an HTML ``<meta charset>``); it is
    used only when the bytes are not valid UTF-8 and decode strictly with it.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            # A BOM is a deliberate statement; trust it, replacing any broken code units.
            text = data[len(bom) :].decode(name, errors="replace")
            return text, "utf-16" if name.startswith("utf-16") else name
    if b"\x00" in data[:_SAMPLE_BYTES]:
        # NULs are valid UTF-8, so BOM-less UTF-16 must be recognised before trying UTF-8.
        utf16 = _utf16_without_bom(data)
        if utf16:
            return utf16
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError:
        pass
    declared_codec = _codec_name(declared)
    if declared_codec and declared_codec not in (UTF8, LATIN1, CP1252, "ascii"):
        # latin-1/ascii declarations are treated like browsers do: as cp1252, below.
        try:
            return data.decode(declared_codec), declared_codec
        except UnicodeDecodeError:
            pass
    if _mostly_utf8(data):
        return data.decode(UTF8, errors="dateline-cp1252"), UTF8_MIXED
    if looks_cyrillic(data):
        return data.decode(CP1251), CP1251
    return _decode_western(data)


def looks_cyrillic(data: bytes) -> bool:
    """True when ``data`` reads as cp1251 Russian rather than cp1252/latin-1 Western text.

    Decoded as cp1251, Russian gives whole words of Cyrillic letters, whereas Western accented
    letters turn into single Cyrillic letters inside Latin words ("cafй", "Mьller").  So count words
    of two or more letters that contain a Cyrillic letter: all-Cyrillic words are evidence for cp1251,
    mixed-script words evidence against.  Single letters ("Ј15.8m" for "£15.8m") are no evidence.
    """
    sample = data[:_SAMPLE_BYTES]
    try:
        text = sample.decode(CP1251)
    except UnicodeDecodeError:
        # 0x98 is the one byte cp1251 leaves undefined; a cut at the sample end is harmless.
        text = sample.decode(CP1251, errors="replace")
    cyrillic_words = mixed_words = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
        if cyrillic == len(word):
            cyrillic_words += 1
        elif cyrillic:
            mixed_words += 1
    return cyrillic_words > mixed_words


def _decode_western(data: bytes) -> tuple[str, str]:
    """cp1252 when the file uses its 0x80-0x9F printable range (curly quotes, dashes), else latin-1.

    Without bytes in 0x80-0x9F the two codecs give the same text; "latin-1" is then the honest name.
    """
    if any(0x80 <= b <= 0x9F for b in data):
        try:
            return data.decode(CP1252), CP1252
        except UnicodeDecodeError:
            pass
    return data.decode(LATIN1), LATIN1


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few stray bytes: many valid multi-byte sequences, few invalid bytes."""
    text = data[:_SAMPLE_BYTES].decode(UTF8, errors="surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    # Cutting the sample may split one sequence at the end; that is at most 3 "invalid" bytes.
    valid = sum(1 for ch in text if ord(ch) > 0x7F and not ("\udc80" <= ch <= "\udcff"))
    return valid >= 2 and invalid * 2 <= valid


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text of a Latin-script language has a NUL in every other byte; decode it if so."""
    if len(data) < 8 or len(data) % 2:
        return None
    sample = data[:_SAMPLE_BYTES]
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        name = "utf-16-le"
    elif even_nuls > 0.4 and odd_nuls < 0.05:
        name = "utf-16-be"
    else:
        return None
    try:
        return data.decode(name), "utf-16"
    except UnicodeDecodeError:
        return None


def _codec_name(name: str | None) -> str | None:
    """Normalise a declared charset ("ISO-8859-1", "windows-1251") to Python's codec name, or None."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("'\"")).name
    except (LookupError, ValueError):
        return None
    return {"iso8859-1": LATIN1, "windows-1251": CP1251, "windows-1252": CP1252}.get(codec, codec)

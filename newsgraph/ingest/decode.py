"""Bytes to text: refuse binary files, honour byte-order marks, and never guess silently.

Analysts feed newsgraph whatever they scraped.  A wrong guess at an encoding
corrupts every name in a document without anyone noticing, so text that is not
UTF-8 is rejected with the encoding it most likely is, unless the caller names
an encoding (or asks for ``auto`` detection) explicitly.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.errors import InputError

# Magic numbers of the binary formats people most often drop into a folder of articles.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\x7fELF", "an ELF executable"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"MZ", "a Windows executable"),
)
# Checked longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_COMMONEST = ("utf_8", "cp1252", "latin_1", "cp1256", "cp1251", "cp1250", "iso8859_15")
_PLAUSIBLE = ("cp125", "latin_1", "iso8859", "koi8", "mac_", "gb", "big5", "shift_jis", "euc_", "cp932",
              "cp949", "cp936", "utf_16", "utf_32")


def decode(data: bytes, origin: str, encoding: str | None = None) -> str:
    """The text of ``data``; ``encoding`` None means UTF-8 (or a BOM), "auto" means detect."""
    if not data:
        raise InputError(origin, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], codec, origin)
    explicit = bool(encoding) and encoding.lower() != "auto"  # type: ignore[union-attr]
    reject_binary(data, origin, nul_check=not explicit)  # NULs are normal in UTF-16 asked for by name
    if explicit:
        return _decode_as(data, encoding, origin)  # type: ignore[arg-type]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        guess = guess_encoding(data)
        if encoding and guess:
            return _decode_as(data, guess, origin)
        hint = (f"; it looks like {guess}: convert it to UTF-8 or pass --encoding {guess}"
                if guess else "; convert it to UTF-8 or pass --encoding")
        byte = data[err.start]
        raise InputError(origin, f"not valid UTF-8 (byte 0x{byte:02x} at offset {err.start}){hint}") from None


def reject_binary(data: bytes, origin: str, nul_check: bool = True) -> None:
    """Raise ``InputError`` when ``data`` starts like a binary file (checks the first 8 KB only)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(origin, f"binary file ({kind}), not text")
    head = data[:8192]
    if nul_check and b"\x00" in head:
        odd, even = head[1::2].count(0), head[0::2].count(0)
        # many NULs, nearly all at one parity: 16-bit text (spaces and Latin letters), not binary
        if max(odd, even) >= max(4, len(head) // 40) and min(odd, even) <= max(odd, even) // 20:
            raise InputError(origin, "looks like UTF-16 without a byte-order mark; convert it to UTF-8 "
                                     "or pass --encoding utf-16-le (or utf-16-be)")
        raise InputError(origin, "binary file (contains NUL bytes), not text")


_HEAD = 1 << 20  # how much of a streamed file decides its encoding


@contextmanager
def open_text(path: Path, origin: str, encoding: str | None = None) -> Iterator[tuple[io.TextIOWrapper, str]]:
    """A text stream over a file of any size, and the codec it is read with, by the rules of ``decode``.

    The first MB decides (byte-order mark, binary, not UTF-8).  A byte further on that the
    codec cannot read becomes a lone surrogate (``surrogateescape``), so the record holding it
    can be refused while the rest of the file is read.
    """
    with path.open("rb") as raw:
        head = raw.read(_HEAD)
        codec, skip = stream_codec(head, origin, encoding, whole=len(head) < _HEAD)
        raw.seek(skip)
        yield io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline=""), codec


def stream_codec(head: bytes, origin: str, encoding: str | None, whole: bool = True) -> tuple[str, int]:
    """(codec, bytes of byte-order mark to skip) for a file starting with ``head``; InputError if unreadable."""
    if not head:
        raise InputError(origin, "empty file")
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    explicit = bool(encoding) and encoding.lower() != "auto"  # type: ignore[union-attr]
    reject_binary(head, origin, nul_check=not explicit)
    if explicit:
        try:
            return codecs.lookup(encoding).name, 0  # type: ignore[arg-type]
        except LookupError:
            raise InputError(origin, f"unknown encoding {encoding!r}") from None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole)  # a character cut at the end is fine
        return "utf-8", 0
    except UnicodeDecodeError:
        guess = guess_encoding(head) if encoding else None
        if guess:
            return guess, 0
        decode(head, origin)  # raises the error naming the likely encoding
        raise InputError(origin, "not valid UTF-8") from None


def guess_encoding(data: bytes) -> str | None:
    """The most likely legacy encoding of ``data`` (charset-normalizer, a trafilatura dependency)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it we only say the text is not UTF-8
        return None
    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is None:
        return None
    # French text in cp1252 scores the same in cp1250 and cp1257: among equals, the commonest encoding
    ties = [m.encoding for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    guess = min(ties, key=lambda e: _COMMONEST.index(e) if e in _COMMONEST else len(_COMMONEST))
    # only name encodings news text really comes in: on short junk the detector guesses exotic ones
    return guess if guess.startswith(_PLAUSIBLE) else None


def _decode_as(data: bytes, codec: str, origin: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(origin, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as err:
        raise InputError(origin, f"not valid {codec} (byte 0x{data[err.start]:02x} at offset {err.start})") from None

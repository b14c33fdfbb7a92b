"""Bytes to text: refuse binary files, honour byte-order marks, and never guess silently.

Analysts feed newsgraph whatever they scraped.  A wrong guess at an encoding
corrupts every name in a document without anyone noticing, so text that is not
UTF-8 is rejected with the encoding it most likely is, unless the caller names
an encoding (or asks for ``auto`` detection) explicitly.
"""

from __future__ import annotations

import codecs

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


def decode(data: bytes, origin: str, encoding: str | None = None) -> str:
    """The text of ``data``; ``encoding`` None means UTF-8 (or a BOM), "auto" means detect."""
    if not data:
        raise InputError(origin, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], codec, origin)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(origin, f"binary file ({kind}), not text")
    if b"\x00" in data[:8192]:
        raise InputError(origin, "binary file (contains NUL bytes), not text")
    if encoding and encoding.lower() != "auto":
        return _decode_as(data, encoding, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        guess = guess_encoding(data)
        if encoding and guess:
            return _decode_as(data, guess, origin)
        hint = (f"; it looks like {guess}: convert it to UTF-8 or pass --encoding {guess}"
                if guess else "; convert it to UTF-8 or pass --encoding")
        raise InputError(origin, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}){hint}") from None


def guess_encoding(data: bytes) -> str | None:
    """The most likely legacy encoding of ``data`` (charset-normalizer, a trafilatura dependency)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it we only say the text is not UTF-8
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def _decode_as(data: bytes, codec: str, origin: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(origin, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as err:
        raise InputError(origin, f"not valid {codec} (byte 0x{data[err.start]:02x} at offset {err.start})") from None

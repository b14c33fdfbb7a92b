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
        raise InputError(origin, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}){hint}") from None


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

def guess_encoding(data: bytes) -> str | None:
    """The most likely legacy encoding of ``data`` (charset-normalizer, a trafilatura dependency)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: without it we only say the text is not UTF-8
        return None
    best = from_bytes(data[:200_000]).best()
    # only name encodings news text really comes in: on short junk the detector guesses exotic ones
    return best.encoding if best is not None and best.encoding.startswith(_PLAUSIBLE) else None


def _decode_as(data: bytes, codec: str, origin: str) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(origin, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as err:
        raise InputError(origin, f"not valid {codec} (byte 0x{data[err.start]:02x} at offset {err.start})") from None

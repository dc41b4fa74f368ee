"""Turning an article file or a fetched page into the text the extractor reads.

One reader for `forecast extract` and the TUI's import screen, so both accept
the same files and say the same thing about one they cannot read. Nothing
larger than a size limit is read: /dev/zero or a 100 MB file is refused
after reading just past the limit, not after exhausting memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ledger.errors import UsageError
from ledger.extract.html_text import html_to_text, looks_like_html

# The option that lets `forecast extract` fetch a private address (the fetcher
# names it in its refusals). Here, beside the size limit, so the CLI can declare
# its options without importing the fetcher.
ALLOW_PRIVATE_FLAG = "--allow-private-addresses"
HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml", ".shtml"))
# The largest article read (file, standard input or fetched page): a long article with
# its markup is well under 1 MB, so this refuses only what is not an article at all.
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Article:
    """An article's readable text, and what its source or markup said about it."""

    text: str
    url: str | None = None
    author: str | None = None
    published: date | None = None


def article_from(raw: str, *, html: bool | None = None, url: str | None = None) -> Article:
    """Plain text as it is; HTML (by name, content type or content) through the HTML reader."""
    if not (html or looks_like_html(raw)):
        return Article(raw, url=url)
    page = html_to_text(raw)
    text = page.text
    if page.title and page.title not in text[: len(page.title) + 400]:
        text = f"{page.title}\n\n{text}"  # the <title> is the headline when no <h1> says it
    return Article(text, url=url, author=page.author, published=page.published)


def read_article_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """An article file (text or HTML), or a UsageError saying why it cannot be read.

    At most `max_bytes` + 1 bytes are read, so /dev/zero or a disk image is
    refused at once rather than read until memory runs out.
    """
    shown = str(path).strip()
    file = Path(shown).expanduser()
    try:
        with file.open("rb") as stream:
            raw = read_capped(stream, shown, max_bytes)
    except FileNotFoundError as exc:
        raise UsageError(f"{shown}: no such file") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{shown}: is a directory, not an article") from exc
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read it ({exc.strerror or exc})") from exc
    return article_from(decoded_text(raw, shown), html=file.suffix.lower() in HTML_SUFFIXES or None)


def read_article_stream(
    stream: BinaryIO, name: str = "standard input", *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """An article piped in (`forecast extract -`), capped like a file."""
    try:
        raw = read_capped(stream, name, max_bytes)
    except OSError as exc:
        raise UsageError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    return article_from(decoded_text(raw, name))


def read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Everything `stream` holds, or a UsageError as soon as it passes `max_bytes`."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(max_bytes + 1 - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise UsageError(too_large(name, max_bytes))
    return b"".join(chunks)


def too_large(name: str, max_bytes: int) -> str:
    """The one line refusing an article over the size limit."""
    return (
        f"{name} is larger than {size_text(max_bytes)}, more than any article: give the"
        " article alone, or raise the limit with --max-size"
    )


def size_text(count: int) -> str:
    """A byte count as a person says it: "5 MB", "0.5 MB"."""
    return f"{count / 1_000_000:g} MB"


def decoded_text(raw: bytes, name: str) -> str:
    """UTF-8 text with its line ends made "\n", as a file opened for text reads it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{name}: not UTF-8 text ({exc.reason})") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")

"""Turning an article file or a fetched page into the text the extractor reads.

One reader for `forecast extract` and the TUI's import screen, so both accept
the same files and say the same thing about one they cannot read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ledger.errors import UsageError
from ledger.extract.html_text import html_to_text, looks_like_html

HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml", ".shtml"))


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


def read_article_file(path: str | Path) -> Article:
    """An article file (text or HTML), or a UsageError saying why it cannot be read."""
    shown = str(path).strip()
    file = Path(shown).expanduser()
    try:
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UsageError(f"{shown}: no such file") from exc
    except IsADirectoryError as exc:
        raise UsageError(f"{shown}: is a directory, not an article") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{shown}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read it ({exc.strerror or exc})") from exc
    return article_from(raw, html=file.suffix.lower() in HTML_SUFFIXES or None)

"""An HTML page → the article's text, with the stdlib parser only.

Scripts, styles, navigation, footers, asides and forms are skipped: their
words are never an analyst's call, and menu items glued to a sentence would
confuse the sentence splitter. Block elements (paragraphs, headings, list
items, table rows) end with a blank line, so each becomes its own run of
sentences and a headline is never joined to the paragraph under it.

The page's own metadata is kept where it says what the text may not: the
publication date (`article:published_time`, `<time datetime>`, a `date`
meta) and the author, which the extractor uses for made_on and for
first-person calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

SKIPPED = frozenset(
    ("script", "style", "nav", "noscript", "svg", "footer", "aside", "form", "button",
     "template", "iframe", "select", "head", "figure")
)  # fmt: skip
BLOCKS = frozenset(
    ("p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
     "li", "ul", "ol", "tr", "table", "blockquote", "pre", "br", "hr", "dd", "dt", "figcaption",
     "address", "time")
)  # fmt: skip
VOID = frozenset(("br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"))
DATE_METAS = frozenset(
    ("article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
     "og:published_time", "sailthru.date", "parsely-pub-date")
)  # fmt: skip
AUTHOR_METAS = frozenset(("author", "article:author", "dc.creator", "parsely-author"))

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class HtmlArticle:
    """The readable text of a page and what its markup says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False
        self.title_parts: list[str] = []
        self.author: str | None = None
        self.published: date | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            self._meta(values)
            return
        if tag == "time" and self.published is None:
            self.published = _iso_day(values.get("datetime", ""))
        if tag == "title":
            self.in_title = True
        if tag in SKIPPED and tag not in VOID:
            self.skipping.append(tag)
            return
        if tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag == "title":
            self.in_title = False
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
            return
        if tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skipping:
            return
        self.parts.append(data)

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content", "").strip()
        if not content:
            return
        if key in DATE_METAS and self.published is None:
            self.published = _iso_day(content)
        elif key in AUTHOR_METAS and self.author is None and not content.startswith("http"):
            self.author = " ".join(content.split())


def _iso_day(text: str) -> date | None:
    match = _ISO_DAY.search(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def html_to_text(html: str) -> HtmlArticle:
    """The article text of `html`: blocks separated by blank lines, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(_defused(html))
    collector.close()
    raw = "".join(collector.parts)
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", raw)]
    text = "\n\n".join(block for block in blocks if block)
    title = " ".join("".join(collector.title_parts).split()) or None
    return HtmlArticle(
        text=text, title=title, author=collector.author, published=collector.published
    )


# A "<" with no ">" before the next "<" (or the end) opens no tag: it is text.
_STRAY_OPEN = re.compile(r"<(?=[^<>]*(?:<|\Z))")
# Comments, declarations, marked sections and processing instructions.
_SPECIAL = re.compile(r"<[!?]")


def _defused(html: str) -> str:
    """`html` with what makes the stdlib parser quadratic (or raise) taken out first.

    Python's HTMLParser, given a construct it cannot close ("<a<a<a...", an
    unterminated "<!--", "<![bogus["), rescans the rest of the page for
    every one of them: 80,000 of them took minutes, and an unknown marked
    section raises AssertionError. Comments, declarations and processing
    instructions are dropped here (an unclosed one runs to the end, as in a
    browser), and a "<" that cannot start a tag becomes "&lt;", so every
    construct left has its ">" before the next "<" and the parse is linear.
    """
    pieces: list[str] = []
    position = 0
    while True:
        special = _SPECIAL.search(html, position)
        if special is None:
            pieces.append(html[position:])
            break
        start = special.start()
        pieces.append(html[position:start])
        closer = (
            "-->"
            if html.startswith("<!--", start)
            else ("]]>" if html.startswith("<![CDATA[", start) else ">")
        )
        end = html.find(closer, start + 2)
        if end < 0:
            break
        position = end + len(closer)
    return _STRAY_OPEN.sub("&lt;", "".join(pieces))


_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|h1)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether a text is markup (an HTML file saved with another name, or a fetched page)."""
    return _HTML_SNIFF.search(text[:4000]) is not None

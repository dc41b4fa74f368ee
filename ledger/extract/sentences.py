"""Article text → sentences, without being fooled by "U.S.", "Inc." or "$4,012.50".

A claim is found one sentence at a time, so a wrong split either glues two
calls together (one level too many) or cuts one in half (its deadline lost).
The rules, in order:

- a blank line always ends a sentence (paragraphs, and the blocks that
  `html_text` makes of headings and paragraphs);
- a line that is a heading ("# ..."), a bullet ("- ...", "* ...") or a
  title-case line without final punctuation stands alone, so a headline is
  never glued to the first sentence of the body;
- otherwise lines are joined, and a sentence ends at ".", "!" or "?"
  (with any closing quotes or brackets) followed by a space and a capital,
  digit, "$" or opening quote, unless the word before the stop is a known
  abbreviation ("Inc.", "e.g."), an initial ("J."), or a dotted
  abbreviation like "U.S." followed by a word that does not usually start a
  sentence.

Numbers never end a sentence: the stop in "$4,012.50" or "5.1k" is not
followed by a space.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace

from ledger.extract.forecast_headings import is_forecast_heading
from ledger.extract.speaker_roles import heading_name
from ledger.extract.stacked_lists import is_labelled_level

# Words that end with a stop but do not end a sentence (lower-case, without the stop).
ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "inc", "corp", "co",
        "ltd", "plc", "llc", "bros", "dept", "univ", "vs", "v", "etc", "approx", "est",
        "no", "nos", "vol", "fig", "op", "cf", "al", "gen", "gov", "sen", "rep", "rev",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave",
    )
)  # fmt: skip

# After a dotted abbreviation ("U.S.", "U.K."), these words start a new sentence anyway.
SENTENCE_STARTERS = frozenset(
    (
        "the", "this", "that", "these", "those", "it", "its", "we", "i", "he", "she", "they",
        "but", "and", "however", "meanwhile", "analysts", "strategists", "investors",
        "traders", "in", "on", "at", "for", "still", "yet", "so", "our", "my", "a", "an",
    )
)  # fmt: skip

_BLANK_LINES = re.compile(r"\n[ \t]*\n+")
# "2030. He" is no item; arrows, dingbats and emoji ("👉 JPMorgan sees ...") mark items
_SYMBOL_BULLET = re.compile(
    r"^\s*[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]\ufe0f?\s+"
)
_BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u25aa\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]"
    r"\ufe0f?|\d{1,2}[.)])\s+"
)
_HEADING = re.compile(r"^\s*#{1,6}\s+")
# A line that starts with a short capitalized label and a colon: "Bank of America: $5,000".
_LABEL = re.compile(
    r"^\s*[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|&|\([^()\n]{1,40}\))){0,5}\s*:\s+\S"
)
# A row of a list, its label in any case: "Ounce of gold now: 4 thousand 216 dollars".
_LOOSE_ROW = re.compile(r"^\s*[A-Z][^:\n]{0,40}:\s+\S")
# The header of a pipe table of targets: "| Source | Target | Horizon | View |"
_TARGETS_HEADER = re.compile(
    r"^(?=[^|\n]*\|[^|\n]*\|).*\|\s*(?:price\s+)?(?:targets?|forecasts?|predictions?|calls?)\s*(?:\||$)",
    re.IGNORECASE,
)
_MID_SENTENCE = re.compile(r"[a-z,]\s*$")
# "600 index to 540 ...": a line that opens on a number and goes on in lower case
_GOES_ON_AFTER_A_NUMBER = re.compile(r"^\d[\d,.]*\s+[a-z]")
_CLAUSE_AFTER_COMMA = re.compile(r",\s+[a-z]+\s+[a-z]+\b")
_ENDS_ON_LITTLE_WORD = re.compile(
    r"\b(?:to|the|a|an|of|and|or|for|by|at|in|on|with|from|as|than|its|their|his|her|that"
    r"|which|who|is|are|was|were|has|have|had|will|would|could|should|may|might)\s*$",
    re.IGNORECASE,
)
# A line in capitals alone, a few words long: "DEUTSCHE BANK", "RECORD EXPECTATIONS FROM BANKS"
_CAPITALS_HEADING = re.compile(r"^(?=[^a-z]*[A-Z]{2})[^a-z]{2,80}$")
_TERMINAL = re.compile(r"[.!?:;,\"'\u201d\u2019)\]]\s*$")
# A candidate stop: the stop, closing quotes/brackets, whitespace, and a capital, digit,
# "$" or opening quote/bracket after it.
_STOP = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9$\u00a3\u20ac])")
_LETTERS = frozenset(string.ascii_letters)
_WORD_CHARACTERS = _LETTERS | frozenset(".&'-")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")
_NEXT_WORD = re.compile(r"\s+[\"'\u201c\u2018(\[]?([A-Za-z]+)")


@dataclass(frozen=True)
class Sentence:
    """One sentence, where it sits in the text, and whether it is a headline-like line."""

    text: str
    start: int
    headline: bool = False
    paragraph: int = 0
    # a bullet or a "Name: ..." line of a list: read under the lead-in above it
    item: bool = False


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, stripped, with their offsets in `text`."""
    sentences: list[Sentence] = []
    for paragraph, (block_start, block_text) in enumerate(_blocks(text)):
        for unit_start, unit_text, standalone in _units(block_text):
            offset = block_start + unit_start
            if standalone:
                stripped = _strip_markers(unit_text).replace("\n", " ")
                if stripped:
                    start = offset + unit_text.find(stripped)
                    item = bool(_BULLET.match(unit_text) or _LABEL.match(unit_text)) or bool(
                        # a row in a list under a lead-in, its label in any case
                        _LOOSE_ROW.match(unit_text)
                        and sentences
                        and (sentences[-1].item or sentences[-1].text.endswith(":"))
                    )
                    headline = not item and not _TERMINAL.search(stripped)
                    for part_start, part in _after_questions(stripped):
                        sentences.append(
                            Sentence(part, start + part_start, headline, paragraph, item)
                        )
                continue
            for start, piece in _split_unit(unit_text):
                sentences.append(Sentence(piece, offset + start, paragraph=paragraph))
    if sentences and _opens_with_a_title(text, sentences[0]):
        sentences[0] = replace(sentences[0], headline=True)
    return sentences


# A note in brackets at the end of a title: "(translated from German)", "(Reuters)", "(video)"
_TRAILING_NOTE = re.compile(r"\s*\([^()\n]{1,60}\)\s*$")


def _opens_with_a_title(text: str, first: Sentence) -> bool:
    """Whether the text's first line is its title, whatever shape the splitter gave it.

    A title has no final stop, so it never ends in one; what follows it may still make the
    splitter take it for something else: a note in brackets after it ("Bernstein sticks to
    $150,000 bitcoin forecast for 2026 (translated from German)" ends in a bracket), a colon
    in it ("EIA STEO: Brent Seen at $58 in 2026", "Cathie Wood's Audacious Bitcoin Forecast:
    Why Ark Invest Eyes $2.4 Million by 2030" look like a list's "Name: level" row), or a
    line of page furniture under it ("10 Min Read"). The first line of an article that is
    set like a title (most of its words capitalised, or a block of its own) and stops on no
    stop and no little word is its headline, so the body's restatement of its call is the
    one kept.
    """
    if first.paragraph != 0 or first.headline:
        return False
    line = text.lstrip().split("\n", 1)[0].strip()
    if not line or not first.text.startswith(_strip_markers(line)[:40]):
        return False
    if _BULLET.match(line) or line.count("|") >= 2:
        return False
    bare = _TRAILING_NOTE.sub("", line)
    if not bare or _TERMINAL.search(bare) or _ENDS_ON_LITTLE_WORD.search(bare):
        return False
    alone = text.lstrip().split("\n\n", 1)[0].strip() == line
    return alone or _title_like(bare)


_QUESTION_THEN_MORE = re.compile(r"\?[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9$])")


def _after_questions(line: str) -> list[tuple[int, str]]:
    """A line cut after each question it asks: "Nifty to cross 32,000 within the year?
    Kotak Securities expects a big jump" is a question, then a statement."""
    parts = []
    start = 0
    for match in _QUESTION_THEN_MORE.finditer(line):
        parts.append((start, line[start : match.end()].rstrip()))
        start = match.end()
    parts.append((start, line[start:]))
    return [(s, p) for s, p in parts if p.strip()]


def without_sidebar(text: str) -> str:
    """`text` without the links to other stories a page's text often ends with.

    The last paragraph is a sidebar when it is two or more lines with no final stop, most
    of them titles ("JPMorgan Lifts Gold Forecast to $6,300 by End-2026", "Crypto levels
    and bias summary"), after a body of prose: headlines of other articles, not this one's.
    """
    blocks = _blocks(text)
    if len(blocks) < 2:
        return text
    start, block = blocks[-1]
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) < 2 or any(_TERMINAL.search(line) or _BULLET.match(line) for line in lines):
        return text
    if all(is_labelled_level(line) for line in lines):
        return text  # "Deutsche Bank: $4,450" line after line: the houses' list, not titles
    titles = sum(_title_like(line) for line in lines)
    if titles < 2 or 2 * titles < len(lines):
        return text
    body = " ".join(b for _s, b in blocks[:-1])
    if len(re.findall(r"[a-z][.!?](?:\s|$)", body)) < 2:
        return text  # a page of titles alone is all article
    return text[:start]


def _blocks(text: str) -> list[tuple[int, str]]:
    blocks = []
    start = 0
    for match in _BLANK_LINES.finditer(text):
        blocks.append((start, text[start : match.start()]))
        start = match.end()
    blocks.append((start, text[start:]))
    return [(s, b) for s, b in blocks if b.strip()]


def _units(block: str) -> list[tuple[int, str, bool]]:
    """Lines of a block grouped into runs to split; headings, bullets, titles stand alone."""
    units: list[tuple[int, str, bool]] = []
    run_start: int | None = None
    run_end = 0
    offset = 0
    lines = block.split("\n")
    for index, line in enumerate(lines):
        line_start = offset
        offset += len(line) + 1
        if _continues_bullet(lines, index):
            # "- Deutsche Bank projects 8,000, Morgan Stanley ...\n  for 7,800": an indented
            # line goes on with the bullet above it, which is then split like prose.
            start, text, _alone = units.pop()
            marker = _BULLET.match(text)
            if marker:
                text = " " * marker.end() + text[marker.end() :]
            units.append((start, text + "\n" + line, False))
            continue
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        preceding = lines[index - 1].strip() if index else ""
        if (
            run_start is None
            and units
            and units[-1][2]
            and _LABEL.match(units[-1][1])
            and units[-1][1].endswith(lines[index - 1])
            and line.strip()
            and not (_LABEL.match(line) or _BULLET.match(line) or _HEADING.match(line))
            and _wrapped(lines[index - 1], line)
            # "JP Morgan: 5,055 dollars" is a whole row; a label's prose may wrap
            and (line.lstrip()[:1].islower() or not re.search(r"\d", units[-1][1]))
        ):
            # "Summary: the yen should strengthen ...; we expect" / "USD/JPY to drift lower":
            # a labelled line wrapped mid-sentence goes on on the next line
            start, text, _alone = units.pop()
            units.append((start, text + "\n" + line, True))
            continue
        # "JPMorgan: ~$5,055 by Q4 2026" / "Goldman Sachs: ~$4,900 by end-2026": a list of
        # labelled lines is a list, each line an item, whatever its punctuation.
        # "| Source | Target | Horizon |" / "Bank of America: $38 by the end of 2026": the first
        # row of a table of targets, read as "Name: level", is a row, not the header's sentence
        # (the row after it may be one left as it was, "| CPM Group | $35-40 | 2026 |")
        labelled = bool(_LABEL.match(line)) and bool(
            _LABEL.match(following) or _LABEL.match(preceding) or _in_targets_table(lines, index)
        )
        if _LABEL.match(line) and not labelled and _ends_a_part(preceding):
            # "Key facts" / "Goldman Sachs: in a Monday note the bank said ...": a labelled
            # paragraph after a finished one starts afresh, its label first.
            if run_start is not None:
                units.append((run_start, block[run_start:run_end], False))
            run_start = line_start
            run_end = line_start + len(line)
            continue
        if (
            run_start is not None
            and preceding.endswith(":")
            and _LOOSE_ROW.match(line)
            and _LOOSE_ROW.match(following)
        ):
            # "The banks' gold forecasts for 2026:" / "Ounce of gold now: 4,216 dollars" /
            # "Goldman Sachs: 4,000 dollars": a lead-in ends where its rows begin, whatever
            # the case of the first row's label.
            units.append((run_start, block[run_start:run_end], False))
            run_start = None
            labelled = True
        alone = (
            labelled
            or _names_a_section(line, following)
            or _stands_alone(
                line,
                is_only_line=len(lines) == 1,
                # a first line whose sentence goes on in lower case on the next is no title, nor
                # is a long one wrapped inside a name or a figure ("Europe's STOXX" / "600 index")
                is_first=index == 0
                and not following[:1].islower()
                and not (len(line.strip()) >= 60 and _GOES_ON_AFTER_A_NUMBER.match(following)),
            )
        )
        if alone:
            if run_start is not None:
                units.append((run_start, block[run_start:run_end], False))
                run_start = None
            units.append((line_start, line, True))
            continue
        if run_start is None:
            run_start = line_start
        run_end = line_start + len(line)
    if run_start is not None:
        units.append((run_start, block[run_start:run_end], False))
    return units


def _names_a_section(line: str, following: str) -> bool:
    """A line that is only a house's or a person's name ("Goldman Sachs", "2. Standard
    Chartered", "## Tim Draper") over a line that starts afresh: the heading of that
    speaker's section, never glued to its first row ("Goldman Sachs End of September
    2020: $1,800/oz" named a house "Goldman Sachs End"). A topic ("Gold outlook") is no
    name and stays as it was, so only headings that pass a speaker on are split off."""
    stripped = _strip_markers(line).strip("*_ ")
    starts_afresh = following[:1].isupper() or following[:1].isdigit()
    if not stripped or _TERMINAL.search(stripped) or not starts_afresh:
        return False
    return heading_name(stripped, people=True) is not None or is_forecast_heading(stripped)


def _in_targets_table(lines: list[str], index: int) -> bool:
    """Whether line `index` sits among the rows of a pipe table whose header names targets
    ("| Source | Target | Horizon |"), the rows above it rows of the table."""
    for position in range(index - 1, -1, -1):
        previous = lines[position]
        if _TARGETS_HEADER.match(previous):
            return True
        if previous.count("|") < 2 and not _LABEL.match(previous):
            return False
    return False


def _ends_a_part(line: str) -> bool:
    """A line after which a new paragraph may start: a finished sentence, or a short heading."""
    stripped = line.strip()
    if not stripped:
        return True
    if re.search(r"[.!?:;\"'\u201d)\]]$", stripped):
        return True
    return len(stripped.split()) <= 5


def _continues_bullet(lines: list[str], index: int) -> bool:
    """A line that goes on with the bullet above it: indented, or wrapped mid-sentence.

    "1. Bank of America has lifted its forecast to $5,000 by 2026, with an" /
    "average of around $4,400 next year.": a list item hard-wrapped without an
    indent is still one item when its line stops in the middle of a sentence
    (on a lower-case word or a comma), so its deadline and speaker stay with it.
    """
    line = lines[index]
    if index == 0 or not line.strip() or _BULLET.match(line) or _HEADING.match(line):
        return False
    if _LABEL.match(line):
        return False  # "📊 Key forecasts" / "JPMorgan: ~$5,055 ...": a labelled line is an item
    indented = line[:1].isspace()
    for position in range(index - 1, -1, -1):
        previous = lines[position]
        # every line between the bullet and this one is wrapped from the one above it
        if not indented and not _wrapped(previous, lines[position + 1]):
            return False
        if _BULLET.match(previous):
            if _names_a_section(previous, lines[position + 1].strip()):
                return False  # "2. Standard Chartered" / "Standard Chartered's experts ..."
            # a post's emoji line ends without a stop and the next starts a new one
            return indented or not _SYMBOL_BULLET.match(previous)
        if not indented and previous.strip():
            continue  # an earlier wrapped line of the same item
        if not previous[:1].isspace():
            return False
    return False


def _wrapped(previous: str, line: str) -> bool:
    """Whether `line` goes on with the sentence `previous` stopped in the middle of: after a
    lower-case word or a comma, or after a number when it goes on in lower case ("12" /
    "months respectively.")."""
    if _MID_SENTENCE.search(previous):
        return True
    return bool(re.search(r"\d\s*$", previous)) and line.lstrip()[:1].islower()


def _stands_alone(line: str, *, is_only_line: bool, is_first: bool) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _HEADING.match(line) or _BULLET.match(line):
        return True
    if _TERMINAL.search(stripped):
        return False
    if is_only_line:
        return True  # a block of one line with no final stop: a headline or a dateline
    if _CAPITALS_HEADING.match(stripped):
        return True  # "JP MORGAN", "A PAUSE IN GOLD": a section heading, not prose wrapped
    # "Bank of America Global Research has cut its 2020 forecasts ... by $8 a barrel, to" /
    # "$54 and $49 respectively": a first line that stops on a little word is wrapped prose.
    return (
        is_first
        and _title_like(stripped)
        and not _ENDS_ON_LITTLE_WORD.search(stripped)
        # "In its latest Short-Term Energy Outlook, released on November 6, the US Energy
        # Information" / "Administration said ...": a long line with a clause after a comma
        # is prose wrapped to a width, not a title.
        and not (len(stripped) >= 75 and _CLAUSE_AFTER_COMMA.search(stripped))
    )


def _title_like(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'&-]*", line) if len(w) >= 4]
    if not words:
        return True
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals / len(words) >= 0.6


def _strip_markers(line: str) -> str:
    line = _HEADING.sub("", line)
    line = _BULLET.sub("", line)
    return line.strip()


def _split_unit(unit: str) -> list[tuple[int, str]]:
    """Split one run of joined lines at sentence stops; newlines inside become spaces."""
    flat = unit.replace("\n", " ")
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _STOP.finditer(flat):
        end = match.end()
        if not _ends_sentence(flat, match.start(), end):
            continue
        _append(pieces, flat, start, end)
        start = end
    _append(pieces, flat, start, len(flat))
    return pieces


def _append(pieces: list[tuple[int, str]], flat: str, start: int, end: int) -> None:
    raw = flat[start:end]
    stripped = raw.strip()
    if stripped:
        pieces.append((start + raw.find(stripped), " ".join(stripped.split())))


def _word_before(flat: str, end: int) -> str:
    """The word that ends at `end` (letters, then letters, dots, "&", "'" or "-"), or "".

    Scanned backwards from the stop over the word alone, never over the text
    before it: a regex search anchored at the end of `flat[:end]` reads the
    whole prefix at every stop, and one long line of sentences took minutes.
    """
    start = end
    while start > 0 and flat[start - 1] in _WORD_CHARACTERS:
        start -= 1
    while start < end and flat[start] not in _LETTERS:
        start += 1
    return flat[start:end]


def _ends_sentence(flat: str, stop_start: int, stop_end: int) -> bool:
    if flat[stop_start] != ".":
        return True  # "!" and "?" always end a sentence
    word = _word_before(flat, stop_start)
    if not word:
        return True  # after a number or a closing bracket
    if len(word) == 1 and stop_start > 1 and flat[stop_start - 2].isdigit():
        return True  # a letter written on a number, not an initial: "$200K.", "in 3M."
    bare = word.rstrip(".").lower()
    if "." in word or _DOTTED.match(word + "."):
        # "U.S.", "e.g.", "i.e.": a sentence ends here only before a typical first word.
        if bare in ("e.g", "i.e", "cf", "viz"):
            return False
        next_word = _NEXT_WORD.match(flat, stop_end)
        return next_word is not None and next_word[1].lower() in SENTENCE_STARTERS
    if bare in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isupper())  # an initial: "J. Smith"

"""The article as Markdown or as plain text, from its JSON form.

Pure functions of the article dict (as `parse` returns it, or as read back
from JSON), so that the command line and library users get the same output.

A list kept in a paragraph is written as a Markdown list ("•" bullets as
"-"). Markdown escapes only what a CommonMark reader would take for markup at the
start of a line (a paragraph's first line or a line of a list or table kept
inside a paragraph), with a backslash: `\\#`, `1\\.`, `\\>`, `\\-`... Text
inside a line (`*`, `_`, links, entities) is written as it is: it is the
article's own text and no block structure depends on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .article import Article
from .fences import is_fenced_code
from .patterns import Lazy

# What separates the boilerplate from the body when it is asked for: a
# thematic break (a visible rule) and an HTML comment that names what
# follows. Neither reads as a heading, in Markdown or to article2json.
BOILERPLATE_RULE = "---"
BOILERPLATE_MARK = "<!-- boilerplate -->"

DEFAULT_LEVEL = 2  # a section whose source marks no level
MAX_LEVEL = 6

# First characters that may start block markup: lines starting otherwise
# need no pattern at all.
_TRIGGERS = frozenset("#>-*+_=`~<[\\ \t0123456789")

_ATX = Lazy(r"^#{1,6}(?:[ \t]|$)")
_FENCE = Lazy(r"^(?:```|~~~)")
_THEMATIC = Lazy(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = Lazy(r"^(?:=+|-+)[ \t]*$")
_BULLET = Lazy(r"^[-*+](?:[ \t]|$)")
_ORDERED = Lazy(r"^([0-9]{1,9})([.)])(?:[ \t]|$)")
_ESCAPED = Lazy(r"^\\[!-/:-@\[-`{-~]")  # a backslash before ASCII punctuation
_LINK_DEFINITION = Lazy(r"^\[[^\]]*\]:")
# HTML blocks that may interrupt a paragraph (CommonMark kinds 1 to 6)...
_HTML_BLOCK = Lazy(
    r"(?i)^<(?:(?:script|pre|style|textarea)(?:[ \t>]|$)|!--|\?|![A-Za-z]|!\[CDATA\["
    r"|/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col"
    r"|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form"
    r"|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu"
    r"|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table"
    r"|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|/>|$))"
)
# ...and a line that is one open or closing tag, which starts one (kind 7).
_HTML_TAG_LINE = Lazy(
    r"^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$"
)
_CLOSING_HASHES = Lazy(r"(?:^|[ \t])(#+)[ \t]*$")


def render_markdown(article: Article | Mapping[str, Any], *, with_boilerplate: bool = False) -> str:
    """`# title`, then each section's heading (`#` times its level, one more
    under a title where a heading has level 1; `##` without one) and
    paragraphs, separated by blank lines; the boilerplate only when asked,
    after the body, below `---` and `<!-- boilerplate -->`.

    Read back, a Markdown heading's level is its `#`s: one deeper than in
    the JSON where the headings went down under the title."""
    out: list[str] = []
    title = _one_line(article.get("title"))
    sections = article.get("sections", ())
    # Under a `#` title, headings of level 1 ("1. Introduction", a second
    # `#` line) go one level down, and every other heading with them, so
    # that none stands at the title's level or above its sub-sections;
    # not where one has level 6 already (5 and 6 would both be `######`).
    shift = 0
    if title:
        out.append("# " + _escape_heading(title))
        levels = {_marked_level(s) for s in sections if s.get("heading")}
        shift = int(1 in levels and MAX_LEVEL not in levels)
    for section in sections:
        heading = _one_line(section.get("heading"))
        if heading:
            marked = _marked_level(section)
            level = DEFAULT_LEVEL if marked is None else min(marked + shift, MAX_LEVEL)
            out.append("#" * level + " " + _escape_heading(heading))
        out.extend(_markdown_paragraphs(section.get("paragraphs", ())))
    if with_boilerplate and article.get("boilerplate"):
        out += [BOILERPLATE_RULE, BOILERPLATE_MARK]
        out.extend(_markdown_paragraphs(article["boilerplate"]))
    return "\n\n".join(out) + "\n" if out else ""


def render_text(article: Article | Mapping[str, Any], *, with_boilerplate: bool = False) -> str:
    """The title, headings and paragraphs without markup, separated by blank
    lines; the boilerplate only when asked, after the body, below `---`."""
    out: list[str] = []
    title = _one_line(article.get("title"))
    if title:
        out.append(title)
    for section in article.get("sections", ()):
        heading = _one_line(section.get("heading"))
        if heading:
            out.append(heading)
        out.extend(p for p in map(_lines_text, section.get("paragraphs", ())) if p)
    if with_boilerplate and article.get("boilerplate"):
        out.append(BOILERPLATE_RULE)
        out.extend(p for p in map(_lines_text, article["boilerplate"]) if p)
    return "\n\n".join(out) + "\n" if out else ""


def _marked_level(section: Mapping[str, object]) -> int | None:
    """The section's `level`; None for a missing, null or out-of-range one
    (written as `##`)."""
    level = section.get("level")
    if isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= MAX_LEVEL:
        return level
    return None


def _one_line(text: object) -> str:
    """A title or heading on one line (an ATX heading cannot span two)."""
    return " ".join(text.split()) if isinstance(text, str) else ""


def _lines(paragraph: str) -> list[str]:
    """The paragraph's lines without trailing white space or blank lines
    (a blank line would end it)."""
    return [ln.rstrip() for ln in paragraph.split("\n") if ln.strip()]


def _lines_text(paragraph: str) -> str:
    return "\n".join(_lines(paragraph))


def _markdown_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    out = []
    for p in paragraphs:
        if is_fenced_code(p):
            out.append(p)  # (as it stands: no line of it is markup)
            continue
        lines = _markdown_bullets(_lines(p))
        if not lines:
            continue
        in_list = is_kept_list(lines)
        escaped = [
            escape_line(ln, starts_block=i == 0, in_list=in_list) for i, ln in enumerate(lines)
        ]
        # A backslash ending a line would be a hard line break: one space
        # after it keeps it a character (article2json trims the space).
        # Lines that are no list items (a poem, an address, a table's rows)
        # end in two spaces, a hard line break: a Markdown reader would
        # join them into one line.
        brk = "\n" if in_list else "  \n"
        out.append(brk.join(ln + " " if ln.endswith("\\") else ln for ln in escaped[:-1]))
        out[-1] = (out[-1] + brk if len(escaped) > 1 else "") + escaped[-1]
    return out


# Bullets that are no Markdown list marker: written as "-" in a kept list.
_OTHER_BULLETS = frozenset("•●○◦▪▫■□‣⁃·∙・")


def _markdown_bullets(lines: list[str]) -> list[str]:
    """A list kept in a paragraph whose items are marked "•" (or another
    bullet Markdown does not know) with "-" instead, so that a Markdown
    reader sees the list it is; any other paragraph as it is."""
    items = lines[1:] if len(lines) > 2 else lines
    if len(lines) < 2 or not all(ln[:1] in _OTHER_BULLETS for ln in items):
        return lines
    return [
        "- " + ln[1:].lstrip() if ln[:1] in _OTHER_BULLETS and ln[1:].strip() else ln
        for ln in lines
    ]


def with_markdown_bullets(paragraph: str) -> str:
    """The paragraph as the Markdown output writes its text: a kept list's
    "•" bullets as "-" (what a round trip through Markdown gives back)."""
    return "\n".join(_markdown_bullets(_lines(paragraph)))


def _is_item(line: str) -> bool:
    rest = line.lstrip(" \t")
    return bool(rest[:1] in ("-", "*", "+") and _BULLET.p.match(rest)) or bool(
        rest[:1].isdigit() and _ORDERED.p.match(rest)
    )


def is_kept_list(lines: list[str]) -> bool:
    """A list kept in a paragraph (every line an item, the first perhaps
    introducing them): Markdown may read it as the list it is."""
    items = lines[1:] if len(lines) > 2 else lines
    return len(lines) >= 2 and all(map(_is_item, items))


def escape_line(line: str, *, starts_block: bool = True, in_list: bool = False) -> str:
    """One line of a paragraph with the block markup a CommonMark reader
    would see at its start escaped; any other line is returned unchanged.

    `starts_block`: the paragraph's first line (some markup only counts
    there); `in_list`: the line belongs to a list kept in a paragraph, whose
    item markers stay markers. An indentation of 4 columns or more (code in
    Markdown; article2json trims it anyway) is dropped.
    """
    if not line or line[0] not in _TRIGGERS:
        return line
    rest = line.lstrip(" \t")
    indent = line[: len(line) - len(rest)]
    if indent and len(indent.expandtabs(4)) >= 4:
        indent = ""
    if rest and (rest[0] in _TRIGGERS) and _needs_backslash(rest, starts_block, in_list):
        return indent + "\\" + rest
    if in_list and _is_item(rest):
        return indent + _escape_item(rest)
    if rest[:1].isdigit() and not in_list:
        m = _ORDERED.p.match(rest)
        # A number other than 1 cannot interrupt a paragraph.
        if m and (starts_block or int(m.group(1)) == 1):
            return indent + m.group(1) + "\\" + rest[len(m.group(1)) :]
    return indent + rest


def _escape_item(item: str) -> str:
    """A kept list's item with its content escaped as a block of its own: a
    Markdown reader parses an item's text as blocks ("- # Ann" would hold a
    heading, "- > Bo" a quotation)."""
    m = _BULLET.p.match(item) or _ORDERED.p.match(item)
    assert m is not None  # an item, by `_is_item`
    content = item[m.end() :]
    spaces = content[: len(content) - len(content.lstrip(" \t"))]
    return item[: m.end()] + spaces + escape_line(content.lstrip(" \t"))


def _needs_backslash(rest: str, starts_block: bool, in_list: bool) -> bool:
    c = rest[0]
    if c == "#":
        return bool(_ATX.p.match(rest))
    if c == ">":
        return True
    if c == "\\":
        return bool(_ESCAPED.p.match(rest))
    if c in "`~":
        return bool(_FENCE.p.match(rest))
    if c in "-*_" and _THEMATIC.p.match(rest):
        return True
    if c in "=-" and not starts_block and _SETEXT.p.match(rest):
        return True
    if c in "-*+" and not in_list and _BULLET.p.match(rest):
        return True
    if c == "<":
        return bool(_HTML_BLOCK.p.match(rest)) or (
            starts_block and bool(_HTML_TAG_LINE.p.match(rest))
        )
    if c == "[":
        return starts_block and bool(_LINK_DEFINITION.p.match(rest))
    return False


def _escape_heading(text: str) -> str:
    """Heading text after its `#`s: a leading escape doubled, closing `#`s escaped."""
    if text.startswith("\\") and _ESCAPED.p.match(text):
        text = "\\" + text
    if text.endswith("#"):
        m = _CLOSING_HASHES.p.search(text)
        if m:
            text = text[: m.start(1)] + "\\" + text[m.start(1) :]
    return text


__all__ = [
    "BOILERPLATE_MARK",
    "BOILERPLATE_RULE",
    "escape_line",
    "is_kept_list",
    "render_markdown",
    "render_text",
    "with_markdown_bullets",
]

"""Tables pasted into text: rows of tab-separated cells (from a spreadsheet or
a web page), or of cells between bars ("Name | Price | Size", Markdown's
"| a | b |" with its "|---|---|" row). A table is body text, one row a line:
never a heading, and never boilerplate (a row of short cells between bars
reads like a menu, "Home | News | World", which is).
"""

from __future__ import annotations

from collections.abc import Sequence

from .patterns import Lazy
from .phrases import HOMES, PAGER_WORDS

# What a tab after it only lines up: a bullet, a number or letter mark, a
# section number ("•", "2.", "2.1", "a)", "(iv)", "IV.").
_CELL_MARK = Lazy(r"[^\w\s]|\(?(?:\p{Nd}{1,3}(?:\.\p{Nd}{1,3})+\.?|\p{Nd}{1,3}[.)]|\p{L}{1,4}[.)])")

# Markdown's row under a table's header: "|---|:--:|", "--- | ---".
_RULE_ROW = Lazy(
    r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?|\|[ \t]*:?-{3,}:?[ \t]*\|"
)

# A cell that is a figure: "42", "1,200", "$20", "3.5 %", "12 kg", "(7)".
_FIGURE = Lazy(r"[^\p{L}\p{Nd}]{0,3}\p{Nd}[\p{Nd}.,:' ]*(?:\p{L}{1,3}|[^\p{L}\p{Nd} ]{1,2})?")


# A site's menu or footer, not a table, when a row opens with the home
# page's name or a copyright mark, or counts pages ("Home | News", "© 2024
# | Terms", "Page 1 | 2 | 3 | Next"). A cell "Home" or "Start" elsewhere is
# a table's ("Team | Home | Away").
_HOME_NAMES = frozenset(name for names in HOMES.values() for name in names)
_COPYRIGHT = ("©", "(c)", "copyright")


def _is_site_row(cells: Sequence[str]) -> bool:
    """A row of a site's navigation or footer: its first cell the home
    page's name or a copyright mark, or page numbers in a run ("1 | 2 | 3")
    beside a pager's word ("Page 1", "Next", "»")."""
    first = cells[0].lower()
    if first in _HOME_NAMES or first.startswith(_COPYRIGHT):
        return True
    numbers = [int(c) for c in cells if c.isascii() and c.isdigit() and len(c) <= 3]
    if len(numbers) < 2 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return False
    words = (w.strip(".:") for c in cells for w in c.lower().split())
    return any(w in PAGER_WORDS for w in words)


def is_rule_row(text: str) -> bool:
    """Markdown's row under a table's header ("|---|:--:|")."""
    return _RULE_ROW.p.fullmatch(text.strip()) is not None


def is_table_row(text: str) -> bool:
    """A line of tab-separated cells. A tab after a list mark or a section
    number alone ("•\tA tent", "2.1\tData") only lines up the text."""
    if "\t" not in text:
        return False
    head, _, rest = text.partition("\t")
    return "\t" in rest or _CELL_MARK.p.fullmatch(head) is None


def bar_cells(text: str) -> list[str]:
    """The cells of a line between bars ("| a | b |" and "a | b" both give
    ["a", "b"]); a line without a bar is one cell."""
    inner = text.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [cell.strip() for cell in inner.split("|")]


def is_bar_table(lines: Sequence[str]) -> bool:
    """Two or more lines of the same number (2+) of cells between bars, with
    what no menu has: Markdown's rule row under the header, or a bar opening
    every line or a figure in a cell below the first line ("Shirt | 20 |
    M") where no row is a site's ("Home | About", "© 2024 | Terms"). Two
    menu lines of three items each are no table."""
    if len(lines) < 2 or "|" not in lines[0]:
        return False
    cells = [bar_cells(ln) for ln in lines]
    width = len(cells[0])
    if width < 2 or any(len(row) != width for row in cells):
        return False
    if any(map(is_rule_row, lines)):
        return True
    if any(map(_is_site_row, cells)):
        return False
    return all(ln.lstrip().startswith("|") for ln in lines) or any(
        _FIGURE.p.fullmatch(cell) for row in cells[1:] for cell in row
    )


def is_table(lines: Sequence[str]) -> bool:
    """Lines that are a table: two rows or more, each a line, perhaps under
    a line that introduces them ("Prices:")."""
    return _rows(lines) or (len(lines) >= 3 and _rows(lines[1:]))


def _rows(lines: Sequence[str]) -> bool:
    return len(lines) >= 2 and (all(map(is_table_row, lines)) or is_bar_table(lines))


def bar_tables(texts: dict[int, str]) -> list[range]:
    """The tables among a run's lines that hold a bar (`texts`, by their
    index in the run): each a range of two or more consecutive lines."""
    groups: list[list[int]] = []
    for i in sorted(texts):
        group = groups[-1] if groups else None
        if (
            group
            and i == group[-1] + 1
            and len(bar_cells(texts[i])) == len(bar_cells(texts[group[0]]))
        ):
            group.append(i)
        else:
            groups.append([i])
    return [range(g[0], g[-1] + 1) for g in groups if is_bar_table([texts[k] for k in g])]

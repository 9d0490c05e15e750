"""A document's blocks as spans of its text: two offsets and a line count a
block in compact arrays, each block's lines and text read again from the
text when asked for.

A 5 MB document of 300,000 short blocks held as `Block`s of `Line`s took
about 700 bytes a block (40 times its text); as spans it takes 12 bytes a
block, plus a bounded cache of the blocks last read (the kind model looks at
neighbours two and three away; a small article is read once and kept).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import overload

from .blocks import Block, is_quotation, join_lines, unquote_line, unquoted
from .line_breaks import BREAK_LINES, breaks_kept
from .lines import ESCAPE_FIRST, Line, run_lines, unescape, visible

_new_tuple = tuple.__new__  # builds a NamedTuple without its Python-level __new__

# Blocks of more lines than this keep their lines as offsets (`SpanLines`):
# a paragraph of 80,000 wrapped lines would hold 80,000 Line tuples.
LAZY_LINES = 64
# The cache keeps up to this many blocks, and this many characters of their
# texts (at least the last MIN_CACHED blocks, the kind model's window).
CACHE_BLOCKS = 1024
CACHE_CHARS = 1 << 20
MIN_CACHED = 8


class SpanLines(Sequence[Line]):
    """The lines of a long block, read from the text when they are asked
    for (the last one kept), each time they are iterated."""

    __slots__ = ("_last", "end", "markdown", "n", "start", "text")

    def __init__(self, text: str, start: int, end: int, n: int, markdown: bool = True) -> None:
        self.text, self.start, self.end, self.n = text, start, end, n
        self.markdown = markdown  # (how its escapes read: see `lines.unescape`)
        self._last: Line | None = None

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[Line]:
        return run_lines(self.text, (self.start, self.end), self.markdown)

    @overload
    def __getitem__(self, i: int) -> Line: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Line]: ...
    def __getitem__(self, i: int | slice) -> Line | Sequence[Line]:
        if isinstance(i, slice):
            return list(self)[i]  # (only for headings: rare, and short)
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        if i == self.n - 1:  # the last line: read back from the end
            if self._last is None:
                pos = self.text.rfind("\n", 0, self.end) + 1
                self._last = visible(self.text[pos : self.end], pos, self.markdown)
                assert self._last is not None
            return self._last
        return next(islice(iter(self), i, None))


class Spans(Sequence[Block]):
    """The blocks of `text`, in order, as spans (see the module's docstring);
    `markdown` says whether the document is Markdown (the segmentation
    reads it); `width` is its wrap width (None: its lines are not wrapped),
    against which a paragraph's lines may be seen to end on purpose."""

    def __init__(self, text: str, markdown: bool = False, width: int | None = None) -> None:
        code = "I" if len(text) < 1 << 32 else "Q"
        self.text = text
        self.markdown = markdown
        self.width = width
        self.starts = array(code)
        self.ends = array(code)
        self.counts = array("I")  # lines a block
        self._cache: OrderedDict[int, tuple[Block | None, str | None]] = OrderedDict()
        self._chars = 0

    def add(
        self, start: int, end: int, count: int, block: Block | None = None, text: str | None = None
    ) -> None:
        """The next block's span; `block` (and its text), at hand, is kept
        while the cache has room (a small document is read once)."""
        if block is not None and len(self._cache) < CACHE_BLOCKS:
            if text is not None and self.markdown and text[0] in "`~":
                text = None  # (fenced code's text is read from the file: `text_of`)
            self._cache[len(self.counts)] = (block, text)
            if text is not None:
                self._chars += len(text)
        self.starts.append(start)
        self.ends.append(end)
        self.counts.append(count)

    def __len__(self) -> int:
        return len(self.counts)

    @overload
    def __getitem__(self, i: int) -> Block: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Block]: ...
    def __getitem__(self, i: int | slice) -> Block | Sequence[Block]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        found = self._cache.get(i)
        if found is not None and found[0] is not None:
            return found[0]
        if i < 0:
            i += len(self.counts)
        if not 0 <= i < len(self.counts):
            raise IndexError(i)
        block = self._read(i)
        self._keep(i, block, None if found is None else found[1])
        return block

    def text_of(self, i: int) -> str:
        """The text of block i (`Block.text`), kept with the block."""
        found = self._cache.get(i)
        if found is not None and found[1] is not None:
            return found[1]
        if i < 0:
            i += len(self.counts)
        if self.markdown and self._is_code(i):
            from .fences import code_text

            return code_text(self.text, self.starts[i], self.ends[i])
        block = None if found is None else found[0]
        if block is None and self.counts[i] == 1:
            # A block of one line: its text is its span, unless it is escaped.
            text = self.text[self.starts[i] : self.ends[i]]
            if text[0] in ESCAPE_FIRST or text[0].isdigit():
                text = unescape(text, self.markdown) or text
            elif text[0] == ">":
                text = unquote_line(text)
        else:
            block = block or self._read(i)
            text = block.text()
        self._chars += len(text)
        self._keep(i, block, text)
        return text

    def _is_code(self, i: int) -> bool:
        """Whether block i is fenced code (`fences`): it opens with a fence."""
        start = self.starts[i]
        if self.text[start] not in "`~":  # (`fences.FENCE_CHARS`: a cheap test first)
            return False
        from .fences import opening_fence

        eol = self.text.find("\n", start, self.ends[i])
        return opening_fence(self._line(start, self.ends[i] if eol < 0 else eol)) is not None

    def paragraph_text(self, i: int) -> str:
        """The text of block i as a paragraph: its line breaks kept where its
        lines were ended on purpose (`line_breaks.breaks_kept`)."""
        text = self.text_of(i)
        if not 1 < self.counts[i] <= BREAK_LINES:
            return text
        if self.markdown:
            return self._hard_breaks(i, text)
        return text if self.width is None else breaks_kept(self[i], text, self.width)

    def _hard_breaks(self, i: int, joined: str) -> str:
        """A Markdown paragraph's text with the line breaks it marks: a line
        that ends in two spaces or more (what `render_markdown` writes for
        a poem's lines, and CommonMark's hard line break)."""
        if "\n" in joined or "  \n" not in self.text[self.starts[i] : self.ends[i]]:
            return joined  # (a list or a table keeps its lines already)
        pieces: list[list[str]] = [[]]
        lines = self[i].lines
        for line in unquoted(lines) if is_quotation(lines) else lines:
            pieces[-1].append(line.text)
            if self.text.startswith("  ", line.end):
                pieces.append([])
        return "\n".join(join_lines(piece) for piece in pieces if piece)

    @property
    def texts(self) -> Sequence[str]:
        """The blocks' texts, as a sequence read on demand."""
        return _Texts(self)

    def _read(self, i: int) -> Block:
        """Block i, read again from the text."""
        start, end, count = self.starts[i], self.ends[i], self.counts[i]
        lines: Sequence[Line]
        if count == 1:  # most blocks: their line is their span
            lines = (self._line(start, end),)
        elif count > LAZY_LINES:
            lines = SpanLines(self.text, start, end, count, self.markdown)
        else:
            lines = tuple(run_lines(self.text, (start, end), self.markdown))
        return Block(lines)

    def _line(self, start: int, end: int) -> Line:
        """The line whose visible part is `text[start:end]`, as `lines.visible`
        reads it (without stripping the line again)."""
        text = self.text
        seen = text[start:end]
        pos = text.rfind("\n", 0, start) + 1
        lead = start - pos
        indent = lead + 3 * text.count("\t", pos, start) if lead else 0
        first = seen[0]
        plain = unescape(seen, self.markdown) if first in ESCAPE_FIRST or first.isdigit() else None
        if plain is not None:
            return _new_tuple(Line, (plain, start, end, indent, True))
        return _new_tuple(Line, (seen, start, end, indent, False))

    def _keep(self, i: int, block: Block | None, text: str | None) -> None:
        cache = self._cache
        cache[i] = (block, text)
        if len(cache) > CACHE_BLOCKS or self._chars > CACHE_CHARS:
            self._trim()

    def _trim(self) -> None:
        """Forget the oldest blocks read beyond the cache's bounds."""
        cache = self._cache
        while len(cache) > MIN_CACHED and (len(cache) > CACHE_BLOCKS or self._chars > CACHE_CHARS):
            _, (_, text) = cache.popitem(last=False)
            if text is not None:
                self._chars -= len(text)


class _Texts(Sequence[str]):
    __slots__ = ("spans",)

    def __init__(self, spans: Spans) -> None:
        self.spans = spans

    def __len__(self) -> int:
        return len(self.spans)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self.spans.text_of(j) for j in range(*i.indices(len(self)))]
        return self.spans.text_of(i)

    def __iter__(self) -> Iterator[str]:
        return (self.spans.text_of(j) for j in range(len(self.spans)))

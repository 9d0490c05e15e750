"""`--glob` patterns, as `rg -g` reads them.

A pattern without a slash matches a file's name at any depth (`*.txt`); one
with a slash matches the path relative to the folder walked (`en/*.txt`,
`**/drafts/*`; a leading `/` only anchors). `*` and `?` stop at a slash, `**`
crosses folders, `[abc]` and `[!abc]` are classes. `!` in front excludes:
a later pattern wins over an earlier one. With no pattern that includes
(none given, or only exclusions), the default `*.txt` includes. A folder an
exclusion matches is not entered (`--glob '!drafts'`; a trailing `/` makes a
pattern match folders only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import regex

from .patterns import Lazy

DEFAULT = "*.txt"


class Rule(NamedTuple):
    text: str  # as given
    exclude: bool
    folders_only: bool
    on_path: bool  # matched against the path relative to the folder walked
    pattern: Lazy  # compiled when a walk first asks (a one-liner never does)


def translate(glob: str) -> str:
    """The regular expression (unanchored) equivalent to `glob`."""
    out: list[str] = []
    i, n = 0, len(glob)
    while i < n:
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := glob.find("]", i + 2)) > 0:
            body = glob[i + 1 : end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = end + 1
        elif glob[i] == "\\" and i + 1 < n:
            out.append(regex.escape(glob[i + 1]))
            i += 2
        else:
            out.append(regex.escape(glob[i]))
            i += 1
    return "".join(out)


def _rule(text: str) -> Rule:
    exclude = text.startswith("!")
    body = text[1:] if exclude else text
    folders_only = body.endswith("/")
    body = body.rstrip("/")
    on_path = "/" in body
    body = body.lstrip("/")
    return Rule(text, exclude, folders_only, on_path, Lazy(translate(body)))


class Globs:
    """The patterns of one command line; counts which ones selected a file."""

    def __init__(self, patterns: Sequence[str] = ()) -> None:
        rules = [_rule(p) for p in patterns]
        if not any(not r.exclude for r in rules):
            rules.insert(0, _rule(DEFAULT))
        self.rules = rules
        self.hits = [0] * len(rules)

    def _decide(self, rel: str, name: str, folder: bool) -> int | None:
        """The index of the last rule that matches, or None."""
        for k in range(len(self.rules) - 1, -1, -1):
            r = self.rules[k]
            if r.folders_only and not folder:
                continue
            if r.pattern.p.fullmatch(rel if r.on_path else name):
                return k
        return None

    def selects(self, rel: str, name: str) -> bool:
        """Whether the file at `rel` (relative to the folder walked) is converted."""
        k = self._decide(rel, name, folder=False)
        if k is None or self.rules[k].exclude:
            return False
        self.hits[k] += 1
        return True

    def prunes(self, rel: str, name: str) -> bool:
        """Whether the folder at `rel` is left out, with everything in it."""
        k = self._decide(rel, name, folder=True)
        return k is not None and self.rules[k].exclude

    def unmatched(self) -> list[str]:
        """The including patterns that selected no file."""
        return [
            r.text for r, n in zip(self.rules, self.hits, strict=True) if not r.exclude and not n
        ]

    def reset(self) -> None:
        self.hits = [0] * len(self.rules)

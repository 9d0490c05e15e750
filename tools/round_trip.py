"""The Markdown round trip on every article of the labelled corpora.

    python tools/round_trip.py [CORPUS ...]      (default: ../shared/corpus/*)

Each `.txt` is parsed, rendered with `render_markdown`, and the Markdown
parsed again: the title, the headings and the paragraphs (white space
folded; a kept list's "•" bullets as the Markdown writes them, "-") must
come back unchanged. Prints the articles that changed and
exits 1 if any did.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import article2json
from article2json.corpus import fold
from article2json.render import with_markdown_bullets


def structure(article: Any) -> tuple[Any, ...]:
    return (
        fold(article["title"]),
        tuple(
            (fold(s["heading"]), tuple(fold(with_markdown_bullets(p)) for p in s["paragraphs"]))
            for s in article["sections"]
        ),
    )


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    corpora = [Path(a) for a in argv] or sorted(p for p in root.iterdir() if p.is_dir())
    changed = total = 0
    for corpus in corpora:
        for txt in sorted(corpus.glob("*/*.txt")):
            total += 1
            first = article2json.parse(txt.read_bytes())
            again = article2json.parse(article2json.render_markdown(first))
            if structure(first) != structure(again):
                changed += 1
                print(f"round_trip: {txt}: changed", file=sys.stderr)
    print(
        f"round_trip: {total - changed} of {total} articles unchanged after --to markdown and back"
    )
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

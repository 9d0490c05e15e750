"""Coverage-guided fuzzing of `article2json.parse` with atheris (issue #5).

    pip install '.[fuzz]'
    python tests/fuzz/fuzz_parse.py -max_total_time=600 tests/fuzz/corpus
    python tests/fuzz/fuzz_parse.py -runs=2000                 # a short run, as CI does

Any input on which `parse` raises anything but `ConvertError`, produces output
that does not serialise, or gives spans that do not slice back to their text,
is a crash: libFuzzer writes it as `crash-<sha1>` in the working folder. Copy it
into tests/fuzz/crashes/, where tests/test_hostile.py replays every file.
"""

from __future__ import annotations

import sys
import unicodedata

import atheris

with atheris.instrument_imports():
    import orjson

    import article2json
    from article2json import (  # imported here, not on first use, so that they are instrumented
        api,
        assemble,
        block_features,
        blocks,
        boilerplate,
        classify,
        line_features,
        lines,
        model,
        scripts,
        segment,
    )
    from article2json.decode import decode
    from article2json.errors import ConvertError


def check(data: bytes) -> None:
    try:
        article = article2json.parse(data, blocks=True)
    except ConvertError:
        return
    orjson.loads(article2json.to_json(article))
    text, _ = decode(data)  # the text the spans index
    last = 0
    for b in article["blocks"]:
        assert last <= b["start"] < b["end"] <= len(text), b
        last = b["end"]
        # A Markdown escape at a line's start is read back, and invisible
        # format and control characters before a line's text are not part of
        # it: neither backslashes nor such characters are compared.
        source = _comparable(text[b["start"] : b["end"]])
        assert _comparable(b["text"]) in source, b


def _comparable(text: str) -> str:
    return "".join(
        ch
        for ch in "".join(text.split())
        if ch != "\\" and unicodedata.category(ch) not in ("Cc", "Cf")
    )


_ = (api, assemble, block_features, blocks, boilerplate, classify, line_features, lines, model)
_ = (scripts, segment)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

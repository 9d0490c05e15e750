"""The `article2json` command: a thin shell over `article2json.parse`.

It parses options, reads inputs, calls the core and writes results. Only click
is imported at start-up; `regex` and `orjson` are loaded when there is text to
convert, so `--version` and `--help` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import IO, NoReturn

import click

from . import __version__

EXIT_OK = 0
EXIT_FAILED = 1  # at least one input could not be converted
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # like a program killed by SIGPIPE

EPILOG = """\b
Examples:
  article2json story.txt | jq -r .title
  cat story.txt | article2json - | jq '.sections[].heading'
  article2json --blocks --explain story.txt | jq '.blocks[] | [.kind, .rule]'
  article2json a.txt b.txt > articles.jsonl

\b
Exit codes: 0 success; 1 an input could not be converted (each failure is
one line on stderr: "article2json: PATH: reason"); 2 usage error;
130 interrupted; 141 stdout closed early (e.g. by `head`).
"""


def _fail(message: str) -> None:
    click.echo(f"article2json: {message}", err=True)


def _read(path: str) -> bytes:
    """The bytes of one input, or ConvertError with a reason a person can act on."""
    from .errors import ConvertError

    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        reason = "no such file" if not os.path.islink(path) else "dangling symbolic link"
        raise ConvertError(reason) from None
    except IsADirectoryError:
        raise ConvertError("is a directory (use -r to convert the files in it)") from None
    except PermissionError:
        raise ConvertError("permission denied") from None
    except OSError as e:
        raise ConvertError(e.strerror or str(e)) from None


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _write(out: IO[bytes], data: bytes) -> None:
    out.write(data)


def _broken_pipe() -> NoReturn:
    # Python would complain when flushing stdout at exit; point it at devnull.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


def _iter_inputs(files: tuple[str, ...]) -> Iterator[str]:
    yield from files or ("-",)


@click.command(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EPILOG,
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-p", "--pretty", is_flag=True, help="Indent the JSON.")
@click.option("--jsonl", is_flag=True, help="JSON Lines output, even for one input.")
@click.option("--blocks", "with_blocks", is_flag=True, help="List every block with its span.")
@click.option("--explain", is_flag=True, help="With the blocks, name the rule behind each kind.")
@click.option("--schema", is_flag=True, help="Print the output's JSON Schema and exit.")
@click.option(
    "--encoding",
    metavar="NAME",
    default=None,
    help="Input encoding (default: UTF-8; a byte-order mark is honoured).",
)
@click.option(
    "--errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="What to do with bytes that are not valid in the encoding.",
)
@click.option(
    "--normalize",
    type=click.Choice(["nfc", "nfkc"]),
    default=None,
    help="Unicode normalization of the text (default: none; output keeps the source's characters).",
)
@click.version_option(__version__, "-V", "--version", prog_name="article2json")
def command(
    files: tuple[str, ...],
    pretty: bool,
    jsonl: bool,
    with_blocks: bool,
    explain: bool,
    schema: bool,
    encoding: str | None,
    errors: str,
    normalize: str | None,
) -> None:
    """Convert plain-text articles (FILE..., or - for standard input) to JSON.

    One input gives one JSON document; several inputs, or --jsonl, give JSON
    Lines, one article per line, in input order.
    """
    out = sys.stdout.buffer
    if schema:
        from .schema import schema_bytes

        _write(out, schema_bytes())
        return
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(
                f"unknown encoding {encoding!r}", param_hint="--encoding"
            ) from None
    if files.count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")

    from .api import parse, to_json
    from .errors import ConvertError

    as_lines = jsonl or len(files) > 1
    failed = 0
    for path in _iter_inputs(files):
        try:
            article = parse(
                _read(path),
                source=None if path == "-" else path,
                encoding=encoding,
                errors="replace" if errors == "replace" else "strict",
                normalize="nfc" if normalize == "nfc" else "nfkc" if normalize else None,
                blocks=with_blocks or explain,
                explain=explain,
            )
        except ConvertError as e:
            _fail(f"{_display(path)}: {e.reason}")
            failed += 1
            continue
        _write(out, to_json(article, pretty=pretty and not as_lines) + b"\n")
    out.flush()
    if failed:
        sys.exit(EXIT_FAILED)


def main() -> None:
    try:
        command.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as e:
        e.show()
        sys.exit(EXIT_USAGE if isinstance(e, click.UsageError) else EXIT_FAILED)
    except BrokenPipeError:
        _broken_pipe()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _broken_pipe()

"""From the command line's options to a batch: usage checks, the warnings
for options that would have no effect, and the checks that no output is
also an input (before anything is opened for writing)."""

from __future__ import annotations

import os
import stat
from typing import Any

from .errors import BatchError, ConvertError

# What `-o FILE` must end with to be one output file rather than a folder.
FILE_SUFFIXES: dict[str, tuple[str, ...]] = {
    "json": (".json",),
    "markdown": (".md", ".markdown"),
    "text": (".txt",),
}
SUFFIX_NAMES = {"json": ".json", "markdown": ".md", "text": ".txt"}


class Usage(Exception):
    """A usage error: one line, exit status 2."""


class Args:
    """The command line, as click parsed it (a plain class: a NamedTuple of
    27 fields costs a one-liner 0.2 ms to create)."""

    files: tuple[str, ...]
    pretty: bool
    jsonl: bool
    with_blocks: bool
    explain: bool
    schema: bool
    encoding: str | None
    errors: str
    normalize: str | None
    max_bytes: int
    recursive: bool
    globs: tuple[str, ...]
    files_from: str | None
    files0_from: str | None
    follow_links: bool
    output: str | None
    base: str | None
    overwrite: bool
    skip_existing: bool
    jobs: int | None
    failures_path: str | None
    quiet: bool
    verbose: bool
    scheduler: str | None
    to: str
    with_boilerplate: bool
    language: bool

    def __init__(self, **options: Any) -> None:
        for name in Args.__annotations__:  # the fields declared below, each required
            setattr(self, name, options.pop(name))
        if options:
            raise TypeError(f"unknown options: {sorted(options)}")

    @property
    def lists(self) -> list[tuple[str, bytes]]:
        return [(p, b"\n") for p in [self.files_from] if p] + [
            (p, b"\0") for p in [self.files0_from] if p
        ]

    @property
    def out_file(self) -> str | None:
        """`-o FILE.json` with one input (`FILE.md` with --to markdown,
        `FILE.txt` with --to text): that file."""
        o = self.output
        if o is None or not o.lower().endswith(FILE_SUFFIXES[self.to]) or os.path.isdir(o):
            return None
        return o

    @property
    def json_lines(self) -> bool:
        """Articles go to standard output as JSON Lines."""
        return self.output is None and (self.many or self.jsonl)

    @property
    def writes(self) -> str:
        """What is written: `--to`, except that JSON Lines stay JSON."""
        return "json" if self.json_lines else self.to

    @property
    def out_dir(self) -> str | None:
        return None if self.output is None or self.out_file else self.output

    @property
    def many(self) -> bool:
        """A batch: JSON Lines on stdout (without -o), a summary."""
        return (
            bool(self.lists)
            or self.recursive
            or len(self.files) > 1
            or self.out_dir is not None
            or bool(self.scheduler)
        )


def identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def stdout_file() -> tuple[int, int] | None:
    """Standard output's (device, inode) when it is redirected to a regular file."""
    try:
        st = os.fstat(1)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def check(a: Args) -> None:
    """Raise Usage for a command line that cannot work, BatchError for an
    input list that cannot be read or a failures file that cannot be written."""
    if a.encoding is not None:
        from .decode import AUTO, check_encoding

        try:
            name = check_encoding(a.encoding)
        except ConvertError as e:
            raise Usage(f"--encoding: {e.reason}") from None
        if name == AUTO:
            from importlib.util import find_spec

            if find_spec("charset_normalizer") is None:
                raise Usage(
                    "--encoding auto needs charset-normalizer: pip install 'article2json[detect]'"
                )
    if a.language and a.writes == "json":
        _check_language()
    if a.files.count("-") + [a.files_from, a.files0_from].count("-") > 1:
        raise Usage("standard input (-) can be read only once")
    if a.quiet and a.verbose:
        raise Usage("-q/--quiet and -v/--verbose exclude each other")
    if a.overwrite and a.skip_existing:
        raise Usage("--overwrite and --skip-existing exclude each other")
    if (a.overwrite or a.skip_existing) and a.output is None:
        raise Usage("--overwrite and --skip-existing go with -o/--output-dir")
    _check_output(a)
    _check_lists(a)
    _check_failures(a)


def _check_language() -> None:
    """--language needs py3langid 0.4 or later (checked without importing it)."""
    from importlib.metadata import PackageNotFoundError, version
    from importlib.util import find_spec

    from .language import INSTALL_HINT

    if find_spec("py3langid") is None:
        raise Usage(f"--language needs py3langid: {INSTALL_HINT}")
    try:
        found = version("py3langid")
    except PackageNotFoundError:
        return  # importable without metadata (a source tree): judged when loaded
    major, minor = (int(x) if x.isdigit() else 0 for x in [*found.split("."), "0"][:2])
    if (major, minor) < (0, 4):
        raise Usage(f"--language needs py3langid 0.4 or later (found {found}): {INSTALL_HINT}")


def _check_output(a: Args) -> None:
    o = a.output
    if o is None:
        return
    suffix = SUFFIX_NAMES[a.to]
    if o == "-":
        raise Usage("-o -: the output goes to standard output without -o; leave -o out")
    if a.out_file is not None:
        if a.recursive or a.lists or len(a.files) > 1:
            raise Usage(
                f"-o {o}: a {suffix} file takes one input; for several, give a folder (-o DIR)"
            )
        return
    if a.to != "json" and not os.path.isdir(o):
        for other, ends in FILE_SUFFIXES.items():
            if other != a.to and o.lower().endswith(ends):
                raise Usage(
                    f"-o {o}: --to {a.to} writes {suffix} files: name the file {suffix} "
                    "(or, for a folder of them, create the folder first)"
                )
    from .storage import is_url, local

    if is_url(o):
        return
    o = local(o)
    if os.path.exists(o) and not os.path.isdir(o):
        raise Usage(f"-o {o}: not a folder (one output file must end in {suffix})")
    if a.base is not None and not is_url(a.base) and not os.path.isdir(a.base):
        raise Usage(f"--base {a.base}: not a folder")
    real_out = os.path.realpath(o)
    start = os.path.abspath(a.base) if a.base is not None else os.getcwd()
    for f in a.files:
        if not a.recursive or f == "-" or is_url(f) or not os.path.isdir(f):
            continue
        if os.path.realpath(f) == real_out:
            raise Usage(
                f"-o {a.output}: the folder -r walks; its outputs would be read as "
                "articles: give another folder"
            )
        rel = os.path.relpath(os.path.abspath(f), start)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            where = "the current folder" if a.base is None else f"the base folder {a.base}"
            raise Usage(
                f"{f}: outside {where}, which output paths are relative to (give --base DIR)"
            )


def _check_lists(a: Args) -> None:
    out = stdout_file() if a.output is None else None
    for path, sep in a.lists:
        if path == "-":
            continue
        flag = "--files-from" if sep == b"\n" else "--files0-from"
        if not os.path.exists(path):
            raise BatchError(f"{flag} {path}: no such file")
        if os.path.isdir(path) or not os.access(path, os.R_OK):
            raise BatchError(f"{flag} {path}: cannot read it")
        if out is not None and identity(path) == out:
            raise Usage(f"{flag} {path}: input file is output file (standard output)")


def _check_failures(a: Args) -> None:
    f = a.failures_path
    if f is None:
        return
    mine = identity(f)
    real = os.path.realpath(f)
    named = [p for p, _ in a.lists if p != "-"] + [
        p for p in a.files if p != "-" and not (a.recursive and os.path.isdir(p))
    ]
    for p in named:
        if (mine is not None and identity(p) == mine) or os.path.realpath(p) == real:
            raise Usage(f"--failures {f}: input file is output file ({p})")
    if mine is not None and mine == stdout_file():
        raise Usage(f"--failures {f}: the file standard output goes to")
    folder = os.path.dirname(f) or "."
    if os.path.isdir(f):
        raise BatchError(f"--failures {f}: cannot write: is a folder")
    if not os.path.isdir(folder):
        raise BatchError(f"--failures {f}: cannot write: no such folder {folder}")
    if not os.access(folder, os.W_OK):
        raise BatchError(f"--failures {f}: cannot write: Permission denied")


def warnings(a: Args) -> list[str]:
    """Options that would have no effect, told rather than ignored."""
    told = []
    if a.globs and not a.recursive:
        told.append("--glob has no effect without -r")
    if a.follow_links and not a.recursive:
        told.append("--follow-links has no effect without -r")
    if a.pretty and a.json_lines:
        told.append(
            "--pretty has no effect on JSON Lines (one article a line); "
            "-o DIR writes indented files"
        )
    if a.to != "json" and a.json_lines:
        what = "several articles" if a.many else "--jsonl"
        told.append(
            f"--to {a.to} has no effect on JSON Lines ({what} on standard output stay JSON, "
            f"one article a line); -o DIR writes one {SUFFIX_NAMES[a.to]} file per input"
        )
    if a.with_boilerplate and a.to == "json":
        told.append(
            "--with-boilerplate has no effect on JSON (it always has the boilerplate); "
            "it goes with --to markdown or --to text"
        )
    if a.writes != "json":
        no_effect = [
            (a.pretty, "--pretty"),
            (a.with_blocks, "--blocks"),
            (a.explain, "--explain"),
            (a.language, "--language"),
        ]
        for given, flag in no_effect:
            if given:
                told.append(f"{flag} has no effect with --to {a.to} (it changes the JSON only)")
    if a.jsonl and a.output is not None:
        told.append("--jsonl has no effect with -o (each article goes to its own file)")
    if a.base is not None and a.out_dir is None:
        told.append("--base has no effect without -o DIR")
    return told


def skip_paths(a: Args) -> set[str]:
    """Real paths a walk leaves out: the output folder, the failures file."""
    skip = set()
    if a.out_dir is not None and "://" not in a.out_dir:
        skip.add(os.path.realpath(a.out_dir))
    if a.failures_path is not None:
        skip.add(os.path.realpath(a.failures_path))
    return skip


def forbidden(a: Args) -> frozenset[tuple[int, int]]:
    """Files this run writes that must not be read as inputs."""
    ids = set()
    if a.output is None and (out := stdout_file()) is not None:
        ids.add(out)
    if a.failures_path is not None and (f := identity(a.failures_path)) is not None:
        ids.add(f)
    return frozenset(ids)

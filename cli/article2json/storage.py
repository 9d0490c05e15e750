"""Where inputs come from and outputs go: local paths, or fsspec URLs
(`s3://bucket/articles/`, `memory://`, `file://`...), so that the workers of a
cluster without a shared disk can read and write.

Local paths, the default, keep every guarantee of `output.py` (atomic rename,
containment with symbolic links resolved). An object store has no rename: an
object is written whole by one request, which is atomic there. fsspec is only
imported when a URL is used.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from .errors import ConvertError
from .output import COMPARE, SKIP, WRITE, write_atomic
from .output import check_target as _check_local
from .output import same_content as _same_local
from .output import target as _target_local

if TYPE_CHECKING:
    from .globs import Globs


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def local(path: str) -> str:
    """A `file://` URL as a plain path; anything else unchanged."""
    return path[len("file://") :] if path.startswith("file://") else path


def _fs(url: str) -> tuple[Any, str]:
    try:
        import fsspec
    except ImportError:
        raise ConvertError("URLs need fsspec: pip install 'article2json[dask]'") from None
    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def read(path: str, max_bytes: int | None, forbidden: Collection[tuple[int, int]] = ()) -> bytes:
    """The bytes of one input (a path, "-" for standard input, or a URL), or
    ConvertError with a reason a person can act on. `forbidden` holds the
    (device, inode) of files this run writes (standard output redirected to
    a file): such an input is refused, as `cat` refuses it."""
    if not is_url(path):
        return read_input(local(path), max_bytes, forbidden)
    fs, p = _fs(path)
    try:
        with fs.open(p, "rb") as f:
            data: bytes = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except FileNotFoundError:
        raise ConvertError("no such file") from None
    except OSError as e:
        raise ConvertError(str(e) or type(e).__name__) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise ConvertError(f"larger than --max-bytes ({max_bytes} bytes)")
    return data


def target(out_dir: str, rel: str, suffix: str = ".json") -> str:
    if not is_url(out_dir):
        return _target_local(local(out_dir), rel, suffix)
    base = out_dir.rstrip("/")
    scheme, _, root = base.partition("://")
    path = posixpath.normpath(posixpath.join(root, rel + suffix))
    if not path.startswith(posixpath.normpath(root) + "/"):
        raise ConvertError(f"output {scheme}://{path} would be outside the output folder {out_dir}")
    return f"{scheme}://{path}"


def check_target(source: str, path: str, *, overwrite: bool, skip_existing: bool) -> str:
    if not is_url(path):
        return _check_local(local(source), path, overwrite=overwrite, skip_existing=skip_existing)
    fs, p = _fs(path)
    if not fs.exists(p):
        return WRITE
    if skip_existing:
        return SKIP  # object stores keep no reliable modification times to compare
    return WRITE if overwrite else COMPARE


def same_content(path: str, data: bytes) -> bool:
    if not is_url(path):
        return _same_local(path, data)
    fs, p = _fs(path)
    try:
        return bool(fs.cat_file(p) == data)
    except OSError:
        return False


def write(path: str, data: bytes) -> None:
    if not is_url(path):
        write_atomic(path, data)
        return
    fs, p = _fs(path)
    try:
        fs.makedirs(posixpath.dirname(p), exist_ok=True)
        fs.pipe_file(p, data)  # one request: the object appears whole or not at all
    except OSError as e:
        raise ConvertError(f"cannot write {path}: {e}") from None


def walk_url(root: str, globs: Globs) -> list[tuple[str, str]]:
    """(URL, path relative to `root`) of the files under `root` that `globs`
    selects, sorted."""
    fs, base = _fs(root)
    scheme = root.partition("://")[0]
    found = []
    for p in sorted(fs.find(base)):
        rel = posixpath.relpath(p, base.rstrip("/") or "/")
        if globs.selects(rel, posixpath.basename(p)):
            url = p if "://" in p else f"{scheme}://{p}"
            found.append((url, rel))
    return found


def read_input(
    path: str, max_bytes: int | None = None, forbidden: Collection[tuple[int, int]] = ()
) -> bytes:
    """The bytes of one local input ("-" is standard input)."""
    try:
        if path == "-":
            _refuse_output(os.fstat(sys.stdin.fileno()), forbidden)
            data = (
                sys.stdin.buffer.read()
                if max_bytes is None
                else sys.stdin.buffer.read(max_bytes + 1)
            )
        else:
            data = _read_file(path, max_bytes, forbidden)
    except FileNotFoundError:
        raise ConvertError(
            "dangling symbolic link" if os.path.islink(path) else "no such file"
        ) from None
    except IsADirectoryError:
        raise ConvertError("is a directory (use -r to convert the files in it)") from None
    except PermissionError:
        raise ConvertError("permission denied") from None
    except OSError as e:
        reason = "symbolic link loop" if e.errno == 40 else (e.strerror or str(e))
        raise ConvertError(reason) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise ConvertError(f"larger than --max-bytes ({max_bytes} bytes)")
    return data


def _refuse_output(st: os.stat_result, forbidden: Collection[tuple[int, int]]) -> None:
    if forbidden and (st.st_dev, st.st_ino) in forbidden:
        raise ConvertError("input file is output file")


def _read_file(path: str, max_bytes: int | None, forbidden: Collection[tuple[int, int]]) -> bytes:
    """The file's bytes (at most max_bytes + 1), read with plain system calls:
    a buffered file object would also ask whether it is a terminal and seek."""
    fd = os.open(path, os.O_RDONLY)
    try:
        st = os.fstat(fd)
        _refuse_output(st, forbidden)
        size = st.st_size
        limit = None if max_bytes is None else max_bytes + 1
        parts = []
        total = 0
        while limit is None or total < limit:
            want = max(size + 1 - total, 1 << 16)  # one read for a file that does not grow
            chunk = os.read(fd, want if limit is None else min(want, limit - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
        return b"".join(parts)
    finally:
        os.close(fd)

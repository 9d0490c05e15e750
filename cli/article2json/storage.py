"""Where inputs come from and outputs go: local paths, or fsspec URLs
(`s3://bucket/articles/`, `memory://`, `file://`...), so that the workers of a
cluster without a shared disk can read and write.

Local paths, the default, keep every guarantee of `output.py` (atomic rename,
containment with symbolic links resolved). An object store has no rename: an
object is written whole by one request, which is atomic there. fsspec is only
imported when a URL is used.
"""

from __future__ import annotations

import posixpath
from typing import Any

from .errors import ConvertError
from .output import COMPARE, SKIP, WRITE, write_atomic
from .output import check_target as _check_local
from .output import same_content as _same_local
from .output import target as _target_local


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


def read(path: str, max_bytes: int | None) -> bytes:
    if not is_url(path):
        from .batch import read_input

        return read_input(local(path), max_bytes)
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


def target(out_dir: str, rel: str) -> str:
    if not is_url(out_dir):
        return _target_local(local(out_dir), rel)
    base = out_dir.rstrip("/")
    scheme, _, root = base.partition("://")
    path = posixpath.normpath(posixpath.join(root, rel + ".json"))
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


def walk_url(root: str, pattern: str) -> list[tuple[str, str]]:
    """(URL, path relative to `root`) of the files under `root` whose names
    match `pattern`, sorted."""
    from fnmatch import fnmatchcase

    fs, base = _fs(root)
    scheme = root.partition("://")[0]
    found = []
    for p in sorted(fs.find(base)):
        if fnmatchcase(posixpath.basename(p), pattern):
            rel = posixpath.relpath(p, base.rstrip("/") or "/")
            url = p if "://" in p else f"{scheme}://{p}"
            found.append((url, rel))
    return found

"""article2json: turn plain-text articles into structured JSON.

Kept tiny on purpose: `article2json --version` and `--help` import this module,
and must not pay for `regex` or `orjson`. `parse` and `to_json` are loaded on
first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["ConvertError", "__version__", "parse", "to_json"]

if TYPE_CHECKING:
    from .api import parse, to_json
    from .errors import ConvertError


def __getattr__(name: str) -> Any:
    if name in ("parse", "to_json"):
        from . import api

        return getattr(api, name)
    if name == "ConvertError":
        from .errors import ConvertError

        return ConvertError
    raise AttributeError(f"module 'article2json' has no attribute {name!r}")

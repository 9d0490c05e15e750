"""article2json: turn plain-text articles into structured JSON.

Kept tiny on purpose: `article2json --version` and `--help` import this module,
and must not pay for `regex` or `orjson`. `parse`, `to_json`, the renderers
and the language detector are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
# The output's schema version (what it means: `article.py`). Here, not there:
# importing article.py's TypedDicts costs a one-liner 1 ms.
SCHEMA_VERSION = 2  # 2: sections' `level`; `stats.language` with --language
__all__ = [
    "SCHEMA_VERSION",
    "ConvertError",
    "__version__",
    "detect_article_language",
    "detect_language",
    "parse",
    "render_markdown",
    "render_text",
    "to_json",
]

if TYPE_CHECKING:
    from .api import parse, to_json
    from .errors import ConvertError
    from .language import detect as detect_language
    from .language import detect_article as detect_article_language
    from .render import render_markdown, render_text

# Loaded on first use: the renderers and the language detector are not
# imported until asked for.
_LANGUAGE = {"detect_language": "detect", "detect_article_language": "detect_article"}


def __getattr__(name: str) -> Any:
    if name in ("parse", "to_json"):
        from . import api

        return getattr(api, name)
    if name in ("render_markdown", "render_text"):
        from . import render

        return getattr(render, name)
    if name in _LANGUAGE:
        from . import language

        return getattr(language, _LANGUAGE[name])
    if name == "ConvertError":
        from .errors import ConvertError

        return ConvertError
    raise AttributeError(f"module 'article2json' has no attribute {name!r}")

"""A plain, typed record class for the batch's options, inputs and results.

Why not a NamedTuple: defining one costs about 1.1 M instructions at import,
a record class about 0.5 M, and a one-liner defines three of them before it
reads its file (start-up is held within 1.25x of importing click, orjson and
regex: `tests/bench/bench_release.py --callgrind`). A dataclass costs more
than either. Records compare, print and pickle by their fields, and
`_replace` returns a copy with some fields changed, as a NamedTuple's does.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, dataclass_transform


@dataclass_transform(kw_only_default=False)
class Record:
    """Fields are the subclass's annotated class attributes, in order; an
    attribute's value is the field's default. Positional or keyword
    arguments set them; fields are not changed after."""

    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls) -> None:
        # (not `inspect.get_annotations`: importing inspect costs a one-liner)
        own = tuple(n for n in cls.__dict__.get("__annotations__", ()) if n != "_fields")  # noqa: RUF063
        cls._fields = cls._fields + own

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(self._fields):
            raise TypeError(f"{type(self).__name__}: too many arguments")
        fields = self.__dict__
        fields.update(zip(self._fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in self._fields or name in fields:
                raise TypeError(f"{type(self).__name__}: bad argument {name!r}")
            fields[name] = value
        for name in self._fields:
            if name not in fields and not hasattr(type(self), name):
                raise TypeError(f"{type(self).__name__}: {name!r} is missing")

    def _replace(self, **changes: Any) -> Self:
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._fields)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in self._fields))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__name__}({shown})"

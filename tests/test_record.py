"""The batch's records (`record.Record`): built, compared, copied and
pickled by their fields, as the NamedTuples they replaced were."""

from __future__ import annotations

import pickle

import pytest

from article2json.batch import Options, Result
from article2json.inputs import Input


def test_fields_positional_keyword_and_defaults() -> None:
    r = Result("a.txt", "failed", reason="bad")
    assert (r.path, r.status, r.reason, r.data) == ("a.txt", "failed", "bad", None)
    assert Input("a.txt", None).location == "a.txt"
    assert Options().to == "json" and Options(pretty=True).pretty


def test_replace_copies_and_leaves_the_original() -> None:
    opts = Options(out_dir="out")
    again = opts._replace(skip_existing=True)
    assert again.skip_existing and again.out_dir == "out"
    assert not opts.skip_existing


def test_equality_hash_repr_and_pickle() -> None:
    a, b = Input("a.txt", "a"), Input("a.txt", "a")
    assert a == b and hash(a) == hash(b) and a != Input("a.txt", "b")
    assert a != ("a.txt", "a", None, None)
    assert repr(a) == "Input(path='a.txt', rel='a', error=None, where=None)"
    assert pickle.loads(pickle.dumps(Options(jobs=2))) == Options(jobs=2)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="missing"):
        Result("a.txt")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="bad argument"):
        Result("a.txt", "failed", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="bad argument"):
        Result("a.txt", "failed", path="b.txt")  # type: ignore[misc]
    with pytest.raises(TypeError, match="too many"):
        Input("a", "b", "c", "d", "e")  # type: ignore[call-arg]

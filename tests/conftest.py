"""Pytest hooks: the --update-golden option, slow files first."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden .json files")


# Test files that take seconds each (clusters, megabyte inputs, timings) run
# first, so that the workers share them out and finish together rather than
# one worker running them last, alone (on a quiet machine, two runs each:
# 23.7-24.0 s with this order, 26.7-28.3 s in alphabetical order).
SLOW_FIRST = ("test_memory.py", "test_dask.py", "test_hostile.py", "test_batch.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: the order within a file is kept

"""Pytest hooks: the --update-golden option, slow files first."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden .json files")


# Test files that take seconds each (clusters, megabyte inputs, timings) run
# first, so that the workers share them out and finish together: collected
# in alphabetical order they formed a tail that one worker ran alone.
SLOW_FIRST = ("test_memory.py", "test_dask.py", "test_hostile.py", "test_batch.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: the order within a file is kept

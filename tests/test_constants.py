"""The official SDK's constant classes exist in ``aiosdm.constants`` with the same names and
values, and so do its ``DEFAULT_*`` retry settings, which agree with ``RetryPolicy()``."""

from __future__ import annotations

import enum
import inspect
import json
import subprocess
import sys
from typing import Any

import pytest
import strongdm

import aiosdm
from aiosdm import constants
from aiosdm.interceptors import RetryPolicy


def _members(cls: type) -> dict[str, Any]:
    return {name: value for name, value in vars(cls).items() if not name.startswith("_")}


def _is_constant_class(value: object) -> bool:
    """A plain class (not an Enum) whose public attributes are all str constants."""
    if not inspect.isclass(value) or issubclass(value, enum.Enum):
        return False
    members = _members(value)
    return bool(members) and all(isinstance(v, str) for v in members.values())


# The rule: every constant class the official top-level namespace offers.
OFFICIAL = sorted(n for n in dir(strongdm) if _is_constant_class(getattr(strongdm, n)))


def test_the_rule_finds_the_22_classes_of_the_official_constants_module() -> None:
    assert len(OFFICIAL) == 22  # as issue 11 counts them
    defined_there = {
        n
        for n, c in vars(strongdm.constants).items()
        if inspect.isclass(c) and c.__module__ == strongdm.constants.__name__
    }
    assert set(OFFICIAL) == defined_there
    assert {"PermissionLevel", "Permission", "ApproverReference", "APIHost"} <= set(OFFICIAL)


@pytest.mark.parametrize("name", OFFICIAL)
def test_same_names_and_values(name: str) -> None:
    ours = getattr(constants, name)
    assert _members(ours) == _members(getattr(strongdm, name))
    assert ours.__module__ == "aiosdm"  # our own class (shown where it is imported from)
    assert ours.__doc__
    assert getattr(aiosdm, name) is ours


def test_constants_exports_exactly_the_official_classes_and_retry_settings() -> None:
    defaults = [n for n in dir(strongdm) if n.startswith("DEFAULT_")]
    assert sorted(constants.__all__) == sorted(OFFICIAL + defaults)


def test_default_retry_settings_are_the_official_ones_and_retry_policys() -> None:
    official = {n: getattr(strongdm, n) for n in dir(strongdm) if n.startswith("DEFAULT_")}
    assert official == {
        "DEFAULT_BASE_RETRY_DELAY": 1,
        "DEFAULT_MAX_RETRY_DELAY": 120,
        "DEFAULT_RETRY_FACTOR": 1.6,
        "DEFAULT_RETRY_JITTER": 0.2,
    }
    for name, value in official.items():
        assert getattr(aiosdm, name) == value, name
    policy = RetryPolicy()
    assert (policy.base_delay, policy.max_delay, policy.factor, policy.jitter) == (
        aiosdm.DEFAULT_BASE_RETRY_DELAY,
        aiosdm.DEFAULT_MAX_RETRY_DELAY,
        aiosdm.DEFAULT_RETRY_FACTOR,
        aiosdm.DEFAULT_RETRY_JITTER,
    )


PROBE = """
import json, sys
import aiosdm
loaded = [m for m in ("aiosdm.constants", "aiosdm.errors") if m in sys.modules]
aiosdm.PermissionLevel, aiosdm.DEFAULT_RETRY_FACTOR, aiosdm.NotFoundError
print(json.dumps([loaded, sorted(m for m in sys.modules if m.split(".")[0] == "strongdm")]))
"""


def test_constants_load_on_first_use_and_never_load_the_official_sdk() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    loaded_by_import, official_modules = json.loads(out)
    assert loaded_by_import == []
    assert official_modules == []

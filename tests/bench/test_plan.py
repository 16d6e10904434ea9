"""Which benchmark parts run against which server, and how big ``--quick`` makes them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from bench.__main__ import PARTS
from bench._plan import LATENCY, OWN_SERVER, SECTIONS, server_plan, settings
from bench._procs import in_turn


def test_every_part_runs_against_exactly_one_server_or_its_own() -> None:
    planned = [s for plan in server_plan(SECTIONS) for s in plan.sections]
    assert sorted(planned + sorted(OWN_SERVER)) == sorted(SECTIONS)
    assert set(PARTS) == set(SECTIONS) - OWN_SERVER  # and each has a table to make


def test_the_remote_parts_get_the_server_with_latency_first() -> None:
    remote, local = server_plan(SECTIONS)
    assert remote.latency == LATENCY and remote.sections == (
        "remote",
        "client-cpu",
        "remote-list",
    )
    assert local.latency == 0.0 and "server" in local.sections


def test_a_server_is_seeded_only_when_one_of_its_parts_lists() -> None:
    assert [(p.latency, p.seeded) for p in server_plan(["remote", "burst"])] == [
        (LATENCY, False),
        (0.0, False),
    ]
    assert [p.seeded for p in server_plan(["remote-list", "list-memory"])] == [True, True]
    assert [p.seeded for p in server_plan(["client-cpu", "filtered-load"])] == [False, True]


def test_parts_with_servers_of_their_own_start_no_shared_one() -> None:
    assert server_plan(["rate-limited"]) == []


def test_an_unknown_part_is_refused() -> None:
    with pytest.raises(ValueError, match="signing"):
        server_plan(["signing"])


def test_quick_runs_every_part_smaller_and_once() -> None:
    quick, full = settings(quick=True, repeats=5), settings(quick=False, repeats=5)
    assert quick.repeats == 1 and full.repeats == 5
    sizes = [f.name for f in dataclasses.fields(full) if f.name not in ("repeats", "latency")]
    for name in sizes:
        if name == "work_us":  # the caller's work per item is what is measured, not a size
            assert quick.work_us == full.work_us
        else:
            assert getattr(quick, name) < getattr(full, name), name
    assert quick.latency == full.latency == LATENCY


def test_runs_taken_in_turn_report_each_ones_medians() -> None:
    order: list[str] = []

    def run(name: str, values: list[float]) -> Callable[[], dict[str, float]]:
        def once() -> dict[str, float]:
            order.append(name)
            return {"cpu": values[order.count(name) - 1]}

        return once

    medians = in_turn(3, {"a": run("a", [5.0, 1.0, 3.0]), "b": run("b", [9.0, 7.0, 8.0])})
    assert order == ["a", "b"] * 3  # one of each, three times over: never a block of one
    assert medians == {"a": {"cpu": 3.0}, "b": {"cpu": 8.0}}

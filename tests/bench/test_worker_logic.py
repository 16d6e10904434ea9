"""The pure helpers the benchmark workers measure with (nothing timed here)."""

from __future__ import annotations

import pytest

from bench.workers._common import percentile, proc_cpu_seconds
from bench.workers.paced import due


def test_calls_come_due_one_at_the_start_then_one_per_interval() -> None:
    assert due(10.0, 9.5, rate=100, calls=50) == 0
    assert due(10.0, 10.0, rate=100, calls=50) == 1
    assert due(10.0, 10.0099, rate=100, calls=50) == 1
    assert due(10.0, 10.0101, rate=100, calls=50) == 2
    assert due(10.0, 10.25, rate=100, calls=50) == 26
    assert due(10.0, 99.0, rate=100, calls=50) == 50  # never more than asked for


def test_process_cpu_is_utime_plus_stime_counted_after_the_command_name() -> None:
    # The command name may hold spaces and parentheses: fields count from the last ")".
    fields = ["S", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "250", "50", "7", "8"]
    stat = "4242 (python (bench) x) " + " ".join(fields)
    assert proc_cpu_seconds(stat, 100) == pytest.approx(3.0)
    assert proc_cpu_seconds(stat, 1000) == pytest.approx(0.3)


def test_percentile_is_the_nearest_rank() -> None:
    values = [float(v) for v in range(100, 0, -1)]  # 100 .. 1, unsorted on purpose
    assert percentile(values, 0.99) == 99.0
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 1.0) == 100.0
    assert percentile([7.0], 0.99) == 7.0
    assert percentile([], 0.99) == 0.0

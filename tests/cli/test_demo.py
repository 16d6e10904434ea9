"""``aiosdm demo`` runs its whole tour and reports every step."""

from __future__ import annotations

import asyncio
import io
import json

from aiosdm.cli._output import Console
from aiosdm.cli.demo import run_demo
from aiosdm.cli.main import main

STEPS = [
    "Create users",
    "Resources and roles",
    "Attachments and a temporary grant",
    "Access request through a workflow",
    "Filtered, paginated lists",
    "The past: snapshot and history",
    "Managed secret round trip",
    "Burst into a rate limit",
    "On-call sync from PagerDuty",
]


async def test_tour_prints_every_step_and_a_summary() -> None:
    out = io.StringIO()
    report = await run_demo(Console(stream=out), users=40)
    assert [s.name for s in report.steps] == STEPS
    text = out.getvalue()
    assert "40 users created concurrently" in text
    assert "plaintext matches=True" in text
    assert "via 'prod access' (pending); user0001 approved: 1h grant" in text
    assert "events requested, approved, granted" in text
    assert "Summary" in text and "total" in text


async def test_json_report(capsys) -> None:  # type: ignore[no-untyped-def]
    status = await asyncio.to_thread(main, ["demo", "--users", "20", "--json"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    report = json.loads(captured.out)
    assert report["ok"] and [s["name"] for s in report["steps"]] == STEPS

"""Every script in examples/ runs standalone (against local stand-ins) and says what it did."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# script -> (arguments, lines its output must contain)
EXPECTED: dict[str, tuple[list[str], list[str]]] = {
    "aws_secrets_manager_cross_account.py": (
        [],
        [
            "read from account 222222222222",
            "key rotated: roles.list still works",
            "fetched 2 times",
        ],
    ),
    "aws_sessions_like_awsrun_and_altimeter.py": (
        [],
        [
            "altimeter file: arn:aws:sts::222222222222:assumed-role/inventory-reader/inventory",
            "in region eu-west-1",
            "sees buckets ['inventory']",
        ],
    ),
    "aliyun_kms.py": (
        [],
        [
            "read from KMS secret strongdm/reporting-job",
            "key rotated: roles.list still works",
            "fetched 2 times",
        ],
    ),
    "oncall_grants.py": (
        ["--local"],
        [
            "granted Alice@Example.com prod-db",
            "on call but not a strongDM user: carol@example.com",
            "first run created 2, second run created 0",
        ],
    ),
}


async def run(script: str, *args: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(EXAMPLES / script),
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout=90)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode == 0, err.decode()
    return out.decode()


def test_every_example_is_exercised() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("script", sorted(EXPECTED))
async def test_example_runs(script: str) -> None:
    args, lines = EXPECTED[script]
    output = await run(script, *args)
    for line in lines:
        assert line in output

"""Every snippet in README.md works: Python blocks run (those marked ``<!-- pytest -->`` as a
test file under pytest), excerpts match the example files they come from (those run in
tests/examples), and shown commands parse."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from aiosdm.cli.main import build_parser

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(
    r"(?:<!-- excerpt: (?P<source>\S+) -->\n)?(?:<!-- (?P<pytest>pytest) -->\n)?"
    r"```(?P<lang>\w+)\n(?P<code>.*?)```",
    re.S,
)
BLOCKS = [m.groupdict() for m in BLOCK.finditer((ROOT / "README.md").read_text())]


def stripped(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_readme_shows_the_two_commands_first() -> None:
    first = BLOCKS[0]
    commands = [line.split("#")[0].strip() for line in stripped(first["code"])]
    assert first["lang"] == "bash" and commands[:2] == ["make demo", "make test"]


@pytest.mark.parametrize(
    "code",
    [b["code"] for b in BLOCKS if b["lang"] == "python" and not (b["source"] or b["pytest"])],
)
def test_python_snippet_runs(code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("code", [b["code"] for b in BLOCKS if b["pytest"]])
def test_pytest_snippet_passes(code: str, pytester: pytest.Pytester) -> None:
    """Run as a test file in a pytest of its own (the installed plugin gives the fixtures):
    every test in it passes, none is skipped."""
    pytester.makepyfile(test_readme_snippet=code)
    tests = len(re.findall(r"^(?:async )?def test_", code, re.M))
    assert tests >= 1
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", timeout=120)
    result.assert_outcomes(passed=tests)


@pytest.mark.parametrize("block", [b for b in BLOCKS if b["source"]], ids=lambda b: b["source"])
def test_excerpt_is_in_its_example(block: dict[str, str]) -> None:
    """The excerpt's lines appear in the file in order; ``# ...`` marks skipped lines."""
    have = stripped((ROOT / block["source"]).read_text())
    position = 0
    for chunk in re.split(r"^\s*# \.\.\.\s*$", block["code"], flags=re.M):
        want = stripped(chunk)
        starts = [i for i in range(position, len(have)) if have[i : i + len(want)] == want]
        assert starts, f"{block['source']} lacks:\n" + "\n".join(want)
        position = starts[0] + len(want)


def test_shown_commands_parse() -> None:
    """Each ``aiosdm ...`` command shown (continuation lines joined, leading VAR=... settings
    skipped) parses with the real CLI parser."""
    parser = build_parser()
    commands = []
    for block in BLOCKS:
        if block["lang"] != "bash":
            continue
        for line in block["code"].replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            while words and "=" in words[0] and not words[0].startswith("-"):
                words.pop(0)
            if words[:1] == ["aiosdm"]:
                commands.append(words[1:])
    assert len(commands) >= 3
    for words in commands:
        parser.parse_args(words)

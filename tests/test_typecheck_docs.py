"""What users copy type-checks: every README Python snippet and every ``examples/`` script passes
``mypy --strict`` (the project's mypy settings) against the package as installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_readme import BLOCKS

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = [b["code"] for b in BLOCKS if b["lang"] == "python" and not b["source"]]


def stage(where: Path) -> Path:
    """The package under its import name, as symlinks (the Makefile's typecheck-stage): mypy
    cannot follow the editable install's import hook."""
    shutil.rmtree(where, ignore_errors=True)
    package = where / "aiosdm"
    package.mkdir(parents=True)
    for entry in (ROOT / "sdk").iterdir():
        (package / entry.name).symlink_to(entry)
    (package / "interceptors").symlink_to(ROOT / "interceptors")
    (package / "_generated").symlink_to(ROOT / "generated")
    return where


@pytest.mark.timeout(600)
def test_readme_snippets_and_examples_pass_mypy_strict(tmp_path: Path) -> None:
    assert len(SNIPPETS) >= 5
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    for number, code in enumerate(SNIPPETS):
        (snippets / f"readme_snippet_{number}.py").write_text(code)
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.py"))
    assert examples
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--strict",
            # Kept between runs (mypy checks its freshness), so a second run takes seconds.
            "--cache-dir",
            str(ROOT / "build" / "mypy-docs-cache"),
            str(snippets),
            *examples,
        ],
        # A fixed place, so that mypy's cache stays valid from one run to the next.
        env={**os.environ, "MYPYPATH": str(stage(ROOT / "build" / "mypy-docs-stage"))},
        capture_output=True,
        text=True,
        timeout=540,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr

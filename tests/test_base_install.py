"""A plain ``pip install .`` (no extras) in a fresh virtual environment, as a new user gets it.

Missing extras must raise an ImportError naming the extra, star imports must work, the README's
Quick start must run, and the CLI must list an empty server and name the extra ``--aws-secret``
needs. Building the venv takes PyPI (the base dependencies; pip's cache makes reruns quick);
without it the tests skip, saying so.
"""

from __future__ import annotations

import json
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALL_TIMEOUT = 600  # seconds: a cold pip cache downloads grpcio, protobuf and cryptography
TIMEOUT = 60
# What pip prints when the index cannot be reached (as opposed to a broken package).
_OFFLINE = re.compile(
    r"NewConnectionError|Failed to establish|Temporary failure in name resolution|"
    r"ConnectTimeout|ReadTimeout|Network is unreachable|No matching distribution found"
)


@pytest.fixture(scope="module")
def base_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding aiosdm with its base dependencies only; returns its bin/ folder."""
    work = tmp_path_factory.mktemp("base-install")
    # Build from a copy: an in-tree build would write build/ and *.egg-info into the checkout
    # that other tests (and the type-check stage) use at the same time.
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    for folder in ("sdk", "interceptors", "generated"):
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=TIMEOUT)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    try:
        done = subprocess.run(
            [*pip, "install", str(source)],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        pytest.skip(f"pip install . took over {INSTALL_TIMEOUT}s (is PyPI reachable?)")
    if done.returncode != 0:
        if _OFFLINE.search(done.stderr):
            pytest.skip("pip cannot reach the package index: " + done.stderr.strip()[-200:])
        pytest.fail(f"pip install . failed:\n{done.stderr}")
    return venv / "bin"


def run(bin_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bin_dir / argv[0]), *argv[1:]], capture_output=True, text=True, timeout=TIMEOUT
    )


def test_the_extras_are_really_missing(base_venv: Path) -> None:
    done = run(base_venv, "python", "-c", "import aiohttp")
    assert done.returncode != 0, "the base install pulled aiohttp in: these tests prove nothing"


@pytest.mark.parametrize(
    ("code", "extra"),
    [
        ("import aiosdm.aws", "aws"),
        ("from aiosdm.credentials import AliyunSecretsManager", "aliyun"),
        ("from aiosdm.credentials import AwsSecretsManager", "aws"),
        ("from aiosdm.integrations import pagerduty", "pagerduty"),
    ],
)
def test_a_missing_extra_names_it(base_venv: Path, code: str, extra: str) -> None:
    done = run(
        base_venv,
        "python",
        "-c",
        f"try:\n    {code}\nexcept ImportError as err:\n    print(err)\nelse:\n    print('ok')",
    )
    assert done.returncode == 0, done.stderr
    assert f"{extra!r} extra" in done.stdout and f"aiosdm[{extra}]" in done.stdout, done.stdout


def test_star_imports_work(base_venv: Path) -> None:
    code = (
        "from aiosdm import *\nfrom aiosdm.credentials import *\nfrom aiosdm.errors import *\n"
        "from aiosdm.testing import *\nfrom aiosdm.models import *\nprint(StaticCredentials)"
    )
    done = run(base_venv, "python", "-c", code)
    assert done.returncode == 0, done.stderr


def test_readme_quick_start_runs(base_venv: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    done = run(base_venv, "python", "-c", quick)
    assert done.returncode == 0, done.stderr
    assert "alice@example.com" in done.stdout


def test_cli_lists_an_empty_server_and_names_the_aws_extra(base_venv: Path, tmp_path: Path) -> None:
    creds = tmp_path / "creds.json"
    server = subprocess.Popen(
        [str(base_venv / "aiosdm"), "serve", "--port", "0", "--credentials-out", str(creds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert server.stdout is not None
        ready, _, _ = select.select([server.stdout], [], [], TIMEOUT)
        assert ready and server.stdout.readline().startswith(b"aiosdm serve: listening on ")
        assert json.loads(creds.read_text())["host"]
        connect = ("--credentials-file", str(creds), "--insecure")
        done = run(base_venv, "aiosdm", "list", "accounts", *connect)
        assert (done.returncode, done.stderr) == (0, "")
        assert done.stdout.startswith("accounts: 0 items\nid ")  # a plain table: no rich here

        done = run(base_venv, "aiosdm", "list", "accounts", "--aws-secret", "x", "--insecure")
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "'aws' extra" in done.stderr and "pip install" in done.stderr

        done = run(base_venv, "aiosdm", "pagerduty-sync", "--schedule", "S")
        assert done.returncode == 2 and "'cli' extra" in done.stderr, done.stderr
    finally:
        server.terminate()
        server.wait(timeout=TIMEOUT)

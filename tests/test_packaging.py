"""The distribution maps every package folder onto the single import root ``aiosdm``."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import aiosdm
from aiosdm import _signing, _version

ROOT = Path(__file__).resolve().parent.parent
ROOTS = {"sdk": "aiosdm", "interceptors": "aiosdm.interceptors", "generated": "aiosdm._generated"}


def test_every_package_folder_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert config["package-dir"] == {v: k for k, v in ROOTS.items()}
    found = set()
    for folder, name in ROOTS.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            if "__pycache__" in rel.parts:
                continue
            found.add(".".join([name, *rel.parts]) if rel.parts else name)
    assert sorted(found) == sorted(config["packages"])


def test_typed_marker_ships() -> None:
    assert (ROOT / "sdk" / "py.typed").exists()


def test_one_version_for_the_distribution_the_package_and_the_user_agent() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in config["project"] and config["project"]["dynamic"] == ["version"]
    dynamic = config["tool"]["setuptools"]["dynamic"]
    assert dynamic["version"] == {"attr": "aiosdm._version.__version__"}
    assert aiosdm.__version__ is _version.__version__
    assert _signing.USER_AGENT.split("/") == ["aiosdm-python", _version.__version__]
    # The installed metadata was built from the same attribute (reinstall after a bump).
    assert importlib.metadata.version("aiosdm") == _version.__version__


def test_metadata_fits_the_ecosystem() -> None:
    """SPDX license with its file, classifiers for every supported Python, keywords and URLs;
    development tools live in a dependency group (PEP 735), not in a published extra."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = config["project"]
    assert project["license"] == "Apache-2.0" and project["license-files"] == ["LICENSE"]
    assert "Apache License" in (ROOT / "LICENSE").read_text()[:200]
    classifiers = set(project["classifiers"])
    versions = {"3.11", "3.12", "3.13"}
    assert {f"Programming Language :: Python :: {v}" for v in versions} <= classifiers
    assert {"Framework :: AsyncIO", "Typing :: Typed"} <= classifiers
    assert not any(c.startswith("License ::") for c in classifiers)  # PEP 639: SPDX only
    assert project["keywords"] and project["urls"]
    assert "dev" not in project["optional-dependencies"]
    assert "pytest>=8" in config["dependency-groups"]["dev"]
    assert "--group dev" in (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "Python 3.11, 3.12 or 3.13" in readme
    metadata = importlib.metadata.metadata("aiosdm")
    assert metadata["License-Expression"] == "Apache-2.0"

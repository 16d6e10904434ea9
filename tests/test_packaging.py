"""The distribution maps every package folder onto the single import root ``aiosdm``."""

from __future__ import annotations

import tomllib
from pathlib import Path

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

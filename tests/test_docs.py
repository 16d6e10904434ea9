"""The API reference (``make docs``): every public name has a docstring, and pdoc builds it from
them without warnings and without a link that leads nowhere."""

from __future__ import annotations

import importlib
import re
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest

import aiosdm
from docs.__main__ import build, public_modules


def _documented(obj: object) -> bool:
    return bool((getattr(obj, "__doc__", None) or "").strip())


def undocumented() -> list[str]:
    """Public modules, the classes and functions they export, and those classes' public
    methods and properties (a docstring of the method it overrides counts)."""
    missing = []
    for name in public_modules():
        module = importlib.import_module(name)
        if not _documented(module):
            missing.append(name)
        exported = getattr(module, "__all__", None)
        if exported is None:
            exported = [n for n, v in vars(module).items() if getattr(v, "__module__", "") == name]
        for attribute in exported:
            value = getattr(module, attribute)
            if not isinstance(value, (type, types.FunctionType)):
                continue
            if not _documented(value):
                missing.append(f"{name}.{attribute}")
            if not isinstance(value, type) or issubclass(value, aiosdm.models.Model):
                continue  # a model's members are its fields, documented by the message
            for member, raw in vars(value).items():
                function = raw.fget if isinstance(raw, property) else getattr(raw, "__func__", raw)
                if member.startswith("_") or not isinstance(function, types.FunctionType):
                    continue
                bases = [getattr(base, member, None) for base in value.__mro__[1:]]
                if not _documented(function) and not any(map(_documented, bases)):
                    missing.append(f"{name}.{attribute}.{member}")
    return missing


def test_the_public_modules_are_all_there() -> None:
    names = public_modules()
    for name in ("aiosdm", "aiosdm.errors", "aiosdm.testing", "aiosdm.interceptors.retry"):
        assert name in names
    assert not [n for n in names if "._" in n]


def test_every_public_name_has_a_docstring() -> None:
    assert undocumented() == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


@pytest.mark.timeout(300)
def test_the_reference_builds_without_warnings_or_broken_links(tmp_path: Path) -> None:
    assert build(tmp_path) == []
    pages = {path: _Links() for path in tmp_path.rglob("*.html")}
    for path, links in pages.items():
        links.feed(path.read_text())
    assert tmp_path / "aiosdm.html" in pages and tmp_path / "aiosdm" / "testing.html" in pages
    broken = []
    for path, links in pages.items():
        for href in links.hrefs:
            if re.match(r"[a-z]+:", href):
                continue  # an address outside the reference
            target, _, anchor = href.partition("#")
            if anchor.startswith("_"):
                # pdoc links a class's private base (errors._OneStatusError), which it rightly
                # leaves out of the reference.
                continue
            page = (path.parent / target).resolve() if target else path
            if page not in pages or (anchor and anchor not in pages[page].ids):
                broken.append(f"{path.relative_to(tmp_path)} -> {href}")
    assert broken == []
    # The curated names are documented on the package page.
    assert 'id="Client"' in (tmp_path / "aiosdm.html").read_text()

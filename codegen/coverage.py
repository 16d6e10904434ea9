"""``python -m codegen --coverage [--json | --markdown [--write-readme]]``: how much of the
official v1 API our protos cover, for a person, a program, or README.md's coverage table.

The official ``strongdm`` package is a dev-only oracle: its descriptors are imported lazily here
(codegen is never shipped) and never by the product. Only what the official *Python* SDK exposes
is counted; items its generator marks Go-only are listed apart.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import (
    Descriptor,
    FieldDescriptor,
    FileDescriptor,
    MethodDescriptor,
    ServiceDescriptor,
)

from . import protoc
from .schema import PACKAGE, WIRE_PACKAGE, load

ORACLE = "strongdm"
# The `targets` value strongDM's generator uses for items it keeps out of every SDK but Go's
# (service, method, message and field options in the official options.proto).
GO_ONLY = "go_private"
RESOURCE_ONEOF = "Resource.resource"  # its arms are the resource drivers

Private = Callable[[Any], bool]  # descriptor -> is it Go-only?


@dataclass
class Tally:
    """Ours against theirs for one kind of item; names are sorted."""

    covered: int
    total: int
    missing: list[str]  # exposed by the official Python SDK, absent from ours
    extra: list[str] = field(default_factory=list)  # ours, not exposed by the official SDK
    go_only: list[str] = field(default_factory=list)  # official, Go-only: not in ``total``
    # Ours, on the wire and served but hidden from the client, as the official Python SDK
    # hides its Go-only methods: neither covered nor extra.
    wire_only: list[str] = field(default_factory=list)


def tally(have: Iterable[str], want: Iterable[str], go_only: Iterable[str] = ()) -> Tally:
    """What of ``want`` (the official names) ``have`` (ours) covers."""
    mine, official = set(have), set(want)
    return Tally(
        covered=len(mine & official),
        total=len(official),
        missing=sorted(official - mine),
        extra=sorted(mine - official),
        go_only=sorted(go_only),
    )


@dataclass
class Api:
    """The comparable surface of one descriptor set, keyed by names relative to the package."""

    methods: dict[str, list[str]]  # service -> method names
    arms: dict[str, dict[str, str]]  # "Message.oneof" -> {arm field: display name}
    go_only_services: set[str] = field(default_factory=set)
    go_only_methods: set[str] = field(default_factory=set)  # "Service.Method"
    go_only_arms: dict[str, set[str]] = field(default_factory=dict)
    snapshot: set[str] = field(default_factory=set)  # services readable at a point in time

    def method_names(self) -> set[str]:
        return {f"{s}.{m}" for s, ms in self.methods.items() for m in ms}


def _messages(files: Iterable[FileDescriptor]) -> Iterator[Descriptor]:
    def walk(d: Descriptor) -> Iterator[Descriptor]:
        yield d
        for n in d.nested_types:
            yield from walk(n)

    for f in files:
        for d in f.message_types_by_name.values():
            yield from walk(d)


def _arm_name(f: FieldDescriptor) -> str:
    # Arms are named by their message (the driver, e.g. AmazonEKS) since that is what users see.
    return f.message_type.name if f.message_type is not None else f.name


def _synthetic(oneof_name: str, fields: list[FieldDescriptor]) -> bool:
    # protoc wraps each proto3 `optional` field in a one-arm oneof named `_<field>`; that is
    # presence tracking, not a choice between arms.
    return len(fields) == 1 and oneof_name == f"_{fields[0].name}"


def surface(files: list[FileDescriptor], package: str, private: Private) -> Api:
    """Services, methods and oneof arms of ``files``, with Go-only items set apart."""
    api = Api(methods={}, arms={})
    for f in files:
        for s in f.services_by_name.values():
            if private(s):
                api.go_only_services.add(s.name)
                api.go_only_methods.update(f"{s.name}.{m.name}" for m in s.methods)
                continue
            api.methods[s.name] = [m.name for m in s.methods if not private(m)]
            api.go_only_methods.update(f"{s.name}.{m.name}" for m in s.methods if private(m))
    for d in _messages(files):
        if private(d):
            continue
        short = d.full_name.removeprefix(f"{package}.")
        for o in d.oneofs:
            arms = list(o.fields)
            if _synthetic(o.name, arms):
                continue
            key = f"{short}.{o.name}"
            api.arms[key] = {a.name: _arm_name(a) for a in arms if not private(a)}
            api.go_only_arms[key] = {_arm_name(a) for a in arms if private(a)}
    return api


def ours() -> Api:
    """Our surface, from protos/ compiled the way ``python -m codegen`` compiles them."""
    with tempfile.TemporaryDirectory() as tmp:
        fds = protoc.descriptor_set(Path(tmp))
    pool = descriptor_pool.DescriptorPool()
    for fdp in fds.file:
        pool.Add(fdp)
    files = [pool.FindFileByName(fdp.name) for fdp in fds.file if fdp.package == PACKAGE]
    # Methods annotated hidden are set apart like the official Go-only ones they mirror.
    hidden = {f"{s.name}.{m.name}" for s in load(fds).services for m in s.methods if m.hidden}

    def wire_only(d: Any) -> bool:
        return isinstance(d, MethodDescriptor) and f"{d.containing_service.name}.{d.name}" in hidden

    return surface(files, PACKAGE, wire_only)


def theirs() -> Api:
    """The official Python SDK's surface, from the descriptors its ``*_pb2`` modules register."""
    oracle = importlib.import_module(ORACLE)
    options = importlib.import_module(f"{ORACLE}.options_pb2")
    modules = [
        importlib.import_module(f"{ORACLE}.{m.name}")
        for m in pkgutil.iter_modules(oracle.__path__)
        if m.name.endswith("_pb2")
    ]
    files = [m.DESCRIPTOR for m in modules if m.DESCRIPTOR.package == WIRE_PACKAGE]
    kinds = (
        (ServiceDescriptor, options.service_options),
        (MethodDescriptor, options.method_options),
        (Descriptor, options.message_options),
        (FieldDescriptor, options.field_options),
    )

    def opts(d: Any) -> Any:
        return d.GetOptions().Extensions[next(e for kind, e in kinds if isinstance(d, kind))]

    api = surface(files, WIRE_PACKAGE, lambda d: GO_ONLY in opts(d).targets)
    # What `snapshot_at` can reach: services that do not opt out of the snapshot vertical and
    # have something to read (Get or List).
    api.snapshot = {
        s
        for f in files
        for svc in f.services_by_name.values()
        if (s := svc.name) in api.methods
        and not opts(svc).disable_snapshot_vertical
        and {"Get", "List"} & set(api.methods[s])
    }
    return api


def compare(mine: Api, official: Api) -> dict[str, Any]:
    """The report as plain data (what ``--json`` prints)."""
    history = {s for s in official.methods if s.endswith("History")}
    oneofs = {
        key: dataclasses.asdict(
            tally(mine.arms.get(key, {}).values(), arms.values(), official.go_only_arms[key])
        )
        for key, arms in sorted(official.arms.items())
        if key != RESOURCE_ONEOF
    }
    drivers = tally(
        mine.arms.get(RESOURCE_ONEOF, {}).values(),
        official.arms[RESOURCE_ONEOF].values(),
        official.go_only_arms[RESOURCE_ONEOF],
    )
    methods = tally(mine.method_names(), official.method_names(), official.go_only_methods)
    methods.wire_only = sorted(mine.go_only_methods)
    return {
        "oracle": f"{ORACLE} {metadata.version(ORACLE)}",
        "services": dataclasses.asdict(
            tally(mine.methods, official.methods, official.go_only_services)
        ),
        "methods": dataclasses.asdict(methods),
        "drivers": dataclasses.asdict(drivers),
        # Subsets of the services: only our services of the same kind count, so no extras.
        "history_services": dataclasses.asdict(tally(history & set(mine.methods), history)),
        "snapshot_services": dataclasses.asdict(
            tally(official.snapshot & set(mine.methods), official.snapshot)
        ),
        "oneofs": oneofs,
    }


def _pct(t: dict[str, Any]) -> int:
    return 100 * t["covered"] // t["total"] if t["total"] else 100


def _ratio(t: dict[str, Any]) -> str:
    return f"{t['covered']:>4} of {t['total']:<4} ({_pct(t)}%)"


def _names(title: str, names: list[str]) -> list[str]:
    if not names:
        return []
    body = textwrap.fill(", ".join(names), width=96, initial_indent="  ", subsequent_indent="  ")
    return ["", f"{title} ({len(names)}):", body]


ROWS = [
    ("services", "services"),
    ("methods", "methods"),
    ("resource drivers", "drivers"),
    ("history services", "history_services"),
    ("snapshot services", "snapshot_services"),
]

README = Path(__file__).resolve().parent.parent / "README.md"
#: The lines of README.md between these markers are the output of ``--coverage --markdown``.
README_START = "<!-- coverage:start (python -m codegen --coverage --markdown) -->"
README_END = "<!-- coverage:end -->"


def markdown(report: dict[str, Any]) -> str:
    """The report as a Markdown table of counts, then what is missing, for README.md."""

    def code(names: list[str]) -> str:
        return ", ".join(f"`{n}`" for n in names)

    out = [
        f"Coverage of the official Python SDK ({report['oracle']}) by `protos/`:",
        "",
        "| surface | covered | of | share | not counted: Go-only |",
        "|---|--:|--:|--:|---|",
    ]
    rows = [(label, report[key]) for label, key in ROWS]
    rows += [(f"arms of `{key}`", t) for key, t in report["oneofs"].items()]
    services = report["services"]["go_only"]
    for label, t in rows:
        go_only = t["go_only"]
        if t is report["methods"]:  # a Go-only service's methods are implied by the service
            go_only = [m for m in go_only if m.split(".")[0] not in services]
        cells = [label, t["covered"], t["total"], f"{_pct(t)}%", code(go_only) or "none"]
        out.append("| " + " | ".join(map(str, cells)) + " |")
    missing = [(label, t["missing"]) for label, t in rows[:3] if t["missing"]]
    missing += [(label, t["missing"]) for label, t in rows[5:] if t["missing"]]
    for label, names in missing:
        text = f"Missing {label} ({len(names)}): {code(names)}."
        out += ["", textwrap.fill(text, width=100, break_on_hyphens=False)]
    return "\n".join(out)


def write_readme(table: str, path: Path = README) -> None:
    """Put ``table`` between the coverage markers of README.md."""
    text = path.read_text()
    head, start, rest = text.partition(README_START)
    _, end, tail = rest.partition(README_END)
    if not start or not end:
        raise SystemExit(f"{path.name} lacks the markers {README_START} ... {README_END}")
    path.write_text(f"{head}{README_START}\n{table}\n{README_END}{tail}")


def render(report: dict[str, Any]) -> str:
    """The report for a person: counts first, then every missing name."""
    rows = ROWS
    out = [f"Coverage of the official Python SDK ({report['oracle']}) by protos/", ""]
    out += [f"  {label:<20}{_ratio(report[key])}" for label, key in rows]
    out += ["", "  oneof arms, by message:"]
    for key, t in report["oneofs"].items():
        note = f"  (+ go-only {', '.join(t['go_only'])})" if t["go_only"] else ""
        out.append(f"    {key:<30}{_ratio(t)}{note}")
    services, methods = report["services"], report["methods"]
    # A Go-only service's methods are implied by the service: name them only once.
    go_only = services["go_only"] + [
        m for m in methods["go_only"] if m.split(".")[0] not in services["go_only"]
    ]
    out += _names("not counted above: Go-only in the official descriptors", go_only)
    out += _names("of those, ours on the wire but not client methods", methods["wire_only"])
    # History and snapshot services are subsets of the services, so they are not listed again.
    for label, key in rows[:3]:
        out += _names(f"missing {label}", report[key]["missing"])
        out += _names(f"{label} of ours the official Python SDK lacks", report[key]["extra"])
    for key, t in report["oneofs"].items():
        out += _names(f"missing arms of {key}", t["missing"])
        out += _names(f"arms of {key} the official Python SDK lacks", t["extra"])
    return "\n".join(out)


def main(as_json: bool = False, as_markdown: bool = False, write: bool = False) -> int:
    """Print the report (or with ``write``, put the Markdown table into README.md); exit 0
    whatever the coverage (it informs, it does not gate)."""
    try:
        official = theirs()
    except ModuleNotFoundError as e:
        print(f"coverage needs the official SDK as its oracle: {e}", file=sys.stderr)
        return 2
    report = compare(ours(), official)
    if write:
        write_readme(markdown(report))
        print(f"wrote the coverage table into {README.name}")
    elif as_markdown:
        print(markdown(report))
    else:
        print(json.dumps(report, indent=2) if as_json else render(report))
    return 0

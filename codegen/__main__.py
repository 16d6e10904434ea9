"""``python -m codegen [--check | --coverage [--json | --markdown [--write-readme]]]``: rebuild
generated/ from protos/, verify it is current, or report how much of the official SDK the protos
cover."""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

from . import coverage, protoc
from .clients import emit_clients
from .kinds import emit_kinds
from .models import ModelEmitter
from .schema import SchemaError, load
from .services import emit_services

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "generated"
PACKAGE_DOC = '"""Code generated from protos/ by ``python -m codegen``: do not edit."""\n'


def build() -> dict[str, str]:
    """Everything that belongs in generated/, as {relative path: text}."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        tree = {f"v1/{name}": text for name, text in protoc.compile_python(work).items()}
        schema = load(protoc.descriptor_set(work))
    tree["__init__.py"] = PACKAGE_DOC
    tree["v1/__init__.py"] = PACKAGE_DOC
    emitter = ModelEmitter(schema)
    for file in sorted({m.file for m in schema.messages.values() if m.porcelain}):
        tree[f"models/{file}.py"] = emitter.emit_module(file, f"Models for {file}.proto.")
    tree["models/__init__.py"] = emitter.emit_init()
    tree.update(emit_services(schema))
    tree.update(emit_clients(schema))
    tree["kinds.py"] = emit_kinds(schema)
    return tidy(tree)


def tidy(tree: dict[str, str]) -> dict[str, str]:
    """Sort imports and format our emitted Python with the pinned ruff (protoc output is left
    as protoc wrote it)."""
    ours = [k for k in tree if k.endswith(".py") and not k.startswith("v1/")]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for k in ours:
            (base / k).parent.mkdir(parents=True, exist_ok=True)
            (base / k).write_text(tree[k])
        ruff = [sys.executable, "-m", "ruff"]
        config = ["--config", str(ROOT / "pyproject.toml")]
        files = [str(base / k) for k in ours]
        fix = ["check", "--fix-only", "--select", "I,RUF022,F401", "--quiet"]
        subprocess.run([*ruff, *fix, *config, *files], check=True)
        subprocess.run([*ruff, "format", "--quiet", *config, *files], check=True)
        return {k: (base / k).read_text() if k in ours else v for k, v in tree.items()}


def current() -> dict[str, str]:
    return {
        str(p.relative_to(OUT)): p.read_text()
        for p in sorted(OUT.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if generated/ is stale")
    parser.add_argument(
        "--coverage", action="store_true", help="report how much of the official API we cover"
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="with --coverage: print JSON")
    form.add_argument(
        "--markdown", action="store_true", help="with --coverage: print README.md's table"
    )
    parser.add_argument(
        "--write-readme",
        action="store_true",
        help="with --coverage --markdown: put the table into README.md",
    )
    args = parser.parse_args()
    if (args.json or args.markdown) and not args.coverage:
        parser.error("--json and --markdown go with --coverage")
    if args.write_readme and not (args.coverage and args.markdown):
        parser.error("--write-readme goes with --coverage --markdown")
    if args.coverage:
        return coverage.main(as_json=args.json, as_markdown=args.markdown, write=args.write_readme)
    try:
        wanted = build()
    except SchemaError as err:  # an annotation the generator cannot honour: one clear line
        print(f"codegen: {err}", file=sys.stderr)
        return 2
    if args.check:
        have = current()
        stale = sorted(k for k in wanted.keys() | have.keys() if wanted.get(k) != have.get(k))
        if not stale:
            print(f"generated/ is current ({len(wanted)} files)")
            return 0
        for k in stale[:5]:
            diff = difflib.unified_diff(
                have.get(k, "").splitlines(), wanted.get(k, "").splitlines(), k, k, lineterm=""
            )
            print("\n".join(list(diff)[:40]))
        print(f"generated/ is stale in {len(stale)} files: run `make generate`", file=sys.stderr)
        return 1
    for k in current().keys() - wanted.keys():
        (OUT / k).unlink()
    for k, text in wanted.items():
        path = OUT / k
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
    print(f"wrote generated/ ({len(wanted)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Runs grpcio-tools' protoc and adapts its output to live under ``aiosdm._generated``."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

PROTO_ROOT = Path(__file__).resolve().parent.parent / "protos"
PROTO_PACKAGE_DIR = "aiosdm/v1"
# protoc names modules after the .proto path (aiosdm/v1/x.proto -> aiosdm.v1.x_pb2);
# our package maps generated/ onto aiosdm._generated, so imports are rewritten.
_IMPORT = re.compile(r"\bfrom aiosdm\.v1 import\b")


def proto_files() -> list[str]:
    return sorted(
        f"{PROTO_PACKAGE_DIR}/{p.name}" for p in (PROTO_ROOT / PROTO_PACKAGE_DIR).glob("*.proto")
    )


def _run(args: list[str]) -> None:
    include = str(resources.files("grpc_tools") / "_proto")
    code = protoc.main(["protoc", f"-I{PROTO_ROOT}", f"-I{include}", *args, *proto_files()])
    if code != 0:
        raise SystemExit(f"protoc failed with exit code {code}")


def compile_python(out_dir: Path) -> dict[str, str]:
    """Compile every proto into ``*_pb2.py``/``.pyi``; returns {file name: text}."""
    tmp = out_dir / "_protoc"
    tmp.mkdir(parents=True)
    _run([f"--python_out={tmp}", f"--pyi_out={tmp}"])
    files: dict[str, str] = {}
    for path in sorted((tmp / PROTO_PACKAGE_DIR).iterdir()):
        text = _IMPORT.sub("from aiosdm._generated.v1 import", path.read_text())
        files[path.name] = text
    return files


def descriptor_set(out_dir: Path) -> descriptor_pb2.FileDescriptorSet:
    """All our files (and their imports) with comments, for the model generator."""
    target = out_dir / "descriptors.pb"
    _run([f"--descriptor_set_out={target}", "--include_imports", "--include_source_info"])
    fds = descriptor_pb2.FileDescriptorSet()
    fds.ParseFromString(target.read_bytes())
    return fds

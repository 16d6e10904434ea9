"""Models as JSON-ready values for ``--json`` output. Secret fields are left out."""

from __future__ import annotations

import base64
import dataclasses
from datetime import datetime, timedelta
from typing import Any

__all__ = ["jsonable"]


def jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.repr:  # repr=False marks secrets (and raw bytes of unknown kinds)
                out[f.name] = jsonable(getattr(value, f.name))
        return out
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value

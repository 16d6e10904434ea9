"""Every model (typed dataclass) of the strongDM v1 API, named like the official SDK's porcelain.

Polymorphic kinds are subclasses: ``User``, ``Service`` and ``Token`` are ``Account``s;
``Postgres``, ``SSH``, ... are ``Resource``s. A kind newer than this SDK arrives as
``UnknownAccount``/``UnknownResource``/... and is sent back unchanged.

Models load on first use, so importing this module costs nothing for the services you skip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiosdm._generated import models as _generated

if TYPE_CHECKING:
    # The generated __all__ is a literal list of explicit re-exports: type checkers see each
    # real class (aiosdm.models.User is User, not Any).
    from aiosdm._generated.models import *  # noqa: F403

__all__ = list(_generated.__all__)


def __getattr__(name: str) -> Any:
    if name in __all__:
        value = getattr(_generated, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)

"""Every model (typed dataclass) of the strongDM v1 API, named like the official SDK's porcelain.

Polymorphic kinds are subclasses: ``User``, ``Service`` and ``Token`` are ``Account``s;
``Postgres``, ``SSH``, ... are ``Resource``s. A kind newer than this SDK arrives as
``UnknownAccount``/``UnknownResource``/... and is sent back unchanged.
"""

from aiosdm._generated.models import *  # noqa: F403  (the generated list is the API)
from aiosdm._generated.models import __all__ as _generated_all

__all__ = [n for n in _generated_all if n not in {"BINDINGS", "Binding"}]

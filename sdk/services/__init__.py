"""One client class per strongDM service, reached as attributes of ``aiosdm.Client``.

The classes are generated from the protos (``aiosdm._generated.clients``) and load on
first use (PEP 562): each brings in its own models only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiosdm._generated.clients import __all__ as __all__
from aiosdm._generated.clients import __getattr__ as __getattr__

if TYPE_CHECKING:
    from aiosdm._generated.clients import *  # noqa: F403  (every name in its __all__)

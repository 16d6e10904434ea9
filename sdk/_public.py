"""Public names report ``aiosdm`` as their module, wherever they are defined.

``aiosdm`` is where users reach them, so reprs of classes, pickles, tracebacks and the API
reference name ``aiosdm.User`` rather than the private module that happens to define it
(pickles stay loadable when code moves between private modules).
"""

from __future__ import annotations

import inspect
from typing import Any, ForwardRef

__all__ = ["PUBLIC_MODULE", "publish"]

PUBLIC_MODULE = "aiosdm"


def publish(*objects: Any) -> None:
    """Give each class or function ``__module__ == "aiosdm"`` (each must be importable from
    ``aiosdm`` under its ``__qualname__``, or pickling it breaks)."""
    for obj in objects:
        if isinstance(obj, type):
            _bind_annotations(obj)
        obj.__module__ = PUBLIC_MODULE


def _bind_annotations(cls: type) -> None:
    """``typing.get_type_hints`` resolves a class's string annotations in the module its
    ``__module__`` names; bound to the defining module, they still resolve there."""
    own = inspect.get_annotations(cls)  # its own, not its bases'
    if not own:
        return
    module = cls.__module__
    cls.__annotations__ = {
        name: ForwardRef(value, is_argument=False, module=module, is_class=True)
        if isinstance(value, str)
        else value
        for name, value in own.items()
    }

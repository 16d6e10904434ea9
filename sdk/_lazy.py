"""A class attribute that makes its service on first access."""

from __future__ import annotations

import importlib
from typing import Any, Generic, TypeVar, overload

__all__ = ["LazyService"]

_S = TypeVar("_S")


class LazyService(Generic[_S]):
    """A service attribute (``client.accounts``) made on first access from the owner's
    ``_core``: the service's module (and its models) load only when it is used, which
    keeps ``import aiosdm`` and start-up cheap."""

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name = module, name

    def __set_name__(self, owner: type, attribute: str) -> None:
        self._attribute = attribute

    @overload
    def __get__(self, owner: None, owner_type: type) -> LazyService[_S]: ...
    @overload
    def __get__(self, owner: object, owner_type: type) -> _S: ...
    def __get__(self, owner: object | None, owner_type: type) -> LazyService[_S] | _S:
        if owner is None:
            return self
        cls: Any = getattr(importlib.import_module(self._module), self._name)
        service: _S = cls(owner._core)  # type: ignore[attr-defined]
        owner.__dict__[self._attribute] = service  # later reads skip the descriptor
        return service

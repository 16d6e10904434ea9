"""Optional extras: turning "No module named 'aiobotocore'" into what to install.

The base install is grpcio, protobuf and cryptography; AWS, Aliyun, PagerDuty and the CLI's
rich output need extras. A bare ``ModuleNotFoundError`` names a third-party module the user
never asked for, so modules that need an extra raise :class:`MissingExtraError` instead,
naming the extra and the ``pip`` line (for an installed package and for a checkout).
"""

from __future__ import annotations

import importlib.util

__all__ = ["MissingExtraError", "has_modules", "install_hint", "require"]


def install_hint(extra: str) -> str:
    """The pip commands that add ``extra``: from PyPI, or from a source checkout."""
    return f"pip install 'aiosdm[{extra}]' (in a checkout: pip install -e '.[{extra}]')"


class MissingExtraError(ModuleNotFoundError):
    """A feature needs an optional extra that is not installed.

    A :class:`ModuleNotFoundError` (so code that guards optional imports keeps working) whose
    ``name`` is the missing module and whose message says which extra to install.

    Attributes:
        extra: the extra to install, e.g. ``"aws"``.
        feature: what needed it, e.g. ``"aiosdm.aws"``.
    """

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.extra = extra
        self.feature = feature
        super().__init__(
            f"{feature} needs the {extra!r} extra ({module} is not installed): "
            + install_hint(extra),
            name=module,
        )


def has_modules(*modules: str) -> bool:
    """Whether every module can be imported (checked without importing it)."""
    return all(importlib.util.find_spec(m) is not None for m in modules)


def require(feature: str, extra: str, *modules: str) -> None:
    """Raise :class:`MissingExtraError` unless every module of ``extra`` is installed."""
    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(feature, extra, module)

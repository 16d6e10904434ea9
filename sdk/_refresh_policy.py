"""When to refresh something that expires: one value object for every source that must.

Shared by the rotating credential sources (``aiosdm.credentials``) and the AWS session
providers (``aiosdm.aws``), so it lives at the top of ``aiosdm`` and imports nothing of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

__all__ = ["RefreshMoments", "RefreshPolicy"]

#: Windows shrink to at most these shares of the lifetime, so a value that lives 15 minutes
#: is not refreshed on every use by 15- and 10-minute windows.
_ADVISORY_CAP = 0.5
_MANDATORY_CAP = 0.25


class RefreshMoments(NamedTuple):
    """When one value should be refreshed: ``advisory_at <= mandatory_at <= expiry``."""

    advisory_at: datetime
    mandatory_at: datetime


@dataclass(frozen=True)
class RefreshPolicy:
    """When a value that expires is refreshed, as two moments of its life.

    - **advisory**: from then on, one caller refreshes while the others keep using the
      current value; if that refresh fails, it is logged and the current value still served.
    - **mandatory**: from then on, every caller waits for the one shared refresh, and gets
      its error if it fails.

    Each moment is either a window before expiry (a ``timedelta``) or the share of the
    lifetime after which it comes (a ``float`` between 0 and 1). Windows shrink for
    short-lived values, to at most half (advisory) and a quarter (mandatory) of the lifetime.

    Examples::

        RefreshPolicy()  # botocore's: 15 and 10 minutes before expiry
        RefreshPolicy(advisory=0.5, mandatory=0.5)  # awsrun's: renewed at half the lifetime
        RefreshPolicy(advisory=0.5, mandatory=timedelta(minutes=5))

    Args:
        advisory: when one caller starts refreshing in the background.
        mandatory: when every caller waits for a fresh value.

    Raises:
        ValueError: a window that is not positive, a share outside (0, 1), or a mandatory
            moment that always comes before the advisory one.
    """

    advisory: timedelta | float = timedelta(minutes=15)
    mandatory: timedelta | float = timedelta(minutes=10)

    def __post_init__(self) -> None:
        for name in ("advisory", "mandatory"):
            value = getattr(self, name)
            if isinstance(value, timedelta):
                if value <= timedelta(0):
                    raise ValueError(f"the {name} window must be positive, not {value}")
            elif isinstance(value, int | float) and not isinstance(value, bool):
                if not 0.0 < float(value) < 1.0:
                    raise ValueError(f"the {name} share of the lifetime must be in (0, 1)")
                object.__setattr__(self, name, float(value))
            else:
                raise ValueError(f"{name} must be a timedelta or a share of the lifetime")
        advisory, mandatory = self.advisory, self.mandatory
        if isinstance(advisory, timedelta) and isinstance(mandatory, timedelta):
            if mandatory > advisory:
                raise ValueError("the mandatory window must not be longer than the advisory one")
        elif isinstance(advisory, float) and isinstance(mandatory, float) and mandatory < advisory:
            raise ValueError("the mandatory share must not be smaller than the advisory one")

    def moments(self, issued_at: datetime, expires_at: datetime) -> RefreshMoments:
        """The advisory and mandatory moments of a value issued and expiring then."""
        lifetime = expires_at - issued_at
        if lifetime <= timedelta(0):
            return RefreshMoments(expires_at, expires_at)
        advisory = _moment(self.advisory, issued_at, expires_at, lifetime, _ADVISORY_CAP)
        mandatory = _moment(self.mandatory, issued_at, expires_at, lifetime, _MANDATORY_CAP)
        # Mixed kinds can cross for some lifetimes: the advisory moment never comes later.
        return RefreshMoments(min(advisory, mandatory), mandatory)


def _moment(
    rule: timedelta | float,
    issued_at: datetime,
    expires_at: datetime,
    lifetime: timedelta,
    cap: float,
) -> datetime:
    if isinstance(rule, timedelta):
        return expires_at - min(rule, lifetime * cap)
    return issued_at + lifetime * rule

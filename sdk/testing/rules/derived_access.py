"""Who may reach what, as the services list it.

``aiosdm.testing._derived`` keeps the role and account resources up to date inside
every write; an account resource of a time-bounded grant is stored with its window,
so a list shows it only while the window is open (at the snapshot time, if any).
``RoleResources`` needs no rule.
"""

from __future__ import annotations

from aiosdm.testing._derived import effective_at
from aiosdm.testing._engine import Rules

__all__ = ["RULES"]

RULES = (Rules("AccountResources", list_filter=effective_at),)

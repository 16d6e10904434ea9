"""Activities: the audit trail of actions taken in the organization."""

from __future__ import annotations

from aiosdm._generated.models.activities import (
    Activity,
    ActivityGetResponse,
    read_activity,
    read_activity_get_response,
)
from aiosdm._pagination import ListIterator
from aiosdm.services._base import Service

__all__ = ["Activities"]


class Activities(Service):
    """Audit records (read-only; ``client.activities``)."""

    _service = "Activities"

    async def get(self, id: str, timeout: float | None = None) -> ActivityGetResponse:
        """Read one activity by id."""
        return await self._get(id, read_activity_get_response, timeout)

    def list(
        self, filter: str, *args: object, timeout: float | None = None
    ) -> ListIterator[Activity]:
        """Activities matching ``filter`` (``before``/``after`` bound the time range)."""
        return self._list(
            "List", filter, args, timeout, lambda r: [read_activity(x) for x in r.activities]
        )

"""Read-only views of the past: ``client.snapshot_at(when)``.

Only the services the API can answer at a point in time are here (the protos mark
them), each with ``get``/``list`` only, so a write on a snapshot is caught by the
type checker (and is an AttributeError at run time).
"""

from __future__ import annotations

from datetime import datetime

from aiosdm._convert import require_aware
from aiosdm._generated.client_services import SnapshotServices
from aiosdm._public import publish
from aiosdm._service import CallCore

__all__ = ["SnapshotClient"]


class SnapshotClient(SnapshotServices):
    """The snapshot-capable services, reading the API as it was at ``snapshot_at``.

    Made by :meth:`aiosdm.Client.snapshot_at`; shares that client's connection.
    """

    def __init__(self, core: CallCore, snapshot_at: datetime) -> None:
        require_aware(snapshot_at, "snapshot_at")
        self._core = core.at(snapshot_at)
        self.snapshot_at = snapshot_at

    def __repr__(self) -> str:
        return f"SnapshotClient(snapshot_at={self.snapshot_at.isoformat()})"


# Shown as aiosdm.<Name>, where users import them from.
publish(SnapshotClient)

"""PagerDuty on-call -> temporary strongDM access.

Example::

    async with aiosdm.Client.from_env() as client, PagerDutyClient(token) as pd:
        report = await sync_oncall_grants(
            client, pd, schedule_ids=["PABC123"], resources=["prod-db"],
            since=now, until=now + timedelta(days=1),
        )
"""

from aiosdm._extras import require

require("aiosdm.integrations.pagerduty", "pagerduty", "aiohttp")  # before aiohttp is imported

from aiosdm.integrations._oncall_sync import GrantPlan, SyncReport, sync_oncall_grants
from aiosdm.integrations._pagerduty_api import (
    OnCall,
    PagerDutyAuthError,
    PagerDutyClient,
    PagerDutyError,
    PagerDutyUnavailableError,
)

__all__ = [
    "GrantPlan",
    "OnCall",
    "PagerDutyAuthError",
    "PagerDutyClient",
    "PagerDutyError",
    "PagerDutyUnavailableError",
    "SyncReport",
    "sync_oncall_grants",
]

"""aiosdm: an asyncio SDK for the strongDM API (v1)."""

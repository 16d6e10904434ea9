"""Integrations with other systems (PagerDuty on-call, ...)."""

"""Shared test setup. Network is loopback only; every server a test starts is stopped by it."""

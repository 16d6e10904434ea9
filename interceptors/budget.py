"""A retry budget: a token bucket that turns retries off while most calls fail.

In the spirit of gRFC A6 retry throttling: each failure that could be retried
takes a token, each success gives back ``token_ratio``; retries are allowed only
while more than half of ``max_tokens`` remain. One budget is shared by every
call of a client, so a failing service sees first attempts only instead of a
storm of retries. Running dry is logged once at WARNING on ``aiosdm.retry``, and
recovering once at INFO.
"""

from __future__ import annotations

import logging

from aiosdm._public import publish

__all__ = ["RetryBudget"]

log = logging.getLogger("aiosdm.retry")


class RetryBudget:
    """Shared retry allowance.

    Args:
        max_tokens: bucket size; retries stop at half of it.
        token_ratio: tokens a success gives back. The default (0.5) keeps retries on
            while up to a third of attempts fail, and turns them off above that.
    """

    def __init__(self, max_tokens: float = 100.0, token_ratio: float = 0.5) -> None:
        if max_tokens <= 0 or token_ratio <= 0:
            raise ValueError("max_tokens and token_ratio must be positive")
        self.max_tokens = max_tokens
        self.token_ratio = token_ratio
        self.tokens = max_tokens
        self._dry = False

    def __repr__(self) -> str:
        return f"RetryBudget(tokens={self.tokens:g}/{self.max_tokens:g})"

    def on_success(self) -> None:
        """Record a call that succeeded: earns back part of a token."""
        self.tokens = min(self.max_tokens, self.tokens + self.token_ratio)
        if self._dry and self.allows_retry():
            self._dry = False
            log.info("retry budget restored: transient failures are retried again")

    def on_failure(self) -> None:
        """Record a retryable failure: spends a token."""
        self.tokens = max(0.0, self.tokens - 1.0)
        if not self._dry and not self.allows_retry():
            self._dry = True
            # Once per dry spell, not per call: the point is to be seen, not to flood.
            log.warning(
                "retry budget exhausted (%g of %g tokens): most attempts are failing, so "
                "transient failures are not retried until calls succeed again",
                self.tokens,
                self.max_tokens,
            )

    def allows_retry(self) -> bool:
        """Whether a retry may be sent now: more than half the tokens are left."""
        return self.tokens > self.max_tokens / 2


# Shown as aiosdm.<Name>, where users import them from.
publish(RetryBudget)

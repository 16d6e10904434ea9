"""Errors raised while obtaining AWS sessions. None of them carries a secret or an assertion.

The hierarchy::

    AwsAccessError
    ├── IdpAccessDeniedError      the identity provider refused our login (HTTP 401)
    ├── IdpInvalidResponseError   the identity provider's answer holds no usable SAML assertion
    ├── IdpInvalidRoleError       the assertion does not grant the requested role
    ├── AssumeRoleError           STS refused or failed an AssumeRole* call
    ├── ExpiredCredentialsError   only expired credentials could be had
    ├── MfaRequiredError          a profile needs an MFA code and no way to ask for one was given
    ├── AccessorDefinitionError   an accessor definition file is wrong (also a ValueError)
    └── AccountAccessError        no configured way into the account worked (all errors kept)
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AccessorDefinitionError",
    "AccountAccessError",
    "AssumeRoleError",
    "AwsAccessError",
    "ExpiredCredentialsError",
    "IdpAccessDeniedError",
    "IdpInvalidResponseError",
    "IdpInvalidRoleError",
    "MfaRequiredError",
]


class AwsAccessError(Exception):
    """Root of the errors raised by the session providers."""


class IdpAccessDeniedError(AwsAccessError):
    """The identity provider answered 401: wrong or missing login."""


class IdpInvalidResponseError(AwsAccessError):
    """The identity provider answered, but not with a usable SAML assertion."""


class IdpInvalidRoleError(AwsAccessError):
    """The SAML assertion lists the requested role for the account not exactly once.

    Attributes:
        account_id: the account asked for.
        role: the role name asked for.
        matches: the role ARNs that matched (empty when none did; several is ambiguous).
    """

    def __init__(self, account_id: str, role: str, matches: Sequence[str] = ()) -> None:
        if matches:
            message = (
                f"the SAML assertion grants {len(matches)} roles named {role!r} in account "
                f"{account_id} ({', '.join(matches)}): expected exactly one"
            )
        else:
            message = f"the SAML assertion grants no role {role!r} in account {account_id}"
        super().__init__(message)
        self.account_id = account_id
        self.role = role
        self.matches = tuple(matches)


class AssumeRoleError(AwsAccessError):
    """An STS ``AssumeRole``/``AssumeRoleWithSAML`` call failed.

    Attributes:
        role_arn: the role we asked for.
        code: the AWS error code (``AccessDenied``...), or the exception type name when the
            call did not get an AWS answer at all.
    """

    def __init__(self, role_arn: str, code: str, message: str) -> None:
        super().__init__(f"assuming {role_arn} failed: {code}: {message}")
        self.role_arn = role_arn
        self.code = code


class ExpiredCredentialsError(AwsAccessError):
    """The only credentials available had expired; they are never handed out."""


class MfaRequiredError(AwsAccessError):
    """A profile assumes its role with an MFA device, and no ``mfa_code`` callback was given
    (or it gave no code in time). The library never prompts on a terminal.

    Attributes:
        profile: the AWS profile.
        mfa_serial: the MFA device's serial number or ARN.
    """

    def __init__(self, profile: str | None, mfa_serial: str, reason: str) -> None:
        super().__init__(
            f"profile {profile or 'default'} needs an MFA code for {mfa_serial}: {reason}"
        )
        self.profile = profile
        self.mfa_serial = mfa_serial


class AccessorDefinitionError(AwsAccessError, ValueError):
    """An accessor definition (altimeter's JSON layout) is wrong.

    The message names the file and the field; it never quotes a value.

    Attributes:
        source: the file (or what was given instead).
        field: the field's path, e.g. ``multi_hop_accessors[0].access_steps[1].account_id``;
            None when the problem is the whole document.
    """

    def __init__(self, source: str, field: str | None, problem: str) -> None:
        where = f"{source}: {field}" if field else source
        super().__init__(f"{where}: {problem}")
        self.source = source
        self.field = field


class AccountAccessError(AwsAccessError):
    """Every configured way into an account failed.

    Attributes:
        account_id: the account we tried to reach.
        errors: one error per way tried, in order.
    """

    def __init__(self, account_id: str, errors: Sequence[BaseException]) -> None:
        tried = "; ".join(f"{type(e).__name__}: {e}" for e in errors) or "no access configured"
        super().__init__(f"no access to account {account_id}: {tried}")
        self.account_id = account_id
        self.errors = tuple(errors)

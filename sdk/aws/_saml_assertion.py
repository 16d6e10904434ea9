"""Pulling the AWS roles out of an identity provider's SAML answer."""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

from aiosdm.aws._errors import IdpInvalidResponseError

__all__ = ["ROLE_ATTRIBUTE", "RolePair", "choose_roles", "find_saml_responses", "roles_in"]

ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role"
_SAML_ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion"
_PRINCIPAL_MARK = ":saml-provider/"

#: (role ARN, SAML provider ARN)
RolePair = tuple[str, str]


class _SamlResponseFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "input":
            fields = dict(attrs)
            value = fields.get("value")
            if fields.get("name") == "SAMLResponse" and value:
                self.values.append(value)


def find_saml_responses(html: str) -> list[str]:
    """The values of every ``<input name="SAMLResponse">`` on the page (one is expected)."""
    finder = _SamlResponseFinder()
    finder.feed(html)
    finder.close()
    return finder.values


def roles_in(assertion: str) -> list[RolePair]:
    """Every (role, principal) pair the base64 assertion grants.

    Each value of the role attribute is ``"role_arn,principal_arn"``; some identity
    providers write them the other way round, so the principal is recognised by its
    ``:saml-provider/`` part rather than by position.

    Raises:
        IdpInvalidResponseError: not base64, not XML, or an XML document type declaration
            (refused, so no entity expansion can be smuggled in).
    """
    try:
        document = base64.b64decode(assertion, validate=False)
    except (binascii.Error, ValueError):
        raise IdpInvalidResponseError("the SAMLResponse is not base64") from None
    if b"<!DOCTYPE" in document.upper():
        raise IdpInvalidResponseError("the SAMLResponse declares a document type")
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError:
        raise IdpInvalidResponseError("the SAMLResponse is not XML") from None
    pairs: list[RolePair] = []
    for attribute in root.iter(f"{{{_SAML_ASSERTION_NS}}}Attribute"):
        if attribute.get("Name") != ROLE_ATTRIBUTE:
            continue
        for value in attribute.iter(f"{{{_SAML_ASSERTION_NS}}}AttributeValue"):
            parts = [part.strip() for part in (value.text or "").split(",")]
            if len(parts) != 2 or not all(parts):
                continue
            first, second = parts
            pairs.append((second, first) if _PRINCIPAL_MARK in first else (first, second))
    return pairs


def choose_roles(pairs: list[RolePair], account_id: str, role: str) -> list[RolePair]:
    """The pairs whose role ARN is ``role`` (name, any IAM path) in ``account_id``; exactly
    one is usable, several are ambiguous."""
    wanted = re.compile(rf":{re.escape(account_id)}:role/(?:.*/)?{re.escape(role)}$")
    return list(dict.fromkeys(pair for pair in pairs if wanted.search(pair[0])))

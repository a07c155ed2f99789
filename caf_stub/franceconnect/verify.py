"""The relying party's checks of what FranceConnect answers, all done by joserfc: the ID token
(signature by a key of the provider's JWKS, iss, aud, exp, iat, nonce, acr) and the signed
userinfo (signature, iss, aud, same sub).

joserfc (and cryptography under it, about 9 MiB) is imported on the first sign-in, not when the
stub starts: the embedded demo stub lives in the app's process and most visits never use it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from caf_stub.franceconnect.state import ACR, ALGORITHM

if TYPE_CHECKING:
    from joserfc.jwk import KeySet
    from joserfc.jwt import JWTClaimsRegistry


class Untrusted(Exception):
    """A token failed a check. The reason is for the log, never for the person."""


def _decode(token: str, keys: KeySet) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.errors import JoseError

    try:
        return dict(jwt.decode(token, keys, algorithms=[ALGORITHM]).claims)
    except (JoseError, ValueError) as exc:
        raise Untrusted(f"signature: {type(exc).__name__}") from exc


def _validate(registry: JWTClaimsRegistry, claims: dict[str, Any], what: str) -> None:
    from joserfc.errors import JoseError

    try:
        registry.validate(claims)
    except JoseError as exc:
        raise Untrusted(f"{what}: {type(exc).__name__}") from exc


def id_token_claims(
    token: str, keys: KeySet, *, issuer: str, client_id: str, nonce: str, now: Callable[[], int]
) -> dict[str, Any]:
    from joserfc.jwt import JWTClaimsRegistry

    claims = _decode(token, keys)
    registry = JWTClaimsRegistry(
        now=now,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": client_id},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
        nonce={"essential": True, "value": nonce},
        acr={"essential": True, "value": ACR},
    )
    _validate(registry, claims, "id_token")
    return claims


def userinfo_claims(
    token: str, keys: KeySet, *, issuer: str, client_id: str, subject: str, now: Callable[[], int]
) -> dict[str, Any]:
    from joserfc.jwt import JWTClaimsRegistry

    claims = _decode(token, keys)
    registry = JWTClaimsRegistry(
        now=now,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": client_id},
        sub={"essential": True, "value": subject},
    )
    _validate(registry, claims, "userinfo")
    return claims

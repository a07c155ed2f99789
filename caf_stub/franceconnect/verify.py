"""The relying party's checks of what FranceConnect answers, all done by joserfc: the ID token
(signature by a key of the provider's JWKS, iss, aud, exp, iat, nonce, acr) and the signed
userinfo (signature, iss, aud, same sub).

joserfc (and cryptography under it, about 9 MiB) is imported on the first sign-in, not when the
stub starts: the embedded demo stub lives in the app's process and most visits never use it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caf_stub.franceconnect.state import ACR, ALGORITHM

if TYPE_CHECKING:
    from joserfc.jwk import KeySet
    from joserfc.jwt import ClaimsOption


class Untrusted(Exception):
    """A token failed a check. The reason is for the log, never for the person."""


def _decode(token: str, keys: KeySet) -> dict[str, Any]:
    from joserfc import jwt
    from joserfc.errors import JoseError

    try:
        return dict(jwt.decode(token, keys, algorithms=[ALGORITHM]).claims)
    except (JoseError, ValueError) as exc:
        raise Untrusted(f"signature: {type(exc).__name__}") from exc


@dataclass(frozen=True)
class ProviderCheck:
    """What the answers of one provider are checked against: its keys (JWKS), its issuer, our
    client_id as their audience, and the stub's clock."""

    keys: KeySet
    issuer: str
    client_id: str
    now: Callable[[], int]

    def id_token_claims(self, token: str, nonce: str) -> dict[str, Any]:
        return self._claims(
            token,
            "id_token",
            sub={"essential": True},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True, "value": nonce},
            acr={"essential": True, "value": ACR},
        )

    def userinfo_claims(self, token: str, subject: str) -> dict[str, Any]:
        """The signed userinfo, about the same ``subject`` as the ID token."""
        return self._claims(token, "userinfo", sub={"essential": True, "value": subject})

    def _claims(self, token: str, what: str, **expected: ClaimsOption) -> dict[str, Any]:
        """The claims of ``token`` once its signature, issuer, audience and ``expected``
        claims hold; else Untrusted, naming ``what`` was checked."""
        from joserfc.errors import JoseError
        from joserfc.jwt import JWTClaimsRegistry

        claims = _decode(token, self.keys)
        expected |= {
            "iss": {"essential": True, "value": self.issuer},
            "aud": {"essential": True, "value": self.client_id},
        }
        try:
            JWTClaimsRegistry(self.now, 0, **expected).validate(claims)
        except JoseError as exc:
            raise Untrusted(f"{what}: {type(exc).__name__}") from exc
        return claims

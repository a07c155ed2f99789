"""Who may open the counter: loopback only, unless a shared secret (``--secret``) is set.

Decisions use the connection's own peer address and the secret, never what a request says
about itself (Host, X-Forwarded-For): behind a reverse proxy every request comes from the proxy,
so only the secret tells a counter from the rest of the network.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress

#: The query parameter that carries the secret on the first visit (then a cookie does).
SECRET_PARAMETER = "cle"
COOKIE_NAME = "caf_tui_borne"


def is_loopback(address: str | None) -> bool:
    if not address:
        return False
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


class Access:
    def __init__(self, secret: str | None) -> None:
        self._secret = secret.encode() if secret else None

    @property
    def needs_secret(self) -> bool:
        return self._secret is not None

    def cookie_value(self) -> str:
        """What the browser keeps after the first visit: derived from the secret, not the
        secret itself, so a copied cookie does not give the secret away."""
        assert self._secret is not None
        return hmac.new(self._secret, b"caf-tui serve cookie", hashlib.sha256).hexdigest()

    def secret_matches(self, offered: str | None) -> bool:
        return (
            self._secret is not None
            and offered is not None
            and hmac.compare_digest(offered.encode(), self._secret)
        )

    def cookie_matches(self, offered: str | None) -> bool:
        return (
            self._secret is not None
            and offered is not None
            and hmac.compare_digest(offered, self.cookie_value())
        )

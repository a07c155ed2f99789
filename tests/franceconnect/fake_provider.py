"""An attacker's OpenID provider on another loopback port: it vouches for whoever it is told
(Angela by default), signs with its own key, and records every request it receives.

It speaks enough of the protocol (discovery, token, JWKS, userinfo) for a relying party that
trusted it to open a session: the point is to show that the stub never asks it anything.
"""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from joserfc import jwt
from joserfc.jwk import ECKey

from caf_stub.franceconnect.identities import TEST_IDENTITIES
from caf_stub.testing import START

PREFIX = "/franceconnect"  # where the stub's own provider lives: the forged issuer mimics it


@dataclass
class Received:
    method: str
    path: str
    body: str
    headers: dict[str, str]


@dataclass
class FakeProvider:
    """Serve with ``start()``; ``received`` lists what reached it; ``nonce`` is what it echoes."""

    nonce: str = ""
    now: datetime = START
    discovery_issuer: str | None = None
    """The issuer its discovery document claims (default: its own URL)."""
    token_issuer: str | None = None
    """The issuer its tokens claim (default: its own URL)."""
    received: list[Received] = field(default_factory=list)
    key: ECKey = field(
        default_factory=lambda: ECKey.generate_key("P-256", {"alg": "ES256"}, auto_kid=True)
    )
    _server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def issuer(self) -> str:
        return self.url + PREFIX

    def start(self) -> FakeProvider:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def _answer(self, status: int, body: str, kind: str = "application/json") -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _record(self) -> str:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                provider.received.append(
                    Received(self.command, self.path, body, dict(self.headers.items()))
                )
                return body

            def do_GET(self) -> None:
                self._record()
                self._route({})

            def do_POST(self) -> None:
                form = {k: v[0] for k, v in parse_qs(self._record()).items()}
                self._route(form)

            def _route(self, form: dict[str, str]) -> None:
                path = urlsplit(self.path).path
                if path == PREFIX + "/.well-known/openid-configuration":
                    self._answer(200, json.dumps(provider.discovery()))
                elif path == PREFIX + "/token":
                    self._answer(200, json.dumps(provider.tokens(form.get("client_id", ""))))
                elif path == PREFIX + "/jwks":
                    self._answer(200, json.dumps({"keys": [provider.key.as_dict(private=False)]}))
                elif path == PREFIX + "/userinfo":
                    self._answer(200, provider.userinfo(), "application/jwt")
                else:
                    self._answer(200, "{}")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # shutdown() waits for the loop's next look at its flag: every 0.05 s, not 0.5 s.
        serve = functools.partial(self._server.serve_forever, poll_interval=0.05)
        threading.Thread(target=serve, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def discovery(self) -> dict[str, Any]:
        base = self.issuer
        return {
            "issuer": self.discovery_issuer or base,
            "authorization_endpoint": base + "/authorize",
            "token_endpoint": base + "/token",
            "jwks_uri": base + "/jwks",
            "userinfo_endpoint": base + "/userinfo",
            "end_session_endpoint": base + "/session/end",
        }

    def _sign(self, claims: dict[str, Any]) -> str:
        header = {"alg": "ES256", "kid": self.key.kid}
        return jwt.encode(header, claims, self.key, algorithms=["ES256"])

    def tokens(self, client_id: str) -> dict[str, Any]:
        self.client_id = client_id
        at = int(self.now.timestamp())
        id_token = self._sign(
            {
                "iss": self.token_issuer or self.issuer,
                "sub": "forged-subject",
                "aud": client_id,
                "iat": at,
                "exp": at + 60,
                "nonce": self.nonce,
                "acr": "eidas1",
            }
        )
        return {"access_token": "forged", "token_type": "Bearer", "id_token": id_token}

    def userinfo(self) -> str:
        at = int(self.now.timestamp())
        angela = TEST_IDENTITIES[0]
        return self._sign(
            {
                "iss": self.token_issuer or self.issuer,
                "aud": getattr(self, "client_id", ""),
                "sub": "forged-subject",
                "iat": at,
                "exp": at + 60,
                **angela.pivot.claims(),
            }
        )

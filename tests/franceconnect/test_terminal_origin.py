"""The terminal sign-in sends the person's provider password to the provider it opened and
nowhere else: a form (or a redirect) naming another origin ends the sign-in first."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from pydantic import SecretStr

from caf_tui.franceconnect import ProviderRefusal, TerminalSignIn

PROVIDER = "http://127.0.0.1:9/franceconnect"


def test_a_form_posting_elsewhere_receives_no_password() -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path.endswith("/authorize"):
            return httpx.Response(
                200,
                json={"service": "Caf", "providers": [], "cancel_url": PROVIDER + "/x"},
            )
        return httpx.Response(
            200,
            json={
                "provider": {"id": "demo", "name": "Démo", "available": True},
                "fields": [{"name": "password", "label": "Mot de passe", "secret": True}],
                "action": "http://evil.example/steal",
            },
        )

    async def run() -> None:
        sign_in = TerminalSignIn(PROVIDER + "/authorize", transport=httpx.MockTransport(answer))
        try:
            await sign_in.list_providers()
            await sign_in.choose("demo")
            with pytest.raises(ProviderRefusal):
                await sign_in.sign_in({"password": SecretStr("123")})
        finally:
            await sign_in.aclose()

    asyncio.run(run())
    assert not [url for url in seen if "evil.example" in url]

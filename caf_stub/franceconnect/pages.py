"""The demo FranceConnect's pages: plain HTML for a browser, the same content as JSON for the
terminal (``?format=json`` or ``Accept: application/json``)."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel

from caf_tui.api import ConsentPage, ProviderForm, ProviderList, ProviderMessage

STYLE = (
    "body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}"
    "h1{color:#000091}button,.idp{display:block;margin:.5em 0;padding:.6em 1em}"
    ".error{color:#b00;font-weight:bold}"
)


def wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _text(value: str) -> str:
    """Text as UTF-8 can carry it: a lone surrogate (valid JSON, not text) becomes « ? »."""
    return value.encode("utf-8", "replace").decode("utf-8")


async def read_fields(request: Request) -> dict[str, str]:
    """The fields of a form post, or of a JSON object (values as text)."""
    body = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            data = json.loads(body or b"{}")
        except (ValueError, RecursionError):  # not JSON, or nested too deep to read
            return {}
        if not isinstance(data, dict):
            return {}
        # A field is text (or a number); an object or a list in its place is no value at all.
        return {
            _text(str(k)): _text(str(v))
            for k, v in data.items()
            if isinstance(v, str | int | float)
        }
    return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))


def html_page(title: str, body: str, status: int = 200) -> HTMLResponse:
    document = (
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{STYLE}</style></head><body><p><strong>FranceConnect</strong> "
        f"(démonstration)</p><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTMLResponse(document, status_code=status, headers={"Cache-Control": "no-store"})


def answer(request: Request, model: BaseModel, html: HTMLResponse, status: int = 200) -> Response:
    if wants_json(request):
        return JSONResponse(
            model.model_dump(mode="json"), status_code=status, headers={"Cache-Control": "no-store"}
        )
    html.status_code = status
    return html


def message(request: Request, title: str, text: str, status: int = 400) -> Response:
    return answer(
        request,
        ProviderMessage(message=text),
        html_page(title, f'<p class="error">{escape(text)}</p>'),
        status,
    )


def providers_html(page: ProviderList, base: str) -> HTMLResponse:
    items = []
    for choice in page.providers:
        if choice.available:
            items.append(
                f'<a class="idp" href="{escape(base)}/idp/{escape(choice.id)}">'
                f"{escape(choice.name)}</a>"
            )
        else:
            items.append(f'<p class="idp">{escape(choice.name)} — {escape(choice.note or "")}</p>')
    body = (
        f"<p>Je choisis un compte pour me connecter sur {escape(page.service)}</p>"
        + "".join(items)
        + f'<p><a href="{escape(page.cancel_url)}">Revenir sur {escape(page.service)}</a></p>'
    )
    return html_page("Je choisis un compte pour me connecter", body)


def form_html(form: ProviderForm, error: str | None = None) -> HTMLResponse:
    fields = "".join(
        f'<p><label>{escape(f.label)}<br><input name="{escape(f.name)}" '
        f'type="{"password" if f.secret else "text"}"></label>'
        + (f"<br><small>{escape(f.hint)}</small>" if f.hint else "")
        + "</p>"
        for f in form.fields
    )
    shown = f'<p class="error">{escape(error)}</p>' if error else ""
    body = (
        f'{shown}<form method="post" action="{escape(form.action)}">{fields}'
        f"<button>{escape(form.submit_label)}</button></form>"
    )
    return html_page(form.provider.name, body)


def consent_html(page: ConsentPage) -> HTMLResponse:
    rows = "".join(f"<li>{escape(c.label)} : {escape(c.value)}</li>" for c in page.claims)
    body = (
        f"<p>Vous êtes connecté avec {escape(page.provider)}. Les données suivantes vont être "
        f"transmises à {escape(page.service)} :</p><ul>{rows}</ul>"
        f'<form method="post" action="{escape(page.action)}">'
        f'<button name="decision" value="accept">{escape(page.accept_label)}</button>'
        f'<button name="decision" value="refuse">{escape(page.refuse_label)}</button></form>'
    )
    return html_page("Vos informations", body)

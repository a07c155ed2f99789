"""The one error shape, ``{"error": {...}}`` (``caf_tui.api.ErrorBody``), for every error."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from caf_tui.api import HTTP_STATUS, ErrorBody, ErrorCode, ErrorDetail

log = logging.getLogger("caf_stub")

STUB_HEADER = ("X-Caf-Stub", "1")


class ApiError(Exception):
    """A refusal with its code, French message and, when it concerns one, the form field."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        field: str | None = None,
        retry_after: int | None = None,
        locked_until: datetime | None = None,
        attempts_left: int | None = None,
        failed_rules: list[str] | None = None,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(code.value)
        self.detail = ErrorDetail(
            code=code,
            message=message,
            field=field,
            retry_after=retry_after,
            locked_until=locked_until,
            attempts_left=attempts_left,
            failed_rules=failed_rules,
        )
        self.status = status if status is not None else HTTP_STATUS[code]
        self.headers = dict(headers or {})

    @property
    def code(self) -> ErrorCode:
        return self.detail.code


def error_response(
    detail: ErrorDetail, status: int, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    all_headers = dict(headers or {})
    if detail.retry_after is not None:
        all_headers.setdefault("Retry-After", str(detail.retry_after))
    if status == 401:
        all_headers.setdefault("WWW-Authenticate", "Bearer")
    all_headers[STUB_HEADER[0]] = STUB_HEADER[1]
    body = ErrorBody(error=detail).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=all_headers)


def errors_doc(*codes: ErrorCode) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for a route: each status with the error codes it may carry."""
    by_status: dict[int, list[str]] = {}
    for code in codes:
        by_status.setdefault(HTTP_STATUS[code], []).append(code.value)
    return {
        status: {"model": ErrorBody, "description": "Codes : " + ", ".join(names)}
        for status, names in sorted(by_status.items())
    }


# --- handlers --------------------------------------------------------------------------------

_HTTP_CODES: dict[int, tuple[ErrorCode, str]] = {
    400: (ErrorCode.VALIDATION_ERROR, "La requête est mal formée : vérifiez-la puis réessayez."),
    401: (ErrorCode.UNAUTHENTICATED, "Vous n'êtes pas connecté : connectez-vous pour continuer."),
    403: (ErrorCode.FORBIDDEN, "Cette opération ne vous est pas permise."),
    404: (
        ErrorCode.NOT_FOUND,
        "Cette adresse n'existe pas sur le service : vérifiez le chemin demandé.",
    ),
    405: (
        ErrorCode.METHOD_NOT_ALLOWED,
        "Cette opération n'est pas proposée à cette adresse : utilisez la méthode indiquée "
        "dans l'en-tête Allow.",
    ),
    413: (
        ErrorCode.PAYLOAD_TOO_LARGE,
        "La requête est trop volumineuse : le service accepte 16 Kio au plus.",
    ),
    415: (
        ErrorCode.VALIDATION_ERROR,
        "Envoyez le corps de la requête en JSON (Content-Type: application/json).",
    ),
    429: (ErrorCode.TOO_MANY_ATTEMPTS, "Trop de demandes : patientez avant de réessayer."),
    503: (ErrorCode.SERVICE_UNAVAILABLE, "Le service ne peut pas répondre : réessayez."),
}

INTERNAL_MESSAGE = (
    "Le service de démonstration a rencontré une erreur ; rien n'a été modifié. Réessayez."
)


def _field_of(loc: Sequence[Any]) -> str | None:
    names = [str(part) for part in loc if isinstance(part, str)]
    if names and names[0] in ("body", "query", "path", "header", "cookie"):
        names = names[1:]
    return names[-1] if names else None


def validation_detail(errors: Sequence[Any]) -> ErrorDetail:
    """The first failing field, in French. Never echoes the submitted value."""
    first: Mapping[str, Any] = errors[0] if errors else {}
    kind = str(first.get("type", ""))
    field = _field_of(first.get("loc", ()))
    if kind == "json_invalid":
        message = "Le corps de la requête n'est pas un JSON valide : vérifiez sa syntaxe."
        field = None
    elif field is None:
        message = "Le corps de la requête est absent ou mal formé : envoyez l'objet JSON attendu."
    elif kind == "missing":
        message = f"Le champ « {field} » est obligatoire : renseignez-le."
    elif kind in ("string_too_long", "too_long"):
        message = f"Le champ « {field} » est trop long : raccourcissez-le."
    elif kind in ("enum", "literal_error"):
        message = f"La valeur du champ « {field} » n'est pas une des valeurs possibles."
    else:
        message = f"Le champ « {field} » n'est pas valide : corrigez-le puis réessayez."
    return ErrorDetail(code=ErrorCode.VALIDATION_ERROR, message=message, field=field)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.detail, exc.status, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = validation_detail(exc.errors())
    return error_response(detail, HTTP_STATUS[ErrorCode.VALIDATION_ERROR])


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    if status in _HTTP_CODES:
        code, message = _HTTP_CODES[status]
    elif status >= 500:
        code, message = ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE
    else:
        code, message = ErrorCode.VALIDATION_ERROR, "La requête a été refusée : vérifiez-la."
    if status == 400:
        # A body that is not even text (FastAPI's 400) is bad input like any other: the contract
        # answers validation_error with its one status.
        status = HTTP_STATUS[code]
    return error_response(ErrorDetail(code=code, message=message), status, exc.headers)


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    redactor = getattr(request.app.state, "redactor", None)
    path = redactor.path(request.url.path) if redactor is not None else "(chemin masqué)"
    log.error("internal error on %s %s: %s", request.method, path, type(exc).__name__)
    detail = ErrorDetail(code=ErrorCode.INTERNAL_ERROR, message=INTERNAL_MESSAGE)
    return error_response(detail, HTTP_STATUS[ErrorCode.INTERNAL_ERROR])


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)

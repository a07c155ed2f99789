"""Hostile or broken requests: never a 5xx, always the one error shape, never the input echoed."""

from __future__ import annotations

import pytest

from caf_stub.personas import KARIM

from .helpers import API, error_of

DEEP = b"[" * 8000 + b"]" * 8000  # under the 16 KiB limit: parsed
CASES: list[tuple[str, str, dict[str, str], bytes]] = [
    ("POST", "/auth/login", {}, b"\xff\xfe\xfd not utf-8"),
    ("POST", "/auth/login", {}, DEEP),
    ("POST", "/auth/login", {}, b'{"identifier": "1' + b"9" * 5000 + b'", "password": 1e999}'),
    ("POST", "/auth/login", {}, b'{"identifier": "\\ud800", "password": "x"}'),
    ("POST", "/auth/login", {}, b'{"identifier": "18305\\u0000999", "password": "x"}'),
    ("POST", "/auth/login", {}, b'["identifier", "password"]'),
    ("POST", "/auth/login", {}, b'{"identifier": {"$ne": null}, "password": []}'),
    ("POST", "/auth/login", {}, b'{"identifier_kind": "root", "identifier": "1", "password": "x"}'),
    ("POST", "/auth/login", {"Content-Type": "text/plain"}, b"identifier=1&password=2"),
    ("POST", "/auth/login", {"Content-Type": "application/x-www-form-urlencoded"}, b"a=b"),
    ("POST", "/auth/login", {"Content-Type": "multipart/form-data; boundary=x"}, b"--x--"),
    ("POST", "/journey/accept_terms", {"Authorization": "Bearer " + "A" * 4000}, b"{}"),
    ("POST", "/journey/accept_terms", {"Authorization": "Basic Zm9vOmJhcg=="}, b"{}"),
    ("POST", "/journey/accept_terms", {"Authorization": "Bearer"}, b"{}"),
    ("GET", "/journey?step=dashboard&step[]=x", {"Authorization": "Bearer \x7f"}, b""),
    ("GET", "/../../etc/passwd", {}, b""),
    ("GET", "/journey/%00", {}, b""),
    ("DELETE", "/journey", {}, b""),
    ("POST", "/journey/verify_code", {"Authorization": "Bearer x"}, b'{"code": 123456}'),
    ("PUT", "/journey/contact", {"Authorization": "Bearer x"}, b'{"phone": ' + b"1" * 400 + b"}"),
]


@pytest.mark.parametrize(("method", "path", "headers", "body"), CASES)
def test_bad_input_is_refused_in_the_one_shape(stub, portal, method, path, headers, body):
    session = portal()
    all_headers = {"Content-Type": "application/json", **headers}
    response = session.http.request(method, API + path, content=body, headers=all_headers)
    assert 400 <= response.status_code < 500, response.text
    error = error_of(response)
    assert body[:40].decode("latin-1") not in error["message"] or not body


def test_bad_input_in_an_open_session_is_refused_and_changes_nothing(stub, portal):
    karim = portal()
    karim.login_as(KARIM)
    for body in (b"{}", b'{"version": null, "accepted": "yes"}', b"[]", b"\x00"):
        response = karim.http.post(
            API + "/journey/migration_intro/start",
            content=body,
            headers={**karim._headers(), "Content-Type": "application/json"},
        )
        assert response.status_code < 500
    for body in (b'{"version": 2021, "accepted": true}', b'{"accepted": true}', b"{,}"):
        response = karim.http.post(
            API + "/journey/accept_terms",
            content=body,
            headers={**karim._headers(), "Content-Type": "application/json"},
        )
        assert response.status_code in (409, 422), response.text
        error_of(response)
    assert karim.step()["step"] in ("migration_intro", "accept_terms")

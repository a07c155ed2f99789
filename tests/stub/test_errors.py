"""Every refusal has the one shape ``{"error": {code, message, field, ...}}``, and the header."""

from __future__ import annotations

import httpx

from caf_stub.personas import KARIM, PAUL

from .helpers import error_of
from .journeys import walk_to


def test_unknown_path_is_not_found(stub, portal):
    response = portal().http.get("/api/v1/nowhere")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_wrong_method_is_405_with_allow(stub, portal):
    response = portal().http.get("/api/v1/auth/login")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    error = error_of(response)
    assert error["code"] == "method_not_allowed"


def test_malformed_json(stub, portal):
    response = portal().http.post(
        "/api/v1/auth/login",
        content=b'{"identifier": "1830599999011", "password": ',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert "JSON" in error["message"]


def test_missing_body(stub, portal):
    response = portal().http.post("/api/v1/auth/login")
    assert response.status_code == 422
    assert error_of(response)["code"] == "validation_error"


def test_oversize_body_with_a_length(stub, portal):
    big = b'{"identifier": "' + b"1" * 17_000 + b'", "password": "x"}'
    response = portal().http.post(
        "/api/v1/auth/login", content=big, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "payload_too_large"
    assert "16 Kio" in error["message"]


def test_oversize_body_without_a_length(stub):
    def chunks():
        for _ in range(20):
            yield b"x" * 1024

    with httpx.Client(base_url=stub.url, verify=False) as client:
        response = client.post(
            "/api/v1/auth/login", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_body_just_under_the_limit_is_read(stub, portal):
    padding = " " * (16 * 1024 - 100)
    body = ('{"identifier": "1830599999011", "password": "83051234"}' + padding).encode()
    assert len(body) < 16 * 1024
    response = portal().http.post(
        "/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200


def test_a_wrong_enum_names_the_field(portal):
    karim = portal()
    walk_to(karim, KARIM, "confirm_contact")
    response = karim.post("/journey/confirm_contact", {"channel": "fax"})
    assert response.status_code == 422
    error = error_of(response)
    assert (error["code"], error["field"]) == ("validation_error", "channel")
    assert "fax" not in response.text


def test_a_too_long_password_is_not_echoed(portal):
    secret = "S3cretVeryLong" * 10
    response = portal().login(PAUL.identifier, secret, expect=422)
    error = error_of(response)
    assert (error["code"], error["field"]) == ("validation_error", "password")
    assert secret not in response.text
    assert "S3cret" not in response.text


def test_authentication_comes_before_body_validation(stub, portal):
    response = portal().post("/journey/accept_terms", {"nonsense": True})
    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthenticated"


def test_an_internal_error_hides_its_traceback(stub_factory):
    running = stub_factory()

    def boom() -> None:
        raise RuntimeError("secret internals 83051234")

    running.app.add_api_route("/api/v1/boom", boom)
    with httpx.Client(base_url=running.url, verify=False) as client:
        response = client.get("/api/v1/boom")
    assert response.status_code == 500
    error = error_of(response)
    assert error["code"] == "internal_error"
    assert "Traceback" not in response.text
    assert "83051234" not in response.text
    assert "RuntimeError" not in response.text


def test_success_answers_carry_the_stub_header(stub, portal):
    session = portal()
    response = session.login(PAUL.identifier, PAUL.password or "")
    assert response.headers["x-caf-stub"] == "1"
    assert session.get("/account/dashboard").headers["x-caf-stub"] == "1"
    assert session.http.get("/openapi.json").headers["x-caf-stub"] == "1"


def test_openapi_publishes_the_contract(stub, portal):
    spec = portal().http.get("/openapi.json").json()
    paths = spec["paths"]
    expected = {
        "/api/v1/auth/login": "post",
        "/api/v1/auth/logout": "post",
        "/api/v1/journey": "get",
        "/api/v1/journey/migration_intro/start": "post",
        "/api/v1/journey/accept_terms": "post",
        "/api/v1/journey/choose_password": "post",
        "/api/v1/journey/contact": "put",
        "/api/v1/journey/confirm_contact": "post",
        "/api/v1/journey/verify_code": "post",
        "/api/v1/journey/verify_code/resend": "post",
        "/api/v1/journey/verify_code/change_contact": "post",
        "/api/v1/journey/account_created/continue": "post",
        "/api/v1/journey/spouse_authorisation": "post",
        "/api/v1/account/dashboard": "get",
    }
    for path, method in expected.items():
        assert method in paths[path], path
    schemas = spec["components"]["schemas"]
    assert {"ErrorBody", "AuthResponse", "JourneyResponse", "VerifyCodeStep"} <= set(schemas)
    login_responses = paths["/api/v1/auth/login"]["post"]["responses"]
    assert login_responses["423"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ErrorBody"
    )

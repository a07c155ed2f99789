"""« Déclarer un changement » over HTTP (issue 18 point 1)."""

from __future__ import annotations

from caf_stub.personas import KARIM
from tests.rights.conftest import MOVE, keyed
from tests.stub.helpers import Portal, error_of

NEW_ADDRESS = "5 avenue de la République, 93100 Montreuil"


def test_karim_declares_a_move_recorded_once_shown_and_emailed(karim: Portal) -> None:
    karim.http.delete("/_stub/outbox")  # the migration's own messages are not the point
    summary = karim.ok("POST", "/account/declarations/address/summary", MOVE)
    assert summary["lines"] == [
        {"label": "Nouvelle adresse", "value": NEW_ADDRESS},  # the commune as the list spells it
        {"label": "Date du déménagement", "value": "15/11/2026"},
    ]
    board = karim.ok("GET", "/account/dashboard")
    assert board["declarations"] == []  # a summary records nothing
    assert board["address"] == "12 rue des Lilas, 93200 Saint-Denis"

    first = keyed(karim, "POST", "/account/declarations/address", MOVE, "move-1")
    retry = keyed(karim, "POST", "/account/declarations/address", MOVE, "move-1")
    assert first.status_code == retry.status_code == 200, first.text
    assert retry.headers.get("idempotency-replayed") == "true"
    receipt = first.json()
    assert retry.json() == receipt
    assert receipt["reference"] == "DC-20261127-00001"
    assert receipt["title"] == "Changement d'adresse"
    assert receipt["lines"] == summary["lines"]
    assert receipt["received_at"].startswith("2026-11-27T09:00")

    board = karim.ok("GET", "/account/dashboard")
    assert board["address"] == NEW_ADDRESS
    assert [d["reference"] for d in board["declarations"]] == [receipt["reference"]]
    listed = karim.ok("GET", "/account/declarations")["declarations"]
    assert [d["reference"] for d in listed] == [receipt["reference"]]

    mails = karim.outbox()
    assert [m["to"] for m in mails] == [KARIM.email]
    assert mails[0]["subject"] == "Accusé de réception : Changement d'adresse"
    assert receipt["reference"] in mails[0]["body"]
    assert NEW_ADDRESS in mails[0]["body"]

    same = karim.post("/account/declarations/address", MOVE)
    assert error_of(same)["field"] == "street"  # already the file's address


def test_a_separation_changes_the_files_situation(karim: Portal) -> None:
    body = {"situation": "separation", "since": "2026-10-31"}
    summary = karim.ok("POST", "/account/declarations/family_situation/summary", body)
    assert summary["lines"][0] == {"label": "Nouvelle situation", "value": "Séparation"}
    assert summary["lines"][1] == {"label": "Depuis le", "value": "31/10/2026"}
    receipt = karim.ok("POST", "/account/declarations/family_situation", body)
    assert receipt["kind"] == "family_situation"
    again = karim.post("/account/declarations/family_situation", body)
    assert error_of(again)["field"] == "situation"
    couple = karim.ok(
        "POST",
        "/account/declarations/family_situation",
        {"situation": "couple", "since": "27/11/2026"},
    )
    listed = karim.ok("GET", "/account/declarations")["declarations"]
    assert [d["reference"] for d in listed] == [couple["reference"], receipt["reference"]]

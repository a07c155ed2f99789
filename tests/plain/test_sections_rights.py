"""The spouse's rights one by one in the line mode, through a pipe: Karim grants « déclarer des
changements » alone; Zohra then finds « Déclarer un changement » open and the benefit request
offered but refused in the server's words; Lucas hears who may."""

from __future__ import annotations

from caf_stub import RunningStub
from tests.plain.drive import assert_plain, login_answers, run
from tests.plain.test_account_menu import MANAGE, ZOHRA_NIR, ZOHRA_PASSWORD, in_order
from tests.plain.test_sections_declare import KARIM_HOME


def test_karim_grants_one_right_and_zohra_is_held_to_it(stub: RunningStub) -> None:
    one_by_one = [MANAGE, "3", "9", "1"]  # « déclarer des changements »; Retour; log out
    status, out = run(stub, [*KARIM_HOME, *one_by_one])
    assert status == 0, out
    in_order(
        out,
        "Droits de Zohra TADJ, un par un :",
        "1. Autoriser\n2. Accorder le droit « consulter les droits et paiements »\n"
        "3. Accorder le droit « déclarer des changements »\n"
        "4. Accorder le droit « demander une prestation »\n",
        "Droit accordé : déclarer des changements.",
        "Zohra TADJ est autorisé(e) à :\ndéclarer des changements\n",
        "3. Retirer le droit « déclarer des changements »",
    )

    status, zohra = run(stub, [*login_answers(ZOHRA_NIR, ZOHRA_PASSWORD), "4", "1", "3", "3", "1"])
    assert status == 0, zohra
    in_order(
        zohra,
        "2. Mes droits et paiements (non autorisé)\n3. Déclarer un changement\n"
        "4. Faire une demande de prestation (non autorisé)",
        "demandez à Karim TADJ de vous accorder ce droit",
        "DÉCLARER UN CHANGEMENT",
        "1. Changement d'adresse",
        "Déconnexion effectuée.",
    )
    assert_plain(zohra, ZOHRA_PASSWORD)

"""The (?) help of each field, translated; the words live in ``caf_tui.steps.helps``."""

from __future__ import annotations

from collections.abc import Callable

from caf_tui.i18n import _
from caf_tui.steps import helps


def _translated(msgid: str) -> Callable[[], str]:
    """The help ``msgid`` in the language chosen when it is shown (not at import)."""
    return lambda: _(msgid)


nir_help = _translated(helps.NIR)
temporary_id_help = _translated(helps.TEMPORARY_ID)
password_help = _translated(helps.PASSWORD)
before_login_help = _translated(helps.BEFORE_LOGIN)
franceconnect_help = _translated(helps.FRANCECONNECT)
code_not_received_help = _translated(helps.CODE_NOT_RECEIVED)
forgot_password_help = _translated(helps.FORGOT_PASSWORD)
create_account_help = _translated(helps.CREATE_ACCOUNT)

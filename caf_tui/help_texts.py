"""The (?) help of each field, translated; the words live in ``caf_tui.steps.helps``."""

from __future__ import annotations

from caf_tui.i18n import _
from caf_tui.steps import helps


def nir_help() -> str:
    return _(helps.NIR)


def temporary_id_help() -> str:
    return _(helps.TEMPORARY_ID)


def password_help() -> str:
    return _(helps.PASSWORD)


def before_login_help() -> str:
    return _(helps.BEFORE_LOGIN)


def franceconnect_help() -> str:
    return _(helps.FRANCECONNECT)


def code_not_received_help() -> str:
    return _(helps.CODE_NOT_RECEIVED)


def forgot_password_help() -> str:
    return _(helps.FORGOT_PASSWORD)


def create_account_help() -> str:
    return _(helps.CREATE_ACCOUNT)

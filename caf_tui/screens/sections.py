"""Dashboard section -> the screen that opens it. Sections missing here are not offered yet."""

from __future__ import annotations

from collections.abc import Callable

from caf_tui.api import Section
from caf_tui.screens.account_views import AttestationsScreen, PaymentsScreen
from caf_tui.screens.file_rights import DeclareChangeScreen, RequestBenefitScreen
from caf_tui.screens.manage_account import ManageAccountScreen
from caf_tui.screens.section_base import SectionScreen

SECTION_SCREENS: dict[str, Callable[[], SectionScreen]] = {
    Section.RIGHTS_PAYMENTS.value: PaymentsScreen,
    Section.DECLARE_CHANGE.value: DeclareChangeScreen,
    Section.REQUEST_BENEFIT.value: RequestBenefitScreen,
    Section.ATTESTATIONS.value: AttestationsScreen,
    Section.MANAGE_ACCOUNT.value: ManageAccountScreen,
}

"""FranceConnect in the stub: a demo OpenID provider (``/franceconnect``), the portal's relying
party (``/api/v1/auth/franceconnect``) and a QA handle (``/_stub/franceconnect``)."""

from fastapi import APIRouter

from caf_stub.franceconnect import authorize, provider, qa, relying_party
from caf_stub.franceconnect.relying_party import on_logout

router = APIRouter()
router.include_router(provider.router)
router.include_router(authorize.router)
router.include_router(relying_party.router)
router.include_router(relying_party.links)
router.include_router(qa.router)

__all__ = ["on_logout", "router"]

"""Former name of ``backend_stub.journey_handlers``, kept only so that branches written against
it still merge. Import ``load_account`` from ``backend_stub.journey`` and the handlers from
``backend_stub.journey_handlers``; delete this module once nothing imports it."""

from backend_stub.journey import load_account

__all__ = ["load_account"]

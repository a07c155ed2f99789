"""Former name of ``caf_stub.journey_handlers``, kept only so that branches written against
it still merge. Import ``load_account`` from ``caf_stub.journey`` and the handlers from
``caf_stub.journey_handlers``; delete this module once nothing imports it."""

from caf_stub.journey import load_account

__all__ = ["load_account"]

"""The cyclic garbage collector held back while a flow replays, run once when it ends.

A replaying process holds some 250 000 long-lived objects (Textual, pydantic, FastAPI, the
stub), and a Textual paint allocates enough short-lived ones (strips, their caches) to start
a collection every few hundred allocations; each full collection scanned all the long-lived
ones again: a quarter of a Textual replay's CPU. What exists when a flow starts is frozen
(``gc.freeze``: not scanned until the flow ends, never freed early: it is alive), the young
generation collected less often, and what the flow left behind collected at its end, as
Textual pauses the collector during a scroll (``App.PAUSE_GC_ON_SCROLL``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 10_000
"""Allocations (less deallocations) between two young collections during a flow (Python's
default is 700)."""


@contextmanager
def collections_held_back() -> Iterator[None]:
    """For the time of one flow; the process's own thresholds are put back after it."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.collect()  # the flow's garbage only: what was frozen is not scanned
        gc.set_threshold(*thresholds)
        gc.unfreeze()

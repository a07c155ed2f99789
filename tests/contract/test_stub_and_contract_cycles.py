"""No import cycle in the contract (``caf_tui.api``) nor in the stub (``backend_stub``).

Read from the source by grimp (import-linter's graph), imports inside functions included: a
cycle hidden behind a late import is still a cycle.
"""

from __future__ import annotations

import grimp
import pytest

SCOPES = ("caf_tui.api", "backend_stub")


def _cycles(graph: grimp.ImportGraph, scope: str) -> list[tuple[str, str]]:
    """Pairs (a, b) in ``scope`` where a imports b and b leads back to a."""
    modules = {m for m in graph.modules if m == scope or m.startswith(scope + ".")}
    found: set[tuple[str, str]] = set()
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                found.add((min(module, imported), max(module, imported)))
    return sorted(found)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("caf_tui", "backend_stub", exclude_type_checking_imports=True)


@pytest.mark.parametrize("scope", SCOPES)
def test_no_import_cycle(graph: grimp.ImportGraph, scope: str) -> None:
    assert _cycles(graph, scope) == []


def test_the_qa_door_is_imported_from_its_own_module(graph: grimp.ImportGraph) -> None:
    for router in ("backend_stub.control", "backend_stub.control_qa"):
        assert graph.direct_import_exists(importer=router, imported="backend_stub.qa_guard")
    assert not graph.direct_import_exists(
        importer="backend_stub.control_qa", imported="backend_stub.control"
    )

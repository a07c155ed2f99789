"""No module of caf_tui or caf_stub imports, directly or through others, itself: every
import counted, the ones inside functions too (they run later, but still tie the two)."""

from __future__ import annotations

import grimp

PACKAGES = ("caf_tui", "caf_stub")


def import_cycles(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """The groups of modules that import one another in a ring (Tarjan's strongly connected
    components of more than one module, or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges.get(module, ()):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            ring: set[str] = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                ring.add(member)
                if member == module:
                    break
            if len(ring) > 1 or module in edges.get(module, ()):
                found.append(frozenset(ring))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_finds_a_ring_and_nothing_else() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert sorted(map(sorted, import_cycles(edges))) == [["a", "b", "c"], ["e"]]


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    modules = set(graph.modules)
    assert len(modules) > 100  # every module was walked
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    cycles = set(import_cycles(edges))
    assert cycles == set()

"""Flow scripts for QA: write a journey as steps, record one from a person, replay them
headless against a fresh stub (or a test server), and report what broke."""

from caf_tui.replay.flow import Flow, dump_flow, load_flow

__all__ = ["Flow", "dump_flow", "load_flow"]

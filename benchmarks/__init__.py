"""Performance targets of caf-tui, measured on this machine: ``python -m benchmarks``.

Not part of the pytest suite: timings depend on the machine. Where its speed would blur an
absolute time, a result is a ratio (against a bare Textual app in the same run) or a count
(bytes, requests).
"""

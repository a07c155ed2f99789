"""Paul's login as the first steps of the tests' own flows (those that go wrong once he is
in): written once here."""

from __future__ import annotations

PAUL_LOGS_IN = """\
persona: paul
variables:
  PAUL_NIR: 1 78 02 99 999 015 71
  PAUL_PASSWORD: Leroy1978
steps:
  - expect: login
  - fill: {identifier: "${PAUL_NIR}", password: "${PAUL_PASSWORD}"}
  - press: login
"""


def paul_logs_in(name: str, *then: str) -> str:
    """The flow ``name``: Paul logs in, then the steps ``then`` (each one YAML step, such as
    ``expect: dashboard``)."""
    return f"name: {name}\n{PAUL_LOGS_IN}" + "".join(f"  - {step}\n" for step in then)

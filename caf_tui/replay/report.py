"""The report of a replay: JUnit XML for CI, an HTML page for people, JSON for programs, and
a few lines on the terminal."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree as ET

from caf_tui.replay.results import FlowResult

MARKS = {"passed": "✓", "failed": "✗", "skipped": "·"}
WORDS = {"passed": "réussi", "failed": "échoué", "skipped": "non joué"}


def write_report(results: Sequence[FlowResult], folder: Path, seconds: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "junit.xml").write_text(
        junit_xml(results, seconds), encoding="utf-8", errors="backslashreplace"
    )
    (folder / "index.html").write_text(
        html_page(results, seconds), encoding="utf-8", errors="backslashreplace"
    )
    data = {"seconds": seconds, "flows": [r.model_dump(mode="json") for r in results]}
    (folder / "results.json").write_text(
        json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8", errors="backslashreplace"
    )


def failure_text(result: FlowResult) -> str:
    failure = result.failure
    if failure is None:
        return ""
    lines = [f"Étape {failure.step} : {failure.message}" if failure.step else failure.message]
    for step in result.steps:
        lines.append(f"  {MARKS[step.status]} {step.number:>2}. {step.label}")
    if failure.screen:
        lines += ["", "Écran :", failure.screen]
    if failure.requests:
        lines += ["", "Dernières requêtes :"]
        lines += [request_line(request) for request in failure.requests]
    return "\n".join(lines)


def request_line(request: dict[str, object]) -> str:
    status = request.get("status")
    extra = [str(request[key]) for key in ("fault", "error") if request.get(key)]
    body = request.get("body")
    if body:
        extra.append(json.dumps(body, ensure_ascii=False))
    return (
        f"  {request.get('method')} {request.get('path')} → {status if status else 'coupée'}"
        f" ({request.get('duration_ms')} ms){' ' + ' '.join(extra) if extra else ''}"
    )


#: What XML 1.0 cannot hold at all, even escaped: C0 controls but tab and newlines, lone
#: surrogates, U+FFFE and U+FFFF. A screen's text may hold any of them (an escape sequence).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML forbids written as ``\\xNN`` (``\\x1b`` for ESC)."""
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def junit_xml(results: Sequence[FlowResult], seconds: float) -> str:
    """JUnit XML: an assertion of a flow not met is a ``<failure>``; the replay itself breaking
    (unreadable script, no server) is an ``<error>``. Valid whatever a message holds."""
    errors = [r for r in results if r.failure is not None and r.failure.is_error]
    suite = ET.Element(
        "testsuite",
        name="caf-tui replay",
        tests=str(len(results)),
        failures=str(sum(not r.passed for r in results) - len(errors)),
        errors=str(len(errors)),
        time=f"{seconds:.3f}",
    )
    for result in results:
        case = ET.SubElement(
            suite,
            "testcase",
            classname="flows",
            name=xml_safe(result.name),
            time=f"{result.seconds:.3f}",
        )
        case.set("file", xml_safe(result.file))
        if result.failure is not None:
            tag = "error" if result.failure.is_error else "failure"
            failure = ET.SubElement(case, tag, message=xml_safe(result.failure.message))
            failure.text = xml_safe(failure_text(result))
        out = ET.SubElement(case, "system-out")
        out.text = xml_safe(
            "\n".join(
                f"{MARKS[s.status]} {s.number:>2}. {s.label} ({s.seconds:.3f} s)"
                for s in result.steps
            )
        )
    ET.indent(suite)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suite, encoding="unicode")


def _esc(value: object) -> str:
    return html.escape(str(value))


def _flow_section(result: FlowResult) -> str:
    rows = []
    for step in result.steps:
        shot = f'<a href="{_esc(step.screenshot)}">capture</a>' if step.screenshot else ""
        message = _esc(step.message or "")
        rows.append(
            f'<tr class="{step.status}"><td>{step.number}</td><td>{MARKS[step.status]} '
            f"{WORDS[step.status]}</td><td><code>{_esc(step.label)}</code></td>"
            f"<td>{step.seconds:.3f} s</td><td>{message} {shot}</td></tr>"
        )
    parts = [
        f'<section id="{_esc(result.name)}"><h2>{MARKS[result.status]} {_esc(result.name)} '
        f"— {WORDS[result.status]} en {result.seconds:.2f} s</h2>",
        f"<p><code>{_esc(result.file)}</code></p>",
        "<table><tr><th>#</th><th>État</th><th>Étape</th><th>Durée</th><th></th></tr>",
        *rows,
        "</table>",
    ]
    failure = result.failure
    if failure is not None:
        parts.append(f'<p class="failed"><strong>Échec :</strong> {_esc(failure.message)}</p>')
        if failure.screenshot:
            parts.append(
                f'<p><img src="{_esc(failure.screenshot)}" alt="Écran au moment de l\'échec" '
                'width="800"></p>'
            )
        if failure.screen:
            parts.append(f"<h3>Écran</h3><pre>{_esc(failure.screen)}</pre>")
        if failure.requests:
            lines = "\n".join(request_line(r) for r in failure.requests)
            parts.append(f"<h3>Dernières requêtes</h3><pre>{_esc(lines)}</pre>")
    parts.append("</section>")
    return "\n".join(parts)


def html_page(results: Sequence[FlowResult], seconds: float) -> str:
    failed = sum(not r.passed for r in results)
    summary = "".join(
        f'<tr class="{r.status}"><td>{MARKS[r.status]} {WORDS[r.status]}</td>'
        f'<td><a href="#{_esc(r.name)}">{_esc(r.name)}</a></td><td>{r.seconds:.2f} s</td>'
        f"<td>{len([s for s in r.steps if s.status == 'passed'])}/{len(r.steps)}</td>"
        f"<td>{_esc(r.failure.message) if r.failure else ''}</td></tr>"
        for r in results
    )
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Rejeu des parcours caf-tui</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; margin-bottom: 1em; }}
td, th {{ border: 1px solid #999; padding: .2em .5em; text-align: left; vertical-align: top; }}
tr.failed td {{ background: #fde2e2; }} tr.passed td {{ background: #e6f4e6; }}
tr.skipped td {{ color: #666; }} pre {{ background: #f4f4f4; padding: .5em; }}
</style></head><body>
<h1>Rejeu des parcours : {len(results) - failed} réussi(s), {failed} échoué(s)</h1>
<p>{len(results)} parcours en {seconds:.2f} s.</p>
<table><tr><th>État</th><th>Parcours</th><th>Durée</th><th>Étapes</th><th>Échec</th></tr>
{summary}</table>
{"".join(_flow_section(r) for r in results)}
</body></html>
"""


def console_lines(results: Sequence[FlowResult], seconds: float) -> list[str]:
    lines = []
    for result in results:
        lines.append(f"{MARKS[result.status]} {result.name}  {result.seconds:.2f} s")
        if result.failure is not None:
            where = f"étape {result.failure.step}" if result.failure.step else "avant les étapes"
            lines.append(f"    {where} : {result.failure.message}")
    failed = sum(not r.passed for r in results)
    lines.append(f"{len(results) - failed}/{len(results)} parcours réussis en {seconds:.2f} s")
    return lines

"""« Mes attestations » on the person's side, without any UI: save the PDF into the download
folder (a new name, never over an existing file) and say where, or, in kiosk mode, have it sent
to the person's e-mail and write nothing on the machine."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_downloads_dir

from caf_tui.api.declarations import AttestationKind
from caf_tui.backend.declarations import DeclarationsBackend

MAX_COPIES = 999


@dataclass(frozen=True)
class Delivered:
    """Where the attestation went: a saved file, or an e-mail address (kiosk)."""

    path: Path | None = None
    emailed_to: str | None = None


def _new_file(folder: Path, name: str, content: bytes) -> Path:
    """Write ``content`` as ``name`` in ``folder``, or ``stem (2).pdf``… if it is taken."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    for copy in range(1, MAX_COPIES + 1):
        candidate = folder / (name if copy == 1 else f"{stem} ({copy}){suffix}")
        try:
            with candidate.open("xb") as file:  # "x": fails rather than overwrite
                file.write(content)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"{MAX_COPIES} copies of {name} already in {folder}")


async def deliver(
    backend: DeclarationsBackend,
    kind: AttestationKind,
    *,
    kiosk: bool,
    downloads: Path | None = None,
) -> Delivered:
    """Save the attestation (into ``downloads``, by default platformdirs' download folder), or
    in kiosk mode send it by e-mail. Raises what the backend raises, and ``OSError`` when the
    folder cannot be written."""
    if kiosk:
        sent = await backend.send_attestation(kind)
        return Delivered(emailed_to=sent.emailed_to)
    attestation = await backend.attestation_pdf(kind)
    folder = downloads if downloads is not None else Path(user_downloads_dir())
    return Delivered(path=_new_file(folder, attestation.filename, attestation.content))

"""The test session's own download folder: a replayed « attestation-download » writes nothing
in the downloads of whoever runs the tests."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_downloads_dir


def test_downloads_go_to_the_tests_folder() -> None:
    folder = Path(user_downloads_dir())
    assert str(folder) == os.environ["XDG_DOWNLOAD_DIR"]
    assert folder != Path.home() / "Downloads"

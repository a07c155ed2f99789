"""Starting and stopping the stub: serve_in_thread and the caf-stub command line."""

from __future__ import annotations

import socket

import httpx

from caf_stub import serve_in_thread
from caf_stub.__main__ import parse_args, settings_from
from caf_stub.testing import START, settings_for_tests


def test_serve_on_a_prebound_socket_without_waiting():
    sock = socket.socket()  # proto 0: the stub must still answer without Nagle delays
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    running = serve_in_thread(settings_for_tests(), sock=sock, wait=False)
    try:
        assert running.url == f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=running.url, timeout=10, verify=False) as client:
            # The socket listens already: this waits in the backlog if uvicorn is not up yet.
            assert client.get("/_stub/health").json()["now"] == "2026-11-27T09:00:00Z"
            # Nagle's algorithm against a delayed ACK costs ~40 ms on every request; a loaded
            # machine slows only some, so the fastest of several tells them apart.
            fastest = min(client.get("/_stub/health").elapsed.total_seconds() for _ in range(9))
            assert fastest < 0.03
        running.wait_started()
        assert running.started
        assert running.clock.now() == START
        assert running.settings.fixed_code == "123456"
    finally:
        running.stop()
    assert not running.thread.is_alive()
    with httpx.Client(timeout=2, verify=False) as client:
        try:
            client.get(running.url + "/_stub/health")
            raise AssertionError("the stub still answers after stop()")
        except httpx.TransportError:
            pass


def test_two_stubs_are_independent(stub_factory):
    first, second = stub_factory(), stub_factory()
    assert first.url != second.url
    first.clock.advance(3600)
    assert second.clock.now() == START


def test_command_line_settings(monkeypatch):
    monkeypatch.delenv("CAF_STUB_CONTROL_API", raising=False)
    args = parse_args(
        [
            "--port",
            "8801",
            "--db",
            ":memory:",
            "--fixed-code",
            "111111",
            "--frozen",
            "--start-time",
            "2026-11-27T09:00:00+00:00",
        ]
    )
    settings = settings_from(args)
    assert args.port == 8801
    assert (settings.db, settings.fixed_code, settings.frozen) == (":memory:", "111111", True)
    assert settings.start_time == START
    assert settings.control_api is None  # on loopback: served by default

    beyond = settings_from(parse_args(["--host", "0.0.0.0", "--db", ":memory:"]))
    assert beyond.control_api is False
    forced = settings_from(parse_args(["--host", "0.0.0.0", "--enable-control"]))
    assert forced.control_api is True

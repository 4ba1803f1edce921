"""Long runs show a progress bar on a terminal and nothing when standard error is not one."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

TEXTS = [
    "The council of Greywick voted on Monday to rebuild the harbour wall after the winter storms, "
    "at a cost of four million euros, officials said after a long evening debate.",
    "Farmers near Tolland began the barley harvest two weeks early this year because of the dry "
    "spring, the regional farmers' union said in a statement on Tuesday.",
]


def _jsonl(tmp_path) -> str:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "lang": "en"}) + "\n"
                            for i, t in enumerate(TEXTS)), encoding="utf-8")
    return str(path)


def test_cluster_is_quiet_when_stderr_is_not_a_terminal(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tidings", "cluster", _jsonl(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 2
    assert "articles" not in done.stderr and "\r" not in done.stderr


def test_cluster_shows_a_bar_on_a_terminal(tmp_path):
    import fcntl
    import struct
    import termios

    leader, follower = pty.openpty()
    # A new terminal is 0 columns wide, which leaves a bar no room: make it a usual 80.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        done = subprocess.run([sys.executable, "-m", "tidings", "cluster", _jsonl(tmp_path)],
                              stdout=subprocess.PIPE, stderr=follower, timeout=300)
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if follower >= 0:
            os.close(follower)
        os.close(leader)
    assert done.returncode == 0
    assert b"articles" in shown and b"\r" in shown

"""Debian's Varnish, started in front of a test server with the site's own VCL
(config/varnish.vcl), on a port of its own, and stopped again."""

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.server import BASE_DIR, free_port, stop_process

VCL = BASE_DIR / "config" / "varnish.vcl"


def varnishd_path():
    """varnishd from the PATH, or where Debian puts it (/usr/sbin, not on every user's PATH)."""
    return shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")


class Varnish:
    def __init__(self, backend_port):
        self.workdir = Path(tempfile.mkdtemp(prefix="csp-varnish-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.vcl = self.workdir / "default.vcl"
        self.vcl.write_text(VCL.read_text().replace('"8000"', f'"{backend_port}"'))
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                varnishd_path(),
                "-F",  # in the foreground, stopped with the test
                "-j", "none",  # no jail: runs as whoever runs the tests
                "-n", str(self.workdir / "state"),
                "-a", f"127.0.0.1:{self.port}",
                "-f", str(self.vcl),
                "-s", "malloc,64m",
                "-T", "none",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Varnish stopped: {self.process.stderr.read().decode()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("Varnish did not start within a minute.")

    def stop(self):
        stop_process(self.process)
        shutil.rmtree(self.workdir, ignore_errors=True)

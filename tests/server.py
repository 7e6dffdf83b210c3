"""A real server with the demo content (or another), for the browser tests and the benchmarks.

It runs in its own processes (gunicorn, as in production) on its own SQLite database and media
folder, so that it behaves as a deployed site does and leaves the test database alone.
"""

import atexit
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

BASE_DIR = Path(__file__).resolve().parent.parent
# The demo's content pack, and the day its dates were written for: the servers load it as of
# then, as the test database does, so that every run sees the same demo.
DEMO_PACK = BASE_DIR / "packs" / "harborough"
DEMO_WRITTEN = yaml.safe_load((DEMO_PACK / "pack.yaml").read_text())["written"].isoformat()


# What `prepare` leaves (a database and its media folder), by settings and set-up, made once in
# a run and copied for each server that asks for the same: `migrate` alone takes 13 seconds.
_made = {}
# What a server's environment may hold that changes nothing `migrate` and the set-up leave: its
# own paths, and how it answers requests.
NOT_FOR_MAKING = frozenset(
    {
        "DATABASE_URL",
        "MEDIA_ROOT",
        "STATIC_ROOT",
        "SQLITE_TIMEOUT",
        "REDIS_URL",
        "CACHE_KEY_PREFIX",
        "ALLOWED_HOSTS",
        "FRONT_CACHE_PURGE_URLS",
    }
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoServer:
    def __init__(self, workdir, settings="config.settings.test", workers=2, extra_env=None):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.process = None
        # What the database this server copies must have been made with (production settings
        # need their SECRET_KEY; files go to a bucket when one is named).
        self.making_env = {
            name: value for name, value in (extra_env or {}).items() if name not in NOT_FOR_MAKING
        }
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": self.own_sqlite,
            "MEDIA_ROOT": str(self.workdir / "media"),
            "STATIC_ROOT": str(self.workdir / "static"),
            "CACHE_KEY_PREFIX": f"server-{self.port}",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            **(extra_env or {}),
        }

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            check=True,
            capture_output=True,
            timeout=600,
        )

    def shell(self, code):
        """Python run by `manage.py shell` against this server's database, in a process of its
        own, as cron or an editor would; what it printed."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def prepare(self, *setup):
        """The database made, and the demo loaded into it (or the `manage.py` command `setup`,
        such as `setup_partnership "Name"`, run instead). On SQLite each server gets its own copy
        of what the first server prepared the same way made, which no server shares."""
        setup = setup or ("load_demo", "--today", DEMO_WRITTEN)
        if self.env["DATABASE_URL"] != self.own_sqlite:
            self.manage("migrate", "--noinput")
            self.manage(*setup)
        else:
            self.copy_from(self.made(*setup))
        return self

    @property
    def own_sqlite(self):
        return f"sqlite:///{self.workdir / 'db.sqlite3'}"

    def made(self, *setup):
        """The folder holding what `migrate` and then `setup` leave, made the first time."""
        settings = self.env["DJANGO_SETTINGS_MODULE"]
        key = (settings, tuple(sorted(self.making_env.items())), *setup)
        if key not in _made:
            folder = Path(tempfile.mkdtemp(prefix="csp-server-"))
            atexit.register(shutil.rmtree, folder, True)
            maker = DemoServer(folder, settings=settings, extra_env=self.making_env)
            if setup:
                maker.copy_from(self.made())
                maker.manage(*setup)
            else:
                maker.manage("migrate", "--noinput")
            _made[key] = folder
        return _made[key]

    def copy_from(self, folder):
        """This server's database and media as another's are (which must not be running)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        for path in folder.glob("db.sqlite3*"):
            shutil.copy2(path, self.workdir / path.name)
        if (folder / "media").is_dir():
            shutil.copytree(folder / "media", self.workdir / "media", dirs_exist_ok=True)

    def start(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                # Any answer will do: production settings answer plain HTTP with a redirect.
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/robots.txt")
                connection.getresponse().read()
                connection.close()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("The server stopped while starting.") from None
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("The server did not start within a minute.")

    def stop(self):
        stop_process(self.process)


def stop_process(process):
    """Asked to stop, and made to if it has not within 10 seconds."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()

"""`manage.py backup` and `manage.py restore`, with real databases, real files and real pg_dump.

A demo site is built once per database engine (migrate and load_demo, in a subprocess, as on a
server), backed up, and restored into a fresh, empty database and media folder; then every row of
every table and every file are compared with the original.
"""

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

from tests.server import BASE_DIR, DemoServer
from tests.tools import skip_without

# Files an officer might have uploaded, beside the demo's images and documents: a name that is not
# ASCII, a folder of its own, and bytes that are not text.
EXTRA_MEDIA = {
    "documents/minutes-of-the-partnership-board-café.txt": b"Minutes, 3 March.\n",
    "original_images/extra/photo.bin": bytes(range(256)) * 40,
}


def manage(env, *args, stdin=""):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def succeeded(result):
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def refused(result, *phrases):
    """The command stopped with a message (a CommandError, not a traceback) saying `phrases`."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    message = " ".join(result.stderr.split())
    for phrase in phrases:
        assert phrase in message, message
    return message


def add_media(media_root):
    for name, content in EXTRA_MEDIA.items():
        path = Path(media_root) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def file_hashes(folder):
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def sort_rows(rows):
    # In Python rather than ORDER BY: a table's first column need not be unique, and PostgreSQL
    # cannot order every type. Rows are compared whole, as lists.
    return sorted((list(row) for row in rows), key=repr)


def sqlite_contents(path):
    """Every table of a SQLite file (its own bookkeeping ones too), with all its rows, sorted."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        schema = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [name for kind, name, _, _ in schema if kind == "table"]
        rows = {name: sort_rows(db.execute(f'SELECT * FROM "{name}"')) for name in tables}
    finally:
        db.close()
    return schema, rows


def sqlite_url(path):
    return f"sqlite:///{path}"


def database_file(env):
    return Path(env["DATABASE_URL"].removeprefix("sqlite:///"))


def fresh_site(base_env, folder):
    """The environment of a new, empty site: a database file and a media folder not yet made."""
    folder = Path(folder)
    return {
        **base_env,
        "DATABASE_URL": sqlite_url(folder / "data" / "db.sqlite3"),
        "MEDIA_ROOT": str(folder / "media"),
    }


def archive_members(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return {
            member.name: (tar.extractfile(member).read() if member.isfile() else None)
            for member in tar
        }


def repack(archive, destination, change_manifest):
    """A copy of `archive` with its manifest changed by `change_manifest(manifest)`."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(destination, "w:gz") as copy:
        for member in source:
            content = source.extractfile(member).read() if member.isfile() else None
            if member.name == "manifest.json":
                manifest = json.loads(content)
                change_manifest(manifest)
                content = json.dumps(manifest).encode()
                member.size = len(content)
            copy.addfile(member, io.BytesIO(content) if content is not None else None)
    return destination


# SQLite


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    """A demo site on SQLite, with a few files of an officer's besides the demo's."""
    site = DemoServer(tmp_path_factory.mktemp("backup-sqlite-site")).prepare()
    add_media(site.env["MEDIA_ROOT"])
    return site


@pytest.fixture(scope="module")
def sqlite_archive(sqlite_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("backup-sqlite-archives") / "nightly"
    result = succeeded(manage(sqlite_site.env, "backup", "--output", str(folder)))
    (archive,) = folder.iterdir()
    assert str(archive) in result.stdout
    return archive


def test_backup_is_one_private_archive_with_a_manifest(sqlite_site, sqlite_archive):
    assert re.fullmatch(r"csp-backup-\d{8}-\d{6}\.tar\.gz", sqlite_archive.name)
    # It holds every account's password hash: only its owner may read it.
    assert sqlite_archive.stat().st_mode & 0o777 == 0o600

    members = archive_members(sqlite_archive)
    assert next(iter(members)) == "manifest.json"
    manifest = json.loads(members["manifest.json"])
    assert manifest["database"]["engine"] == "sqlite"
    assert manifest["versions"]["django"].startswith("5.2")
    assert manifest["versions"]["wagtail"].startswith("8.")
    # The site was migrated just now: each app's latest migration is the code's latest.
    latest_in_code = dict(MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes())
    assert manifest["migrations"] == latest_in_code

    _, rows = sqlite_contents(database_file(sqlite_site.env))
    assert manifest["tables"] == {
        name: len(table) for name, table in rows.items() if not name.startswith("sqlite_")
    }
    assert manifest["tables"]["wagtailcore_page"] > 10

    media = Path(sqlite_site.env["MEDIA_ROOT"])
    for name, content in EXTRA_MEDIA.items():
        assert members[f"media/{name}"] == content
    stored = {
        name.removeprefix("media/") for name, content in members.items() if content is not None
    }
    assert set(file_hashes(media)) <= stored
    assert manifest["media"]["files"] == len(file_hashes(media))


def test_backups_are_kept_out_of_media_root(sqlite_site):
    media = Path(sqlite_site.env["MEDIA_ROOT"])
    refused(
        manage(sqlite_site.env, "backup", "--output", str(media / "backups")),
        "Keep backups outside MEDIA_ROOT",
    )
    assert not (media / "backups").exists()


def test_restore_into_a_fresh_site_gives_back_every_row_and_every_file(
    sqlite_site, sqlite_archive, tmp_path
):
    restored = fresh_site(sqlite_site.env, tmp_path)
    result = succeeded(manage(restored, "restore", str(sqlite_archive), "--yes"))
    assert "Restored" in result.stdout

    schema, rows = sqlite_contents(database_file(sqlite_site.env))
    restored_schema, restored_rows = sqlite_contents(database_file(restored))
    assert restored_schema == schema
    assert restored_rows.keys() == rows.keys()
    for table in rows:
        assert restored_rows[table] == rows[table], table
    assert len(rows["wagtailcore_page"]) > 10

    original_files = file_hashes(sqlite_site.env["MEDIA_ROOT"])
    assert file_hashes(restored["MEDIA_ROOT"]) == original_files
    assert set(EXTRA_MEDIA) <= set(original_files)
    # The restored database is at this code's migrations: the site can start on it as it is.
    succeeded(manage(restored, "migrate", "--check"))


def test_restore_replaces_what_was_there(sqlite_site, sqlite_archive, tmp_path):
    restored = fresh_site(sqlite_site.env, tmp_path)
    succeeded(manage(restored, "restore", str(sqlite_archive), "--yes"))
    media = Path(restored["MEDIA_ROOT"])
    (media / "uploaded-since.txt").write_text("not in the backup")
    db = sqlite3.connect(database_file(restored))
    db.execute("DELETE FROM wagtailcore_revision")
    db.commit()
    db.close()

    succeeded(manage(restored, "restore", str(sqlite_archive), "--yes"))

    assert file_hashes(media) == file_hashes(sqlite_site.env["MEDIA_ROOT"])
    assert sqlite_contents(database_file(restored)) == sqlite_contents(
        database_file(sqlite_site.env)
    )


def record(connection, name):
    connection.execute(
        "INSERT INTO django_migrations (app, name, applied) "
        "VALUES ('backup_test', ?, '2026-01-01 00:00:00')",
        [name],
    )


def test_backup_while_the_site_is_writing(sqlite_site, tmp_path):
    """The site may be saving a page when the nightly backup runs: the backup neither waits for
    it nor catches half of it, and holds what was committed even if it is still only in the
    write-ahead log (which a copy of the database file alone would miss)."""
    # A site of its own, so that the other tests' site is left as it was.
    env = {**sqlite_site.env, "DATABASE_URL": sqlite_url(tmp_path / "live.sqlite3")}
    live = database_file(env)
    with sqlite3.connect(database_file(sqlite_site.env)) as source, sqlite3.connect(live) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    # A site process with the database open, which has just saved something.
    site = sqlite3.connect(live, isolation_level=None)
    writer = sqlite3.connect(live, isolation_level=None, timeout=1)
    try:
        assert site.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        site.execute("PRAGMA wal_autocheckpoint=0")
        record(site, "committed_before_the_backup")
        _, committed = sqlite_contents(live)
        # Another, part way through saving.
        writer.execute("BEGIN IMMEDIATE")
        record(writer, "not_committed")

        succeeded(manage(env, "backup", "--output", str(tmp_path / "during.tar.gz")))
        record(writer, "after_the_backup")  # the writer carries on
    finally:
        writer.close()
        site.close()

    members = archive_members(tmp_path / "during.tar.gz")
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(members["database.sqlite3"])
    _, copied = sqlite_contents(copy)
    assert copied == committed
    assert ["backup_test", "committed_before_the_backup"] in [
        row[1:3] for row in copied["django_migrations"]
    ]
    manifest = json.loads(members["manifest.json"])
    assert manifest["tables"]["django_migrations"] == len(committed["django_migrations"])


def test_restore_asks_first(sqlite_site, sqlite_archive, tmp_path):
    restored = fresh_site(sqlite_site.env, tmp_path)
    for answer in ("", "no\n", "y\n"):
        result = manage(restored, "restore", str(sqlite_archive), stdin=answer)
        refused(result, "Nothing has been restored", "--yes")
        assert "REPLACES everything" in result.stdout
        assert not database_file(restored).exists()
        assert not Path(restored["MEDIA_ROOT"]).exists()

    succeeded(manage(restored, "restore", str(sqlite_archive), stdin="yes\n"))
    assert file_hashes(restored["MEDIA_ROOT"]) == file_hashes(sqlite_site.env["MEDIA_ROOT"])


class ExistingSite:
    """A site with a database and a file of its own, which a refused restore must leave alone."""

    def __init__(self, base_env, folder):
        self.env = fresh_site(base_env, folder)
        self.media = Path(self.env["MEDIA_ROOT"])
        self.database = database_file(self.env)
        self.database.parent.mkdir(parents=True)
        db = sqlite3.connect(self.database)
        db.execute("CREATE TABLE kept (note TEXT)")
        db.execute("INSERT INTO kept VALUES ('still here')")
        db.commit()
        db.close()
        self.media.mkdir()
        (self.media / "kept.txt").write_text("still here")
        self.before = self.contents()

    def contents(self):
        return file_hashes(self.media), sqlite_contents(self.database)

    def restore(self, archive):
        return manage(self.env, "restore", str(archive), "--yes")

    def assert_untouched(self):
        assert self.contents() == self.before
        # Nothing left behind either, such as half-unpacked files.
        assert [path.name for path in self.media.iterdir()] == ["kept.txt"]


@pytest.fixture
def existing_site(sqlite_site, tmp_path):
    return ExistingSite(sqlite_site.env, tmp_path / "existing")


def test_restore_refuses_a_damaged_archive(existing_site, sqlite_archive, tmp_path):
    # Cut short after the manifest: the damage shows only as the rest is unpacked.
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(sqlite_archive.read_bytes()[: sqlite_archive.stat().st_size // 2])
    refused(
        existing_site.restore(truncated),
        "is not a backup made by `manage.py backup`, or it is damaged",
        "Nothing has been changed",
    )
    existing_site.assert_untouched()

    garbage = tmp_path / "garbage.tar.gz"
    garbage.write_bytes(os.urandom(4096))
    refused(existing_site.restore(garbage), "or it is damaged")
    existing_site.assert_untouched()


def test_restore_refuses_an_archive_that_is_not_a_backup(existing_site, sqlite_site, tmp_path):
    foreign = tmp_path / "photos.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        tar.add(Path(sqlite_site.env["MEDIA_ROOT"]) / "documents", "documents")
    refused(
        existing_site.restore(foreign),
        "is not a backup made by `manage.py backup`",
        "does not start with manifest.json",
    )
    refused(existing_site.restore(tmp_path / "missing.tar.gz"), "no file")
    existing_site.assert_untouched()


def test_restore_refuses_a_backup_of_another_kind_of_database(
    existing_site, sqlite_archive, tmp_path
):
    def from_postgresql(manifest):
        manifest["database"]["engine"] = "postgresql"

    archive = repack(sqlite_archive, tmp_path / "from-postgresql.tar.gz", from_postgresql)
    refused(
        existing_site.restore(archive),
        "This is a backup of a PostgreSQL database, but this site uses SQLite",
        "dumpdata",
        "loaddata",
    )
    existing_site.assert_untouched()


def test_restore_refuses_a_backup_made_by_newer_code(existing_site, sqlite_archive, tmp_path):
    def newer(manifest):
        manifest["migrations"]["wagtailcore"] = "9999_from_the_future"

    archive = repack(sqlite_archive, tmp_path / "newer.tar.gz", newer)
    refused(
        existing_site.restore(archive),
        "made by a newer version of the site",
        "wagtailcore.9999_from_the_future",
    )
    existing_site.assert_untouched()


# PostgreSQL


def postgres_settings():
    database = settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"]:
        pytest.skip(
            "PostgreSQL only: runs when DATABASE_URL is a postgres:// address, as in the second "
            "run of .ci/run"
        )
    skip_without(
        shutil.which("pg_dump") and shutil.which("pg_restore"),
        "pg_dump and pg_restore are not installed (apt-get install postgresql-client)",
    )
    return database


def postgres_tables(url):
    import psycopg

    with psycopg.connect(url) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
        ]
        rows = {name: sort_rows(db.execute(f'SELECT * FROM "{name}"')) for name in tables}
        sequences = {
            name: db.execute(f'SELECT last_value, is_called FROM "{name}"').fetchone()
            for (name,) in db.execute(
                "SELECT sequence_name FROM information_schema.sequences "
                "WHERE sequence_schema = 'public' ORDER BY sequence_name"
            )
        }
    return rows, sequences


@pytest.fixture
def postgres_databases():
    """Two new, empty databases on the server the suite uses, dropped again whatever happens."""
    import psycopg

    database = postgres_settings()
    base = urlsplit(os.environ["DATABASE_URL"])
    names = [f"csp_backup_{os.getpid()}_{uuid.uuid4().hex[:8]}_{role}" for role in ("a", "b")]
    server = psycopg.connect(
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    try:
        for name in names:
            server.execute(f'CREATE DATABASE "{name}"')
        yield [urlunsplit(base._replace(path=f"/{name}")) for name in names]
    finally:
        for name in names:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.close()


def test_postgresql_restore_into_a_fresh_database_gives_back_every_row(
    postgres_databases, tmp_path
):
    original_url, restored_url = postgres_databases
    site = DemoServer(tmp_path / "original", extra_env={"DATABASE_URL": original_url})
    # The password comes from DATABASE_URL, as on a server: not from the suite's PGPASSWORD.
    site.env.pop("PGPASSWORD", None)
    site.prepare()
    add_media(site.env["MEDIA_ROOT"])

    result = succeeded(manage(site.env, "backup", "--output", str(tmp_path / "backups")))
    (archive,) = (tmp_path / "backups").iterdir()
    assert "PostgreSQL database" in result.stdout
    members = archive_members(archive)
    manifest = json.loads(members["manifest.json"])
    assert manifest["database"]["engine"] == "postgresql"
    assert members["database.pgdump"].startswith(b"PGDMP")  # pg_dump's custom format

    restored = {
        **site.env,
        "DATABASE_URL": restored_url,
        "MEDIA_ROOT": str(tmp_path / "restored" / "media"),
    }
    refused(manage(restored, "restore", str(archive)), "Nothing has been restored")
    succeeded(manage(restored, "restore", str(archive), "--yes"))

    rows, sequences = postgres_tables(original_url)
    restored_rows, restored_sequences = postgres_tables(restored_url)
    assert restored_rows.keys() == rows.keys()
    for table in rows:
        assert restored_rows[table] == rows[table], table
    assert len(rows["wagtailcore_page"]) > 10
    assert manifest["tables"] == {name: len(table) for name, table in rows.items()}
    # New pages and images get new ids after a restore, not ones already taken.
    assert restored_sequences == sequences
    assert file_hashes(restored["MEDIA_ROOT"]) == file_hashes(site.env["MEDIA_ROOT"])
    succeeded(manage(restored, "migrate", "--check"))

    # A backup of one kind of database cannot be restored into the other.
    sqlite_site = fresh_site(site.env, tmp_path / "sqlite")
    refused(
        manage(sqlite_site, "restore", str(archive), "--yes"),
        "This is a backup of a PostgreSQL database, but this site uses SQLite",
    )

    # Without pg_dump, a message that says where to get it, and no archive.
    no_tools = {**site.env, "PATH": str(tmp_path / "empty-path")}
    refused(
        manage(no_tools, "backup", "--output", str(tmp_path / "no-tools")),
        "pg_dump was not found",
        "postgresql-client",
    )
    assert not (tmp_path / "no-tools").exists()

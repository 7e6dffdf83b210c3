"""Back up the whole site into one archive, and restore it: `manage.py backup` and `restore`.

An archive is a gzipped tar file holding, in this order,

    manifest.json      when and from what it was made: the versions of Django and Wagtail, the
                       database engine, the latest migration of each app, the rows in each table
    database.sqlite3   a SQLite database, copied with SQLite's online backup API, or
    database.pgdump    a PostgreSQL dump in pg_dump's custom format
    media/...          every file under MEDIA_ROOT: the original images and the documents, and
                       also the renditions (resized images), which could be made again but are
                       listed in the database, so that no page points at a missing file

Both commands work on the database settings.DATABASES["default"] names, and on MEDIA_ROOT.
The database is read as one consistent snapshot while the site keeps running. SQLite's backup API
copies the committed pages under a read lock, including those still in the write-ahead log (a
copy of the file alone can miss them, or catch a page half-written). pg_dump runs in a snapshot
exported by the transaction that counts the rows, so the counts in the manifest are exactly the
rows in the dump; a restore checks them again.
"""

import contextlib
import json
import os
import platform
import shutil
import socket
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

FORMAT = "csp-site-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Folders the commands themselves make inside MEDIA_ROOT while they work.
WORK_PREFIX = ".csp-restore-"

# Connection settings libpq reads from the environment, so that nothing (least of all the
# password) has to go on pg_dump's command line, where any user of the server could read it.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
}

MOVING_BETWEEN_ENGINES = (
    "A backup can only be restored into the same kind of database it was made from. To move a "
    "site between SQLite and PostgreSQL, restore it into a site of its own kind, then copy the "
    "content across with `manage.py dumpdata` and `manage.py loaddata` (see 'Backups' in README.md)."
)


class BackupError(Exception):
    """Something the person running the command can put right: the message says what."""


# The configured database


def engine(database):
    name = database["ENGINE"]
    if "sqlite" in name:
        return "sqlite"
    if "postgresql" in name or "postgis" in name:
        return "postgresql"
    raise BackupError(f"Backups work with SQLite and PostgreSQL, not with {name}.")


def sqlite_path(database):
    name = str(database["NAME"])
    if name in ("", ":memory:") or name.startswith("file:"):
        raise BackupError(f"The SQLite database {name!r} is not a file that can be backed up.")
    return Path(name)


def describe(database):
    if engine(database) == "sqlite":
        return f"the SQLite database {sqlite_path(database)}"
    where = database.get("HOST") or "localhost"
    if database.get("PORT"):
        where += f":{database['PORT']}"
    return f"the PostgreSQL database {database['NAME']} on {where}"


def inside(path, folder):
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def postgres_environment(database):
    """The environment for pg_dump and pg_restore: the site's connection settings, as libpq's
    variables. A setting left empty leaves libpq's own default (and any PG* variable) alone."""
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    for option, value in (database.get("OPTIONS") or {}).items():
        if option in LIBPQ_OPTIONS and value not in (None, ""):
            env[LIBPQ_OPTIONS[option]] = str(value)
    env["PGDATABASE"] = str(database["NAME"])
    return env


def postgres_tool(name):
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} was not found. It comes with PostgreSQL's client programs: on Debian or "
            "Ubuntu `sudo apt-get install postgresql-client` (its version must be at least the "
            "server's), then run this again."
        )
    return path


def run_postgres_tool(command, database, what):
    result = subprocess.run(
        command, env=postgres_environment(database), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        message = result.stderr.strip() or f"exit status {result.returncode}"
        hint = ""
        if "version mismatch" in message or "unsupported version" in message:
            hint = (
                "\nThe PostgreSQL client programs must be at least as new as the server (and as "
                "the pg_dump that made the backup): `pg_dump --version` shows theirs."
            )
        raise BackupError(f"{what} failed:\n{message}{hint}")
    return result


# What a database holds


def sqlite_facts(path):
    """The row count of every table and the applied migrations, read from a SQLite file."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {
            name: db.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in tables
        }
        migrations = (
            db.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
            if "django_migrations" in counts
            else []
        )
    db.close()
    return counts, migrations


def django_facts(connection):
    """The same, through a Django connection (inside the caller's transaction, if any)."""
    with connection.cursor() as cursor:
        tables = sorted(
            name
            for name in connection.introspection.table_names(cursor)
            if not name.startswith("sqlite_")
        )
        counts = {}
        for name in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
            counts[name] = cursor.fetchone()[0]
        migrations = []
        if "django_migrations" in counts:
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
            migrations = cursor.fetchall()
    return counts, migrations


def latest_migrations(applied):
    """The furthest migration of each app among those applied, from (app, name) rows.

    The furthest, not the last recorded: `migrate` records a squashed migration after the ones
    that come later. Rows this code has no file for (migrations since deleted or squashed away)
    are passed over, unless they are all there is of an app."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    graph = loader.graph
    squashed_into = {
        old: key for key, migration in loader.disk_migrations.items() for old in migration.replaces
    }

    def depth(node):
        return sum(1 for app, _ in graph.forwards_plan(node) if app == node[0])

    by_app = {}
    for app, name in applied:
        by_app.setdefault(app, []).append((app, name))
    latest = {}
    for app, rows in sorted(by_app.items()):
        nodes = {squashed_into.get(row, row) for row in rows} & set(graph.nodes)
        latest[app] = max(nodes, key=depth)[1] if nodes else rows[-1][1]
    return latest


# Backing up


def default_archive_name():
    return f"csp-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def archive_path(output):
    """`output` is a folder to put a new archive in, or the archive's own name."""
    output = Path(output or ".").expanduser()
    if output.name.endswith((".tar.gz", ".tgz")) and not output.is_dir():
        return output
    return output / default_archive_name()


def copy_sqlite(source, destination):
    """Copy a live SQLite database with its online backup API: a consistent snapshot of the
    committed data, taken under a read lock, while the site goes on reading and writing."""
    if not source.is_file():
        raise BackupError(f"There is no SQLite database at {source}.")
    live = sqlite3.connect(f"file:{source}?mode=rw", uri=True, timeout=30)
    copy = sqlite3.connect(destination)
    try:
        live.backup(copy)
        # One self-contained file in the archive, with no write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        live.close()


def dump_postgres(database, connection, destination):
    """pg_dump, in a snapshot shared with the transaction that counts the rows."""
    pg_dump = postgres_tool("pg_dump")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
        snapshot, server_version = cursor.fetchone()
        counts, migrations = django_facts(connection)
        run_postgres_tool(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                f"--file={destination}",
                str(database["NAME"]),
            ],
            database,
            "pg_dump",
        )
    return counts, migrations, server_version


def media_files(media_root):
    """Every folder and file under MEDIA_ROOT, as (path, name in the archive), parents first."""
    if not media_root.is_dir():
        return []
    found = []
    for folder, subfolders, files in os.walk(media_root):
        folder = Path(folder)
        if folder == media_root:
            subfolders[:] = [name for name in subfolders if not name.startswith(WORK_PREFIX)]
        subfolders.sort()
        relative = folder.relative_to(media_root)
        if folder != media_root:
            found.append((folder, f"{MEDIA}/{relative.as_posix()}"))
        for name in sorted(files):
            found.append((folder / name, f"{MEDIA}/{(relative / name).as_posix()}"))
    return found


def create_backup(output=None, database=None, media_root=None, using="default"):
    """Write one archive of the database and MEDIA_ROOT; return its path and its manifest."""
    database = database or settings.DATABASES[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    kind = engine(database)
    if kind == "postgresql":
        postgres_tool("pg_dump")
    target = archive_path(output)
    if inside(target, media_root):
        raise BackupError(
            f"Keep backups outside MEDIA_ROOT ({media_root}): there they would be copied into "
            "every later backup, and could be served to the public."
        )
    if target.exists():
        raise BackupError(f"{target} already exists: give another name with --output.")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".csp-backup-", dir=target.parent))
    partial = target.with_name(target.name + ".partial")
    try:
        dump = work / DATABASE_MEMBERS[kind]
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION}
        if kind == "sqlite":
            copy_sqlite(sqlite_path(database), dump)
            counts, applied = sqlite_facts(dump)
            manifest["database"] = {"engine": kind, "name": str(sqlite_path(database))}
            manifest["database"]["sqlite_version"] = sqlite3.sqlite_version
        else:
            connection = connections[using]
            counts, applied, server_version = dump_postgres(database, connection, dump)
            manifest["database"] = {
                "engine": kind,
                "name": str(database["NAME"]),
                "host": str(database.get("HOST") or ""),
                "server_version": server_version,
            }
        if not applied:
            raise BackupError(
                f"{describe(database)} has no tables yet: run `manage.py migrate` first."
            )
        files = media_files(media_root)
        manifest.update(
            {
                "created": timezone.now().isoformat(timespec="seconds"),
                "host": socket.gethostname(),
                "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
                "versions": {
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "python": platform.python_version(),
                },
                "migrations": latest_migrations(applied),
                "tables": counts,
                "media": {
                    "root": str(media_root),
                    "files": sum(1 for path, _ in files if not path.is_dir()),
                },
            }
        )
        manifest_file = work / MANIFEST
        manifest_file.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")

        # Only its owner may read the archive: it holds every account's password hash.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as archive:
                archive.add(manifest_file, MANIFEST)
                archive.add(dump, DATABASE_MEMBERS[kind])
                for path, name in files:
                    # A file deleted since the folder was listed is left out.
                    with contextlib.suppress(FileNotFoundError):
                        archive.add(path, name, recursive=False)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target, manifest


# Restoring


def not_a_backup(archive, why):
    return BackupError(
        f"{archive} is not a backup made by `manage.py backup`, or it is damaged ({why}). "
        "Nothing has been changed."
    )


def read_manifest(archive):
    """The manifest, which `create_backup` puts first so that it is read without the rest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"There is no file {archive}.")
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            member = tar.next()
            if member is None or member.name != MANIFEST or not member.isfile():
                raise not_a_backup(archive, f"it does not start with {MANIFEST}")
            manifest = json.loads(tar.extractfile(member).read())
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise not_a_backup(archive, str(error) or type(error).__name__) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise not_a_backup(archive, f"its {MANIFEST} is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise not_a_backup(archive, f"its {MANIFEST} is not this site's")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{archive} is a backup in format {manifest.get('format_version')}; this version of "
            f"the site reads format {FORMAT_VERSION}. Restore it with the version that made it."
        )
    shape = {
        "created": str,
        "host": str,
        "database": dict,
        "versions": dict,
        "migrations": dict,
        "tables": dict,
        "media": dict,
    }
    if any(not isinstance(manifest.get(key), kind) for key, kind in shape.items()) or (
        manifest["database"].get("engine") not in DATABASE_MEMBERS
    ):
        raise not_a_backup(archive, f"its {MANIFEST} is incomplete")
    return manifest


def check_restorable(archive, manifest, database=None, media_root=None, using="default"):
    """Refuse a backup of another kind of database, or one made by newer code than this, or
    one this machine lacks the tools to restore; and a MEDIA_ROOT a restore must not empty."""
    database = database or settings.DATABASES[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    check_media_root(media_root)
    if inside(archive, media_root):
        raise BackupError(
            f"The backup is inside MEDIA_ROOT ({media_root}), which a restore empties: move it "
            "somewhere else first."
        )
    theirs = manifest["database"]["engine"]
    ours = engine(database)
    if theirs != ours:
        raise BackupError(
            f"This is a backup of a {ENGINE_NAMES.get(theirs, theirs)} database, but this site "
            f"uses {ENGINE_NAMES[ours]} ({describe(database)}). {MOVING_BETWEEN_ENGINES}"
        )
    if ours == "postgresql":
        postgres_tool("pg_restore")
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    installed = {app for app, _ in known}
    newer = [
        f"{app}.{name}"
        for app, name in manifest["migrations"].items()
        if app in installed and (app, name) not in known
    ]
    if newer:
        raise BackupError(
            "This backup was made by a newer version of the site than this one: its database has "
            f"migrations this code does not know ({', '.join(newer)}). Install the version of "
            "the site that made it (Django "
            f"{manifest['versions']['django']}, Wagtail {manifest['versions']['wagtail']}), "
            "restore, then upgrade as usual."
        )


def extract(archive, manifest, database_folder, media_folder):
    """Unpack the database into one folder and the media files into another: every byte is
    read (and the gzip checksum checked) before anything the site uses is touched."""
    member_name = DATABASE_MEMBERS[manifest["database"]["engine"]]
    dump = None
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            for member in tar:
                if member.name == member_name:
                    tar.extract(member, database_folder, filter="data")
                    dump = database_folder / member_name
                elif member.name == MEDIA or member.name.startswith(f"{MEDIA}/"):
                    tar.extract(member, media_folder, filter="data")
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        raise not_a_backup(archive, str(error) or type(error).__name__) from None
    if dump is None:
        raise not_a_backup(archive, f"it has no {member_name}")
    return dump, media_folder / MEDIA


def check_sqlite_file(path, archive):
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            result = db.execute("PRAGMA integrity_check").fetchall()
        db.close()
    except sqlite3.DatabaseError as error:
        raise not_a_backup(archive, f"its database: {error}") from None
    if result != [("ok",)]:
        raise not_a_backup(archive, f"its database fails SQLite's integrity check: {result[:3]}")


def restore_sqlite(dump, database):
    target = sqlite_path(database)
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    # Through the backup API, so that a running site's connections (and its write-ahead log)
    # see the new content as one change rather than a file swapped under them.
    live = sqlite3.connect(target, timeout=60)
    try:
        source.backup(live)
    finally:
        live.close()
        source.close()


def restore_postgres(dump, database, archive):
    pg_restore = postgres_tool("pg_restore")
    try:
        run_postgres_tool([pg_restore, "--list", str(dump)], database, "Reading the dump")
    except BackupError as error:
        raise not_a_backup(archive, str(error)) from None
    # One transaction: if anything fails, the database is left exactly as it was.
    run_postgres_tool(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={database['NAME']}",
            str(dump),
        ],
        database,
        "pg_restore (which changed nothing: its transaction was rolled back)",
    )


def replace_media(media_root, restored, keep):
    """Make MEDIA_ROOT hold exactly the files from the backup."""
    for entry in media_root.iterdir():
        if entry == keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if restored.is_dir():
        for entry in restored.iterdir():
            entry.rename(media_root / entry.name)


def check_media_root(media_root):
    resolved = media_root.resolve()
    if resolved in (Path(resolved.anchor), Path.home()) or inside(settings.BASE_DIR, resolved):
        raise BackupError(
            f"MEDIA_ROOT is {media_root}, which holds more than the site's uploads: a restore "
            "empties MEDIA_ROOT, so set MEDIA_ROOT to the uploads' own folder first."
        )


def restore_backup(archive, manifest, database=None, media_root=None, using="default"):
    """Replace the database and MEDIA_ROOT with the archive's. Returns what the caller should
    tell the person restoring: the files restored, tables not in the backup, migrations to run."""
    archive = Path(archive)
    database = database or settings.DATABASES[using]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    check_restorable(archive, manifest, database, media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    # The media files are unpacked inside MEDIA_ROOT, so that moving them into place is a rename;
    # the database goes to a private temporary folder.
    staging = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=media_root))
    database_folder = Path(tempfile.mkdtemp(prefix=".csp-restore-db-"))
    try:
        dump, restored_media = extract(archive, manifest, database_folder, staging)
        connections[using].close()
        if engine(database) == "sqlite":
            check_sqlite_file(dump, archive)
            restore_sqlite(dump, database)
        else:
            restore_postgres(dump, database, archive)
        replace_media(media_root, restored_media, keep=staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(database_folder, ignore_errors=True)

    connection = connections[using]
    counts, _ = django_facts(connection)
    expected = manifest["tables"]
    wrong = [
        f"{table} has {counts.get(table, 'no')} rows, the backup {rows}"
        for table, rows in expected.items()
        if counts.get(table) != rows
    ]
    if wrong:
        raise BackupError("The restored database does not match the backup: " + "; ".join(wrong))
    executor = MigrationExecutor(connection)
    to_apply = executor.migration_plan(executor.loader.graph.leaf_nodes())
    files = sum(1 for path in media_root.rglob("*") if path.is_file())
    return {
        "media_files": files,
        "tables": len(expected),
        "rows": sum(expected.values()),
        "extra_tables": sorted(set(counts) - set(expected)),
        "migrations_to_apply": len(to_apply),
    }

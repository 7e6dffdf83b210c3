"""`make bench`: how fast and how heavy the pages are, measured on this machine.

Prints a table and writes bench-results.json. Nothing here asserts a timing: the figures are
for people to read and compare between changes (the README lists the targets).

1. Queries and median render time of the home page and a standard page, in process.
2. Requests per second for the home page through gunicorn, against the same bytes served as a
   static file by the same server (WhiteNoise), as a ratio.
3. The weight of the home page: its HTML, CSS and JavaScript, uncompressed.
4. Search results and suggestions, median and 95th percentile, on the demo and with 10,000 more
   pages: on the database's own search (SQLite; PostgreSQL when BENCH_DATABASE_URL names an empty
   PostgreSQL database) and on a real OpenSearch node where Java and Maven are present.
5. With wrk (Debian's `wrk`): the home page, kept whole by the site, against the same bytes as a
   static file, in paired rounds, through gunicorn and through Varnish (Debian's `varnish`, with
   config/varnish.vcl); then 50 connections for a minute over ten public pages, alone and with a
   second process searching and fetching the 1,000-event calendar meanwhile.
6. Lighthouse (mobile) performance and layout shift on each kind of page, in Debian's Chromium.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from tests.server import BASE_DIR, DemoServer
from tests.varnish import Varnish, varnishd_path

RENDERS = 50
LOAD_REQUESTS = 600
LOAD_THREADS = 4
LOAD_TIME_LIMIT = 60  # seconds for each load run, whatever the count reached
RESULTS_FILE = BASE_DIR / "bench-results.json"
# Ten public pages of the demo for the crowd (the month view is added with its month), and what a
# second process asks for meanwhile.
MIXED_PAGES = [
    "/",
    "/about/",
    "/campaigns/",
    "/campaigns/ask-for-angela/",
    "/events/",
    "/plans/2026-2027/people/",
    "/news/",
    "/areas/market-harborough/",
    "/you-said-we-did/",
]
LIGHTHOUSE_PAGES = {
    "home page": "/",
    "standard page": "/about/",
    "campaign": "/campaigns/ask-for-angela/",
    "campaign with Exit this page": "/campaigns/hate-crime-awareness-week/",
    "plan": "/plans/2026-2027/",
    "priority": "/plans/2026-2027/people/",
    "events": "/events/",
    "event": "/events/lutterworth-beat-surgery/",
    "area page": "/areas/market-harborough/",
    "news": "/news/",
    "you said, we did": "/you-said-we-did/",
    "report": "/report/",
    "search results": "/search/?q=partnership",
}
BUSY_PATHS = [
    "/search/?q=hate+crime",
    "/search/?q=scams",
    "/search/?q=burglary+lutterworth",
    "/events/calendar.ics",
]


def production_env(workdir):
    """Production settings; on PostgreSQL where BENCH_DATABASE_URL names an empty database."""
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "STATIC_ROOT": str(workdir / "static"),
    }
    if os.environ.get("BENCH_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    return env


def large_priority():
    """A priority with 100 actions of 4 quarterly updates each, added to the bench's database."""
    from home.ensure import site_home
    from tests.plans.factories import make_plan, make_priority
    from tests.plans.test_queries import add_actions

    priority = make_priority(
        make_plan(site_home(), "bench-plan", "Bench plan"), title="Bench priority"
    )
    add_actions(priority, 100)
    return priority.url


def busy_area():
    """Fleckney, with 50 news updates, 50 entries of "you said, we did" and 50 weekly events."""
    from areas.models import AreaPage
    from home.ensure import site_home
    from tests.areas.test_pages import add_items

    parish = AreaPage.objects.get(slug="fleckney")
    add_items(site_home(), parish, 50)
    return parish.url


def add_events(start_number, count, recurring):
    """`count` events in this month, `recurring` of them weekly without end, the rest one-off."""
    from datetime import time as clock

    from django.utils import timezone

    from home.ensure import ensure_page
    from local_events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.get()
    first = timezone.localdate().replace(day=1)
    for number in range(start_number, start_number + count):
        repeats = number - start_number < recurring
        ensure_page(
            index,
            EventPage,
            f"bench-event-{number}",
            title=f"Bench event {number}",
            summary="An event for the benchmark.",
            start_date=first.replace(day=number % 28 + 1),
            start_time=clock(9 + number % 12),
            end_time=clock(10 + number % 12),
            repeats="weekly" if repeats else "",
        )


SEARCHES = {
    "search 'domestic abuse'": "/search/?q=domestic+abuse",
    "search 'ASB' (a synonym)": "/search/?q=ASB",
    "search 'white ribon' (put right)": "/search/?q=white+ribon",
    "suggestions 'whi'": "/search/suggestions.json?q=whi",
}


def add_pages(count):
    """`count` general pages of a few sentences each, under the home page, for the search."""
    from home.ensure import site_home
    from home.models import StandardPage

    home = site_home()
    topics = ["burglary", "speeding", "scams", "litter", "parking", "domestic abuse", "knife crime"]
    for number in range(count):
        topic = topics[number % len(topics)]
        home.add_child(
            instance=StandardPage(
                title=f"Notice {number}: {topic} in ward {number % 97}",
                slug=f"notice-{number}",
                introduction=f"What the partnership is doing about {topic}, item {number}.",
            )
        )


def start_opensearch():
    """A real OpenSearch node for the search figures (tests/search/engines.py), or None where
    Java or Maven is missing."""
    from tests.search.engines import OpenSearchNode, missing_tools

    if missing_tools():
        print(f"No OpenSearch figures: this machine lacks {missing_tools()}.", flush=True)
        return None
    print("Starting an OpenSearch node…", flush=True)
    node = OpenSearchNode()
    node.start()
    return node


@contextmanager
def opensearch(node):
    """The site searching through `node`, with everything indexed into it afresh."""
    from django.core.management import call_command
    from django.test import override_settings

    from tests.search.engines import opensearch_config

    config = opensearch_config(node.url, "bench_")
    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        print("Indexing into OpenSearch…", flush=True)
        call_command("update_index", verbosity=0)
        yield


def settle_database():
    """After a bulk load, SQLite's write-ahead log holds it all until a checkpoint copies it
    into the database, which the next few writes (a search counts itself) would pay for."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def search_renders(server, node):
    """The searches on the demo and with 10,000 more pages, on the database's own search and,
    where `node` is an OpenSearch node, on it. The pages are added by another process, as
    editors would add them, so that this one holds no more than a server's worker would."""
    renders = {}
    backend = "PostgreSQL" if "postgres" in os.environ["DATABASE_URL"] else "SQLite"
    for label in ("demo", "10,000 more pages"):
        if label != "demo":
            print("Adding 10,000 pages for the search…", flush=True)
            code = "from tests.bench.__main__ import add_pages; add_pages(10_000)"
            server.manage("shell", "-c", code)
            settle_database()
        paths = {f"{name}, {backend}, {label}": path for name, path in SEARCHES.items()}
        renders.update(measure_renders(paths))
        if node:
            with opensearch(node):
                paths = {f"{name}, OpenSearch, {label}": path for name, path in SEARCHES.items()}
                renders.update(measure_renders(paths))
    return renders


def month_path():
    from django.utils import timezone

    return f"/events/{timezone.localdate():%Y/%m}/"


def measure_renders(paths, cold=False, kept=False):
    """Queries and render times for each path, in this process with a warm cache, or with the
    cache cleared before each request (`cold`). A page is built each time, unless `kept`: then it
    is what a repeat visit costs, the copy the site keeps whole (home/page_cache.py)."""
    from django.test import override_settings

    with override_settings(**({} if kept else {"PAGE_CACHE_SECONDS": 0})):
        return measure(paths, cold)


def measure(paths, cold):
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from config.memory import freeze_what_is_loaded

    client = Client()
    results = {}
    for name, path in paths.items():
        client.get(path, secure=True)  # warm: first-visit caches
        # As each server worker does once it has loaded the site (config/wsgi.py): what this
        # process holds (the demo it loaded, earlier figures) is left out of the collector's
        # rounds, so that a round costs what it would in a worker.
        freeze_what_is_loaded()
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        # Read now: every request clears the connection's query log.
        query_count = len(queries.captured_queries)
        assert response.status_code == 200, (path, response.status_code)
        timings = []
        for _ in range(RENDERS):
            if cold:
                cache.clear()
            started = time.perf_counter()
            client.get(path, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "path": path,
            "queries": query_count,
            "median_ms": round(statistics.median(timings), 2),
            "p90_ms": round(statistics.quantiles(timings, n=10)[-1], 2),
            "p95_ms": round(statistics.quantiles(timings, n=20)[-1], 2),
            "html_bytes": len(response.content),
            "html": response.content.decode(),
        }
    return results


def load_once(port, path, headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 200, (path, response.status)


def load(port, path, headers):
    """Requests per second for `path`, from LOAD_THREADS clients in parallel."""
    counter = {"done": 0, "errors": 0}
    lock = threading.Lock()
    per_thread = LOAD_REQUESTS // LOAD_THREADS
    deadline = time.monotonic() + LOAD_TIME_LIMIT

    def worker():
        for _ in range(per_thread):
            if time.monotonic() > deadline:
                return
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except OSError:
                ok = False
            finally:
                connection.close()
            with lock:
                counter["done" if ok else "errors"] += 1

    threads = [threading.Thread(target=worker) for _ in range(LOAD_THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": counter["done"],
        "errors": counter["errors"],
        "rps": round(counter["done"] / elapsed, 1),
    }


# wrk, where it is installed (Debian's `wrk`): many connections at once, with latencies.
WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""
PAIRED_ROUNDS = 3
PAIRED_SECONDS = 8
CROWD_SECONDS = 60
CROWD_CONNECTIONS = 50
UNITS_MS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}


def wrk(base_url, paths, seconds, connections, workdir, headers):
    """wrk run over `paths` in turn: requests per second, latency percentiles, errors."""
    script = workdir / f"paths-{secrets.token_hex(4)}.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += ["--timeout", "2s", "-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, base_url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return round(float(match.group(1)) * UNITS_MS[match.group(2)], 2) if match else None

    errors = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    connect, read, write, timeouts = (int(n) for n in errors.groups()) if errors else (0,) * 4
    not_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": latency(50),
        "p90_ms": latency(90),
        "p99_ms": latency(99),
        "errors": connect + read + write + (int(not_ok.group(1)) if not_ok else 0),
        "timeouts": timeouts,
    }


def paired(base_url, page, static, workdir, headers):
    """The page and the same bytes as a static file, in turn, PAIRED_ROUNDS times each: the
    median requests per second of each, and their ratio."""
    rounds = {"page": [], "static": []}
    for _ in range(PAIRED_ROUNDS):
        for name, path in (("page", page), ("static", static)):
            result = wrk(base_url, [path], PAIRED_SECONDS, 8, workdir, headers)
            assert result["errors"] == 0, (base_url, path, result)
            rounds[name].append(result["rps"])
    page_rps, static_rps = (statistics.median(rounds[name]) for name in ("page", "static"))
    return {
        "page_rps": page_rps,
        "static_rps": static_rps,
        "ratio": round(page_rps / static_rps, 3),
        "rounds": rounds,
    }


def crowd(base_url, paths, busy_paths, workdir, headers):
    """CROWD_CONNECTIONS at once over the mixed public pages for CROWD_SECONDS; then again with
    a second wrk process searching and fetching the big calendar file throughout."""
    alone = wrk(base_url, paths, CROWD_SECONDS, CROWD_CONNECTIONS, workdir, headers)
    script = workdir / "busy.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(path) for path in busy_paths))
    busy = subprocess.Popen(
        ["wrk", "-t", "1", "-c", "2", "-d", f"{CROWD_SECONDS + 5}s", "--latency"]
        + [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
        + ["-s", str(script), base_url],
        stdout=subprocess.PIPE,
        text=True,
    )
    time.sleep(2)
    together = wrk(base_url, paths, CROWD_SECONDS, CROWD_CONNECTIONS, workdir, headers)
    busy_result = parse_wrk(busy.communicate(timeout=CROWD_SECONDS + 60)[0])
    return {"alone": alone, "with_search_and_calendar": together, "searching": busy_result}


LIGHTHOUSE = BASE_DIR / "site" / "node_modules" / ".bin" / "lighthouse"


def lighthouse(base_url, paths, workdir):
    """Lighthouse's mobile performance score and cumulative layout shift for each page, in
    Debian's Chromium (Lighthouse is a devDependency of site/); nothing where either is missing."""
    from tests.tools import chromium_path

    if not (LIGHTHOUSE.exists() and chromium_path()):
        return {}
    results = {}
    report_file = workdir / "lighthouse.json"
    for name, path in paths.items():
        subprocess.run(
            [
                str(LIGHTHOUSE),
                base_url + path,
                "--only-categories=performance",
                "--form-factor=mobile",
                "--output=json",
                f"--output-path={report_file}",
                "--quiet",
                # The production settings send plain HTTP to HTTPS, as behind a proxy.
                '--extra-headers={"X-Forwarded-Proto": "https"}',
                "--chrome-flags=--headless --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": chromium_path()},
            capture_output=True,
            timeout=300,
            check=False,
        )
        report = json.loads(report_file.read_text())
        audits = report["audits"]
        score = report["categories"]["performance"]["score"]
        results[name] = {
            "path": path,
            "performance": round(score * 100) if score is not None else None,
            "cls": round(audits["cumulative-layout-shift"].get("numericValue", -1), 3),
            "lcp_ms": round(audits["largest-contentful-paint"].get("numericValue", -1)),
            "error": (report.get("runtimeError") or {}).get("code"),
        }
    return results


def page_weight(html, static_root):
    """Bytes of the HTML plus every stylesheet and script it loads, following JS imports."""
    static_files = {}

    def add(url):
        relative = url.split("/static/", 1)[1]
        if relative in static_files:
            return
        file = static_root / relative
        content = file.read_bytes()
        static_files[relative] = len(content)
        if relative.endswith(".js"):
            for imported in re.findall(
                rb'from\s*"(\.{1,2}/[^"]+)"|import\s*"(\.{1,2}/[^"]+)"', content
            ):
                target = (file.parent / (imported[0] or imported[1]).decode()).resolve()
                add("/static/" + str(target.relative_to(static_root.resolve())))

    for url in re.findall(
        r'<link rel="stylesheet" href="([^"]+)"|<script type="module" src="([^"]+)"', html
    ):
        add(url[0] or url[1])
    total = len(html.encode()) + sum(static_files.values())
    return {"html_bytes": len(html.encode()), "assets": static_files, "total_bytes": total}


def main():
    workdir = Path(tempfile.mkdtemp(prefix="csp-bench-"))
    server = DemoServer(
        workdir, settings="config.settings.production", extra_env=production_env(workdir)
    )
    print("Preparing a demo site with production settings…", flush=True)
    server.prepare()
    server.manage("collectstatic", "--noinput")

    os.environ.update(server.env)
    import django

    django.setup()
    renders = measure_renders(
        {
            "home page": "/",
            "standard page": "/about/",
            "priority page, 100 actions of 4 updates": large_priority(),
        }
    )
    renders.update(measure_renders({"home page, panels built (cache cleared)": "/"}, cold=True))
    renders.update(measure_renders({"home page, kept whole (a repeat visit)": "/"}, kept=True))
    print("Adding 50 news updates, 50 'you said, we did' and 50 events to one parish…", flush=True)
    area = busy_area()
    renders.update(
        measure_renders(
            {
                "area page, 50 of each kind": area,
                "area embed, 50 of each kind": f"{area}embed/",
                "area updates.json, 50 of each kind": f"{area}updates.json",
                "area feed.atom, 50 of each kind": f"{area}feed.atom",
            }
        )
    )
    print("Adding 500 events (100 weekly), then 500 more…", flush=True)
    add_events(0, 500, recurring=100)
    renders.update(measure_renders({"month view, 500 events of which 100 recur": month_path()}))
    add_events(500, 500, recurring=100)
    feed = "/events/calendar.ics"
    renders.update(measure_renders({"calendar.ics, 1,000 events, built": feed}, cold=True))
    renders.update(measure_renders({"calendar.ics, 1,000 events, from the cache": feed}))
    node = start_opensearch()
    try:
        renders.update(search_renders(server, node))
    finally:
        if node:
            node.stop()

    # The same bytes as the home page, as a static file served by the same server.
    static_root = workdir / "static"
    (static_root / "bench").mkdir(exist_ok=True)
    (static_root / "bench" / "home.html").write_text(renders["home page"]["html"])
    weight = page_weight(renders["home page"]["html"], static_root)

    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    mixed = [path for path in MIXED_PAGES] + [month_path()]
    server.start()
    varnish = Varnish(server.port).start() if varnishd_path() else None
    try:
        load(server.port, "/", headers)  # warm the workers
        page = load(server.port, "/", headers)
        static = load(server.port, "/static/bench/home.html", headers)
        under_load = {}
        if shutil.which("wrk"):
            for path in mixed:  # each page built and kept once before the crowd arrives
                load_once(server.port, path, headers)
            under_load["gunicorn"] = paired(
                server.url, "/", "/static/bench/home.html", workdir, headers
            )
            if varnish:
                under_load["varnish"] = paired(
                    varnish.url, "/", "/static/bench/home.html", workdir, headers
                )
            print("A crowd: 50 connections for a minute, twice…", flush=True)
            under_load["crowd"] = crowd(server.url, mixed, BUSY_PATHS, workdir, headers)
        print("Lighthouse, mobile, on each kind of page…", flush=True)
        scores = lighthouse(server.url, {**LIGHTHOUSE_PAGES, "month view": month_path()}, workdir)
    finally:
        if varnish:
            varnish.stop()
        server.stop()

    for result in renders.values():
        del result["html"]
    results = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "renders": renders,
        "throughput": {
            "page": page,
            "static_file_same_bytes": static,
            "page_to_static_ratio": round(page["rps"] / static["rps"], 3)
            if static["rps"]
            else None,
            "threads": LOAD_THREADS,
            "server": f"gunicorn, {server.workers} sync workers",
            "wrk": under_load,
        },
        "home_page_weight": weight,
        "lighthouse_mobile": scores,
    }
    RESULTS_FILE.write_text(json.dumps(results, indent=2))

    print()
    print(f"{'measure':<58}{'value':>14}  target")
    print("-" * 86)
    for name, result in renders.items():
        target = "≤ 12" if name == "home page" else ""
        print(f"{name + ': queries':<58}{result['queries']:>14}  {target}")
        target = "< 50 ms" if name == "home page" else ""
        print(f"{name + ': median render (ms)':<58}{result['median_ms']:>14}  {target}")
        print(f"{name + ': 90th percentile render (ms)':<58}{result['p90_ms']:>14}")
        if name.startswith(("search", "suggestions")):
            target = "< 50 ms" if name.startswith("suggestions") else "< 100 ms"
            print(f"{name + ': 95th percentile (ms)':<58}{result['p95_ms']:>14}  {target}")
        if name.startswith(("month", "calendar", "area")):
            print(f"{name + ': size (KB)':<58}{result['html_bytes'] / 1024:>14.1f}")
    print(f"{'home page: requests per second':<58}{page['rps']:>14}")
    print(f"{'same bytes as a static file: requests/s':<58}{static['rps']:>14}")
    ratio = results["throughput"]["page_to_static_ratio"]
    print(f"{'page / static ratio':<58}{ratio:>14}")
    for through, target in (("gunicorn", "≥ 0.7"), ("varnish", "≥ 0.9")):
        if through in under_load:
            pair = under_load[through]
            print(f"{'wrk, ' + through + ': home page, requests/s':<58}{pair['page_rps']:>14}")
            print(
                f"{'wrk, ' + through + ': same bytes static, requests/s':<58}{pair['static_rps']:>14}"
            )
            print(f"{'wrk, ' + through + ': page / static ratio':<58}{pair['ratio']:>14}  {target}")
    if "crowd" in under_load:
        for name, result in under_load["crowd"].items():
            label = f"wrk -c{CROWD_CONNECTIONS}, 10 pages, {name.replace('_', ' ')}"
            if name == "searching":
                label = "  the second process: search and calendar.ics"
            print(f"{label + ': requests/s':<58}{result['rps']:>14}")
            print(
                f"{label + ': p50 / p99 (ms)':<58}{result['p50_ms']:>6} / {result['p99_ms']:<6}  {'p99 < 500' if name != 'searching' else ''}"
            )
            print(
                f"{label + ': errors, timeouts':<58}{result['errors']:>6} / {result['timeouts']:<6}  {'0 / 0' if name != 'searching' else ''}"
            )
    for name, score in scores.items():
        label = f"Lighthouse mobile, {name}: performance, CLS"
        print(f"{label:<58}{score['performance']!s:>6} / {score['cls']:<6}  ≥ 95 / < 0.1")
    print(f"{'home page HTML + CSS + JS (KB)':<58}{weight['total_bytes'] / 1024:>14.1f}  < 100 KB")
    for name, size in weight["assets"].items():
        print(f"{'   ' + name:<58}{size / 1024:>14.1f}")
    print(f"{'   HTML':<58}{weight['html_bytes'] / 1024:>14.1f}")
    print(f"\nWritten to {RESULTS_FILE.relative_to(BASE_DIR)}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Page throughput through gunicorn with production settings: cached, uncached, and the static-file ceiling.

Starts an app server on a free port of 127.0.0.1 over the demo content (bench/server.py). Each page is
warmed, then loaded for --seconds with wrk (Debian's `wrk`) or, without it, a Python load generator with
keep-alive connections: once as it is (cached), once with a query string new at every request, which the
page ignores and the page cache misses, as the first request after an edit does (it renders and stores
the page; what other edits did not touch, such as the menu and the home page's other sections, stays
cached). Prints requests per second, p50 and p99 latency, the ratio of
cached throughput to static files served by whitenoise through the same gunicorn, the ratio of uncached
throughput to bakerydemo's equivalent page (issue 16's figures, same machine kind, or bakerydemo itself in the same
run with --bakerydemo), and the database queries of one uncached render.

    .venv/bin/python bench/pages.py                      # SQLite, local-memory cache
    DATABASE_URL=postgres://root@127.0.0.1:5432/forum_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/pages.py --seconds 10

Other processes on the machine take throughput from it: compare ratios within one run.
"""

import argparse
import http.client
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import Site, free_port  # noqa: E402

# Requests per second of wagtail/bakerydemo's equivalent pages in issue 16 (the top of each range), where no
# prepared copy of bakerydemo is given to measure in the same run.
BAKERYDEMO_RPS = {"home": 46, "course": 92, "library": 64, "search": 42}
# bakerydemo's equivalent of each of our page types: its home page, a blog post, the breads listing, a search.
BAKERYDEMO_PAGES = {"home": "/", "course": "/blog/wild-yeast/", "library": "/breads/", "search": "/search/?q=bread"}
BAKERYDEMO_SCRIPTS = Path(__file__).resolve().parent / "bakerydemo"


def _seconds(value, unit):
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


# A new query string at each request: every request misses the page cache.
MISS_EVERY_TIME = """
counter = 0
request = function()
   counter = counter + 1
   local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
   return wrk.format(nil, wrk.path .. separator .. "miss=" .. counter .. "-" .. math.random(1e9))
end
"""


def load_with_wrk(url, seconds, connections, threads, miss=False):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if miss:
            script.write(MISS_EVERY_TIME)
            script.flush()
            command[1:1] = ["-s", script.name]
        output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        percent: _seconds(value, unit)
        for percent, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses")
    return rps, latency["50"], latency["99"]


def load_with_python(url, seconds, connections, _threads, miss=False):
    """Keep-alive connections, one thread each, for `seconds`: requests per second and p50/p99."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    latencies, lock, counter = [], threading.Lock(), itertools.count()

    def client():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            separator = "&" if "?" in path else "?"
            connection.request("GET", f"{path}{separator}miss={next(counter)}" if miss else path)
            response = connection.getresponse()
            response.read()
            if response.status >= 400:
                raise RuntimeError(f"{url}: {response.status}")
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    workers = [threading.Thread(target=client) for _ in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    latencies.sort()
    return len(latencies) / seconds, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)]


def pages_to_measure():
    from django.contrib.staticfiles.storage import staticfiles_storage
    from wagtail.models import Locale

    from news.models import NewsPage
    from partners.models import MoUPage
    from programs.models import TrainingCalendarPage, TrainingCoursePage
    from publications.models import PublicationIndexPage, PublicationPage

    pages = []
    for code in ("ar", "en"):
        locale = Locale.objects.get(language_code=code)

        def first(model, locale=locale):
            return model.objects.live().filter(locale=locale).order_by("path").first()

        library = first(PublicationIndexPage)
        publication = first(PublicationPage)
        pages += [
            ("home", code, f"/{code}/"),
            ("course", code, first(TrainingCoursePage).url),
            ("library", code, library.url),
            ("library, facets", code, f"{library.url}?type={publication.publication_type}"),
            ("publication", code, publication.url),
            ("MoU", code, first(MoUPage).url),
            ("news", code, first(NewsPage).url),
            ("calendar", code, first(TrainingCalendarPage).url),
        ]
    pages.append(("search (not cached)", "ar", "/ar/search/?q=%D8%A7%D9%84%D9%85%D8%AF%D9%86"))
    return pages, staticfiles_storage.url("css/site.css")


def measure_bakerydemo(directory, workers, measure):
    """{page type: requests per second} of bakerydemo prepared in `directory` (bench/bakerydemo/setup.sh), each
    page loaded as ours are: uncached, with a query string new at every request (search as it is)."""
    port = free_port()
    subprocess.run([BAKERYDEMO_SCRIPTS / "start.sh", directory, str(port), str(workers)], check=True, timeout=120)
    try:
        return {
            name: measure(f"http://127.0.0.1:{port}", path, miss=name != "search")[0]
            for name, path in BAKERYDEMO_PAGES.items()
        }
    finally:
        subprocess.run([BAKERYDEMO_SCRIPTS / "stop.sh", directory], check=False, timeout=60)


def queries_of_one_render(url):
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(url)  # what a previous visitor's request cached (menu, settings, renditions)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    assert status == 200, (url, status)
    return len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="load duration of each measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of each app server")
    parser.add_argument(
        "--bakerydemo",
        metavar="DIR",
        help="wagtail/bakerydemo prepared by bench/bakerydemo/setup.sh: measured in the same run, before and after "
        "our pages, and compared with the higher figure of each page (else issue 16's figures)",
    )
    options = parser.parse_args()
    load = load_with_wrk if shutil.which("wrk") else load_with_python
    print(f"Load generator: {'wrk' if load is load_with_wrk else 'Python (install wrk for more headroom)'}")

    site = Site().prepare()
    try:
        base = site.start(options.workers)
        site.django()
        pages, static_url = pages_to_measure()

        def measure_at(server, path, miss=False):
            for _warm in range(3):
                with urllib.request.urlopen(server + path, timeout=60) as response:
                    response.read()
            return load(server + path, options.seconds, options.connections, options.threads, miss=miss)

        def measure(path, miss=False):
            return measure_at(base, path, miss=miss)

        bakerydemo = dict(BAKERYDEMO_RPS)
        if options.bakerydemo:
            bakerydemo = measure_bakerydemo(options.bakerydemo, options.workers, measure_at)
            print("bakerydemo, before our pages: " + ", ".join(f"{k} {v:,.0f} rps" for k, v in bakerydemo.items()))

        static_rps, static_p50, static_p99 = measure(static_url)
        print(
            f"\nStatic file through the same gunicorn ({static_url}): "
            f"{static_rps:,.0f} rps, p50 {static_p50 * 1000:.1f} ms, p99 {static_p99 * 1000:.1f} ms\n"
        )
        header = (
            f"{'page':22} {'lang':4} | {'cached rps':>10} {'p50 ms':>7} {'p99 ms':>7} {'÷static':>7} | "
            f"{'uncached rps':>12} {'p50 ms':>7} {'p99 ms':>7} {'×bakery':>7} | {'queries':>7}"
        )
        print(header)
        print("-" * len(header))
        rows = []
        for name, code, path in pages:
            queries = queries_of_one_render(path)
            if name.startswith("search"):
                rps, p50, p99 = measure(path)
                cached_part = f"{'—':>10} {'':>7} {'':>7} {'':>7}"
            else:
                c_rps, c_p50, c_p99 = measure(path)
                cached_part = f"{c_rps:>10,.0f} {c_p50 * 1000:>7.1f} {c_p99 * 1000:>7.1f} {c_rps / static_rps:>7.2f}"
                rps, p50, p99 = measure(path, miss=True)
            bakery = bakerydemo.get(name.split(" ")[0].rstrip(","))
            versus = f"{rps / bakery:>7.1f}" if bakery else f"{'':>7}"
            print(
                f"{name:22} {code:4} | {cached_part} | {rps:>12,.0f} {p50 * 1000:>7.1f} {p99 * 1000:>7.1f} "
                f"{versus} | {queries:>7}",
                flush=True,
            )
            rows.append((name, code, rps))
        if options.bakerydemo:
            after = measure_bakerydemo(options.bakerydemo, options.workers, measure_at)
            print("\nbakerydemo, after our pages: " + ", ".join(f"{k} {v:,.0f} rps" for k, v in after.items()))
            top = {name: max(rps, after[name]) for name, rps in bakerydemo.items()}
            print("Uncached, against the higher of bakerydemo's two figures:")
            for name, code, rps in rows:
                if bakery := top.get(name.split(" ")[0].rstrip(",")):
                    print(f"  {name:22} {code:4} {rps:>8,.0f} rps {rps / bakery:>5.1f}× bakerydemo ({bakery:,.0f} rps)")
    finally:
        site.close()


if __name__ == "__main__":
    main()

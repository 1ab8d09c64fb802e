"""A bounded fuzzing campaign against gunicorn with production settings: hostile query strings, paths and form
bodies on every public endpoint, in both languages. Prints the requests sent, the answers by status class, and
the number of 5xx (the goal is 0); exits 1 if there was any.

Starts an app server on a free port of 127.0.0.1 over the demo content (bench/server.py). The endpoints are
discovered from the page tree and the URLconf (tests/endpoints.py), as the property test does; the input is
drawn from a seeded generator, so a run is repeatable (--seed).

    DATABASE_URL=postgres://root@127.0.0.1:5432/forum_bench .venv/bin/python bench/fuzz.py --requests 5000
"""

import argparse
import collections
import http.client
import random
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import ROOT, Site  # noqa: E402

CHARSETS = ["", "; charset=utf-8", "; charset=utf-16", "; charset=x-nonsense", "; charset=latin-1"]


class Generator:
    def __init__(self, seed, pages, routes, parameters, form_fields, hostile_values):
        self.random = random.Random(seed)
        self.hostile_values = hostile_values
        self.pages, self.routes = pages, routes
        self.parameters, self.form_fields = parameters, form_fields

    def text(self):
        choice = self.random.random()
        if choice < 0.4:
            return self.random.choice(self.hostile_values)
        if choice < 0.7:  # any code point but surrogates
            return "".join(
                chr(self.random.choice([self.random.randrange(0x20, 0x7F), self.random.randrange(0xA0, 0xD800)]))
                for _ in range(self.random.randrange(0, 30))
            )
        if choice < 0.85:
            return "".join(chr(self.random.randrange(0, 0x20)) for _ in range(self.random.randrange(1, 8)))
        return bytes(self.random.randrange(256) for _ in range(self.random.randrange(1, 30)))

    @staticmethod
    def encode(value):
        if isinstance(value, bytes):
            return quote_from_bytes(value, safe="")
        return quote(value.encode("utf-8"), safe="")

    def endpoint(self):
        if self.random.random() < 0.5:
            return self.random.choice(self.pages)
        route = self.routes[self.random.randrange(len(self.routes))]
        while "<" in route:
            start, end = route.index("<"), route.index(">")
            converter = route[start + 1 : end].split(":")[0] if ":" in route[start:end] else "str"
            if converter == "int":
                value = str(self.random.choice([0, 1, 7, 2**31, 10**25, self.random.randrange(1, 500)]))
            else:
                value = self.encode(self.text()) or "x"
            route = route[:start] + value + route[end + 1 :]
        return route

    def pairs(self, names):
        return "&".join(
            f"{self.encode(self.random.choice(names) if self.random.random() < 0.7 else self.text())}="
            f"{self.encode(self.text())}"
            for _ in range(self.random.randrange(0, 6))
        )

    def request(self):
        """(method, path, headers, body)"""
        language = self.random.choice(["ar", "en", "fr", "ar;q=0.1, *", ""])
        headers = {"Accept-Language": language} if language else {}
        kind = self.random.random()
        if kind < 0.45:
            return "GET", f"{self.endpoint()}?{self.pairs(self.parameters)}", headers, None
        if kind < 0.75:
            segments = "/".join(self.encode(self.text()) or "x" for _ in range(self.random.randrange(1, 4)))
            return "GET", self.endpoint().rstrip("/") + "/" + segments + self.random.choice(["", "/"]), headers, None
        body = self.pairs(self.form_fields).encode()
        if self.random.random() < 0.1:
            value = self.text()
            body = value.encode("utf-16") if isinstance(value, str) else value
        headers.update(
            {
                "Content-Type": "application/x-www-form-urlencoded" + self.random.choice(CHARSETS),
                "Origin": self.random.choice(["http://127.0.0.1", "null", "https://evil.example"]),
            }
        )
        return "POST", self.endpoint(), headers, body


def campaign(base, endpoints, total, seed, connections):
    host, port = base.removeprefix("http://").split(":")
    counts, failures, lock = collections.Counter(), [], threading.Lock()
    issued = iter(range(total))

    def worker(number):
        generator = Generator(seed * 1000 + number, *endpoints)
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        while True:
            with lock:
                if next(issued, None) is None:
                    break
            method, path, headers, body = generator.request()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=60)
                status = f"connection error: {type(error).__name__}"
            with lock:
                counts[status if isinstance(status, str) else f"{status // 100}xx"] += 1
                if not isinstance(status, int) or status >= 500:
                    failures.append((status, method, path[:300]))
        connection.close()

    threads = [threading.Thread(target=worker, args=(number,)) for number in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    site = Site().prepare()
    try:
        base = site.start(workers=args.workers)
        site.django()
        sys.path.insert(0, str(ROOT))
        from tests.endpoints import HOSTILE_VALUES, QUERY_PARAMETERS, discovered_endpoints, form_fields

        pages, routes = discovered_endpoints()
        print(f"{len(pages)} pages and {len(routes)} routes discovered; {args.requests} requests to {base}", flush=True)
        started = time.monotonic()
        endpoints = (pages, routes, QUERY_PARAMETERS, form_fields(), HOSTILE_VALUES)
        counts, failures = campaign(base, endpoints, args.requests, args.seed, args.connections)
        elapsed = time.monotonic() - started
    finally:
        site.close()
    sent = sum(counts.values())
    server_errors = len(failures)
    print(f"requests sent: {sent} in {elapsed:.0f} s ({sent / elapsed:.0f}/s)")
    print("answers: " + ", ".join(f"{name}: {n}" for name, n in sorted(counts.items())))
    print(f"5xx (and dropped connections): {server_errors}")
    for status, method, path in failures[:20]:
        print(f"  {status} {method} {path}")
    return 1 if server_errors else 0


if __name__ == "__main__":
    sys.exit(main())

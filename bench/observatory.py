"""The MDN HTTP Observatory's grade of the site, scanned locally: gunicorn with production settings behind a TLS
proxy with a self-signed certificate on 127.0.0.1 (ports 443 and 80, as the scanner knows no other ports: run
as root, with both free).

The scanner is npm's @mdn/mdn-http-observatory, installed without its install scripts into
bench/.observatory/ on first use (its HSTS preload list, which an install script would download, is written
empty: 127.0.0.1 is on none):

    npm install --prefix bench/.observatory --ignore-scripts --no-audit --no-fund @mdn/mdn-http-observatory@1.4.8
    DATABASE_URL=postgres://root@127.0.0.1:5432/forum_bench .venv/bin/python bench/observatory.py

Port 80 forwards to gunicorn as a proxy's plain-HTTP listener would, so Django's SECURE_SSL_REDIRECT answers
it; port 443 adds X-Forwarded-Proto: https and X-Forwarded-For. The scanner accepts the self-signed
certificate after retrying without verification, which costs no points: the grade is the site's headers'.
Prints the grade, the score and every test that did not pass.
"""

import http.client
import http.server
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import ROOT, Site  # noqa: E402

OBSERVATORY = ROOT / "bench" / ".observatory"
SCANNER = OBSERVATORY / "node_modules" / ".bin" / "mdn-http-observatory-scan"
PACKAGE = "@mdn/mdn-http-observatory@1.4.8"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"}


def install_scanner():
    if not SCANNER.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(OBSERVATORY), "--ignore-scripts", "--no-audit", "--no-fund", PACKAGE],
            check=True,
        )
    # The package's install script downloads Chromium's HSTS preload list into this file; without install
    # scripts it is missing. 127.0.0.1 is on no preload list: an empty one gives the same result.
    preload = OBSERVATORY / "node_modules" / "@mdn" / "mdn-http-observatory" / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")


def self_signed_certificate(directory):
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def proxy_handler(upstream_port, https):
    class Proxy(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP_BY_HOP}
            headers["X-Forwarded-For"] = self.client_address[0]
            if https:
                headers["X-Forwarded-Proto"] = "https"
            upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            content = response.read()
            self.send_response_only(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP | {"content-length", "server", "date"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)
            upstream.close()

        do_GET = do_HEAD = do_POST = do_OPTIONS = _forward

        def log_message(self, *args):
            pass

    return Proxy


def start_proxy(port, upstream_port, certificate=None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), proxy_handler(upstream_port, certificate))
    if certificate:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(*certificate)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    server.certificate = certificate
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    install_scanner()
    workdir = Path(tempfile.mkdtemp(prefix="forum-observatory-"))
    site = Site().prepare()
    proxies = []
    try:
        base = site.start(workers=1, SECURE_SSL_REDIRECT="True", ALLOWED_HOSTS="127.0.0.1")
        upstream_port = int(base.rsplit(":", 1)[1])
        proxies = [
            start_proxy(443, upstream_port, self_signed_certificate(workdir)),
            start_proxy(80, upstream_port),
        ]
        certificate = proxies[0].certificate
        scan = OBSERVATORY / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"
        # Twice: as a visitor's browser would see the site (the self-signed certificate untrusted, which the
        # scanner grades as an invalid certificate), and with the certificate trusted, as the real one would be.
        outputs = {
            "untrusted certificate": subprocess.run(
                [str(SCANNER), "127.0.0.1"], capture_output=True, text=True, timeout=300, check=False
            ).stdout,
            "certificate trusted (NODE_EXTRA_CA_CERTS)": subprocess.run(
                ["node", str(scan), "127.0.0.1"],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                env={**os.environ, "NODE_EXTRA_CA_CERTS": str(certificate[0])},
            ).stdout,
        }
    finally:
        for proxy in proxies:
            proxy.shutdown()
        site.close()
        shutil.rmtree(workdir, ignore_errors=True)
    failed = False
    for label, output in outputs.items():
        result = json.loads(output)
        if "error" in result:
            print(f"{label}: the scan failed: {result['error']}")
            failed = True
            continue
        summary = result["scan"]
        print(
            f"MDN HTTP Observatory, {label}: grade {summary['grade']}, score {summary['score']}/100, "
            f"{summary['testsPassed']} of {summary['testsQuantity']} tests passed"
        )
        for name, test in result["tests"].items():
            marker = "pass" if test["pass"] else "FAIL"
            print(f"  {marker} {name}: {test['result']} ({test['scoreModifier']:+d})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

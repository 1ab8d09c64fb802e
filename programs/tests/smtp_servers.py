"""Real SMTP servers on 127.0.0.1 for the outbox's tests: one that accepts and never answers, one that records.

They are socket servers speaking to Django's own SMTP backend over TCP, so the tests exercise the timeout and
the claims end to end, not a mock of our code.
"""

import socketserver
import threading
import time
from collections import Counter


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.connections = 0
        self.lock = threading.Lock()

    def __enter__(self):
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()

    @property
    def port(self):
        return self.server_address[1]


class _Stall(socketserver.BaseRequestHandler):
    def handle(self):
        with self.server.lock:
            self.server.connections += 1
        # Accept the connection, then say nothing: no greeting, no reply, until the client gives up.
        self.server.release.wait(timeout=60)


class StallingSMTPServer(_Server):
    def __init__(self):
        super().__init__(_Stall)
        self.release = threading.Event()

    def __exit__(self, *exc):
        self.release.set()
        super().__exit__(*exc)


class _Record(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line + b"\r\n")

    def handle(self):
        with self.server.lock:
            self.server.connections += 1
        self.reply(b"220 test ESMTP")
        recipients = []
        while line := self.rfile.readline():
            command = line[:4].upper()
            if command == b"EHLO":
                self.reply(b"250-test")
                self.reply(b"250 8BITMIME")
            elif command == b"HELO":
                self.reply(b"250 test")
            elif command == b"MAIL":
                recipients = []
                self.reply(b"250 OK")
            elif command == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip().strip(b"<>").decode())
                self.reply(b"250 OK")
            elif command == b"DATA":
                self.reply(b"354 End data with <CR><LF>.<CR><LF>")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                time.sleep(self.server.delay)  # a mail server takes a moment: overlapping senders overlap
                with self.server.lock:
                    self.server.received.update(recipients)
                self.reply(b"250 OK queued")
            elif command == b"QUIT":
                self.reply(b"221 bye")
                return
            else:
                self.reply(b"250 OK")


class RecordingSMTPServer(_Server):
    def __init__(self, delay=0.0):
        super().__init__(_Record)
        self.delay = delay
        self.received = Counter()


def smtp_settings(settings, port, timeout):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = timeout

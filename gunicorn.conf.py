"""gunicorn's settings for the site: `gunicorn forum_site.wsgi` reads this file from the project's folder.

Each app server keeps no state of its own (PostgreSQL, Redis and object storage hold it), so the number of
workers per server and of servers behind the load balancer is a matter of capacity only.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: a page is a few milliseconds of Python and, cached, none; two per core plus one by default.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Restart each worker after about this many requests (the jitter staggers restarts), so a slow leak in
# any library never grows for long.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 200))
# The site is loaded once, in the master process, before the workers are forked: a replaced worker is ready
# at once, instead of importing Django and Wagtail for two seconds while the others take its share (half the
# throughput of a busy server). Nothing opens a database or cache connection at import, so no worker inherits
# one.
# The master holds the code: a new release needs gunicorn restarted, not reloaded (HUP forks the old code).
preload_app = True
# A request still running after this many seconds is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# The access log to standard output ("-"), where the process manager collects it; errors likewise.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Addresses of the reverse proxies whose X-Forwarded-* headers are believed.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """Before the first worker is forked: build what every worker would otherwise build during its first
    requests (forum_site/warmup.py), once, for all of them and for each worker that replaces one."""
    if server.cfg.preload_app:
        from forum_site import warmup

        warmup.warm()
        # What the master holds is kept out of the workers' garbage collections: a worker's first full
        # collection wrote to every object it shares with the master, copying each page of memory they sat on.
        # That stalled a new worker's first requests for half a second (bench/pages.py's cached p99).
        gc.freeze()

"""Settings shared by every environment. The environment is read here and nowhere else."""

import datetime
from email.utils import parseaddr
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from forum_site import release

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

# Development-only defaults: production.py refuses to start without real values.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "home",
    "programs",
    "attendance",
    "partners",
    "publications",
    "news",
    "search",
    # Before wagtail_localize and wagtail.admin: it extends their editor templates.
    "editorial",
    "wagtail.contrib.routable_page",
    "forum_site",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages leave compressed even without a proxy in front (a page is a fifth of its size gzipped). Django's
    # GZipMiddleware pads its output against BREACH, and our cached public pages carry no CSRF token anyway.
    "django.middleware.gzip.GZipMiddleware",
    # Before the page cache, so that a stored page gets the current CSP and Permissions-Policy at every hit.
    "forum_site.headers.SecurityHeadersMiddleware",
    "forum_site.middleware.BadInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so that a hit skips the rest; it stores a response with the headers the middleware below added.
    "forum_site.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "forum_site.middleware.AdminDefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into forum_site.throttling's page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "forum_site.urls"
WSGI_APPLICATION = "forum_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# A persistent connection the database dropped (a restart, a failover, an idle timeout) is found dead before a
# request uses it, and replaced, instead of failing that request. psycopg's pool is not used: a gunicorn sync
# worker serves one request at a time and keeps one connection, which is what a pool of one would do.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query to machine code (JIT) when its estimated cost passes jit_above_cost. Small tables
    # that autovacuum never analyses (it waits for 50 changed rows) make a join over page types look like billions
    # of rows: half a second of compiling for a query that runs in a millisecond.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c jit=off".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the page cache, the rate limit's counters and cached lookups: with several app servers it
# must be Redis (shared); sessions live in the database, so they are shared too.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Degrades instead of failing while Redis is unreachable (forum_site/cache.py).
    CACHES = {"default": {"BACKEND": "forum_site.cache.ResilientRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}
# Every key carries the release (forum_site/release.py): a new release starts on an empty cache instead of serving
# pages and fragments the last one rendered. Servers of one release agree on it; name it here to be sure of that.
RELEASE = env.str("RELEASE", default="") or release.fingerprint(BASE_DIR)
CACHES["default"]["KEY_PREFIX"] = f"forum:{RELEASE}"

# The page cache (forum_site/pagecache.py): how long a page is kept, by this site and by a CDN in front of it.
# Edits purge both, so these are upper bounds; a CDN purges one URL at a time, so a URL with a query string
# (a facet of the library) is kept there only briefly.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=24 * 3600)
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=24 * 3600)
PAGE_CACHE_CDN_QUERY_SECONDS = env.int("PAGE_CACHE_CDN_QUERY_SECONDS", default=300)
PAGE_CACHE_STALE_SECONDS = env.int("PAGE_CACHE_STALE_SECONDS", default=60)

# A CDN or reverse proxy in front of the site is purged of the same URLs as the page cache: by HTTP PURGE
# (Varnish, nginx), Cloudflare's API or CloudFront's, whichever has its variables set.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_PURGE_URL"),
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN", default=""),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

# Errors reach someone: mailed to ADMINS ("Name <address>, Name <address>"), and sent to Sentry when SENTRY_DSN
# is set. The 500 page says the error was reported only when one of them is configured.
ADMINS = [parseaddr(entry.strip()) for entry in env.str("ADMINS", default="").split(",") if entry.strip()]
MANAGERS = ADMINS
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    # No personal data is sent (registrants' names and emails stay here): send_default_pii is False.
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        send_default_pii=False,
    )

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="المنتدى العربي للمدن الذكية <forum@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds any one SMTP operation may block: no request sends email, but the sender must never hang either.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# Login throttling (django-axes, forum_site/throttling.py): the admin login and the page-password form stop
# accepting guesses after AXES_FAILURE_LIMIT failures, per account and per address, for LOGIN_LOCKOUT_MINUTES.
AUTHENTICATION_BACKENDS = ["forum_site.throttling.AxesBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "forum_site.clients.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "forum_site.throttling.lockout_response"
AXES_USERNAME_FORM_FIELD = "username"
# The log of every successful login would be personal data kept for nothing.
AXES_DISABLE_ACCESS_LOG = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Arabic first: the default language of the site, the admin and every fallback.
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# Machine translation of drafts (editorial/machine.py, the translation editor's "Machine translate" button): a
# self-hosted LibreTranslate, else DeepL; off when neither is set.
LIBRETRANSLATE_URL = env.str("LIBRETRANSLATE_URL", default="")
DEEPL_AUTH_KEY = env.str("DEEPL_AUTH_KEY", default="")
if LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL.rstrip("/"),
            "API_KEY": env.str("LIBRETRANSLATE_API_KEY", default=""),
            "TIMEOUT": env.int("MACHINE_TRANSLATION_TIMEOUT", default=30),
        },
    }
elif DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY, "TIMEOUT": env.int("MACHINE_TRANSLATION_TIMEOUT", default=30)},
    }
# A new translation is a draft that goes through the page's workflow like its Arabic source (editorial/moderation.py);
# wagtail-localize's default publishes it at once when the source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Numbers as the forum writes them in each language (forum_site/formats/): no decimal comma in Arabic.
FORMAT_MODULE_PATH = ["forum_site.formats"]
TIME_ZONE = "Asia/Amman"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Uploaded files are served by the reverse proxy (or the object store); this serves them from the app itself, for a
# machine with nothing in front of it (the benchmarks).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images, documents and renditions go to S3-compatible object storage when a bucket is named, so
# that app servers keep no files of their own. Image URLs are unsigned (cached pages outlive signatures:
# make the bucket's objects publicly readable, or put a CDN in front of it); documents are streamed
# through Wagtail's view, which checks their collection's privacy.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "location": env.str("AWS_LOCATION", default=""),
            "querystring_auth": False,
            "default_acl": None,
            "file_overwrite": False,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Where images are loaded from besides this site, for the Content-Security-Policy (forum_site/headers.py): the
# object storage's or its CDN's origin, e.g. https://media.example.org (AWS_S3_CUSTOM_DOMAIN gives it).
CSP_MEDIA_ORIGIN = env.str(
    "CSP_MEDIA_ORIGIN",
    default=f"https://{env.str('AWS_S3_CUSTOM_DOMAIN')}" if env.str("AWS_S3_CUSTOM_DOMAIN", default="") else "",
)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = _("Arab Smart Cities Forum")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# Nothing loads from an outside host, avatars included; the admin neither checks for Wagtail releases nor shows
# the "what's new" banner that links to wagtail.org's English pages.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# Search: every backend indexes and queries Arabic-normalised, stemmed text (search/normalise.py). The
# embedded default is the database backend (SQLite FTS5, or PostgreSQL with its 'arabic' configuration);
# with ELASTICSEARCH_URL set, an Elasticsearch 9 cluster with an Arabic analyzer takes over. One backend
# serves both languages: the database backends keep one index row per object in a table they all share, so a
# backend per language would overwrite the other's rows; the search view filters by locale instead.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env.str("ELASTICSEARCH_INDEX_PREFIX", default="forum_"),
            "TIMEOUT": env.int("ELASTICSEARCH_TIMEOUT", default=5),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "arabic"}}

# Training registration (programs/): spam limit per IP, life of cancel links, retention of personal data.
PROGRAMS_REGISTRATION_RATE_LIMIT = (
    env.int("REGISTRATION_RATE_LIMIT", default=10),
    env.int("REGISTRATION_RATE_WINDOW_SECONDS", default=600),
)
# How many proxies (CDN, load balancer) stand in front of the app servers and append to X-Forwarded-For: the
# visitor's address is that many entries from its right (forum_site/clients.py). 0: the header is ignored.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
PROGRAMS_CANCEL_LINK_MAX_AGE_DAYS = env.int("CANCEL_LINK_MAX_AGE_DAYS", default=365)
PROGRAMS_PERSONAL_DATA_RETENTION_MONTHS = env.int("PERSONAL_DATA_RETENTION_MONTHS", default=12)
# The registration emails' outbox (programs/emails.py): tries before an email is marked failed, and the wait
# before the first retry (doubled after each failure).
PROGRAMS_EMAIL_MAX_ATTEMPTS = env.int("EMAIL_MAX_ATTEMPTS", default=8)
PROGRAMS_EMAIL_RETRY_SECONDS = env.int("EMAIL_RETRY_SECONDS", default=120)
# The public address put in links that leave the site (emails, calendar files); empty: the default Wagtail
# Site's root URL.
SITE_URL = env.str("SITE_URL", default="")
# The domain name in the library's OAI-PMH identifiers (oai:DOMAIN:KEY): set it once; harvesters rely on it.
PUBLICATIONS_OAI_REPOSITORY_IDENTIFIER = env.str("OAI_REPOSITORY_IDENTIFIER", default="forum.example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Wagtail runs search indexing and reference updates as tasks that log every start and end.
    "loggers": {"django_tasks": {"level": "WARNING"}, "wagtail": {"level": "WARNING"}},
}

# Sourced with DIR: bakerydemo's own production settings, driven by its environment variables, on SQLite, with
# a local-memory cache and the database search backend (no Redis, Elasticsearch or cloud storage variables).
BAKERYDEMO_DIR="$1"
export DJANGO_SETTINGS_MODULE=bakerydemo.settings.production
export DATABASE_URL="sqlite:///$BAKERYDEMO_DIR/bakerydemo.sqlite3"
export DJANGO_SECRET_KEY="benchmark-only-not-a-secret-0123456789-abcdefghijklmnop"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
# Production redirects plain HTTP to HTTPS; the bench speaks HTTP to 127.0.0.1, as it does to our site.
export SECURE_SSL_REDIRECT=False
export PATH="$BAKERYDEMO_DIR/venv/bin:$PATH"
unset REDIS_URL REDIS_TLS_URL ELASTICSEARCH_ENDPOINT AWS_STORAGE_BUCKET_NAME GS_BUCKET_NAME \
      FRONTEND_CACHE_CLOUDFLARE_TOKEN FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN CSP_DEFAULT_SRC BASIC_AUTH_ENABLED

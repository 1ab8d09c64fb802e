#!/usr/bin/env bash
# Starts bakerydemo (prepared by setup.sh in DIR) under gunicorn with WORKERS sync workers on 127.0.0.1:PORT, in
# the background (pid in DIR/gunicorn.pid), and waits until its home page answers.
set -euo pipefail
DIR="$(cd "${1:?usage: $0 DIR PORT [WORKERS]}" && pwd)"
PORT="${2:?usage: $0 DIR PORT [WORKERS]}"
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh" "$DIR"
gunicorn bakerydemo.wsgi:application --chdir "$DIR/src" --workers "${3:-2}" --worker-class sync \
  --bind "127.0.0.1:$PORT" --pid "$DIR/gunicorn.pid" --error-logfile "$DIR/gunicorn.log" --capture-output \
  --no-control-socket --daemon
for _ in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/" || true)
  [ "$code" = "200" ] && exit 0
  sleep 0.5
done
echo "bakerydemo did not answer on 127.0.0.1:$PORT within 60 s: see $DIR/gunicorn.log" >&2
"$HERE/stop.sh" "$DIR"
exit 1

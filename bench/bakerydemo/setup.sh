#!/usr/bin/env bash
# Prepares wagtail/bakerydemo in DIR for bench/pages.py --bakerydemo DIR: DIR/src must hold its source (commit
# 8e2b625755d8942412d5b7627b146a795933b8b2, e.g. `git archive` of a clone). Makes DIR/venv, migrates an SQLite
# database in DIR, loads bakerydemo's demo content and collects its static files.
set -euo pipefail
DIR="$(cd "${1:?usage: $0 DIR}" && pwd)"
HERE="$(cd "$(dirname "$0")" && pwd)"
[ -f "$DIR/src/manage.py" ] || { echo "no bakerydemo source in $DIR/src" >&2; exit 1; }
python3 -m venv "$DIR/venv"
"$DIR/venv/bin/pip" install --quiet -r "$HERE/requirements.txt"
. "$HERE/env.sh" "$DIR"
cd "$DIR/src"
python manage.py migrate --noinput
python manage.py load_initial_data
python manage.py collectstatic --noinput -v 0

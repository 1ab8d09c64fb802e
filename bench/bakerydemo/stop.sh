#!/usr/bin/env bash
# Stops the bakerydemo that start.sh started in DIR.
set -u
PIDFILE="${1:?usage: $0 DIR}/gunicorn.pid"
[ -f "$PIDFILE" ] || exit 0
PID=$(cat "$PIDFILE")
kill -TERM "$PID" 2>/dev/null
for _ in $(seq 1 60); do
  kill -0 "$PID" 2>/dev/null || { rm -f "$PIDFILE"; exit 0; }
  sleep 0.5
done
kill -KILL "$PID" 2>/dev/null
rm -f "$PIDFILE"

#!/usr/bin/env bash
# Stops what tests/wordpress/start.sh <folder> started, and waits until it has gone.
dir=$1
[ -f "$dir/pids" ] || exit 0
pids=$(cat "$dir/pids")
kill $pids 2>/dev/null || true
for pid in $pids; do
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
done
rm -f "$dir/pids"

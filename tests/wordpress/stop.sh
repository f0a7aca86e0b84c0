#!/usr/bin/env bash
# Stops what tests/wordpress/start.sh <folder> started (each a process group: PHP's server forks its
# workers), and waits until every process of it has gone.
dir=$1
[ -f "$dir/pids" ] || exit 0
pids=$(cat "$dir/pids")
for pid in $pids; do
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
done
for pid in $pids; do
  while kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
done
rm -f "$dir/pids"

#!/usr/bin/env bash
# Stops the Redis server that redis-up.sh started, by its recorded PID (and only if that PID is still a Redis server).
set -uo pipefail
STATE_DIR=${NXCLOUD_REDIS_STATE:-/tmp/nxcloud-ci-redis}
if [ -f "$STATE_DIR/redis.pid" ]; then
	pid=$(cat "$STATE_DIR/redis.pid")
	if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = redis-server ]; then
		kill "$pid" 2>/dev/null || true
	fi
	rm -f "$STATE_DIR/redis.pid"
fi
exit 0

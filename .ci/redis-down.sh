#!/usr/bin/env bash
# Stops the Redis server that redis-up.sh started, by its recorded PID.
set -uo pipefail
STATE_DIR=${NXCLOUD_REDIS_STATE:-/tmp/nxcloud-ci-redis}
if [ -f "$STATE_DIR/redis.pid" ]; then
	kill "$(cat "$STATE_DIR/redis.pid")" 2>/dev/null || true
	rm -f "$STATE_DIR/redis.pid"
fi
exit 0

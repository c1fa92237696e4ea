#!/usr/bin/env bash
# Installs (if needed) and starts a Redis server for the tests that need one: on 127.0.0.1, on a free port, without
# persistence, as a daemon whose PID is recorded for redis-down.sh. Prints the port, and nothing else, on stdout.
set -euo pipefail

STATE_DIR=${NXCLOUD_REDIS_STATE:-/tmp/nxcloud-ci-redis}
mkdir -p "$STATE_DIR"

if ! command -v redis-server >/dev/null 2>&1; then
	# the package must not start a system-wide Redis of its own
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq redis-server >&2
fi

port_is_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
port=""
for _ in $(seq 1 50); do
	candidate=$((20000 + RANDOM % 20000))
	if port_is_free "$candidate"; then
		port=$candidate
		break
	fi
done
[ -n "$port" ] || { echo "no free port for Redis" >&2; exit 1; }

redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
	--pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" --dir "$STATE_DIR" >&2
for _ in $(seq 1 50); do
	[ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] && break
	sleep 0.1
done
[ "$(redis-cli -p "$port" ping 2>/dev/null)" = PONG ] || { cat "$STATE_DIR/redis.log" >&2; echo "Redis did not start" >&2; exit 1; }
echo "$port"

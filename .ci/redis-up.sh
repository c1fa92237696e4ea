#!/usr/bin/env bash
# Installs (if needed) and starts a Redis server for the tests that need one: on 127.0.0.1, on a free port, without
# persistence, as a daemon whose PID is recorded for redis-down.sh. Prints the port, and nothing else, on stdout.
set -euo pipefail

STATE_DIR=${NXCLOUD_REDIS_STATE:-/tmp/nxcloud-ci-redis}
mkdir -p "$STATE_DIR"

if ! command -v redis-server >/dev/null 2>&1; then
	# the package must not start a system-wide Redis of its own
	created_policy=false
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
		created_policy=true
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	apt-get install -y -qq redis-server >&2
	if [ "$created_policy" = true ]; then
		rm -f /usr/sbin/policy-rc.d
	fi
fi

port_is_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
# A port found free can be taken before Redis binds it, and another Redis may answer there: a start counts only when
# the server answering on the port is the process this script started.
started_here() {
	local pid
	pid=$(cat "$STATE_DIR/redis.pid" 2>/dev/null) || return 1
	[ "$(redis-cli -p "$1" info server 2>/dev/null | tr -d '\r' | sed -n 's/^process_id://p')" = "$pid" ]
}
for _ in $(seq 1 5); do
	port=""
	for _ in $(seq 1 50); do
		candidate=$((20000 + RANDOM % 20000))
		if port_is_free "$candidate"; then
			port=$candidate
			break
		fi
	done
	[ -n "$port" ] || { echo "no free port for Redis" >&2; exit 1; }
	rm -f "$STATE_DIR/redis.pid"
	redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
		--pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" --dir "$STATE_DIR" >&2 || continue
	for _ in $(seq 1 50); do
		started_here "$port" && { echo "$port"; exit 0; }
		sleep 0.1
	done
	bash "$(dirname "$0")/redis-down.sh"
done
cat "$STATE_DIR/redis.log" >&2
echo "Redis did not start" >&2
exit 1

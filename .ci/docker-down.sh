#!/usr/bin/env bash
# Removes leftover containers and stops the engine that docker-up.sh started (by its recorded PID).
set -uo pipefail
STATE_DIR=${NXCLOUD_DOCKER_STATE:-/tmp/nxcloud-ci-docker}
if docker info >/dev/null 2>&1; then
	ids=$(docker ps -aq)
	[ -n "$ids" ] && docker rm -f $ids >/dev/null
fi
if [ -f "$STATE_DIR/dockerd.pid" ]; then
	kill "$(cat "$STATE_DIR/dockerd.pid")" 2>/dev/null || true
	rm -f "$STATE_DIR/dockerd.pid"
fi
exit 0

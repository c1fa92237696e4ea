#!/usr/bin/env bash
# Removes leftover containers and the simulator images, and stops the engine that docker-up.sh started (by its
# recorded PID). With NXCLOUD_DOCKER_KEEP_ENGINE=true (the engine was running before this job) it leaves the engine,
# its containers and its images alone.
set -uo pipefail
STATE_DIR=${NXCLOUD_DOCKER_STATE:-/tmp/nxcloud-ci-docker}
if [ "${NXCLOUD_DOCKER_KEEP_ENGINE:-false}" = true ]; then
	echo "docker-down: the engine was already running before this job; leaving it as it is"
	exit 0
fi
if docker info >/dev/null 2>&1; then
	ids=$(docker ps -aq)
	[ -n "$ids" ] && docker rm -f $ids >/dev/null
	# Simulator images built by NxCloudSimulatorContainer (kept by it for reuse between test classes and runs)
	images=$(docker images -q localhost/nxcloud-simulator | sort -u)
	[ -n "$images" ] && docker rmi -f $images >/dev/null
fi
if [ -f "$STATE_DIR/dockerd.pid" ]; then
	kill "$(cat "$STATE_DIR/dockerd.pid")" 2>/dev/null || true
	rm -f "$STATE_DIR/dockerd.pid"
fi
exit 0

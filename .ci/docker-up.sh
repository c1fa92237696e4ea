#!/usr/bin/env bash
# Installs (if needed) and starts a Docker engine for the Testcontainers tests, the way these machines allow it:
# no bridge network (containers use host networking and bind 127.0.0.1), no registry (images are built locally),
# any accidental image pull fails at once through a dead proxy. Prints nothing on success but the image it built.
set -euo pipefail

STATE_DIR=${NXCLOUD_DOCKER_STATE:-/tmp/nxcloud-ci-docker}
JRE_IMAGE=${NXCLOUD_JRE_IMAGE:-local/jre17:1}
mkdir -p "$STATE_DIR"

if ! command -v dockerd >/dev/null 2>&1; then
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
		chmod +x /usr/sbin/policy-rc.d
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq docker.io busybox-static >/dev/null
fi
if ! command -v busybox >/dev/null 2>&1 && [ ! -x /bin/busybox ]; then
	apt-get install -y -qq busybox-static >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
	export HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
	nohup dockerd --storage-driver=overlay2 --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
		--ipv6=false --userland-proxy=false --host=unix:///var/run/docker.sock \
		--pidfile="$STATE_DIR/dockerd.pid" >"$STATE_DIR/dockerd.log" 2>&1 &
	for _ in $(seq 1 60); do
		docker info >/dev/null 2>&1 && break
		sleep 0.5
	done
	docker info >/dev/null 2>&1 || { cat "$STATE_DIR/dockerd.log"; echo "dockerd did not start" >&2; exit 1; }
fi

if docker network inspect bridge >/dev/null 2>&1; then
	echo "A Docker engine with a bridge network is running; refusing to go on (network rule)." >&2
	exit 1
fi

if ! docker image inspect "$JRE_IMAGE" >/dev/null 2>&1; then
	root="$STATE_DIR/jre-root"
	rm -rf "$root"
	java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
	mkdir -p "$root/opt" "$root/bin" "$root/tmp"
	cp -rL "$java_home" "$root/opt/java" 2>/dev/null || true  # dangling links such as lib/src.zip are skipped
	[ -x "$root/opt/java/bin/java" ] || { echo "could not copy the JDK from $java_home" >&2; exit 1; }
	busybox_bin=$(command -v busybox || echo /bin/busybox)
	cp "$busybox_bin" "$root/bin/busybox"
	for tool in sh ls cat echo sleep; do ln -sf busybox "$root/bin/$tool"; done
	{ ldd "$root/opt/java/bin/java"; find "$root/opt/java/lib" -name '*.so' -exec ldd {} \; 2>/dev/null; } \
		| grep -oE '/[^ ]+\.so[^ ]*' | sort -u | while read -r lib; do
			[ -e "$lib" ] || continue
			mkdir -p "$root$(dirname "$lib")"
			cp -L "$lib" "$root$lib"
		done
	tar -C "$root" -c . | docker import -c 'ENV PATH=/opt/java/bin:/bin' - "$JRE_IMAGE" >/dev/null
	rm -rf "$root"
	echo "built $JRE_IMAGE"
fi

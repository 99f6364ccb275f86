#!/usr/bin/env bash
# What the benchmark's load scenario needs from Debian: wrk, the readers' load generator
# (bench/wrk.ts). Installed with apt when missing and we are root.
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-wrk: wrk missing; install with apt-get install wrk" >&2
  exit 1
fi
echo "ensure-wrk: installing Debian's wrk with apt…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null

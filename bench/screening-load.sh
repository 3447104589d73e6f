#!/usr/bin/env bash
# Load test of POST /api/v1/screenings: a fresh server on a temporary database with UN + OFAC SDN
# 2021 + OFAC non-SDN + CSL 2022 loaded, then wrk (64 connections unless told). Sends traffic to
# 127.0.0.1 only. Usage: bench/screening-load.sh [../shared/data] [duration, default 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
duration="${2:-30s}"
connections="${3:-64}"
port=18080
dir="$(mktemp -d)"
export STC_DATA_DIR="$dir"
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
./stc lists import "$data/sanctions/un/consolidated-2026-02-27.xml" --source un-consolidated
./stc lists import "$data/sanctions/ofac/sdn-2021-07-07" --source us-ofac-sdn
./stc lists import "$data/sanctions/ofac/cons-2025-12-19" --source us-ofac-cons
./stc lists import "$data/sanctions/csl/consolidated-2022-05-16.csv.gz" --source us-csl
./stc admin create-user loadtest --role COMPLIANCE_USER --organisation "Load Test Exporter" --password-stdin <<< "load test password 1"
TOKEN="$(./stc admin create-token loadtest 2>/dev/null)"
export TOKEN
STC_JAVA_OPTS="${STC_JAVA_OPTS:--Xmx2g}" ./stc serve --port "$port" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
  sleep 1
done
# Build the index and warm up the JIT before measuring.
curl -sf -X POST "http://127.0.0.1:$port/api/v1/screenings" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"warm up"}' >/dev/null
curl -si -X POST "http://127.0.0.1:$port/api/v1/screenings" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d "{\"name\":\"Gazprom Bank\"}" | grep -i "^set-cookie" && echo "WARNING: token calls create sessions" >&2 || true
wrk -t2 -c64 -d10s -s bench/screenings.lua "http://127.0.0.1:$port" >/dev/null
echo "== POST /api/v1/screenings, $connections connections, $duration"
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/screenings.lua "http://127.0.0.1:$port"

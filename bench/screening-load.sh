#!/usr/bin/env bash
# Load test of POST /api/v1/screenings: a fresh server on a temporary database with UN + OFAC SDN
# 2021 + OFAC non-SDN + CSL 2022 loaded, warmed up, then 64 closed-loop connections (unless told)
# from bench/ScreeningLoad.java sending the 20 names of bench/names.txt in turn. Exact percentiles
# of every request. Sends traffic to 127.0.0.1 only.
# Usage: bench/screening-load.sh [../shared/data] [seconds, default 30] [connections, default 64]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
duration="${2:-30}"
connections="${3:-64}"
port=18080
dir="$(mktemp -d)"
export STC_DATA_DIR="$dir"
for f in sanctions/un/consolidated-2026-02-27.xml sanctions/ofac/sdn-2021-07-07 \
         sanctions/ofac/cons-2025-12-19 sanctions/csl/consolidated-2022-05-16.csv.gz; do
  [ -e "$data/$f" ] || { echo "missing $data/$f (the shared data folder)" >&2; exit 1; }
done
./stc lists import "$data/sanctions/un/consolidated-2026-02-27.xml" --source un-consolidated
./stc lists import "$data/sanctions/ofac/sdn-2021-07-07" --source us-ofac-sdn
./stc lists import "$data/sanctions/ofac/cons-2025-12-19" --source us-ofac-cons
./stc lists import "$data/sanctions/csl/consolidated-2022-05-16.csv.gz" --source us-csl
./stc admin create-user loadtest --role COMPLIANCE_USER --organisation "Load Test Exporter" --password-stdin <<< "load test password 1"
TOKEN="$(./stc admin create-token loadtest 2>/dev/null)"
export TOKEN
STC_JAVA_OPTS="${STC_JAVA_OPTS:--Xms2g -Xmx2g}" ./stc serve --port "$port" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
  sleep 1
done
# The launcher picked a JDK 21+ for the server; use the same one for the client.
java="$(ps -o args= -p "$(pgrep -f "openstc-server.jar serve" | head -1)" | awk '{print $1}')"
# Build the index, then warm up the JIT (30 s of the same load) before measuring.
curl -sf -X POST "http://127.0.0.1:$port/api/v1/screenings" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' -d '{"name":"warm up"}' >/dev/null
"$java" -XX:+UseSerialGC -Xmx256m bench/ScreeningLoad.java --url "http://127.0.0.1:$port" \
  --connections "$connections" --duration "$duration" --warmup 30 --names bench/names.txt

#!/usr/bin/env bash
# Load benchmark against a running Emporium (./emporium up). Prints throughput and latency
# percentiles; reports numbers, never pass/fail. Loopback only.
#   tests/load/bench.sh [duration=20s] [connections=32]
set -euo pipefail
cd "$(dirname "$0")"
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
THREADS=2

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "the benchmark needs wrk: sudo apt-get install wrk" >&2; exit 1
  fi
fi
curl -fsS "$GATEWAY/actuator/health/readiness" >/dev/null || { echo "Emporium is not running at $GATEWAY (./emporium up)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# 500 real products, spread across the catalog
for page in 0 1 2 3 4; do
  curl -fsS "$GATEWAY/api/catalog/products?size=100&page=$((page * 4))"
  echo
done > "$WORK/products"
grep -o '"id":"[^"]*"' "$WORK/products" | sed -E 's#"id":"([^"]*)"#/api/catalog/products/\1#' > "$WORK/api-paths"
grep -o '"sku":"[^"]*"' "$WORK/products" | sed -E 's#"sku":"([^"]*)"#/p/\1#' > "$WORK/page-paths"
printf '/api/catalog/products?size=20&page=%s\n' $(seq 0 40) > "$WORK/list-paths"

run() { # name, paths file
  echo "== $1: $CONNECTIONS connections, $DURATION, $(wc -l < "$2") distinct paths"
  # warm up the JIT and the caches first; only the second run is reported
  PATHS_FILE="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s random-path.lua "$GATEWAY" >/dev/null
  PATHS_FILE="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s random-path.lua "$GATEWAY" \
    | grep -E 'Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors'
}

run "product page (HTML) through the gateway: gateway → storefront → catalog" "$WORK/page-paths"
run "product by id (JSON) through the gateway: gateway → catalog" "$WORK/api-paths"
run "product listing page (JSON) through the gateway: gateway → catalog → Postgres" "$WORK/list-paths"

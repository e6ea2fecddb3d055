#!/usr/bin/env bash
# Load benchmark against a running Emporium (./emporium up). Prints throughput and latency
# percentiles; reports numbers, never pass/fail. Loopback only. Start the system with the gateway's
# rate limit off (EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up).
#   tests/load/bench.sh [duration=20s] [connections=32]
set -euo pipefail
cd "$(dirname "$0")"
. ./common.sh
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
THREADS=2

require_wrk
curl -fsS "$GATEWAY/actuator/health/readiness" >/dev/null || { echo "Emporium is not running at $GATEWAY (./emporium up)" >&2; exit 1; }
# thousands of requests per second from one address are what the gateway's rate limit is for
if curl -fsS -o /dev/null -D - "$GATEWAY/api/catalog/products?size=1" | grep -qi '^x-ratelimit-remaining'; then
  echo "the gateway's rate limit is on: start Emporium with EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up" >&2
  exit 1
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
product_paths "$GATEWAY" "$WORK"
printf '/api/catalog/products?size=20&page=%s\n' $(seq 0 40) > "$WORK/list-paths"

search_paths "$WORK"

run() { # name, paths file[, connections[, base url]]
  local connections=${3:-$CONNECTIONS} base=${4:-$GATEWAY}
  local threads=$(( connections < THREADS ? connections : THREADS ))
  echo "== $1: $connections connections, $DURATION, $(wc -l < "$2") distinct paths"
  # warm up the JIT and the caches first; only the second run is reported
  PATHS_FILE="$2" wrk -t"$threads" -c"$connections" -d5s -s random-path.lua "$base" >/dev/null
  PATHS_FILE="$2" wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s random-path.lua "$base" \
    | grep -E 'Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors'
}

run "product page (HTML) through the gateway: gateway → storefront → catalog" "$WORK/page-paths"
run "product by id (JSON) through the gateway: gateway → catalog" "$WORK/api-paths"
run "product listing page (JSON) through the gateway: gateway → catalog → Postgres" "$WORK/list-paths"
if [[ ${BENCH_CART:-yes} == yes ]]; then
  cart_inputs "$GATEWAY" "$WORK" 400
  for c in 8 32; do
    echo "== add to cart (POST, JSON) through the gateway: gateway → cart → catalog, inventory, Postgres, outbox: $c connections, $DURATION"
    CARTS_FILE="$WORK/carts" SKUS_FILE="$WORK/skus" wrk -t"$THREADS" -c"$c" -d5s -s add-to-cart.lua "$GATEWAY" >/dev/null
    CARTS_FILE="$WORK/carts" SKUS_FILE="$WORK/skus" wrk -t"$THREADS" -c"$c" -d"$DURATION" --latency -s add-to-cart.lua "$GATEWAY" \
      | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors'
  done
fi
SEARCH="http://localhost:${EMPORIUM_SEARCH_PORT:-8103}"
if [[ ${BENCH_SEARCH:-yes} == yes ]]; then
  for c in 1 8 32; do
    run "search query mix, directly against search" "$WORK/search-paths" "$c" "$SEARCH"
  done
  for c in 8 32; do
    run "search query mix through the gateway: gateway → search" "$WORK/search-paths" "$c"
  done
fi

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

# A shopper's search mix from the same products: single name words (40%), brands (20%), a word
# with a typo (15%), two words (10%), browsing with facets and a sort (10%), suggestions (5%).
grep -o '"name":"[^"]*"' "$WORK/products" | cut -d'"' -f4 > "$WORK/names"
grep -o '"brand":"[^"]*"' "$WORK/products" | cut -d'"' -f4 | sort -u > "$WORK/brands"
grep -o '"category":"[^"]*"' "$WORK/products" | cut -d'"' -f4 | sort -u > "$WORK/categories"
awk -v brands="$WORK/brands" -v categories="$WORK/categories" '
  function enc(s) { gsub(/ /, "%20", s); gsub(/&/, "%26", s); return s }
  BEGIN { srand(42); while ((getline b < brands) > 0) B[nb++] = b; while ((getline c < categories) > 0) C[nc++] = c }
  { n = split(tolower($0), w, " "); word = w[int(rand() * n) + 1]; gsub(/[^a-z0-9-]/, "", word)
    if (length(word) < 4) word = w[n]
    r = rand()
    if (r < 0.40) print "/api/search?q=" enc(word)
    else if (r < 0.60) print "/api/search?q=" enc(B[int(rand() * nb)])
    else if (r < 0.75) { i = int(rand() * (length(word) - 2)) + 2; print "/api/search?q=" enc(substr(word, 1, i - 1) substr(word, i + 1)) }
    else if (r < 0.85) print "/api/search?q=" enc(w[1] " " w[n])
    else if (r < 0.95) print "/api/search?category=" C[int(rand() * nc)] "&sort=price&maxPrice=" (int(rand() * 10) + 1) * 50
    else print "/api/search/suggest?q=" substr(word, 1, 3) }' "$WORK/names" > "$WORK/search-paths"

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
  # 400 fresh carts and 40 SKUs in stock: at most 40 lines per cart, far from the 99-per-line cap
  for i in $(seq 1 400); do curl -fsS -X POST "$GATEWAY/api/carts" | grep -o '"id":"[^"]*"' | cut -d'"' -f4; done > "$WORK/carts"
  # 40 SKUs with plenty of stock (a few seeded SKUs are scarce or out of stock on purpose)
  for sku in $(curl -fsS "$GATEWAY/api/catalog/products?size=100&category=books" | grep -o '"sku":"[^"]*"' | cut -d'"' -f4); do
    available=$(curl -fsS "$GATEWAY/api/inventory/$sku" | grep -o '"available":[0-9]*' | cut -d: -f2)
    if (( ${available:-0} > 50 )); then echo "$sku"; fi
  done > "$WORK/skus-in-stock"
  head -40 "$WORK/skus-in-stock" > "$WORK/skus"
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

#!/usr/bin/env bash
# One workload against a running system, measured and kept: ./emporium bench <scenario> [options]
#
#   product   product pages (HTML) over 500 SKUs: gateway → storefront → catalog, stock, recommendations
#   api       product by id (JSON) over the same 500: gateway → catalog
#   search    the search query mix (words, brands, typos, facets, suggestions): gateway → search
#   cart      add to cart (POST): gateway → cart → catalog, inventory, Postgres, outbox
#   checkout  placement → confirmed (services/orders/bench.sh with 16 clients; prints, keeps no JSON yet)
#
# Options: --duration S (30) --connections N (32) --runs N (3) --warmup S (60) --out FILE
# Prints each run and the median: requests/s, p50/p90/p99/max, errors by kind, CPU ms per request
# summed over every process of the system (and the load generator's apart); writes it all as JSON to
# .emporium/bench/<scenario>-<UTC time>.json. Compare two such files:
#   ./emporium bench --compare A.json B.json
# Start the system with the gateway's rate limit off first:
#   EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up
set -euo pipefail
cd "$(dirname "$0")"
. ./common.sh
ROOT=$(cd ../.. && pwd)
command -v python3 >/dev/null || { echo "the benchmark needs python3" >&2; exit 1; }
[[ ${1:-} == --compare ]] && { shift; (( $# == 2 )) || usage 2 16 2; exec python3 bench.py compare "$1" "$2"; }
[[ $# -ge 1 && ${1:-} != -* ]] || usage 2 16 2
SCENARIO=$1
shift
DURATION=30 CONNECTIONS=32 RUNS=3 WARMUP=60 OUT=""
while (( $# )); do
  case $1 in
    --duration) DURATION=${2%s}; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=${2%s}; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) usage 2 16 ;;
    *) echo "unknown option: $1" >&2; usage 2 16 2 ;;
  esac
done
require_counts 1 "$DURATION" "$CONNECTIONS" "$RUNS"
require_counts 0 "$WARMUP"
require_wrk
GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
curl -fsS "$GATEWAY/actuator/health/readiness" >/dev/null \
  || { echo "Emporium is not running at $GATEWAY (EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up)" >&2; exit 1; }
if curl -fsS -o /dev/null -D - "$GATEWAY/api/catalog/products?size=1" | grep -qi '^x-ratelimit-remaining'; then
  echo "the gateway's rate limit is on: start Emporium with EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up" >&2
  exit 1
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT=${OUT:-$ROOT/.emporium/bench/$SCENARIO-$(date -u +%Y%m%dT%H%M%SZ).json}

echo "▸ preparing the inputs of $SCENARIO"
case $SCENARIO in
  product|api|search)
    product_paths "$GATEWAY" "$WORK"
    case $SCENARIO in
      product) paths=page-paths what="product pages (HTML) over 500 SKUs: gateway → storefront → catalog, stock, recommendations" ;;
      api) paths=api-paths what="product by id (JSON) over 500 products: gateway → catalog" ;;
      search) search_paths "$WORK"; paths=search-paths what="search query mix: gateway → search" ;;
    esac
    set -- --script random-path.lua --env "PATHS_FILE=$WORK/$paths" ;;
  cart)
    cart_inputs "$GATEWAY" "$WORK" 400
    what="add to cart (POST, JSON), 400 guest carts, 40 SKUs: gateway → cart → catalog, inventory, Postgres, outbox"
    set -- --script add-to-cart.lua --env "CARTS_FILE=$WORK/carts" --env "SKUS_FILE=$WORK/skus" ;;
  checkout)
    EMPORIUM_TOKEN=$("$ROOT/emporium" token) exec "$ROOT/services/orders/bench.sh" 16 "${DURATION}s" ;;
  *) echo "unknown scenario: $SCENARIO (product, api, search, cart or checkout)" >&2; exit 2 ;;
esac
exec python3 bench.py run --scenario "$SCENARIO" --description "$what" "$@" --gateway "$GATEWAY" \
  --emporium "$ROOT/emporium" --duration "$DURATION" --connections "$CONNECTIONS" --runs "$RUNS" \
  --warmup "$WARMUP" --out "$OUT"

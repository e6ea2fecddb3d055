#!/usr/bin/env bash
# One workload against a running system, measured and kept: ./emporium bench <scenario> [options]
#
#   product   product pages (HTML) over 500 SKUs: gateway → storefront → catalog, stock, recommendations
#   api       product by id (JSON) over the same 500: gateway → catalog
#   search    the search query mix (words, brands, typos, facets, suggestions): gateway → search
#   cart      add to cart (POST): gateway → cart → catalog, inventory, Postgres, outbox
#   browse    TeaStore's browse cycle per shopper session (Gatling): sign in through identity's form,
#             categories, products, two adds to cart, the cart, my orders, sign out
#   mixed     browse, with 2 % of the sessions checking out through the storefront's form
#   checkout  placement → confirmed (services/orders/bench.sh): confirmed orders/s, the saga's latency
#             placed → confirmed, CPU per confirmed order; --connections is its clients (16)
#
# Options: --duration S (30) --connections N (32; browse and mixed: concurrent shoppers) --runs N (3)
# --warmup S (60) --out FILE; browse, mixed and checkout: --rate R (sessions started or orders placed
# per second instead)
# Prints each run and the median: requests/s, p50/p90/p99/max, errors by kind, CPU ms per request
# summed over every process of the system (and the load generator's apart); writes it all as JSON to
# .emporium/bench/<scenario>-<UTC time>.json (browse and mixed: Gatling's HTML report of each run
# under .emporium/bench/gatling/). Compare two such files:
#   ./emporium bench --compare A.json B.json
# Start the system with the gateway's rate limit off first:
#   EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up
set -euo pipefail
cd "$(dirname "$0")"
. ./common.sh
ROOT=$(cd ../.. && pwd)
command -v python3 >/dev/null || { echo "the benchmark needs python3" >&2; exit 1; }
# the files are named from where the command was run (this script has moved to tests/load since)
from_caller() { if [[ $1 == /* ]]; then echo "$1"; else echo "$OLDPWD/$1"; fi; }
[[ ${1:-} == --compare ]] && { shift; (( $# == 2 )) || usage 2 23 2; exec python3 bench.py compare "$(from_caller "$1")" "$(from_caller "$2")"; }
[[ $# -ge 1 && ${1:-} != -* ]] || usage 2 23 2
SCENARIO=$1
shift
DURATION=30 CONNECTIONS="" RUNS=3 WARMUP=60 OUT="" RATE=0
while (( $# )); do
  case $1 in
    --duration) DURATION=${2%s}; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --warmup) WARMUP=${2%s}; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    -h|--help) usage 2 23 ;;
    *) echo "unknown option: $1" >&2; usage 2 23 2 ;;
  esac
done
# checkout's clients: 16, as services/orders/bench.sh has always been run here
[[ -n $CONNECTIONS ]] || { [[ $SCENARIO == checkout ]] && CONNECTIONS=16 || CONNECTIONS=32; }
require_counts 1 "$DURATION" "$CONNECTIONS" "$RUNS"
require_counts 0 "$WARMUP"
[[ $RATE =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "not a rate (sessions or orders per second): $RATE" >&2; exit 2; }
case $SCENARIO in
  browse|mixed) require_jdk ;;
  checkout) ;;
  *) [[ $RATE == 0 ]] || { echo "--rate is for browse, mixed and checkout only" >&2; exit 2; }; require_wrk ;;
esac
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
  browse|mixed)
    # one account per concurrent shopper, kept for later runs; the simulation is compiled here,
    # before anything is measured, and each run is then a plain java process
    shopper_accounts "$GATEWAY" "$WORK" "$CONNECTIONS"
    gatling_classpath "$ROOT" "$WORK"
    percent=0 what="TeaStore's browse cycle per shopper session: gateway → storefront → every service; sign-in through identity"
    if [[ $SCENARIO == mixed ]]; then
      percent=2 what="browse, 2 % of the sessions checking out (test card): + orders, payments, inventory, notifications"
    fi
    python3 bench.py run --scenario "$SCENARIO" --description "$what" --generator gatling --java "$JAVA" \
      --classpath "$WORK/classpath" --simulation org.emporium.load.ShopperSimulation --reports "$ROOT/.emporium/bench/gatling" \
      --property "accounts=$WORK/accounts.csv" --property "checkoutPercent=$percent" --property "workload=$SCENARIO" \
      --rate "$RATE" --gateway "$GATEWAY" --emporium "$ROOT/emporium" --duration "$DURATION" \
      --connections "$CONNECTIONS" --runs "$RUNS" --warmup "$WARMUP" --out "$OUT"
    exit ;;
  checkout)
    # stocking the benchmark's SKUs is an admin call
    EMPORIUM_TOKEN=$("$ROOT/emporium" token) python3 bench.py run --scenario checkout --generator checkout \
      --description "placement → confirmed: gateway → orders → cart, payments; the saga through inventory and payments over Kafka" \
      --orders-bench "$ROOT/services/orders/bench.sh" --rate "$RATE" --gateway "$GATEWAY" --emporium "$ROOT/emporium" \
      --duration "$DURATION" --connections "$CONNECTIONS" --runs "$RUNS" --warmup "$WARMUP" --out "$OUT"
    exit ;;
  *) echo "unknown scenario: $SCENARIO (product, api, search, cart, browse, mixed or checkout)" >&2; exit 2 ;;
esac
# not exec: the trap removes the inputs' folder when python is done
python3 bench.py run --scenario "$SCENARIO" --description "$what" --generator wrk "$@" --gateway "$GATEWAY" \
  --emporium "$ROOT/emporium" --duration "$DURATION" --connections "$CONNECTIONS" --runs "$RUNS" \
  --warmup "$WARMUP" --out "$OUT"

#!/usr/bin/env bash
# What copies of a service buy on this machine: for each layout (one copy of everything, then the
# copies given), starts the whole system (up --scale), notes what each extra copy holds at idle
# (PSS), warms the JIT, then measures the product page through the gateway (wrk) and checkout
# (services/orders/bench.sh: confirmed orders/s, placed → confirmed latency) with the CPU time of
# every process the launcher started per request, and stops it. A benchmark: numbers, never
# pass/fail. Method and results: tests/load/README.md.
#   tests/load/scale.sh [--copies "storefront=2,catalog=2,orders=2"] [--duration S=20] [--warmup S=180]
#                       [--connections N=32] [--clients N=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. "$ROOT/tests/load/common.sh"
COPIES="storefront=2,catalog=2,orders=2" DURATION=20 WARMUP=180 CONNECTIONS=32 CLIENTS=16 TIMEOUT=300

while (( $# )); do
  case "$1" in
    --copies) COPIES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    -h|--help) usage 2 9 ;;
    *) echo "unknown option: $1" >&2; usage 2 9 2 ;;
  esac
done
require_counts 1 "$DURATION" "$CONNECTIONS" "$CLIENTS"
require_counts 0 "$WARMUP"
[[ $COPIES =~ ^[a-z]+=[0-9]+(,[a-z]+=[0-9]+)*$ ]] || { echo "--copies: service=count,… (e.g. catalog=2,storefront=2): $COPIES" >&2; exit 2; }
require_wrk
own_system
GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
threads=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
TICKS=$(getconf CLK_TCK)

# ms of CPU (all processes the launcher started) per unit of work: ticks before, ticks after, units
per_unit() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$TICKS" 'BEGIN { if (n > 0) printf "%.2f", (b - a) / hz * 1000 / n; else print "-" }'; }

for layout in one "$COPIES"; do
  args=()
  [[ $layout == one ]] || args=(--scale "$layout")
  echo "== $([[ $layout == one ]] && echo "one copy of each service" || echo "copies: $layout"): starting Emporium (its output: $WORK/up.log)"
  start_system "$ROOT/emporium" "$WORK/up.log" "$TIMEOUT" "${args[@]}"
  "$ROOT/emporium" status --json | python3 -c '
import json, sys
rows = json.load(sys.stdin)["components"]
copies = [r for r in rows if r["name"].rsplit("-", 1)[-1].isdigit()]
total = sum(r["pssMb"] for r in rows)
print("   at idle: %d MB (PSS) in all%s" % (total, "".join(
    "; %s %d MB" % (r["name"], r["pssMb"]) for r in copies)))'
  product_paths "$GATEWAY" "$WORK"
  # the JIT first: on 2 cores the product page reached its plateau after about 3 minutes of load
  (( WARMUP == 0 )) || PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" \
    -s tests/load/random-path.lua "$GATEWAY" >/dev/null
  before=$(cpu_ticks "$UP_PID")
  PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s tests/load/random-path.lua "$GATEWAY" > "$WORK/wrk.txt"
  after=$(cpu_ticks "$UP_PID")
  requests=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
  echo "   product page (HTML) through the gateway, $CONNECTIONS connections, ${DURATION}s:"
  grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' "$WORK/wrk.txt" | sed 's/^/   /'
  echo "   CPU per page (all processes): $(per_unit "$before" "$after" "$requests") ms"
  echo "   checkout, $CLIENTS clients, ${DURATION}s:"
  # CPU from the first placement to the last saga's end: the benchmark fills its carts first, and
  # that work is not checkout's (it once tripled the figure)
  EMPORIUM_TOKEN=$("$ROOT/emporium" token) services/orders/bench.sh "$CLIENTS" "${DURATION}s" > "$WORK/checkout.txt" 2>&1 &
  bench=$!
  while kill -0 "$bench" 2>/dev/null && ! grep -qs '^placing orders' "$WORK/checkout.txt"; do sleep 0.2; done
  before=$(cpu_ticks "$UP_PID")
  wait "$bench" || true
  after=$(cpu_ticks "$UP_PID")
  sed 's/^/   /' "$WORK/checkout.txt"
  confirmed=$(grep -oE 'RESULT .* confirmed=[0-9]+' "$WORK/checkout.txt" | grep -oE '[0-9]+$' || echo 0)
  echo "   CPU per confirmed order, placement to confirmation (all processes): $(per_unit "$before" "$after" "$confirmed") ms"
  stop_started "$ROOT/emporium" "$UP_PID"
  UP_PID=""
done

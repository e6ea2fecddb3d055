#!/usr/bin/env bash
# What tracing and metrics cost: for each trace sampling ratio, starts the whole system with
# EMPORIUM_TRACE_SAMPLE_RATIO at it (every service and the gateway sample by it, the gateway after its
# reservoir of 10 new traces a second, EMPORIUM_TRACE_RESERVOIR; 0 turns tracing off; metrics stay on),
# measures the product page through the gateway (wrk) and checkout (services/orders/bench.sh:
# confirmed orders/s, placed → confirmed latency), and stops it. A benchmark: numbers, never
# pass/fail. Method and results: tests/load/README.md.
#   tests/load/tracing.sh [--ratios "1.0 0.1 0"] [--duration S=20] [--warmup S=180] [--connections N=32] [--clients N=16]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. "$ROOT/tests/load/common.sh"
RATIOS="1.0 0.1 0" DURATION=20 WARMUP=180 CONNECTIONS=32 CLIENTS=16 TIMEOUT=300

while (( $# )); do
  case "$1" in
    --ratios) RATIOS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    -h|--help) usage 2 7 ;;
    *) echo "unknown option: $1" >&2; usage 2 7 2 ;;
  esac
done
require_counts 1 "$DURATION" "$WARMUP" "$CONNECTIONS" "$CLIENTS"
for ratio in $RATIOS; do
  [[ $ratio =~ ^(0|1|0?\.[0-9]+|1\.0+)$ ]] || { echo "not a sampling ratio from 0 to 1: $ratio" >&2; exit 2; }
done
require_wrk
own_system
GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
threads=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))

for ratio in $RATIOS; do
  echo "== sampling $ratio: starting Emporium (its output: $WORK/up-$ratio.log)"
  EMPORIUM_TRACE_SAMPLE_RATIO=$ratio start_system "$ROOT/emporium" "$WORK/up-$ratio.log" "$TIMEOUT"
  product_paths "$GATEWAY" "$WORK"
  # the JIT first: on 2 cores the product page reached its plateau after about 3 minutes of load
  # (150-350 requests/s in the first minute, 850-970 from the third)
  PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" -s tests/load/random-path.lua "$GATEWAY" >/dev/null
  echo "   product page (HTML) through the gateway, $CONNECTIONS connections, ${DURATION}s:"
  PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
    -s tests/load/random-path.lua "$GATEWAY" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' | sed 's/^/   /'
  echo "   checkout, $CLIENTS clients, ${DURATION}s:"
  EMPORIUM_TOKEN=$("$ROOT/emporium" token) services/orders/bench.sh "$CLIENTS" "${DURATION}s" 2>&1 | sed 's/^/   /'
  stop_started "$ROOT/emporium" "$UP_PID"
  UP_PID=""
done

#!/usr/bin/env bash
# What runtime fault injection costs while no fault is asked (ADR 0013): starts the whole system
# twice, once with EMPORIUM_FAULTS=off (no service watches the flag file) and once as ./emporium up
# runs it (every Quarkus service watches it, no fault in it), and measures the product page
# through the gateway after the same warm-up. A benchmark: numbers, never pass/fail.
#   tests/load/faults.sh [--duration S=20] [--warmup S=240] [--connections N=32] [--runs N=1]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. "$ROOT/tests/load/common.sh"
DURATION=20 WARMUP=240 CONNECTIONS=32 RUNS=1 TIMEOUT=300

while (( $# )); do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) usage 2 6 ;;
    *) echo "unknown option: $1" >&2; usage 2 6 2 ;;
  esac
done
require_counts 1 "$DURATION" "$WARMUP" "$CONNECTIONS" "$RUNS"
require_wrk
own_system
GATEWAY="http://localhost:${EMPORIUM_GATEWAY_PORT:-8080}"
threads=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))

for run in $(seq 1 "$RUNS"); do
  for faults in off watching; do
    echo "== run $run, faults $faults: starting Emporium (its output: $WORK/up-$faults-$run.log)"
    if [[ $faults == off ]]; then
      EMPORIUM_FAULTS=off start_system "$ROOT/emporium" "$WORK/up-$faults-$run.log" "$TIMEOUT"
    else
      start_system "$ROOT/emporium" "$WORK/up-$faults-$run.log" "$TIMEOUT"
    fi
    product_paths "$GATEWAY" "$WORK"
    # the JIT first: on 2 cores the product page needs 3-4 minutes of load to reach its plateau
    PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" -s tests/load/random-path.lua "$GATEWAY" >/dev/null
    echo "   product page (HTML) through the gateway, $CONNECTIONS connections, ${DURATION}s:"
    PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
      -s tests/load/random-path.lua "$GATEWAY" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' | sed 's/^/   /'
    stop_started "$ROOT/emporium" "$UP_PID"
    UP_PID=""
  done
done

#!/usr/bin/env bash
# What runtime fault injection costs while no fault is asked (ADR 0013): starts the whole system
# twice, once with EMPORIUM_FAULTS=off (no service watches the flag file) and once as ./emporium up
# runs it (every service watches it, no fault in it), and measures the product page
# through the gateway after the same warm-up (throughput, p50/p99, and the CPU all the system's
# processes spent per 1,000 pages; runs alternate which goes first). A benchmark: numbers, never pass/fail.
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
  # the order alternates, so a machine that drifts (warming, throttling) favours neither side
  order="off watching"
  (( run % 2 == 0 )) && order="watching off"
  for faults in $order; do
    echo "== run $run, faults $faults: starting Emporium (its output: $WORK/up-$faults-$run.log)"
    if [[ $faults == off ]]; then
      EMPORIUM_FAULTS=off start_system "$ROOT/emporium" "$WORK/up-$faults-$run.log" "$TIMEOUT"
    else
      start_system "$ROOT/emporium" "$WORK/up-$faults-$run.log" "$TIMEOUT"
    fi
    # what watching costs in memory: the library's classes, loaded only where a file is watched
    sleep 20 # a settled system, not one finishing its start (a reading, not a wait for a result)
    "$ROOT/emporium" status --json | python3 -c '
import json, sys
rows = json.load(sys.stdin)["components"]
total = sum(r["pssMb"] for r in rows)
services = ["gateway", "identity", "catalog", "storefront"]
print("   at idle: %d MB (PSS) in all; %s" % (total, ", ".join(
    "%s %d MB" % (r["name"], r["pssMb"]) for r in rows if r["name"] in services)))'
    product_paths "$GATEWAY" "$WORK"
    # the JIT first: on 2 cores the product page needs 3-4 minutes of load to reach its plateau
    PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" -s tests/load/random-path.lua "$GATEWAY" >/dev/null
    echo "   product page (HTML) through the gateway, $CONNECTIONS connections, ${DURATION}s:"
    ticks_before=$(cpu_ticks "$UP_PID")
    PATHS_FILE="$WORK/page-paths" wrk -t"$threads" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
      -s tests/load/random-path.lua "$GATEWAY" > "$WORK/wrk-$faults-$run.txt"
    ticks_after=$(cpu_ticks "$UP_PID")
    grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' "$WORK/wrk-$faults-$run.txt" | sed 's/^/   /'
    # CPU the system spent per page: steadier than throughput on a shared 2-core machine
    requests=$(grep -Eo '^ *[0-9]+ requests in' "$WORK/wrk-$faults-$run.txt" | grep -Eo '[0-9]+')
    awk -v t=$(( ticks_after - ticks_before )) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
      'BEGIN { printf "   CPU per 1000 pages: %.0f ms (all of the system'"'"'s processes)\n", t * 1000 / hz * 1000 / n }'
    stop_started "$ROOT/emporium" "$UP_PID"
    UP_PID=""
  done
done

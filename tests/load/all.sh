#!/usr/bin/env bash
# Every benchmark of Emporium, one after the other (the list is tests/load/README.md). Each prints
# numbers and never passes or fails; this stops at the first one that cannot run.
#   tests/load/all.sh [standalone|system|all=all]
# standalone: each starts what it measures itself (its own broker, database, service process).
# system:     against a running Emporium, started with the gateway's rate limit off
#             (EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false ./emporium up); the checkout benchmark
#             stocks SKUs with an admin token, fetched here with ./emporium token unless EMPORIUM_TOKEN is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
which=${1:-all}

run() { echo; echo "════ $1"; shift; "$@"; }

if [[ $which == standalone || $which == all ]]; then
  run "search index (services/search/bench.sh)" services/search/bench.sh
  run "inventory reservations (services/inventory/bench.sh)" \
    bash -c './mvnw -q -B -f services/inventory/pom.xml install -DskipTests && services/inventory/bench.sh'
  run "recommendations (services/recommendations/bench.sh)" services/recommendations/bench.sh
fi
if [[ $which == system || $which == all ]]; then
  run "pages and APIs through the gateway (tests/load/bench.sh)" tests/load/bench.sh
  EMPORIUM_TOKEN=${EMPORIUM_TOKEN:-$(./emporium token)}
  export EMPORIUM_TOKEN
  run "checkout (services/orders/bench.sh)" services/orders/bench.sh
fi

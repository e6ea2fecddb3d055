#!/usr/bin/env bash
# The search index benchmark (not a test): builds an index of 100,000 generated products from
# contract-format events on disk and runs a query mix from 1, 8 and 32 threads straight against it.
# Options as system properties in BENCH_OPTS, e.g.
#   BENCH_OPTS="-Dbench.products=100000 -Dbench.queries=4000" services/search/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/search
./mvnw -q -B -f $module/pom.xml test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx128m ${BENCH_OPTS:-} \
    -cp $module/target/classes:$module/target/test-classes:$(cat $module/target/cp.txt) \
    org.emporium.search.bench.SearchBenchmark

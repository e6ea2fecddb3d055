#!/usr/bin/env bash
# The recommendations benchmark (not a test): 100,000 products and 1,000,000 behaviour events on a
# real broker, the built service replaying them as a process with the launcher's heap, then HTTP
# load at 8 and 32 clients. Options as system properties in BENCH_OPTS, e.g.
#   BENCH_OPTS="-Dbench.xmx=256m -Dbench.events=200000" services/recommendations/bench.sh
# BENCH_CLASS=org.emporium.recommendations.bench.SeedBenchmark runs the seeded history's benchmark instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
module=services/recommendations
./mvnw -q -B -f $module/pom.xml package -DskipTests dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g ${BENCH_OPTS:-} -Dbench.jar=$module/target/quarkus-app/quarkus-run.jar \
    -cp $module/target/classes:$module/target/test-classes:$(cat $module/target/cp.txt) \
    ${BENCH_CLASS:-org.emporium.recommendations.bench.RecommendationsBenchmark}

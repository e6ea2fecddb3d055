#!/usr/bin/env bash
# Reservations per second for one hot SKU and for spread SKUs, at 8 and 32 client threads, against
# the packaged service with a real PostgreSQL and Kafka. Not a test: it prints numbers.
# Needs a build first: ./mvnw -f services/inventory/pom.xml install -DskipTests (from the repo root).
set -euo pipefail
cd "$(dirname "$0")"
root=../..
cp_file=target/bench.classpath
"$root/mvnw" -q -B -f pom.xml dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.emporium.inventory.bench.ReservationBenchmark target/quarkus-app/quarkus-run.jar

#!/usr/bin/env bash
# Runs the whole platform on this machine: Kafka (KRaft, in-process), PostgreSQL (embedded binaries),
# the three services and the simulator. Ctrl-C stops everything.
#   RATE=200        simulator declarations per second (0: off)      SEED=42
#   DATA_DIR=.data  broker log, database cluster and service logs (a restart continues from it)
#   KAFKA_PORT=9092 POSTGRES_PORT=5432; services on 8081, 8082, 8083 (see README.md)
set -euo pipefail
cd "$(dirname "$0")"

jars=(local-stack/target/local-stack-1.0.0-SNAPSHOT.jar
      declaration-service/target/quarkus-app/quarkus-run.jar
      zone-service/target/quarkus-app/quarkus-run.jar
      statistics-service/target/quarkus-app/quarkus-run.jar)
for jar in "${jars[@]}"; do
  if [[ ! -f "$jar" ]]; then
    echo "Building the platform (first run, or $jar is missing)..."
    ./mvnw -q -B install -DskipTests
    break
  fi
done

export PLATFORM_ROOT="$PWD"
# exec: Ctrl-C and SIGTERM reach the launcher directly, whose shutdown hook stops every process it started.
exec java -Xmx1g -cp "local-stack/target/local-stack-1.0.0-SNAPSHOT.jar:local-stack/target/lib/*" dev.customs.localstack.LocalPlatform

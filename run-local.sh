#!/usr/bin/env bash
# Runs the whole platform on this machine: Kafka (KRaft, in-process), PostgreSQL (embedded binaries),
# Keycloak (its distribution zip), the three services and the simulator. Ctrl-C stops everything.
#   RATE=200        simulator declarations per second (0: off)      SEED=42
#   DATA_DIR=.data  broker log, database cluster and service logs (a restart continues from it)
#   KAFKA_PORT=9092 POSTGRES_PORT=5432 KEYCLOAK_PORT=8180; services on 8081, 8082, 8083 (see README.md)
#   INSTANCES=1     instances of each service; the further ones on free ports, printed at start
#   BROKERS=1       1: one broker in this JVM; 3: three broker processes (replication 3, min.insync.replicas 2)
#                   on KAFKA_PORT and the ports after it
#   KEYCLOAK_JAVA_HOME  a Java 21+ for Keycloak (default /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail
cd "$(dirname "$0")"

# Rebuilds whenever a pom or a source file changed since the last successful build (a pull, an edit), so
# the platform never runs stale jars; Maven's own incremental compilation keeps the rebuild short.
stamp=local-stack/target/run-local.built
if [[ ! -f "$stamp" ]] || [[ -n "$(find pom.xml ./*/pom.xml ./*/src -newer "$stamp" -type f -print -quit)" ]]; then
  log=$(mktemp "${TMPDIR:-/tmp}/run-local-build.XXXXXX")
  echo "Building the platform (sources changed since the last build; full log: $log)..."
  started=$(date +%s)
  if ! ./mvnw -B package -DskipTests 2>&1 | tee "$log" \
      | grep --line-buffered -E '^\[INFO\] Building .+ \[[0-9]+/[0-9]+\]$' | sed -u -E "s/^\[INFO\] Building (.*[^ ]) +(\[[0-9]+\/[0-9]+\])$/  building \1 \2/"; then
    echo "Build failed; the last lines of $log:" >&2
    grep -E '^\[ERROR\]' "$log" | head -n 30 >&2 || tail -n 30 "$log" >&2
    exit 1
  fi
  touch "$stamp"
  echo "Built in $(( $(date +%s) - started )) s."
fi

export PLATFORM_ROOT="$PWD"
# exec: Ctrl-C and SIGTERM reach the launcher directly, whose shutdown hook stops every process it started.
exec java -Xmx1g -cp "local-stack/target/local-stack-1.0.0-SNAPSHOT.jar:local-stack/target/lib/*" dev.customs.localstack.LocalPlatform

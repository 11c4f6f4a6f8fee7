#!/usr/bin/env bash
# Benchmarks the platform on this machine and writes the table into BENCHMARKS.md (not part of the tests).
# Starts its own broker, database and services on free ports; takes about 8 minutes with the defaults:
#   EVENTS=1000000          declared-only events for the Kafka perf tools and the end-to-end run
#   MIX_DECLARATIONS=200000 declarations of the realistic mix (amendments, cancellations, redeliveries)
#   REST_SECONDS=20 BATCH_SIZE=100   wrk load for single POST and POST /batch
#   FRESHNESS_RATE=2000 FRESHNESS_SECONDS=30   fixed-rate REST ingest while queries run
#   BASELINE_SECONDS=30 QUERY_SECONDS=20 SEED=20261124
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk (Debian package) for the REST load..."
  { apt-get install -y -qq --no-install-recommends wrk || { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk; }; } >/dev/null
fi

echo "Building the platform and the benchmark (tests skipped)..."
./mvnw -q -B install -DskipTests

export PLATFORM_ROOT="$PWD"
exec java -Xmx6g -cp "benchmarks/target/benchmarks-1.0.0-SNAPSHOT.jar:benchmarks/target/lib/*" dev.customs.bench.Benchmark

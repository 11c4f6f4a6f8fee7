#!/usr/bin/env bash
# Benchmarks the platform on this machine and writes the table into BENCHMARKS.md (not part of the tests).
# Starts its own broker, database and services on free ports; takes about 20 minutes with the defaults:
#   COLD_EVENTS=200000      random-date declarations applied first, by cold services (and a cold Streams peer)
#   EVENTS=300000           records for the Kafka perf tools and declarations of each warm end-to-end stream
#                           (day by day, random dates, the 174 areas evenly); not 1,000,000: three warm streams,
#                           each also consumed by the Streams peer, would make the run three times as long
#   MIX_DECLARATIONS=200000 declarations of the realistic mix (amendments, cancellations, redeliveries)
#   PHASES=cold,limit,e2e,random,areas,mix,queries,baseline,rest,freshness,peer   (peer: the Kafka Streams
#                           peer on each stream's records after the platform)
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

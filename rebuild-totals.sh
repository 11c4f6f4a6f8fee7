#!/usr/bin/env bash
# Rebuilds one consumer's totals from the whole customs.declarations topic:
#   1. stop the service (zone-service or statistics-service);
#   2. ./rebuild-totals.sh zone-service   (empties its tables, rewinds its consumer group);
#   3. start the service: it replays the topic and ends with the same totals.
# Kafka and PostgreSQL are found as the services find them: KAFKA_BOOTSTRAP_SERVERS,
# CUSTOMS_KAFKA_USERNAME (default: the service)/CUSTOMS_KAFKA_PASSWORD,
# QUARKUS_DATASOURCE_JDBC_URL/_USERNAME/_PASSWORD (defaults: localhost:9092, localhost:5432, the service's
# role). Without CUSTOMS_KAFKA_PASSWORD, the service's password comes from the running ./run-local.sh's
# $DATA_DIR/kafka-users.properties; without QUARKUS_DATASOURCE_PASSWORD it uses the superuser password
# ./run-local.sh keeps in ${DATA_DIR:-.data}/postgres/superuser.password.
set -euo pipefail
cd "$(dirname "$0")"
jar=local-stack/target/local-stack-1.0.0-SNAPSHOT.jar
[[ -f "$jar" ]] || ./mvnw -q -B install -DskipTests -pl local-stack -am
users="${DATA_DIR:-.data}/kafka-users.properties"
if [[ -z "${CUSTOMS_KAFKA_PASSWORD:-}" && $# -eq 1 && -f "$users" ]]; then
  CUSTOMS_KAFKA_PASSWORD=$(sed -n "s/^${CUSTOMS_KAFKA_USERNAME:-$1}=//p" "$users")
  export CUSTOMS_KAFKA_PASSWORD
fi
exec java -cp "$jar:local-stack/target/lib/*" dev.customs.localstack.RebuildTotals "$@"

#!/usr/bin/env bash
# Copies what quarkus-kubernetes generated for each service (./mvnw package writes <service>/target/kubernetes/
# kubernetes.yml) to deploy/kubernetes/generated/, which the kustomization applies. kubernetes-check fails while a
# copy differs from its build's output, so run this after changing a service's quarkus.kubernetes.* settings.
set -euo pipefail
cd "$(dirname "$0")/../.."
for service in declaration-service zone-service statistics-service; do
  cp "$service/target/kubernetes/kubernetes.yml" "deploy/kubernetes/generated/$service.yml"
done

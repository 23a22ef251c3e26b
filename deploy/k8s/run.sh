#!/usr/bin/env bash
# Applies the grading Job, waits until every shard completed, then runs the merge Job.
#   deploy/k8s/run.sh [NAMESPACE]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ns=(-n "${1:-default}")
kubectl "${ns[@]}" delete job cj-grade cj-merge --ignore-not-found
kubectl "${ns[@]}" apply -f "$here/grade-job.yaml"
kubectl "${ns[@]}" wait --for=condition=complete --timeout=24h job/cj-grade
kubectl "${ns[@]}" apply -f "$here/merge-job.yaml"
kubectl "${ns[@]}" wait --for=condition=complete --timeout=1h job/cj-merge

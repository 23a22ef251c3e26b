#!/usr/bin/env bash
# Validates the Kubernetes manifests with kubernetes-models (the API's OpenAPI schemas, from the
# npm registry, installed once into CACHE_DIR), and checks that a broken manifest is refused.
# Exits 77 (skipped) where node/npm are missing or the package cannot be installed.
# Usage: validate_k8s.sh CACHE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=$1
command -v node > /dev/null && command -v npm > /dev/null || { echo "SKIP: node and npm are needed"; exit 77; }
mkdir -p "$cache"
if [[ ! -d $cache/node_modules/kubernetes-models ]]; then
  (cd "$cache" && npm install --silent --no-audit --no-fund kubernetes-models@5.1.0 js-yaml@4.1.0 > npm.log 2>&1) ||
    { echo "SKIP: cannot install kubernetes-models from npm: $(tail -2 "$cache/npm.log")"; exit 77; }
fi
cp "$here/validate_k8s.mjs" "$cache/"
node "$cache/validate_k8s.mjs" "$root"/deploy/k8s/*.yaml || exit 1
sed 's/completionMode: Indexed/completionMode: Indexd/' "$root/deploy/k8s/grade-job.yaml" > "$cache/broken.yaml"
if node "$cache/validate_k8s.mjs" "$cache/broken.yaml"; then
  echo "FAIL: a Job with completionMode 'Indexd' passed validation"
  exit 1
fi
echo "the manifests are valid and a broken one is refused"

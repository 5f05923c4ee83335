#!/usr/bin/env bash
# Checks the deployment files with the tools their users run:
#   - helm lint --strict of deploy/helm/caleol (defaults, then each ci/*-values.yaml);
#   - helm template of each ci/*-values.yaml, validated by kubeconform -strict against the
#     Kubernetes JSON schemas of the oldest and newest Kubernetes versions checked (offline: the
#     schemas come from the PyPI package kubernetes-validate, not from kubeconform's download);
#   - the environment of each rendered Deployment through the application's loadConfig;
#   - docker-compose config -q of docker-compose.yml, with and without the keycloak profile.
#
# Installs what is missing into DEPLOY_TOOLS_DIR (default ~/.cache/caleol-deploy-tools): helm and
# kubeconform built with `go install` (a few minutes the first time), the schemas, and Debian's
# docker-compose through apt-get. A second run reuses them and takes seconds.
#
#   bash deploy/check-deploy.sh
#   bash deploy/check-deploy.sh --tools-only    # only build and fetch the tools
#   KUBE_VERSIONS="1.33.0" bash deploy/check-deploy.sh
set -euo pipefail

HELM_VERSION=v4.3.2
KUBECONFORM_VERSION=v0.8.0
SCHEMAS_PACKAGE=kubernetes-validate==1.37.0
# The chart's kubeVersion floor and the newest version the schemas package ships.
KUBE_VERSIONS=${KUBE_VERSIONS:-"1.29.0 1.37.0"}
# Custom resources whose schema no package ships: rendered, but not validated by kubeconform.
SKIPPED_KINDS=ServiceMonitor

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
chart=$root/deploy/helm/caleol
tools=${DEPLOY_TOOLS_DIR:-$HOME/.cache/caleol-deploy-tools}
mkdir -p "$tools"

step() { printf '\n== %s\n' "$*"; }
elapsed() { printf '   (%ss)\n' "$(( SECONDS - $1 ))"; }

go_binary() {
  if command -v go >/dev/null 2>&1; then command -v go
  elif [ -x /usr/local/go/bin/go ]; then echo /usr/local/go/bin/go
  else echo "go not found: install Go to build helm and kubeconform" >&2; return 1
  fi
}

# go install MODULE@VERSION into $tools, unless the stamp says that version is already there.
go_tool() {
  local name=$1 module=$2 version=$3 started=$SECONDS
  if [ -x "$tools/$name" ] && [ "$(cat "$tools/$name.version" 2>/dev/null)" = "$version" ]; then
    echo "$name $version: cached in $tools"
    return
  fi
  echo "$name $version: building with go install (first time only)"
  GOBIN=$tools GOFLAGS=-mod=mod "$(go_binary)" install "$module@$version"
  echo "$version" > "$tools/$name.version"
  elapsed "$started"
}

# The schemas of one Kubernetes version, extracted from the kubernetes-validate wheel: its
# "local-strict" schemas, made loadable by kubeconform (references relative to the file, no $id).
schemas_for() {
  local version=$1 dir=$tools/kubernetes-json-schema
  if [ -f "$dir/v$version-local-strict/.complete" ]; then return; fi
  local wheel
  wheel=$(ls "$tools"/wheels/kubernetes_validate-*.whl 2>/dev/null | head -n 1 || true)
  if [ -z "$wheel" ]; then
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$tools/wheels" "$SCHEMAS_PACKAGE"
    wheel=$(ls "$tools"/wheels/kubernetes_validate-*.whl | head -n 1)
  fi
  python3 - "$wheel" "$dir" "v$version-local-strict" <<'PY'
import json, os, sys, zipfile
wheel, out, name = sys.argv[1:]
prefix = f"kubernetes_validate/kubernetes-json-schema/{name}/"
target = os.path.join(out, name)
os.makedirs(target, exist_ok=True)
count = 0
with zipfile.ZipFile(wheel) as archive:
    for entry in archive.namelist():
        if not (entry.startswith(prefix) and entry.endswith(".json")):
            continue
        text = archive.read(entry).decode().replace('"/api/_definitions.json#', '"_definitions.json#')
        schema = json.loads(text)
        if isinstance(schema, dict):
            schema.pop("$id", None)
        with open(os.path.join(target, entry[len(prefix):]), "w") as f:
            json.dump(schema, f)
        count += 1
if count == 0:
    sys.exit(f"no schemas for {name} in {wheel}")
open(os.path.join(target, ".complete"), "w").write(str(count))
print(f"{name}: {count} schemas")
PY
}

step "tools"
started=$SECONDS
go_tool helm helm.sh/helm/v4/cmd/helm "$HELM_VERSION"
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
for version in $KUBE_VERSIONS; do schemas_for "$version"; done
# --tools-only: build and fetch what the checks need, nothing else (CI starts it early, in the
# background, while it installs the rest; apt-get is left to the full run, which holds its lock).
if [ "${1:-}" = "--tools-only" ]; then elapsed "$started"; exit 0; fi
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "docker-compose: installing Debian's package"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q docker-compose >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q docker-compose >/dev/null; }
  else sudo apt-get install -y -q docker-compose >/dev/null
  fi
fi
echo "docker-compose: $(docker-compose version --short 2>/dev/null || docker-compose version | head -n 1)"
elapsed "$started"
helm=$tools/helm
kubeconform=$tools/kubeconform

step "helm lint --strict"
# With the defaults, the values an install must give (temporal.address, database.url, publicUrl)
# are unset: helm's lint reports the chart's `fail` for them as INFO lines, left out here.
output=$("$helm" lint "$chart" --strict 2>&1) || { echo "$output"; exit 1; }
echo "$output" | grep -v 'funcMap fail'
for values in "$chart"/ci/*-values.yaml; do
  "$helm" lint "$chart" --strict --values "$values"
done

step "helm template | kubeconform -strict (Kubernetes $KUBE_VERSIONS; skipped kinds: $SKIPPED_KINDS)"
for version in $KUBE_VERSIONS; do
  for values in "$chart"/ci/*-values.yaml; do
    echo "-- $(basename "$values"), Kubernetes $version"
    "$helm" template caleol "$chart" --values "$values" --kube-version "$version" \
      | "$kubeconform" -strict -summary -kubernetes-version "$version" -skip "$SKIPPED_KINDS" \
          -schema-location "$tools/kubernetes-json-schema/{{ .NormalizedKubernetesVersion }}-local{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json"
  done
done

step "the chart's environment, read by bin/config.ts"
# Each Deployment's variables (ConfigMap, literal env, the chart's Secret; for keys of an
# existing Secret, placeholders) go through the application's own loadConfig.
if [ -x "$root/node_modules/.bin/tsx" ]; then
  for values in "$chart"/ci/*-values.yaml; do
    "$helm" template caleol "$chart" --values "$values" > "$tools/rendered.yaml"
    (cd "$root" && node_modules/.bin/tsx -e '
      import { readFileSync } from "node:fs";
      import { parseAllDocuments } from "yaml";
      import { loadConfig } from "./bin/config.ts";
      const [file, label] = process.argv.slice(-2);
      const docs = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).filter(Boolean);
      const configMap = docs.find((d) => d.kind === "ConfigMap");
      const secret = docs.find((d) => d.kind === "Secret" && !d.metadata.name.endsWith("-migrate"));
      const placeholder = (name) => name === "DATABASE_URL" ? "postgresql://u:p@db:5432/caleol" : name === "TEMPORAL_CODEC_KEYS" ? `k1:${Buffer.alloc(32).toString("base64")}` : "x".repeat(40);
      for (const deployment of docs.filter((d) => d.kind === "Deployment")) {
        const container = deployment.spec.template.spec.containers[0];
        const env = { ...configMap.data };
        for (const entry of container.env ?? []) {
          if ("value" in entry) env[entry.name] = entry.value;
          const ref = entry.valueFrom?.secretKeyRef;
          if (!ref) continue;
          const value = secret?.stringData?.[ref.key];
          if (value !== undefined) env[entry.name] = value;
          else if (!secret && (!ref.optional || entry.name.startsWith("ZOOM_"))) env[entry.name] = placeholder(entry.name);
        }
        const config = loadConfig(env);
        console.log(`${label} ${deployment.metadata.name}: accepted (auth ${config.auth.mode}, Temporal ${config.temporalAddress} namespace ${config.temporalNamespace})`);
      }
    ' "$tools/rendered.yaml" "$(basename "$values")")
  done
else
  echo "skipped: node_modules not installed (npm ci)"
fi

step "docker-compose config"
cd "$root"
# Compose refuses to interpolate the file without AUTH_LOCAL_SECRET; any value does for a check.
export AUTH_LOCAL_SECRET=${AUTH_LOCAL_SECRET:-check-deploy-placeholder-secret-0123456789}
docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml: valid"
docker-compose -f docker-compose.yml --profile keycloak config -q && echo "docker-compose.yml --profile keycloak: valid"
echo "services (keycloak profile): $(docker-compose -f docker-compose.yml --profile keycloak config --services | tr '\n' ' ')"

printf '\nall deployment checks passed in %ss\n' "$SECONDS"

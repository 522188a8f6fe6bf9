#!/usr/bin/env bash
# Benchmark of Verify's environment checks (tests/benchmarks/verify-benchmark.cs, the real EnvironmentVerifier)
# against the serial sum of "helm lint" + "helm template" per environment, over the repository's environments and
# over generated ones. Prints the medians side by side and their ratio. Goal: verifier <= 0.6x serial on 2 cores, with the schema check
# (one node process per Verify run, started while helm renders) included.
#
#   tests/benchmarks/verify-benchmark.sh [runs=5] [generated environments=50]
#
# Not a test: timings depend on the machine and its load; run it on an otherwise idle machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
count="${2:-50}"
chart="$root/charts/app-of-apps"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

stages=(dev nightly qa qa-int prod)

# Generated environments: copies of the real values files with their own cluster domain, as another team's would be.
: > "$work/generated.tsv"
for ((i = 0; i < count; i++)); do
  stage="${stages[$((i % ${#stages[@]}))]}"
  file="$work/values-$i.yaml"
  sed "s/domain: \(.*\)/domain: env$i.\1/" "$root/environments/$stage/values-$stage-gcp.yaml" > "$file"
  printf '%s-gcp\t%s\n' "$stage" "$file" >> "$work/generated.tsv"
done
for stage in "${stages[@]}"; do
  printf '%s-gcp\t%s\n' "$stage" "$root/environments/$stage/values-$stage-gcp.yaml"
done > "$work/real.tsv"

# The verifier run installs helm if needed, so it goes first; the serial baseline then uses the same helm.
verifier="$(cd "$root" && dotnet run tests/benchmarks/verify-benchmark.cs -- "$root" "$runs" "$work/generated.tsv")"
helm="$root/.nuke/tools/bin/helm"
if command -v helm > /dev/null && [[ ! -x "$helm" ]]; then helm="$(command -v helm)"; fi

now_ms() { date +%s%3N; }

serial_once() { # the serial sum: each environment's lint, then its template, one process at a time
  local list="$1" start env file
  start="$(now_ms)"
  while IFS=$'\t' read -r env file; do
    "$helm" lint "$chart" --values "$file" > /dev/null
    "$helm" template "app-of-apps-$env" "$chart" --namespace argocd --values "$file" > /dev/null
  done < "$list"
  echo $(($(now_ms) - start))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

serial_median() {
  local list="$1"
  serial_once "$list" > /dev/null # warm-up, like the verifier's
  for ((run = 0; run < runs; run++)); do serial_once "$list"; done | median
}

real_serial="$(serial_median "$work/real.tsv")"
generated_serial="$(serial_median "$work/generated.tsv")"
real_verify="$(awk '$1 == "real" { print $2 }' <<< "$verifier")"
generated_verify="$(awk '$1 == "generated" { print $2 }' <<< "$verifier")"

echo "cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg), runs: $runs (medians, ms)"
printf '%-28s %12s %12s %8s\n' "environments" "serial helm" "verifier" "ratio"
printf '%-28s %12s %12s %8s\n' "real (${#stages[@]}, full Verify)" "$real_serial" "$real_verify" \
  "$(awk -v a="$real_verify" -v b="$real_serial" 'BEGIN { printf "%.2fx", a / b }')"
printf '%-28s %12s %12s %8s\n' "generated ($count)" "$generated_serial" "$generated_verify" \
  "$(awk -v a="$generated_verify" -v b="$generated_serial" 'BEGIN { printf "%.2fx", a / b }')"

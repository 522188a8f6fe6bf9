#!/usr/bin/env bash
# Benchmark of Verify's environment checks (tests/benchmarks/verify-benchmark.cs, the real EnvironmentVerifier)
# against the serial sum of "helm lint" + "helm template" per environment, over the repository's environments and
# over generated ones, interleaved round by round. Prints the medians side by side and their ratio. Goal: verifier <= 0.6x serial on 2 cores, with the schema check
# (one node process per Verify run, started while helm renders) included.
#
#   tests/benchmarks/verify-benchmark.sh [runs=5] [generated environments=50]
#
# Not a test: timings depend on the machine and its load; run it on an otherwise idle machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
count="${2:-50}"
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

# Verifier and serial helm, interleaved round by round inside one process (see verify-benchmark.cs). Release, the
# configuration build.sh compiles the build in: `dotnet run` of a file would build it and GitOps.Platform as Debug.
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
results="$(cd "$root" && dotnet run -c Release tests/benchmarks/verify-benchmark.cs -- "$root" "$runs" "$work/generated.tsv" "$work/real.tsv")"
value() { awk -v name="$1" -v column="${2:-2}" '$1 == name { print $column }' <<< "$results"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
real_verify="$(value real)"
real_serial="$(value real-serial)"
generated_verify="$(value generated)"
generated_serial="$(value generated-serial)"

echo "cores: $(nproc), load at start: $load_start, at end: $(cut -d' ' -f1-3 /proc/loadavg), interleaved rounds: $runs (medians, ms)"
# The goal is the wall-time ratio. The CPU columns (this process and its children) say how much work each side does:
# under load the wall ratio drifts towards the CPU ratio.
printf '%-28s %12s %12s %8s %10s %10s %8s\n' "environments" "serial helm" "verifier" "ratio" "serial cpu" "cpu" "ratio"
printf '%-28s %12s %12s %8s %10s %10s %8s\n' "real (${#stages[@]}, full Verify)" "$real_serial" "$real_verify" "$(ratio "$real_verify" "$real_serial")" \
  "$(value real-serial 3)" "$(value real 3)" "$(ratio "$(value real 3)" "$(value real-serial 3)")"
printf '%-28s %12s %12s %8s %10s %10s %8s\n' "generated ($count)" "$generated_serial" "$generated_verify" "$(ratio "$generated_verify" "$generated_serial")" \
  "$(value generated-serial 3)" "$(value generated 3)" "$(ratio "$(value generated 3)" "$(value generated-serial 3)")"

#!/usr/bin/env bash
# Measures how fast DeployAppOfApps notices that Argo CD finished: the fake API server and simulated controller
# from tests/GitOps.TestDoubles, real KubernetesClient over loopback HTTP. Prints each run and the median;
# exits 1 when the median misses the 0.5 s goal. Usage: tests/benchmarks/argocd-wait-benchmark.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --file argocd-wait-benchmark.cs -- "${1:-7}"

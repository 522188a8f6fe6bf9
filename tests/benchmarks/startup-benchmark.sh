#!/usr/bin/env bash
# Warm start-up of `./build.sh --help` against NUKE's bootstrap pattern (dotnet build + dotnet run --no-build) on the
# same build project, and against running the compiled build directly; and of `pwsh -File build.ps1 --help` against
# pwsh's own start-up (the pinned PowerShell of .config/dotnet-tools.json). Prints medians side by side and the ratios,
# with the load average at the end.
# Goals: build.sh <= 0.05x the NUKE pattern (issue 2) and <= 1.25x the bare compiled build (issue 13);
# build.ps1 <= pwsh's own start-up + 0.2 s (issue 13).
# Usage: tests/benchmarks/startup-benchmark.sh [runs] [baseline]   (default 9 runs)
# baseline: a git revision whose build.ps1 is measured in the same rounds (as build.baseline.ps1 next to build.ps1,
# with a helper of its own, removed afterwards), so that a change is measured against the same load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-9}"
baseline="${2:-}"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The machine may be shared: load changes while this runs. So the commands are interleaved, one run of each per
# round, and each one's median is taken over the rounds; every command meets the same load, on average.
declare -A samples=()
measure() { # name command...: one timed run, appended to the name's samples
  local name="$1" start end
  shift
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  samples[$name]+="$(((end - start) / 1000000)) "
}

# shellcheck disable=SC2086 # the samples are numbers separated by spaces
median_of() { printf '%s\n' ${samples[$1]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

nuke_pattern() {
  dotnet build build/_build.csproj /nodeReuse:false /p:UseSharedCompilation=false -nologo --verbosity quiet &&
    dotnet run --project build/_build.csproj --no-build -- --help
}

./build.sh --help >/dev/null # compile once so every measurement below is warm
dotnet build build/_build.csproj -nologo --verbosity quiet >/dev/null

dotnet tool restore >/dev/null
packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')"
version="$(sed -n '/"powershell"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' .config/dotnet-tools.json)"
pwsh_dll="${packages%/}/powershell/$version/tools/net10.0/any/unix/pwsh.dll"
pwsh() { dotnet "$pwsh_dll" -NoProfile -NonInteractive "$@"; }
pwsh -File build.ps1 --help >/dev/null
if [ -n "$baseline" ]; then
  trap 'rm -f "$root/build.baseline.ps1" "$root/.nuke/temp/build-bootstrap-baseline.dll"' EXIT
  git show "$baseline:build.ps1" | sed 's/build-bootstrap\.dll/build-bootstrap-baseline.dll/' >build.baseline.ps1
  pwsh -File build.baseline.ps1 --help >/dev/null
fi

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 0 "$runs"); do
  # round 0 warms every command up; its times are dropped after it
  measure ours ./build.sh --help
  measure bare dotnet .nuke/temp/build-bin/_build.dll --help
  measure ps1 pwsh -File build.ps1 --help
  [ -z "$baseline" ] || measure ps1_baseline pwsh -File build.baseline.ps1 --help
  measure pwsh_alone pwsh -Command exit
  measure nuke nuke_pattern
  [ "$round" -gt 0 ] || samples=()
done
ours=$(median_of ours)
bare=$(median_of bare)
ps1=$(median_of ps1)
pwsh_alone=$(median_of pwsh_alone)
nuke=$(median_of nuke)

printf 'cores: %s, load at start: %s, at end: %s\n' "$(nproc)" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %10s\n' "warm --help, median of $runs interleaved rounds" "ms"
printf '%-44s %10s\n' "./build.sh --help" "$ours"
printf '%-44s %10s\n' "compiled build directly (dotnet _build.dll)" "$bare"
printf '%-44s %10s\n' "NUKE pattern (dotnet build + dotnet run)" "$nuke"
printf '%-44s %10s\n' "pwsh -File build.ps1 --help" "$ps1"
printf '%-44s %10s\n' "pwsh -Command exit (pwsh's own start-up)" "$pwsh_alone"
awk -v o="$ours" -v b="$bare" -v n="$nuke" -v p="$ps1" -v a="$pwsh_alone" 'BEGIN {
  printf "ratio build.sh / NUKE pattern:   %.3fx (goal <= 0.05x)\n", o / n
  printf "ratio build.sh / compiled build: %.2fx (goal <= 1.25x)\n", o / b
  printf "build.ps1 - pwsh start-up:       %d ms (goal <= 200 ms)\n", p - a
  printf "  of which the compiled build:   %d ms, build.ps1 itself: %d ms\n", b, p - a - b
}'
if [ -n "$baseline" ]; then
  ps1_baseline=$(median_of ps1_baseline)
  printf '%-44s %10s\n' "pwsh -File build.ps1 --help at $baseline" "$ps1_baseline"
  awk -v p="$ps1" -v o="$ps1_baseline" -v a="$pwsh_alone" 'BEGIN {
    printf "build.ps1 at the baseline - pwsh start-up: %d ms; this build.ps1 - baseline: %d ms\n", o - a, p - o
  }'
fi

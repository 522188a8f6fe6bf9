#!/usr/bin/env bash
# What re-verifying a cached tool costs (src/GitOps.Platform/Toolchain/CachedToolIntegrity.cs): hash the kept archive,
# take the executable out of it and hash both, against one start of the tool itself ("<tool> version"). Prints medians
# of N runs and the ratio. The build verifies once per build process and file; this shows what each further use would
# cost if it verified every time instead.
# Usage: tests/benchmarks/tool-verify-benchmark.sh [runs] [executable]   (default: 9, .nuke/tools/bin/helm)
set -euo pipefail
runs="${1:-9}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tool="${2:-$repo_root/.nuke/tools/bin/helm}"
[[ -x "$tool" ]] || { echo "no executable at $tool; run ./build.sh once (it installs helm) or pass one" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$tool" "$work/tool"
(cd "$work" && zip -q -9 archive.zip tool)

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

verify_ms=()
start_ms=()
for _ in $(seq "$runs"); do
  t0=$(now)
  sha256sum "$work/archive.zip" >/dev/null
  unzip -p "$work/archive.zip" tool | sha256sum >/dev/null
  sha256sum "$tool" >/dev/null
  t1=$(now)
  "$tool" version >/dev/null 2>&1 || true
  t2=$(now)
  verify_ms+=($(((t1 - t0) / 1000000)))
  start_ms+=($(((t2 - t1) / 1000000)))
done

verify=$(printf '%s\n' "${verify_ms[@]}" | median)
start=$(printf '%s\n' "${start_ms[@]}" | median)
size=$(($(wc -c <"$tool") / 1048576))
echo "tool: $tool (${size} MiB), archive $(($(wc -c <"$work/archive.zip") / 1048576)) MiB, $runs runs"
echo "verify (hash archive + extract + hash both): median ${verify} ms"
echo "one start of the tool (version):             median ${start} ms"
awk -v v="$verify" -v s="$start" 'BEGIN { printf "ratio verify/start: %.2fx\n", (s > 0 ? v / s : 0) }'

#!/usr/bin/env bash
# Bootstrap for the GitOps build (Linux and Git Bash).
# Compiles build/ only when its inputs changed (stamps over their metadata and content), then runs the compiled build directly,
# forwarding every argument and the exit code. Usage: ./build.sh [targets] [--parameter value ...]; ./build.sh --help
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
temp="$root/.nuke/temp"
bin="$temp/build-bin"
stamp="$temp/build.stamp"
assembly="$bin/_build.dll"

fail() {
  printf 'build.sh: %s\n' "$1" >&2
  exit "${2:-1}"
}

# What shapes the compiled build: sources, project files, package locks, SDK pin, analyzer settings.
inputs() {
  cd "$root" &&
    find build src global.json Directory.Build.props Directory.Packages.props .editorconfig \
      \( -name bin -o -name obj \) -prune -o -type f "$@"
}

# Two stamps: the files' metadata (path, size, mtime: cheap, read on every run) and their content (read only when the
# metadata changed, e.g. after a fresh checkout, so a cached compiled build is reused when nothing really changed).
metadata_hash() { (inputs -printf '%p %s %T@\n' | LC_ALL=C sort | md5sum); }
content_hash() { (inputs -print0 | LC_ALL=C sort -z | xargs -0 md5sum | md5sum); }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    fail "dotnet was not found on PATH. Install the .NET SDK named in global.json ($(grep -o '"version": *"[^"]*"' "$root/global.json" | cut -d'"' -f4) or a later feature band): https://dot.net/download"
  (cd "$root" && dotnet --version >/dev/null 2>&1) ||
    fail "the dotnet on PATH ($(dotnet --version 2>/dev/null || echo unknown)) does not satisfy global.json: install the SDK it names ($(grep -o '"version": *"[^"]*"' "$root/global.json" | cut -d'"' -f4), rollForward latestFeature): https://dot.net/download"
}

compile() {
  require_dotnet
  mkdir -p "$temp"
  rm -f "$stamp"
  printf 'Compiling the build (its inputs changed)...\n' >&2
  local log="$temp/build-compile.log"
  if ! dotnet build "$root/build/_build.csproj" -c Release -o "$bin" -nologo -v quiet -clp:NoSummary >"$log" 2>&1; then
    grep -E 'error|Error' "$log" >&2 || cat "$log" >&2
    fail "compiling build/_build.csproj failed (full output: ${log#"$root"/})"
  fi
  printf '%s\n%s\n' "$1" "$2" >"$stamp"
}

stamped_metadata="" stamped_content=""
if [[ -f "$stamp" && -f "$assembly" ]]; then
  { read -r stamped_metadata && read -r stamped_content; } <"$stamp" || true
fi
metadata="$(metadata_hash)"
if [[ "$stamped_metadata" != "$metadata" ]]; then
  content="$(content_hash)"
  if [[ "$stamped_content" == "$content" ]]; then
    printf '%s\n%s\n' "$metadata" "$content" >"$stamp"
  else
    compile "$metadata" "$content"
  fi
fi

exec dotnet "$assembly" "$@"

#!/usr/bin/env bash
# Bootstrap for the GitOps build (Linux, macOS, Git Bash; bash 3.2 or later with GNU, BSD or busybox tools).
# Compiles build/ only when its inputs changed, then runs the compiled build directly from the caller's directory,
# forwarding every argument and the exit code. Usage: ./build.sh [targets] [--parameter value ...]; ./build.sh --help
#
# The stamp (.nuke/temp/build.stamp) is shared with build.ps1, byte for byte, so switching between them never
# recompiles:
#   line 1:  "content <sha256>"  over the lines "<sha256 of file>  <path>", sorted bytewise, each ending in "\n"
#   then:    "<path> <size> <mtime in whole seconds>" for every input, sorted bytewise (or the single line "racy")
# Paths are relative to the repository with "/" separators. The listing is read on every run (cheap); the content hash
# only when the listing differs, e.g. after a fresh checkout, so a cached compiled build is reused when nothing
# really changed.
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Interrupted before the build starts (SIGINT or SIGTERM): 130, as the build itself exits when interrupted.
trap 'exit 130' INT TERM

# A link to this file (~/bin/gitops -> /repo/build.sh) stands for the repository it points into. Followed link by
# link with readlink without -f, which macOS's readlink lacked before 12.3; a relative target is read from the link's
# directory. [ -L ] is a builtin: a script that is no link costs no process here.
script="${BASH_SOURCE[0]}"
while [ -L "$script" ]; do
  target="$(readlink "$script")"
  case "$target" in
  /*) script="$target" ;;
  *) case "$script" in */*) script="${script%/*}/$target" ;; *) script="$target" ;; esac ;;
  esac
done

# CDPATH would make cd print the directory into $root.
case "$script" in
*/*) root="${script%/*}" ;;
*) root=. ;;
esac
root="$(CDPATH='' cd -- "$root" && pwd)"
temp="$root/.nuke/temp"
bin="$temp/build-bin"
stamp="$temp/build.stamp"
assembly="$bin/_build.dll"

fail() {
  printf 'build.sh: %s\n' "$1" >&2
  exit "${2:-1}"
}

# What shapes the compiled build: sources, project files, package locks, SDK pin, analyzer settings.
# Runs the command "$@" on every input file from the repository root, never from the caller's directory: that may be
# another checkout of this repository, whose files must not stand in for ours.
each_input() {
  (
    cd "$root" || exit 1
    starts=""
    for entry in build src global.json Directory.Build.props Directory.Packages.props .editorconfig; do
      if [ -e "$entry" ]; then starts="$starts $entry"; fi
    done
    # shellcheck disable=SC2086 # the fixed names above hold no spaces or wildcards
    find $starts \( -name bin -o -name obj \) -prune -o -type f -exec "$@" {} +
  )
}

# Sets $current to "<path> <size> <mtime>" per input, sorted. GNU and busybox stat take -c, BSD (macOS) stat takes -f;
# each try is captured on its own, so a failed one leaves nothing behind.
read_listing() {
  local flavours flavour
  case "${OSTYPE:-}" in
  darwin* | *bsd*) flavours="bsd gnu" ;;
  *) flavours="gnu bsd" ;;
  esac
  for flavour in $flavours; do
    if [ "$flavour" = gnu ]; then
      current="$(each_input stat -c '%n %s %Y' 2>/dev/null | LC_ALL=C sort)" && return 0
    else
      current="$(each_input stat -f '%N %z %m' 2>/dev/null | LC_ALL=C sort)" && return 0
    fi
  done
  return 1
}

# sha256sum (GNU, busybox, Git Bash) or shasum (macOS): both print "<hex>  <name>".
if command -v sha256sum >/dev/null 2>&1; then
  sha256=(sha256sum)
elif command -v shasum >/dev/null 2>&1; then
  sha256=(shasum -a 256)
else
  sha256=()
fi

content_hash() {
  [ "${#sha256[@]}" -gt 0 ] || fail "found neither sha256sum nor shasum on PATH; one of them is needed to tell whether build/ changed"
  local hash
  hash="$(each_input "${sha256[@]}" | LC_ALL=C sort | "${sha256[@]}")" || fail "could not read the build's inputs under $root"
  printf '%s\n' "${hash%% *}"
}

# A file changed again within the second its mtime was read looks unchanged: such a listing is not trusted next run.
# "now" is read after the listing was, so a file is racy when its mtime is at or after now - 1.
trusted_listing() {
  local now
  now="$(date +%s)"
  if printf '%s\n' "$1" | awk -v now="$now" '$NF >= now - 1 { racy = 1 } END { exit racy ? 0 : 1 }'; then
    printf 'racy\n'
  else
    printf '%s\n' "$1"
  fi
}

write_stamp() { # content, listing
  local trusted
  trusted="$(trusted_listing "$2")"
  printf 'content %s\n%s\n' "$1" "$trusted" >"$stamp.$$"
  mv -f "$stamp.$$" "$stamp"
}

sdk_version() { sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$root/global.json"; }

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    fail "dotnet was not found on PATH. Install the .NET SDK named in global.json ($(sdk_version) or a later feature band): https://dot.net/download"
  (cd "$root" && dotnet --version >/dev/null 2>&1) ||
    fail "the dotnet on PATH ($(dotnet --version 2>/dev/null || echo unknown)) does not satisfy global.json: install the SDK it names ($(sdk_version), rollForward latestFeature): https://dot.net/download"
}

# MSBuild reads every environment variable as a property, and some name files it imports
# (CustomBeforeMicrosoftCommonTargets, DirectoryBuildPropsPath, MSBuildUserExtensionsPath, ...): in a pipeline, where a
# trigger or pipeline variable lands in the environment, such a file would run code next to the job's tokens. There the
# compile gets only what dotnet and NuGet need; the same markers as the build's pipeline mode (CiJobMarkers), present
# at all, and CI, which turns on the locked restore. Locally the compile sees the caller's environment, as any build.
compile_environment=()
set_compile_environment() {
  local allowed name
  if [ -n "${GITLAB_CI+x}${CI_JOB_TOKEN+x}${CI_JOB_ID+x}${CI+x}" ]; then
    compile_environment=(env -i)
    allowed="PATH HOME TMPDIR CI DOTNET_ROOT DOTNET_CLI_HOME NUGET_PACKAGES DOTNET_CLI_TELEMETRY_OPTOUT DOTNET_NOLOGO"
    allowed="$allowed DOTNET_SKIP_FIRST_TIME_EXPERIENCE HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy"
    case "${OSTYPE:-}" in
    # Git Bash: what Windows itself and NuGet's settings need.
    msys* | cygwin* | win32*) allowed="$allowed SYSTEMROOT WINDIR COMSPEC PATHEXT USERPROFILE APPDATA LOCALAPPDATA PROGRAMDATA PROGRAMFILES TEMP TMP" ;;
    esac
    for name in $allowed; do
      if [ -n "${!name+x}" ]; then compile_environment[${#compile_environment[@]}]="$name=${!name}"; fi
    done
  fi
}

compile() { # content, listing
  require_dotnet
  set_compile_environment
  mkdir -p "$temp"
  # MSBuild rewrites these in place and keeps them when they are newer than their inputs, so a compile killed while
  # writing them would leave them cut short for good ("Failed to map file"); they are cheap to regenerate.
  rm -f "$stamp" "$bin/_build.runtimeconfig.json" "$bin/_build.deps.json"
  printf 'Compiling the build (its inputs changed)...\n' >&2
  local log="$temp/build-compile.log" status=0
  # In the background, so that a signal to this shell is acted on at once and passed on, not after dotnet build ends
  # (a SIGTERM to bash alone used to leave the compile running). SIGTERM for both: a background job of a
  # non-interactive shell ignores SIGINT.
  trap 'interrupted_compile' INT TERM
  ${compile_environment[@]+"${compile_environment[@]}"} dotnet build "$root/build/_build.csproj" -c Release -o "$bin" -nologo -v quiet -clp:NoSummary >"$log" 2>&1 &
  compiling=$!
  wait "$compiling" || status=$?
  trap 'exit 130' INT TERM
  if [ "$status" -ne 0 ]; then
    grep -E 'error|Error' "$log" >&2 || cat "$log" >&2
    fail "compiling build/_build.csproj failed (full output: ${log#"$root"/})"
  fi
  write_stamp "$1" "$2"
}

compiling=""
interrupted_compile() {
  if [ -n "$compiling" ]; then
    kill -s TERM "$compiling" 2>/dev/null || true
    wait "$compiling" 2>/dev/null || true
  fi
  printf 'build.sh: interrupted while compiling the build; nothing was stamped, the next run compiles again\n' >&2
  exit 130
}

current=""
read_listing || fail "could not list the build's inputs under $root (with stat -c or stat -f)"
stamped_content="" stamped_listing=""
if [ -f "$stamp" ] && [ -f "$assembly" ]; then
  stamped=""
  IFS= read -r -d '' stamped <"$stamp" || true # a builtin: no process on the warm path
  case "$stamped" in
  "content "*$'\n'*)
    stamped_content="${stamped%%$'\n'*}"
    stamped_content="${stamped_content#content }"
    stamped_listing="${stamped#*$'\n'}"
    ;;
  esac
fi
if [ "$stamped_listing" != "$current"$'\n' ]; then
  content="$(content_hash)"
  if [ -n "$stamped_content" ] && [ "$stamped_content" = "$content" ]; then
    write_stamp "$content" "$current"
  else
    compile "$content" "$current"
  fi
fi

# Messages name the command as it was run (a link, another directory), not ./build.sh.
GITOPS_ENTRY_POINT="$0"
export GITOPS_ENTRY_POINT
# ${1+"$@"}: bash before 4 treats "$@" with no arguments as unbound under set -u.
exec dotnet "$assembly" ${1+"$@"}

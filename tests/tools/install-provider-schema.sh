#!/usr/bin/env bash
# Installs the hashicorp/google provider's schema for the Terraform schema test, without the provider itself (which
# cannot be downloaded here): @cdktf/provider-google (generated from hashicorp/google, pinned below) and
# @cdktf/hcl2json (HashiCorp's HCL parser compiled to wasm), into a repo-local npm prefix, then extracts the schema
# into one JSON file with tests/tools/provider-schema/extract-google-schema.js.
# Idempotent: returns at once when the pinned versions are already there.
# Prints the prefix directory on the last line of stdout (schema: <prefix>/google-<provider>.json,
# parser: <prefix>/node_modules/@cdktf/hcl2json); npm's own output goes to stderr.
# Usage: tests/tools/install-provider-schema.sh [tools-dir]   (default: <repo>/.nuke/tools)
set -euo pipefail

package_version="16.12.1"   # @cdktf/provider-google 16.12.1 is generated from hashicorp/google 6.50.0
provider_version="6.50.0"   # environments/terraform pins exactly this version; a test checks they agree
hcl2json_version="0.21.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="${1:-$repo_root/.nuke/tools}"
prefix="$tools_dir/provider-schema"
schema="$prefix/google-$provider_version.json"
# Written only after a complete install and extraction, so a second process never takes a half-done one for finished.
marker="$prefix/.installed-$package_version-$hcl2json_version"
lock="$tools_dir/.provider-schema.lock"

# mkdir is atomic everywhere (flock is missing on Git Bash); a lock older than 15 minutes was left by a killed run.
acquire_lock() {
  mkdir -p "$tools_dir"
  local waited=0
  until mkdir "$lock" 2>/dev/null; do
    if [[ -n "$(find "$lock" -maxdepth 0 -mmin +15 2>/dev/null)" ]]; then
      rmdir "$lock" 2>/dev/null || true
      continue
    fi
    if ((waited >= 900)); then
      echo "gave up waiting for another provider-schema install to finish ($lock)" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  trap 'rmdir "$lock" 2>/dev/null || true' EXIT
}

if [[ ! -f "$marker" ]]; then
  acquire_lock
fi

if [[ ! -f "$marker" ]]; then
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "node and npm are missing; the provider schema comes from the npm packages @cdktf/provider-google@$package_version and @cdktf/hcl2json@$hcl2json_version (Node 20 or later)." >&2
    exit 1
  fi

  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    "@cdktf/provider-google@$package_version" "@cdktf/hcl2json@$hcl2json_version" >&2
  node "$repo_root/tests/tools/provider-schema/extract-google-schema.js" "$prefix/node_modules" "$schema" >&2
  if [[ ! -s "$schema" ]]; then
    echo "the schema of hashicorp/google $provider_version was not written to $schema" >&2
    exit 1
  fi
  touch "$marker"
fi

echo "$prefix"

#!/usr/bin/env bash
# Installs gitlab-ci-local (pinned) into a repo-local npm prefix so tests and CI use the same version.
# Idempotent: returns at once when the pinned version is already there.
# Prints the path of the installed executable on its last line of stdout.
# Usage: tests/tools/install-gitlab-ci-local.sh [prefix]   (default prefix: <repo>/.nuke/tools)
set -euo pipefail

version="4.60.1"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
prefix="${1:-$repo_root/.nuke/tools}"
executable="$prefix/node_modules/.bin/gitlab-ci-local"
package_json="$prefix/node_modules/gitlab-ci-local/package.json"

installed_version() {
  [[ -f "$package_json" ]] || return 0
  sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$package_json" | head -n 1
}

# gitlab-ci-local copies the work tree with rsync before running a job; without it every job fails.
if ! command -v rsync >/dev/null 2>&1; then
  echo "rsync is missing; gitlab-ci-local needs it. Install it with: apt-get update && apt-get install -y rsync" >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing; gitlab-ci-local $version is an npm package (Node 20 or later)." >&2
  exit 1
fi

if [[ -x "$executable" && "$(installed_version)" == "$version" ]]; then
  echo "$executable"
  exit 0
fi

mkdir -p "$prefix"
# --no-save keeps npm from writing a package.json/lock into the tools folder; the version pin lives here.
npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "gitlab-ci-local@$version" >&2

if [[ "$(installed_version)" != "$version" ]]; then
  echo "gitlab-ci-local $version did not install into $prefix" >&2
  exit 1
fi

echo "$executable"

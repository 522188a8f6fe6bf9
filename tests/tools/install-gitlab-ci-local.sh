#!/usr/bin/env bash
# Installs gitlab-ci-local (pinned) into a repo-local npm prefix so tests and CI use the same version, and links it
# as .nuke/tools/bin/gitlab-ci-local, where the build's ToolLocator looks first.
# Idempotent: returns at once when the pinned version is already there.
# Prints the path of the executable on the last line of stdout; npm's own output goes to stderr.
# Usage: tests/tools/install-gitlab-ci-local.sh [tools-dir]   (default: <repo>/.nuke/tools)
set -euo pipefail

version="4.60.1"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools_dir="${1:-$repo_root/.nuke/tools}"
# A prefix of its own, so installing other npm tools under .nuke/tools never prunes this one.
prefix="$tools_dir/gitlab-ci-local"
package_json="$prefix/node_modules/gitlab-ci-local/package.json"
link="$tools_dir/bin/gitlab-ci-local"
# Written only after a complete install: npm lays files down (and builds native modules) for a while, and a second
# process must not take a half-installed package for a finished one.
marker="$prefix/.installed-$version"
lock="$tools_dir/.gitlab-ci-local.lock"

installed_version() {
  [[ -f "$package_json" ]] || return 0
  sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$package_json" | head -n 1
}

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
      echo "gave up waiting for another gitlab-ci-local install to finish ($lock)" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  trap 'rmdir "$lock" 2>/dev/null || true' EXIT
}

# gitlab-ci-local copies the work tree with rsync before each job; without it every job fails.
if ! command -v rsync >/dev/null 2>&1; then
  echo "rsync is missing; gitlab-ci-local needs it. Install it with: apt-get update && apt-get install -y rsync" >&2
  exit 1
fi

if [[ ! -f "$marker" ]]; then
  acquire_lock
fi

if [[ ! -f "$marker" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing; gitlab-ci-local $version is an npm package (needs Node 20 or later)." >&2
    exit 1
  fi

  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "gitlab-ci-local@$version" >&2
  if [[ "$(installed_version)" != "$version" ]]; then
    echo "gitlab-ci-local $version did not install into $prefix" >&2
    exit 1
  fi
  touch "$marker"
fi

mkdir -p "$tools_dir/bin"
ln -sfn "../gitlab-ci-local/node_modules/.bin/gitlab-ci-local" "$link"
echo "$link"

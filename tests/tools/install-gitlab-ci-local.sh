#!/usr/bin/env bash
# Installs gitlab-ci-local (pinned) into a repo-local npm prefix so tests and CI use the same version, and links it
# as .nuke/tools/bin/gitlab-ci-local, where the build's ToolLocator looks first.
# Idempotent: returns at once when the pinned version is already there and complete.
# Atomic: npm installs into a staging directory beside the prefix; only once the installed executable has run and
# named the pinned version is the staging directory marked and renamed into place. So the prefix is always either a
# verified install or absent, and one that is not complete (left by an older installer, or damaged) is redone.
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
# Written into the staging directory after the install there ran, then renamed into place with it.
marker="$prefix/.installed-$version"
executable="$prefix/node_modules/.bin/gitlab-ci-local"
lock="$tools_dir/.gitlab-ci-local.lock"
staging="$tools_dir/.gitlab-ci-local.staging.$$"

version_in() { # package.json
  [[ -f "$1" ]] || return 0
  sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$1" | head -n 1
}

# Cheap enough for every call: the marker, the pinned version and an executable. Running it is left to the install.
installed() {
  [[ -f "$marker" && -x "$executable" && "$(version_in "$package_json")" == "$version" ]]
}

# The lock is a directory (mkdir is atomic everywhere; flock is missing on Git Bash and macOS) holding its owner's
# pid. An interrupted Test kills its installer, so a lock whose owner is no longer running is taken over at once; a
# live owner is waited for, saying so, for up to 15 minutes.
owner_file="$lock/owner"

owner_alive() {
  kill -0 "$1" 2>/dev/null && return 0
  # kill -0 also fails for a live process of another user: only "No such process" means gone.
  case "$(LC_ALL=C kill -0 "$1" 2>&1)" in
  *"No such process"*) return 1 ;;
  *) return 0 ;;
  esac
}

# Moves the lock aside (rename is atomic: of two waiters only one succeeds) and checks it still named the dead owner;
# a lock another waiter re-took in the meantime is put back.
take_over() { # the dead owner's pid, or "" for a lock that never got one
  local stale="$lock.stale.$$"
  mv "$lock" "$stale" 2>/dev/null || return 0
  if [[ "$(cat "$stale/owner" 2>/dev/null || true)" != "$1" ]]; then
    mv "$stale" "$lock" 2>/dev/null || true
    return 0
  fi
  rm -rf "$stale"
  if [[ -n "$1" ]]; then
    echo "taking over the gitlab-ci-local install lock of pid $1, which is no longer running ($lock)" >&2
  else
    echo "taking over a gitlab-ci-local install lock that names no owner ($lock)" >&2
  fi
}

acquire_lock() {
  mkdir -p "$tools_dir"
  local waited=0 owner reported=""
  until mkdir "$lock" 2>/dev/null; do
    owner="$(cat "$owner_file" 2>/dev/null || true)"
    if [[ -n "$owner" ]] && ! owner_alive "$owner"; then
      take_over "$owner"
      continue
    fi
    # The owner writes its pid right after mkdir; a lock without one for 5 s is an older installer's or a crashed one's.
    if [[ -z "$owner" ]] && ((waited >= 5)); then
      take_over ""
      continue
    fi
    if [[ -n "$owner" && "$owner" != "$reported" ]]; then
      echo "waiting for another gitlab-ci-local install (pid $owner) to finish ($lock)" >&2
      reported="$owner"
    fi
    if ((waited >= 900)); then
      echo "gave up after 15 minutes waiting for the gitlab-ci-local install of pid ${owner:-unknown} to finish; if it is stuck, stop it or remove $lock" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "$$" >"$owner_file"
  trap 'release_lock' EXIT
}

release_lock() {
  rm -rf "$staging"
  if [[ "$(cat "$owner_file" 2>/dev/null || true)" == "$$" ]]; then
    rm -rf "$lock"
  fi
}

# gitlab-ci-local copies the work tree with rsync before each job; without it every job fails.
if ! command -v rsync >/dev/null 2>&1; then
  echo "rsync is missing; gitlab-ci-local needs it. Install it with: apt-get update && apt-get install -y rsync" >&2
  exit 1
fi

if ! installed; then
  acquire_lock
fi

if ! installed; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing; gitlab-ci-local $version is an npm package (needs Node 20 or later)." >&2
    exit 1
  fi

  # Holding the lock: staging directories of installers that were killed are nobody's.
  rm -rf "$tools_dir"/.gitlab-ci-local.staging.*
  mkdir -p "$staging"
  npm install --prefix "$staging" --no-audit --no-fund --loglevel=error "gitlab-ci-local@$version" >&2
  staged="$staging/node_modules/.bin/gitlab-ci-local"
  if [[ "$(version_in "$staging/node_modules/gitlab-ci-local/package.json")" != "$version" || ! -x "$staged" ]] \
    || [[ "$("$staged" --version 2>/dev/null | tail -n 1)" != "$version" ]]; then
    echo "gitlab-ci-local $version did not install: npm finished, but $staged does not run or does not say $version; nothing was put in place of $prefix" >&2
    exit 1
  fi
  touch "$staging/.installed-$version"

  if [[ -e "$prefix" ]]; then
    echo "replacing $prefix: it is not a complete gitlab-ci-local $version install (half-finished, damaged, or another version)" >&2
    rm -rf "$prefix"
  fi
  mv "$staging" "$prefix"
fi

mkdir -p "$tools_dir/bin"
ln -sfn "../gitlab-ci-local/node_modules/.bin/gitlab-ci-local" "$link"
echo "$link"

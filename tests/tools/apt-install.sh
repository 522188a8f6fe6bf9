#!/usr/bin/env bash
# Installs Debian packages the Test target needs; run as root (the Test target calls it only then).
# A fresh machine has no package lists: they are refreshed when the install cannot find a package.
# Usage: tests/tools/apt-install.sh package...
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq --no-install-recommends "$@" >&2; then
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "$@" >&2
fi

#!/usr/bin/env bash
# Sample e2e suite run by RunE2E against one environment. RunE2E sets:
#   STAGE, CLOUD, RELEASE  which environment and which release it should be running
#   BASE_URL               the environment's URL (from its values file)
#   JUNIT_PATH             where to write the JUnit XML that GitLab shows in the merge request
# E2E_SIMULATE_FAILURE=1 adds a failing case, to exercise the quarantine path without breaking an environment.
set -uo pipefail

: "${BASE_URL:?BASE_URL is required}" "${RELEASE:?RELEASE is required}" "${JUNIT_PATH:?JUNIT_PATH is required}"
suite="e2e.${STAGE:-unknown}-${CLOUD:-unknown}"
cases=""
failures=0
count=0

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# record NAME FAILURE-MESSAGE (empty message: passed)
record() {
  count=$((count + 1))
  local name message
  name=$(printf '%s' "$1" | xml_escape)
  if [ -z "$2" ]; then
    cases+="    <testcase classname=\"$suite\" name=\"$name\"/>"$'\n'
    echo "PASS $1"
  else
    failures=$((failures + 1))
    message=$(printf '%s' "$2" | xml_escape)
    cases+="    <testcase classname=\"$suite\" name=\"$name\"><failure message=\"$message\">$message</failure></testcase>"$'\n'
    echo "FAIL $1: $2"
  fi
}

# fetch PATH: sets status and body of GET BASE_URL/PATH
fetch() {
  local output
  output=$(curl --silent --show-error --max-time 10 --write-out $'\n%{http_code}' "${BASE_URL%/}$1" 2>&1)
  status=${output##*$'\n'}
  body=${output%$'\n'*}
}

fetch /healthz
if [ "$status" = "200" ]; then
  record "health endpoint answers 200" ""
else
  record "health endpoint answers 200" "GET /healthz returned $status"
fi

fetch /version
if [ "$status" = "200" ] && [[ "$body" == *"$RELEASE"* ]]; then
  record "environment runs release $RELEASE" ""
else
  record "environment runs release $RELEASE" "GET /version returned $status: ${body:0:200}"
fi

fetch /
case "$status" in
  2??|3??) record "front page is served" "" ;;
  *) record "front page is served" "GET / returned $status" ;;
esac

if [ "${E2E_SIMULATE_FAILURE:-0}" = "1" ]; then
  record "simulated failure" "E2E_SIMULATE_FAILURE=1"
fi

mkdir -p "$(dirname "$JUNIT_PATH")"
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo "<testsuites>"
  echo "  <testsuite name=\"$suite\" tests=\"$count\" failures=\"$failures\" errors=\"0\" skipped=\"0\" timestamp=\"$(date -u +%Y-%m-%dT%H:%M:%S)\">"
  printf '%s' "$cases"
  echo "  </testsuite>"
  echo "</testsuites>"
} > "$JUNIT_PATH"

echo "$count checks, $failures failed"
[ "$failures" -eq 0 ]

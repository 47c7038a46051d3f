#!/usr/bin/env bash
# The repository's one test command (README and .ci/run call it).
# Installs PostgreSQL from Debian when its binaries are missing (the data tests start their own throwaway
# cluster from them), runs every test project of the solution, and prints one line: `tests: N passed, M failed`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

have_postgres() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null 2>&1
}

if ! have_postgres; then
  echo "test.sh: PostgreSQL binaries not found; installing the Debian postgresql package" >&2
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "test.sh: not root and no sudo: install PostgreSQL with \`apt-get install -y postgresql\` and run again" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y postgresql
  if ! have_postgres; then
    echo "test.sh: apt-get installed postgresql but no initdb was found in PATH or /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi

log="$(mktemp "${TMPDIR:-/tmp}/lossless-test.XXXXXX.log")"
trap 'rm -f "$log"' EXIT

# English summaries whatever the machine's locale: the totals below are read from them.
export DOTNET_CLI_UI_LANGUAGE=en VSLANG=1033

status=0
dotnet test Analyzers.sln --configuration Release 2>&1 | tee "$log" || status=$?

# Sum the per-assembly summaries: "Passed!  - Failed:     0, Passed:    39, Skipped:     0, Total:    39, …".
passed=0
failed=0
assemblies=0
while IFS= read -r line; do
  f="$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' <<<"$line")"
  p="$(sed -n 's/.*Passed: *\([0-9]*\),.*/\1/p' <<<"$line")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  assemblies=$((assemblies + 1))
done < <(grep -E '^ *(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+,' "$log" || true)

# Every test project must report: a crashed test host prints no summary, and its tests must not go uncounted.
expected="$(find tests -mindepth 2 -maxdepth 2 -name '*Tests.csproj' | wc -l)"
if [ "$assemblies" -ne "$expected" ]; then
  echo "test.sh: $assemblies test assemblies reported a summary, expected $expected" >&2
  status=1
fi

echo "tests: $passed passed, $failed failed"

if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi

#!/usr/bin/env bash
# The repository's one test command (README and .ci/run call it).
# Installs PostgreSQL from Debian when its binaries are missing (the data tests start their own throwaway
# cluster from them), builds the solution once, then runs every test project (tests/*/*Tests.csproj), two at a
# time, printing a line when each starts and when it ends (with its counts and time) and a line a minute about
# those still running. Ends with one line: `tests: N passed, M failed`.
#
# LOSSLESS_TEST_JOBS=1 runs the test projects one after the other.
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

# English summaries whatever the machine's locale: the counts below are read from them.
export DOTNET_CLI_UI_LANGUAGE=en VSLANG=1033 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

jobs_max="${LOSSLESS_TEST_JOBS:-2}"
logs="$(mktemp -d "${TMPDIR:-/tmp}/lossless-test.XXXXXX")"
trap 'rm -rf "$logs"' EXIT

started=$SECONDS
duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
say() { printf '[%s] %s\n' "$(duration $((SECONDS - started)))" "$*"; }

say "build Analyzers.sln (Release)"
if ! dotnet build Analyzers.sln --configuration Release --nologo -tl:off -v quiet -clp:NoSummary >"$logs/build.log" 2>&1; then
  cat "$logs/build.log"
  say "the build failed: no test ran"
  echo "tests: 0 passed, 0 failed"
  exit 1
fi
say "built"

# The slowest first, so that the two slots end close together; any other test project after them.
projects=()
for name in Lossless.PackageTests Lossless.Tests Lossless.DataTests; do
  [ -f "tests/$name/$name.csproj" ] && projects+=("tests/$name/$name.csproj")
done
while IFS= read -r project; do
  case " ${projects[*]} " in *" $project "*) ;; *) projects+=("$project") ;; esac
done < <(find tests -mindepth 2 -maxdepth 2 -name '*Tests.csproj' | sort)

passed=0
failed=0
skipped=0
reported=0
status=0
declare -A pid_of start_of

# One line per finished assembly, from its summary: "Passed!  - Failed:     0, Passed:    39, Skipped:     0, Total: ...".
finish() {
  local name="$1" log="$logs/$1.log" code summary f p s took
  code="$(cat "$logs/$name.exit" 2>/dev/null || echo 1)"
  took="$(duration $((SECONDS - ${start_of[$name]})))"
  summary="$(grep -E '^ *(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+,' "$log" | tail -n 1 || true)"
  if [ -z "$summary" ]; then
    cat "$log"
    say "done  $name: no summary (exit code $code; did the test host crash?) ($took)"
    status=1
    return
  fi
  f="$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$summary")"
  p="$(sed -E 's/.*Passed: *([0-9]+),.*/\1/' <<<"$summary")"
  s="$(sed -E 's/.*Skipped: *([0-9]+),.*/\1/' <<<"$summary")"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  reported=$((reported + 1))
  if [ "$f" -ne 0 ] || [ "$code" -ne 0 ]; then
    cat "$log"
    status=1
  fi
  say "done  $name: $p passed, $f failed, $s skipped ($took)"
}

running=()
next=0
last_beat=$SECONDS
while :; do
  while [ "${#running[@]}" -lt "$jobs_max" ] && [ "$next" -lt "${#projects[@]}" ]; do
    project="${projects[$next]}"
    name="$(basename "$project" .csproj)"
    next=$((next + 1))
    say "start $name"
    start_of[$name]=$SECONDS
    (
      code=0
      dotnet test "$project" --configuration Release --no-build --nologo >"$logs/$name.log" 2>&1 || code=$?
      echo "$code" >"$logs/$name.exit"
    ) &
    pid_of[$name]=$!
    running+=("$name")
  done
  [ "${#running[@]}" -eq 0 ] && break

  sleep 2
  still=()
  for name in "${running[@]}"; do
    if kill -0 "${pid_of[$name]}" 2>/dev/null; then
      still+=("$name")
    else
      wait "${pid_of[$name]}" || true
      finish "$name"
    fi
  done
  running=(${still[@]+"${still[@]}"})

  if [ $((SECONDS - last_beat)) -ge 60 ] && [ "${#running[@]}" -gt 0 ]; then
    line=""
    for name in "${running[@]}"; do
      line+="${line:+, }$name ($(duration $((SECONDS - ${start_of[$name]}))))"
    done
    say "still running: $line"
    last_beat=$SECONDS
  fi
done

# Every test project must report: a crashed test host prints no summary, and its tests must not go uncounted.
if [ "$reported" -ne "${#projects[@]}" ]; then
  echo "test.sh: $reported test assemblies reported a summary, expected ${#projects[@]}" >&2
  status=1
fi
if [ "$skipped" -ne 0 ]; then
  echo "test.sh: $skipped tests were skipped; no test may be skipped" >&2
  status=1
fi

say "finished"
echo "tests: $passed passed, $failed failed"

if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi

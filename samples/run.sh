#!/usr/bin/env bash
# Replays incident 0024 against Lossless as users install it:
#   1. packs src/Lossless.Package (Release) into artifacts/packages with a version of its own
#      (<version>-local.<UTC time>), so that no package cache can hold a stale copy of it,
#   2. restores samples/Lossless.Sample from that folder feed (samples/NuGet.config) into its own
#      package folder, artifacts/sample-packages, after deleting the cached Lossless copies there,
#   3. builds the sample - the build is EXPECTED to fail: LL1003 is an error - and prints its LL lines,
#   4. checks that migration 20250117120000_YummyChamber is caught (LL1003 on users.id, naming
#      projects.userId and accounts.userId, and LL1003 on projects.userId, each on its AlterColumn)
#      and that the widening migration 20250110150000_LongerProjectTitles is silent.
# Exits 0 when all of that holds, 1 otherwise.
#
# With Sqlite (samples/run.sh sqlite) it replays the incident's silent face instead: string to Guid keeps TEXT, so
# EF Core scaffolds YummyChamber empty; the build passes (LL1010 is a warning) and LL1010 must name users.id,
# accounts.userId and projects.userId on YummyChamber's Up, with no LL1003 anywhere.
#
# Usage (from anywhere): samples/run.sh [Npgsql|SqlServer|sqlite]     (default Npgsql; or SAMPLE_PROVIDER=...)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
provider="${1:-${SAMPLE_PROVIDER:-Npgsql}}"
case "$provider" in
  Npgsql) migrations="Migrations" ;;
  SqlServer) migrations="SqlServerMigrations" ;;
  sqlite|Sqlite|SQLite) provider="Sqlite"; migrations="SqliteMigrations" ;;
  *) echo "run.sh: provider must be Npgsql, SqlServer or sqlite, not '$provider'" >&2; exit 2 ;;
esac

sample="$root/samples/Lossless.Sample"
feed="$root/artifacts/packages"
cache="$root/artifacts/sample-packages"
log="$root/artifacts/sample-build-$provider.log"
incident="$migrations/20250117120000_YummyChamber.cs"
widening="$migrations/20250110150000_LongerProjectTitles.cs"

fail() { echo "run.sh: $*" >&2; exit 1; }

# The machine's package cache serves what it already holds (EF Core, Npgsql, ...) as a read-only fallback, so the
# sample's own folder gets only the rest. NUGET_PACKAGES would override samples/NuGet.config's
# globalPackagesFolder (and with it the stale-copy cleanup below), so it is not passed on.
machine_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
unset NUGET_PACKAGES
fallback=()
[ -d "$machine_packages" ] && fallback=("-p:RestoreAdditionalProjectFallbackFolders=$machine_packages")

echo "== pack src/Lossless.Package (Release) -> artifacts/packages"
# A version no cache can hold. Following README's Install steps puts Lossless.EntityFrameworkCore <version> into the
# user's NuGet cache, which the restore below reads as a fallback folder: a pack with that same version would be
# shadowed by the cached copy, and the sample would be built against an old analyzer.
base_version="$(dotnet msbuild "$root/src/Lossless.Package" -getProperty:Version -nologo 2>/dev/null | tr -d '[:space:]')"
[ -n "$base_version" ] || fail "could not read the package version of src/Lossless.Package"
version="$base_version-local.$(date -u +%Y%m%d%H%M%S)"
mkdir -p "$feed"
rm -f "$feed"/Lossless.EntityFrameworkCore.*.nupkg
dotnet pack "$root/src/Lossless.Package" -c Release -o "$feed" -p:PackageVersion="$version" --nologo -v quiet -tl:off || fail "pack failed"
nupkg="$feed/Lossless.EntityFrameworkCore.$version.nupkg"
[ -f "$nupkg" ] || fail "dotnet pack did not write $nupkg"
echo "   ${nupkg#"$root"/}"

if [ "$provider" = "Sqlite" ]; then expectation="expected to pass, with warnings"; else expectation="expected to fail"; fi
echo "== build samples/Lossless.Sample ($provider) against Lossless.EntityFrameworkCore $version ($expectation)"
rm -rf "$cache/lossless.entityframeworkcore"
dotnet build "$sample" -p:SampleProvider="$provider" -p:LosslessPackageVersion="$version" "${fallback[@]}" \
  --nologo -tl:off -clp:NoSummary -v minimal >"$log" 2>&1
build_exit=$?
cached="$cache/lossless.entityframeworkcore/$version/lossless.entityframeworkcore.$version.nupkg"
cmp -s "$nupkg" "$cached" || { cat "$log"; fail "the sample did not restore the package just packed (no $cached)"; }

# Diagnostics as MSBuild prints them: <file>(<line>,<col>): error LL1003: <message> [<project>]
ll_lines="$(grep -E ': (error|warning|info) LL[0-9]{4}: ' "$log" | sed -e "s|$root/||g" -e 's| \[[^]]*\]$||' | awk '!seen[$0]++')"
other_errors="$(grep -E ': error ' "$log" | grep -vE ': error LL[0-9]{4}: ' | sed -e "s|$root/||g" | awk '!seen[$0]++')"
echo "== LL diagnostics (dotnet build exit code $build_exit; full log: ${log#"$root"/})"
if [ -n "$ll_lines" ]; then echo "$ll_lines"; else echo "(none)"; fi
[ -z "$other_errors" ] || { echo "$other_errors"; fail "the sample failed for reasons other than LL diagnostics"; }

if [ "$provider" = "Sqlite" ]; then
  # Where Up's name stands in the empty migration: "<line>,<col>" of the Up token.
  up="$(awk '{ sub(/^\xef\xbb\xbf/, "") } /override void Up\(/ { print NR "," index($0, "Up("); exit }' "$sample/$incident")"
  [ -n "$up" ] || fail "no Up in $incident"
  for column in users.id accounts.userId projects.userId; do
    grep -F "samples/Lossless.Sample/$incident($up): warning LL1010: " <<<"$ll_lines" | grep -qF "'$column' from string to Guid" \
      || fail "missing: warning LL1010 on '$column' at $incident($up)"
  done
  if grep -qF ": error LL1003: " <<<"$ll_lines"; then fail "LL1003 was reported on SQLite, where the migration holds no AlterColumn"; fi
  if grep -qF "$widening(" <<<"$ll_lines"; then fail "the widening migration $widening was reported; it must stay silent"; fi
  [ "$build_exit" -eq 0 ] || fail "dotnet build failed (exit code $build_exit), although LL1010 is a warning"
  echo "incident 0024's silent face caught (Sqlite): YummyChamber is empty, and LL1010 names users.id, accounts.userId and projects.userId on its Up ($incident($up)); the widening migration ${widening##*/} stays silent"
  exit 0
fi

# Where Up's AlterColumn for table.column starts: "<line>,<col>" of the AlterColumn token.
position() {
  awk -v table="$1" -v column="$2" '
    { sub(/^\xef\xbb\xbf/, "") }
    /AlterColumn/ { line = NR; col = index($0, "AlterColumn"); name = "" }
    $0 ~ "name: \"" column "\"," { name = column }
    line && name == column && $0 ~ "table: \"" table "\"," { print line "," col; exit }
  ' "$sample/$incident"
}

check_ll1003() { # table column must-also-mention...
  local table="$1" column="$2" pos line
  shift 2
  pos="$(position "$table" "$column")"
  [ -n "$pos" ] || fail "no AlterColumn for $table.$column in $incident"
  line="$(grep -F "samples/Lossless.Sample/$incident($pos): error LL1003: " <<<"$ll_lines" | grep -F "'$table.$column'")"
  [ -n "$line" ] || fail "missing: error LL1003 on '$table.$column' at $incident($pos)"
  for other in "$@"; do
    grep -qF "$other" <<<"$line" || fail "the LL1003 on '$table.$column' does not name $other: $line"
  done
  echo "$table.$column ($incident($pos))"
}

caught_users="$(check_ll1003 users id projects.userId accounts.userId)" || exit 1
caught_projects="$(check_ll1003 projects userId)" || exit 1
if grep -qF "$widening(" <<<"$ll_lines"; then
  fail "the widening migration $widening was reported; it must stay silent"
fi
[ "$build_exit" -ne 0 ] || fail "dotnet build succeeded although LL1003 is an error"

echo "incident 0024 caught ($provider): LL1003 on $caught_users and on $caught_projects; the widening migration ${widening##*/} stays silent"

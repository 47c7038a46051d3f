#!/usr/bin/env bash
# What a user's command-line build pays for Lossless on a corpus set: the set compiled by `dotnet build` (the SDK's
# own compiler, ReadyToRun, tiered JIT), not by the corpus runner's in-process Roslyn.
#
#   tests/Lossless.Corpus/real-build.sh --corpus DIR [--pairs N] [--out DIR] [--baseline DLL] SET [SET ...]
#
# For each set it writes a project under OUT/SET (the set's files and its stub file, the SDK's implicit usings as the
# corpus runner adds them, EF Core Relational and the set's provider package at the versions Directory.Build.props
# pins, Lossless.Analyzers from this repository's Release build, the two floor analyzers of tests/Lossless.Benchmarks),
# restores and builds it once, and takes from that build the compiler's command line (the SDK's csc, every reference,
# EF Core's analyzers and the runtime pack's generators). Then, with that compiler run as its own process (no compiler
# server kept warm between runs, as on a fresh CI machine; MSBuild's own work, most of a small build's time and of its
# noise, left out):
#   1. three compiles with the compiler's analyzer report (/reportanalyzer), the floors included: the wall-clock time
#      Roslyn charges to each analyzer's callbacks, which is what a user who turns the report on reads (medians);
#   2. N pairs of compiles without and with Lossless (without first), timed by bash's `time` (user + sys CPU of the
#      compiler's process, and elapsed). The median of the pairs' differences is what Lossless adds to that compile,
#      JIT and first calls included. With --baseline DLL (another build of Lossless.Analyzers.dll, e.g. of main before
#      a change) each round compiles without, with the baseline, then with this build: the median of with − baseline
#      is what the change saves or costs, measured under the same load as the rest.
# The floors report hidden diagnostics, and a command-line build skips an analyzer whose diagnostics are all hidden:
# they are raised to warnings here. Lossless's error-severity rules are lowered to warnings, so both arms emit.
# Results: OUT/SET/report-K.txt (the analyzer reports), OUT/SET/pairs.tsv, and one summary line per set on stdout.
# Needs: a Release build of src/Lossless.Analyzers and tests/Lossless.Benchmarks, the corpus (../shared/corpus).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus=""
pairs=6
out="${TMPDIR:-/tmp}/lossless-real-build"
sets=()
baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --pairs) pairs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --baseline) baseline="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) sets+=("$1"); shift ;;
  esac
done
if [ -z "$corpus" ] || [ ${#sets[@]} -eq 0 ]; then
  echo "usage: $0 --corpus DIR [--pairs N] [--out DIR] [--baseline DLL] SET [SET ...]" >&2
  exit 2
fi

lossless="$root/src/Lossless.Analyzers/bin/Release/netstandard2.0/Lossless.Analyzers.dll"
floor="$root/tests/Lossless.Benchmarks/bin/Release/net10.0/Lossless.Benchmarks.dll"
for f in "$lossless" "$floor" ${baseline:+"$baseline"}; do
  [ -f "$f" ] || { echo "missing $f: dotnet build -c Release src/Lossless.Analyzers tests/Lossless.Benchmarks" >&2; exit 2; }
done
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/Directory.Build.props" | head -1; }
efcore="$(prop EFCoreVersion)"
npgsql="$(prop NpgsqlEFCoreVersion)"

median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'; }

for set in "${sets[@]}"; do
  provider="$(awk -F'\t' -v s="$set" '$1 == s {print $5}' "$corpus/sets.tsv")"
  case "$provider" in
    npgsql) package="<PackageReference Include=\"Npgsql.EntityFrameworkCore.PostgreSQL\" Version=\"$npgsql\" />" ;;
    sqlserver) package="<PackageReference Include=\"Microsoft.EntityFrameworkCore.SqlServer\" Version=\"$efcore\" />" ;;
    sqlite) package="<PackageReference Include=\"Microsoft.EntityFrameworkCore.Sqlite\" Version=\"$efcore\" />" ;;
    *) echo "$set: no provider we analyse (sets.tsv says '$provider'), skipped" >&2; continue ;;
  esac

  dir="$out/$set"
  mkdir -p "$dir"
  cat > "$dir/$set.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);CS0618;CS1591;CS1998;CS8032;CS8981</NoWarn>
    <LosslessDll Condition="'\$(LosslessDll)' == ''">$lossless</LosslessDll>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$corpus/$set/**/*.cs" />
    <Compile Include="$corpus/_stubs/$set.cs" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="$efcore" />
    $package
    <Analyzer Include="\$(LosslessDll)" Condition="'\$(LosslessDll)' != 'none'" />
    <Analyzer Include="$floor" Condition="'\$(Floor)' == 'true'" />
    <GlobalAnalyzerConfigFiles Include="\$(MSBuildThisFileDirectory)measure.globalconfig" />
  </ItemGroup>
</Project>
EOF
  cat > "$dir/measure.globalconfig" <<'EOF'
is_global = true
dotnet_diagnostic.FLOOR01.severity = warning
dotnet_diagnostic.FLOOR02.severity = warning
dotnet_diagnostic.LL1001.severity = warning
dotnet_diagnostic.LL1003.severity = warning
EOF
  (cd "$dir" && dotnet restore -v:q > restore.log 2>&1) || { echo "$set: restore failed, see $dir/restore.log" >&2; continue; }

  export UseSharedCompilation=false
  if ! (cd "$dir" && dotnet build --no-restore --no-incremental -p:Floor=true -v:d > build.log 2>&1); then
    if grep -q 'error LL' "$dir/build.log"; then
      echo "$set: Lossless reported an error ($(grep -m1 -oE 'error LL[0-9]+' "$dir/build.log")): lower it to a warning in measure.globalconfig" >&2
      exit 1
    fi
    echo "$set: build failed, see $dir/build.log" >&2
    continue
  fi
  line="$(grep -m1 -E '/csc(\.exe)? /noconfig ' "$dir/build.log")"
  csc="$(echo "$line" | sed -E 's:^ *([^ ]*/csc(\.exe)?) .*:\1:')"
  echo "$line" | sed -E 's:^ *[^ ]*/csc(\.exe)? ::' > "$dir/floors.rsp"
  sed -E "s| /analyzer:[^ ]*/Lossless\.Benchmarks\.dll||" "$dir/floors.rsp" > "$dir/with.rsp"
  sed -E "s| /analyzer:[^ ]*/Lossless\.Analyzers\.dll||" "$dir/with.rsp" > "$dir/without.rsp"
  grep -q 'Lossless.Analyzers.dll' "$dir/with.rsp" && ! grep -q 'Lossless.Analyzers.dll' "$dir/without.rsp" \
    || { echo "$set: could not take Lossless out of the compiler's command line" >&2; continue; }
  arms="without with"
  if [ -n "$baseline" ]; then
    sed -E "s|/analyzer:[^ ]*/Lossless\.Analyzers\.dll|/analyzer:$baseline|" "$dir/with.rsp" > "$dir/baseline.rsp"
    arms="without baseline with"
  fi

  for k in 1 2 3; do
    (cd "$dir" && "$csc" /reportanalyzer "@floors.rsp" > "report-$k.log" 2>&1) || true
    awk '/Total analyzer execution time/ {on=1} on && /Lossless|FloorAnalyzer|BindingFloor|EntityFrameworkCore\.Analyzers|Total analyzer/ {print}' "$dir/report-$k.log" \
      | sed -E 's/ +/ /g; s/\(LL[^)]*\)//' | awk '!seen[$0]++' > "$dir/report-$k.txt"
  done
  charged() { for k in 1 2 3; do awk -v name="$1" '$0 ~ name {print $1; exit}' "$dir/report-$k.txt"; done | median; }

  printf 'pair\tarm\tcpu_s\twall_s\tLL_warnings\n' > "$dir/pairs.tsv"
  TIMEFORMAT='%U %S %R'
  for i in $(seq "$pairs"); do
    for arm in $arms; do
      t="$( { time (cd "$dir" && "$csc" "@$arm.rsp" > "compile-$arm.log" 2>&1) ; } 2>&1 )"
      cpu="$(echo "$t" | awk '{printf "%.2f", $1 + $2}')"
      wall="$(echo "$t" | awk '{print $3}')"
      printf '%s\t%s\t%s\t%s\t%s\n' "$i" "$arm" "$cpu" "$wall" "$(grep -c 'warning LL' "$dir/compile-$arm.log" || true)" >> "$dir/pairs.tsv"
      # An error skips emit, and the arms would no longer do the same work: a rule made an error since this script
      # listed LL1001 and LL1003 in measure.globalconfig needs adding there.
      if grep -q 'error LL' "$dir/compile-$arm.log"; then
        echo "$set: Lossless reported an error ($(grep -m1 -oE 'error LL[0-9]+' "$dir/compile-$arm.log")): lower it to a warning in measure.globalconfig" >&2
        exit 1
      fi
    done
  done
  without_cpu="$(awk -F'\t' '$2 == "without" {print $3}' "$dir/pairs.tsv" | median)"
  with_cpu="$(awk -F'\t' '$2 == "with" {print $3}' "$dir/pairs.tsv" | median)"
  added_cpu="$(awk -F'\t' 'NR > 1 {v[$1, $2] = $3; n[$1]} END {for (i in n) printf "%.2f\n", v[i, "with"] - v[i, "without"]}' "$dir/pairs.tsv" | median)"
  added_wall="$(awk -F'\t' 'NR > 1 {v[$1, $2] = $4; n[$1]} END {for (i in n) printf "%.2f\n", v[i, "with"] - v[i, "without"]}' "$dir/pairs.tsv" | median)"
  versus=""
  if [ -n "$baseline" ]; then
    baseline_cpu="$(awk -F'\t' '$2 == "baseline" {print $3}' "$dir/pairs.tsv" | median)"
    change="$(awk -F'\t' 'NR > 1 {v[$1, $2] = $3; n[$1]} END {for (i in n) printf "%.2f\n", v[i, "with"] - v[i, "baseline"]}' "$dir/pairs.tsv" | median)"
    changes="$(awk -F'\t' 'NR > 1 {v[$1, $2] = $3; n[$1]} END {for (i = 1; i in n; i++) printf "%s%+.2f", (i > 1 ? " " : ""), v[i, "with"] - v[i, "baseline"]}' "$dir/pairs.tsv")"
    versus="; baseline CPU s $baseline_cpu, with − baseline median $change (rounds $changes)"
  fi
  diffs="$(awk -F'\t' 'NR > 1 {v[$1, $2] = $3; n[$1]} END {for (i = 1; i in n; i++) printf "%s%+.2f", (i > 1 ? " " : ""), v[i, "with"] - v[i, "without"]}' "$dir/pairs.tsv")"
  echo "$set: report (wall s) Lossless $(charged 'Lossless.Analyzers, ') binding floor $(charged BindingFloorAnalyzer) floor $(charged 'Benchmarks.FloorAnalyzer') EF Core $(charged 'EntityFrameworkCore.Analyzers, '); compile CPU s without $without_cpu with $with_cpu, added median $added_cpu (pairs $diffs), elapsed added median $added_wall$versus"
done

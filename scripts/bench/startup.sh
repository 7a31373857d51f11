#!/usr/bin/env bash
# Start-up of short commands against the JVM's own floor, measured in one run with hyperfine:
#   java -version                      the floor: a JVM that starts and exits
#   apitool --version / jwt sign       warm: through scripts/apitool, with its class-data archive
#   ... APITOOL_NO_CDS=1               cold: no archive (what the first run after a build pays, less recording)
# Prints the median of each and its ratio to java -version. Needs hyperfine (apt-get install -y hyperfine).
# Usage: scripts/bench/startup.sh [RUNS]   (default 10)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-10}
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is not installed (apt-get install -y hyperfine)" >&2; exit 2; }
cd "$root"
scripts/apitool --version >/dev/null   # build the jar and record the archive if needed
secret=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
export APITOOL_BENCH_SECRET="$secret"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out" \
  -n 'java -version' 'java -version' \
  -n 'apitool --version (warm)' 'scripts/apitool --version' \
  -n 'apitool jwt sign (warm)' 'scripts/apitool jwt sign --secret env:APITOOL_BENCH_SECRET --sub alice --exp 15m' \
  -n 'apitool --version (cold, no archive)' 'env APITOOL_NO_CDS=1 scripts/apitool --version' \
  -n 'apitool jwt sign (cold, no archive)' 'env APITOOL_NO_CDS=1 scripts/apitool jwt sign --secret env:APITOOL_BENCH_SECRET --sub alice --exp 15m' \
  >/dev/null
python3 - "$out" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
print(f"{'command':40s} {'median':>9s} {'ratio':>6s}")
for r in results:
    print(f"{r['command']:40s} {r['median']*1000:7.1f}ms {r['median']/floor:5.2f}x")
PY

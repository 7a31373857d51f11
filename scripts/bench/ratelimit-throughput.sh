#!/usr/bin/env bash
# Single-threaded in-memory simulation throughput of each rate-limit algorithm, in decisions per
# second, on a 10-million-request script (issue 4's speed figure), measured two ways in one run:
#   script    ratelimit simulate --script FILE: NDJSON parsing + decisions + statistics
#   generate  ratelimit simulate --generate SPEC: the same requests generated in process (no parsing)
# The script is generated once (poisson:rate=100000/s,duration=100s,keys=1000,dist=zipf,seed=1,
# 10,005,298 requests, ~430 MB) and kept in /tmp for later runs. Each algorithm runs alone
# (one --policy per run) with --output json, RUNS times (default 3), interleaved; the table shows
# the median wall time and decisions/s, both gross (whole process) and net of the JVM start-up
# and command set-up (the median of a run on a 1-request traffic, measured in the same run).
# The last rows repeat the token bucket with the JVM flags scripts/apitool gives short commands
# (C1 only, serial GC), to show what the launcher costs a long simulation.
# Needs java 17+, mvn (to build target/apitool.jar when stale) and python3; about 2 minutes on an
# idle 2-core machine (plus ~10 s to generate the script the first time), longer under load.
# Usage: [RUNS=3] [SCRIPT=/tmp/apitool-bench-10m.ndjson] scripts/bench/ratelimit-throughput.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
runs=${RUNS:-3}
script=${SCRIPT:-/tmp/apitool-bench-10m.ndjson}
traffic="poisson:rate=100000/s,duration=100s,keys=1000,dist=zipf,seed=1"
jar=target/apitool.jar
command -v python3 >/dev/null || { echo "ratelimit-throughput.sh: python3 is needed" >&2; exit 2; }

if [[ ! -f "$jar" || -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "ratelimit-throughput.sh: building $jar ..." >&2
  mvn -q -B -Dmaven.test.skip=true package >&2
fi
if [[ ! -s "$script" ]]; then
  echo "ratelimit-throughput.sh: generating $script ($traffic) ..." >&2
  java -jar "$jar" ratelimit generate "$traffic" --out "$script" --force >&2
fi

changes=$(git diff --quiet HEAD -- src/main 2>/dev/null || echo " + uncommitted changes")
echo "# $(java -version 2>&1 | head -n 1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$changes;" \
  "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$jar" "$script" "$traffic" "$runs" <<'PY'
import json, statistics, subprocess, sys, time
jar, script, traffic, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# Per-key limits for ~100 requests/s per key on average (zipf: user_1 gets ~13%, ~13,000/s):
# every policy admits some and refuses some. The script's requests last 0 s (dur unset), so the
# concurrency limit measures its bookkeeping only.
policies = [
    "token-bucket:capacity=100,rate=50/s",
    "gcra:rate=50/s,burst=100",
    "nginx:rate=50r/s,burst=100,nodelay",
    "fixed-window:limit=50,window=1s",
    "sliding-log:limit=50,window=1s",
    "sliding-window:limit=50,window=1s",
    "concurrency:max=10",
]
launcher = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
sources = (("script", ["--script", script]), ("generate", ["--generate", traffic]))
# (label, policy, source, JVM options, source arguments)
cases = [(p, p, src, [], args) for p in policies for src, args in sources]
cases += [(policies[0] + " [launcher flags]", policies[0], src, launcher, args) for src, args in sources]
baseline = ("(start-up: 1 request)", policies[0], "generate", [], ["--generate", "constant:rate=1/s,duration=1s"])

def run(case):
    _, policy, _, jvm, args = case
    cmd = ["java", *jvm, "-jar", jar, "ratelimit", "simulate", "--policy", policy, *args, "--output", "json"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - t0, json.loads(out)["requests"]

times = {(c[0], c[2]): [] for c in cases + [baseline]}
requests = {}
for r in range(runs):
    order = [baseline] + (cases if r % 2 == 0 else cases[::-1])   # alternate the order between rounds
    for c in order:
        t, n = run(c)
        times[(c[0], c[2])].append(t)
        requests[(c[0], c[2])] = n
        print(f"  round {r + 1}/{runs}  {c[0]:48s} {c[2]:9s} {t:7.2f} s", file=sys.stderr, flush=True)

start = statistics.median(times[(baseline[0], baseline[2])])
print(f"\nstart-up + set-up (median of {runs}, 1 request): {start * 1000:.0f} ms")
print(f"{'policy':54s} {'source':9s} {'requests':>11s} {'median s':>9s} {'decisions/s':>12s} {'net of start':>13s}")
for c in cases:
    k = (c[0], c[2])
    med = statistics.median(times[k])
    n = requests[k]
    net = n / (med - start) if med > start else float("nan")
    spread = f"  (runs: {', '.join(f'{t:.2f}' for t in times[k])})"
    print(f"{c[0]:54s} {c[2]:9s} {n:11,d} {med:9.2f} {n / med:12,.0f} {net:13,.0f}{spread}")
if any(requests[(c[0], "script")] != requests[(c[0], "generate")] for c in cases):
    print(f"\nwarning: {script} no longer holds the generated traffic: delete it and run again")
print("\nscript/generate time ratio per policy (how much of a script run is parsing):")
for p in policies + [policies[0] + " [launcher flags]"]:
    s, g = statistics.median(times[(p, "script")]), statistics.median(times[(p, "generate")])
    print(f"  {p:54s} {s / g:5.2f}x  (parsing ~{max(0.0, s - g):.2f} s = {max(0.0, (s - g) / requests[(p, 'script')] * 1e9):.0f} ns/request)")
PY

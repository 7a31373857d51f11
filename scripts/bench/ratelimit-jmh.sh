#!/usr/bin/env bash
# JMH micro-benchmarks of the rate-limit hot path (src/jmh/java, built only with -Pbench):
#   TokenBucketBench   apitool's token bucket through Limiter + MemoryStore against Bucket4j's local
#                      bucket (same capacity and refill, same virtual clock), one key and 1,000 keys
#   PolicyBench        each of the 7 algorithms: the pure Policy.apply transition (no store), and
#                      decide through Limiter + MemoryStore on one key (the difference is the store)
# All in one run, single-threaded, so the apitool/Bucket4j ratio is measured under the same load.
# Prints JMH's table, then the ratios. Defaults: 2 forks, 3 x 1 s warm-up, 5 x 1 s measurement
# (about 7 minutes in all); FORKS, WARMUPS, ITERATIONS and TIME (per iteration) override them. Extra arguments
# go to JMH, e.g. a benchmark regex or "-prof gc" (allocated bytes per decision).
# Usage: [FORKS=2] [WARMUPS=3] [ITERATIONS=5] [TIME=1s] scripts/bench/ratelimit-jmh.sh [JMH ARGS...]
#   scripts/bench/ratelimit-jmh.sh TokenBucketBench -prof gc
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v python3 >/dev/null || { echo "ratelimit-jmh.sh: python3 is needed for the summary" >&2; exit 2; }

echo "ratelimit-jmh.sh: building into target/bench (mvn -Pbench test-compile) ..." >&2
mvn -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >&2
cp="target/bench/test-classes:target/bench/classes:$(cat target/bench/classpath.txt)"

out=$(mktemp --suffix=.json)
trap 'rm -f "$out"' EXIT
java -cp "$cp" org.openjdk.jmh.Main -f "${FORKS:-2}" -wi "${WARMUPS:-3}" -w "${TIME:-1s}" -i "${ITERATIONS:-5}" -r "${TIME:-1s}" -foe true \
  -rf json -rff "$out" "${@:-dev.apitool.bench.}"

python3 - "$out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
def name(r):
    n = r["benchmark"].rsplit(".", 2)
    label = n[-2] + "." + n[-1]
    p = r.get("params", {}).get("algorithm")
    return label + (" [" + p + "]" if p else "")
score = {}
print()
print(f"{'benchmark':72s} {'decisions/s':>14s} {'± 99.9%':>12s}")
for r in rows:
    m = r["primaryMetric"]
    score[name(r)] = m["score"]
    err = m["scoreError"]
    err = f"{err:12,.0f}" if isinstance(err, (int, float)) and err == err else f"{'n/a':>12s}"
    print(f"{name(r):72s} {m['score']:14,.0f} {err}")
    for k, v in sorted(r.get("secondaryMetrics", {}).items()):
        if k == "gc.alloc.rate.norm":
            print(f"{'  allocated per decision':72s} {v['score']:12.1f} B")
pairs = [("apitoolOneKey", "bucket4jOneKeyTryConsume"), ("apitoolOneKey", "bucket4jOneKeyProbe"),
         ("apitool1000Keys", "bucket4j1000KeysTryConsume"), ("apitool1000Keys", "bucket4j1000KeysProbe")]
shown = False
for a, b in pairs:
    a, b = "TokenBucketBench." + a, "TokenBucketBench." + b
    if a in score and b in score:
        if not shown:
            print(f"\n{'apitool / Bucket4j (throughput ratio; above 1 = apitool faster)':72s}")
            shown = True
        print(f"  {a.split('.')[1] + ' / ' + b.split('.')[1]:70s} {score[a] / score[b]:6.2f}x")
algorithms = [k[len("PolicyBench.apply ["):-1] for k in score if k.startswith("PolicyBench.apply [")]
shown = False
for alg in algorithms:
    a, d = score.get(f"PolicyBench.apply [{alg}]"), score.get(f"PolicyBench.decide [{alg}]")
    if a and d:
        if not shown:
            print(f"\n{'through MemoryStore / pure transition (throughput ratio)':72s}")
            shown = True
        print(f"  {alg:70s} {d / a:6.2f}x  ({1e9 / d - 1e9 / a:5.1f} ns of store per decision)")
PY

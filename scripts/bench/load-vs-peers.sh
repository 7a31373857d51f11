#!/usr/bin/env bash
# apitool load against its peers (issue 5's speed figure): starts its own nginx on loopback (a
# 2-byte `return 200 "ok"` and a 1 KiB static file), with 1 and then 2 worker processes, and for
# each runs, with 50 keep-alive connections for DURATION seconds each:
#   apitool-t1  apitool load --threads 1        wrk   wrk -t2 -c50
#   apitool-t2  apitool load --threads 2        ab    ab -k -c50 (-n DURATION x 250k: ab preallocates per request)
#                                               hey   hey -c 50
# ROUNDS times, the tool order reversed every other round (machines here are noisy: the ratio
# measured in one run is the figure, not the absolute numbers). For each run it records the
# tool's requests/s (parsed from its own output; apitool from --output json "rps") and the client
# CPU seconds (user+sys of the client process tree, from /usr/bin/time -f '%U %S'), and prints
# the medians per tool: requests/s, CPU-s per 100k requests with the JVM start-up included
# (the goal figure) and, for apitool, without it (minus the median CPU of
# `java -jar target/apitool.jar --version`), then the ratios apitool/wrk.
# CPU per 100k divides by the requests the client completed in the whole run (apitool's warm-up
# included, since its CPU is included too).
# Installs nothing: needs nginx, wrk, ab, hey (apt-get install -y nginx wrk apache2-utils hey;
# a missing wrk/ab/hey is skipped with a note, nginx is required), java 17+, python3, and mvn when
# target/apitool.jar is stale. Only loopback; every run is bounded by `timeout`.
# Time: about 2 x |SIZES| x 5 x ROUNDS x (DURATION + ~1.5) s; defaults ~ 22 min.
# A/B builds in the same window: VARIANTS='base=java -jar /tmp/base.jar;new=java -jar target/apitool.jar'
# runs each command (NAME=COMMAND, ';'-separated; default apitool=java -jar target/apitool.jar) as
# NAME-t1, NAME-t2 (THREADS picks the event-loop counts) with its own start-up CPU; PEERS picks the
# peers (default "wrk ab hey").
# Usage: [DURATION=20] [ROUNDS=3] [CONNECTIONS=50] [WORKERS="1 2"] [SIZES="2b 1k"] [THREADS="1 2"] \
#        [PEERS="wrk ab hey"] [VARIANTS='name=command;...'] scripts/bench/load-vs-peers.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
duration=${DURATION:-20}
rounds=${ROUNDS:-3}
conns=${CONNECTIONS:-50}
workers_list=${WORKERS:-1 2}
sizes=${SIZES:-2b 1k}
threads_list=${THREADS:-1 2}
peers=${PEERS:-wrk ab hey}
variants=${VARIANTS:-apitool=java -jar target/apitool.jar}
declare -A variant_cmd=()
variant_names=()
IFS=';' read -r -a variant_specs <<< "$variants"
for v in "${variant_specs[@]}"; do
  [[ "$v" == *=* && -n "${v%%=*}" && -n "${v#*=}" ]] || { echo "$me: VARIANTS: expected NAME=COMMAND, not '$v'" >&2; exit 2; }
  variant_names+=("${v%%=*}"); variant_cmd[${v%%=*}]=${v#*=}
done
jar=target/apitool.jar
me=load-vs-peers.sh
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 ]] || { echo "$me: DURATION must be whole seconds" >&2; exit 2; }
[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -ge 1 ]] || { echo "$me: ROUNDS must be >= 1" >&2; exit 2; }

# --- prerequisites (installs nothing) ---------------------------------------------------------
missing=()
for t in nginx wrk ab hey; do
  p=$(command -v "$t" || true)
  [[ -z "$p" && "$t" == nginx && -x /usr/sbin/nginx ]] && p=/usr/sbin/nginx
  [[ -n "$p" ]] || missing+=("$t")
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for t in java python3; do command -v "$t" >/dev/null || { echo "$me: $t is needed" >&2; exit 2; }; done
[[ -x /usr/bin/time ]] || { echo "$me: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 2; }
if ((${#missing[@]})); then
  echo "$me: missing: ${missing[*]} (apt-get install -y nginx wrk apache2-utils hey; ab is in apache2-utils)" >&2
  for m in "${missing[@]}"; do [[ "$m" == nginx ]] && { echo "$me: nginx is required" >&2; exit 2; }; done
  echo "$me: skipping the missing clients" >&2
fi
have() { [[ " ${missing[*]-} " != *" $1 "* ]]; }

if [[ ! -f "$jar" || -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "$me: building $jar ..." >&2
  mvn -q -B -Dmaven.test.skip=true package >&2
fi

# --- temp dir, nginx config, cleanup ----------------------------------------------------------
tmp=$(mktemp -d /tmp/apitool-load-vs-peers.XXXXXX)
chmod 755 "$tmp"                       # nginx workers (user nobody when run as root) read www/
nginx_pid=""
stop_nginx() {
  if [[ -n "$nginx_pid" ]] && kill -0 "$nginx_pid" 2>/dev/null; then
    kill -QUIT "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nginx_pid" 2>/dev/null || true
    wait "$nginx_pid" 2>/dev/null || true
  fi
  nginx_pid=""
}
cleanup() { stop_nginx; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$tmp/www" "$tmp/logs" "$tmp/temp"
head -c 1024 /dev/zero | tr '\0' 'x' > "$tmp/www/1k.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

write_conf() { # $1 = worker processes
  cat > "$tmp/nginx.conf" <<EOF
worker_processes $1;
daemon off;
master_process on;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/plain;
  keepalive_requests 100000000;
  keepalive_timeout 75s;
  client_body_temp_path $tmp/temp/body;
  proxy_temp_path $tmp/temp/proxy;
  fastcgi_temp_path $tmp/temp/fastcgi;
  uwsgi_temp_path $tmp/temp/uwsgi;
  scgi_temp_path $tmp/temp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $tmp/www;
    location = /2b { return 200 "ok"; }
    location = /1k { try_files /1k.txt =404; }
  }
}
EOF
}

start_nginx() { # $1 = worker processes
  write_conf "$1"
  "$nginx_bin" -p "$tmp" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 50); do
    if curl_ok; then return 0; fi
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$me: nginx did not start:" >&2; cat "$tmp/logs/error.log" >&2; exit 1
}
curl_ok() {
  python3 - "$port" <<'PY' 2>/dev/null
import sys, urllib.request
for p, n in (("/2b", 2), ("/1k", 1024)):
    b = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}{p}", timeout=1).read()
    assert len(b) == n, (p, len(b))
PY
}

# --- one client run: prints "rps requests cpu_s" or nothing on failure --------------------------
results="$tmp/results.tsv"
: > "$results"
bound=$((duration + 30))
run_client() { # $1 = tool, $2 = url
  local tool=$1 url=$2 out="$tmp/out.txt" tf="$tmp/time.txt" cmd
  case "$tool" in
    *-t[0-9]*)
      # shellcheck disable=SC2206
      cmd=(${variant_cmd[${tool%-t*}]} load "$url" -c "$conns" -d "${duration}s" --threads "${tool##*-t}" --output json) ;;
    wrk) cmd=(wrk -t2 -c "$conns" -d "${duration}s" "$url") ;;
    ab)  cmd=(ab -q -k -c "$conns" -t "$duration" -n $((duration * 250000)) "$url") ;;
    hey) cmd=(hey -c "$conns" -z "${duration}s" "$url") ;;
  esac
  if ! /usr/bin/time -o "$tf" -f '%U %S' timeout -k 5 "$bound" "${cmd[@]}" > "$out" 2> "$tmp/err.txt"; then
    echo "$me: $tool failed on $url:" >&2; tail -5 "$tmp/err.txt" >&2; tail -5 "$out" >&2
    return 0
  fi
  python3 - "$tool" "$out" "$tf" <<'PY'
import json, re, sys
tool, out, tf = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read().split()
cpu = float(tf[-2]) + float(tf[-1])
if tool not in ("wrk", "ab", "hey"):
    j = json.loads(out)
    rps = float(j["rps"])
    n = None
    for k in ("requestsTotal", "totalRequests", "requests"):
        if isinstance(j.get(k), (int, float)): n = j[k]; break
    w = j.get("warmup")
    if isinstance(w, dict) and isinstance(w.get("requests"), (int, float)) and k == "requests":
        n += w["requests"]   # CPU covers the warm-up, so count its requests too
    if j.get("failed"): sys.stderr.write(f"{tool}: {j['failed']} failed\n")
elif tool == "wrk":
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    n = int(re.search(r"(\d+) requests in", out).group(1))
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if m and int(m.group(1)): sys.stderr.write(f"wrk: {m.group(1)} non-2xx\n")
elif tool == "ab":
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1))
    n = int(re.search(r"Complete requests:\s+(\d+)", out).group(1))
    f = int(re.search(r"Failed requests:\s+(\d+)", out).group(1))
    if f: sys.stderr.write(f"ab: {f} failed\n")
elif tool == "hey":
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    n = sum(int(x) for x in re.findall(r"\[\d+\]\s+(\d+) responses", out))
print(f"{rps:.1f}\t{n}\t{cpu:.2f}")
PY
}

# --- JVM start-up CPU per variant (median of ROUNDS runs of --version) ------------------------
startups="$tmp/startup.tsv"
: > "$startups"
for v in "${variant_names[@]}"; do
  startup=()
  for _ in $(seq "$rounds"); do
    # shellcheck disable=SC2086
    /usr/bin/time -o "$tmp/time.txt" -f '%U %S' timeout 30 ${variant_cmd[$v]} --version > /dev/null
    startup+=("$(awk '{print $1+$2}' "$tmp/time.txt")")
  done
  startup_cpu=$(printf '%s\n' "${startup[@]}" | sort -g | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
  printf '%s\t%s\n' "$v" "$startup_cpu" >> "$startups"
  echo "$me: $v (${variant_cmd[$v]}) --version CPU: ${startup[*]} s (median $startup_cpu)" >&2
done

tools=()
for v in "${variant_names[@]}"; do
  for n in $threads_list; do tools+=("$v-t$n"); done
done
for t in $peers; do
  have "$t" && tools+=("$t")
done

for w in $workers_list; do
  start_nginx "$w"
  echo "$me: nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///'), $w worker(s), pid $nginx_pid, port $port" >&2
  for size in $sizes; do
    url="http://127.0.0.1:$port/$size"
    for r in $(seq "$rounds"); do
      order=("${tools[@]}")
      if ((r % 2 == 0)); then # reverse every other round
        order=(); for ((i=${#tools[@]}-1; i>=0; i--)); do order+=("${tools[i]}"); done
      fi
      for t in "${order[@]}"; do
        line=$(run_client "$t" "$url" || true)
        [[ -n "$line" ]] || continue
        printf '%s\t%s\t%s\t%s\t%s\n' "$w" "$size" "$r" "$t" "$line" >> "$results"
        printf '%s: workers=%s %-3s round %s %-10s %s\n' "$me" "$w" "$size" "$r" "$t" "$line" >&2
        sleep 1 # let TIME_WAIT sockets and nginx settle
      done
    done
  done
  stop_nginx
done

# --- table ------------------------------------------------------------------------------------
python3 - "$results" "$startups" "$duration" "$rounds" "$conns" <<'PY'
import statistics, sys
from collections import defaultdict
path, startups, duration, rounds, conns = sys.argv[1], sys.argv[2], *sys.argv[3:]
startup = {v: float(c) for v, c in (l.split("\t") for l in open(startups).read().splitlines())}
peers = ("wrk", "ab", "hey")
order = []
runs = defaultdict(list)
for line in open(path):
    w, size, r, tool, rps, n, cpu = line.split("\t")
    runs[(w, size, tool)].append((float(rps), int(n), float(cpu)))
    if tool not in order: order.append(tool)
med = statistics.median
print(f"\nclient vs nginx on loopback: {conns} connections, {duration} s per run, {rounds} rounds; "
      f"medians (each variant's --version CPU subtracted for 'net': "
      + ", ".join(f"{v} {c:.2f} s" for v, c in startup.items()) + ")")
print(f"{'workers':>7} {'resp':>4} {'tool':<11} {'runs':>4} {'req/s':>10} {'CPU-s':>6} "
      f"{'CPU/100k':>8} {'net/100k':>8}   {'rps/wrk':>7} {'CPU/wrk':>7} {'net/wrk':>7}")
keys = sorted({(w, s) for w, s, _ in runs}, key=lambda k: (int(k[0]), k[1] != "2b", k[1]))
for w, s in keys:
    stats = {}
    for tool in [t for t in order if t not in peers] + [t for t in peers if t in order]:
        xs = runs.get((w, s, tool))
        if not xs: continue
        per = [c / n * 1e5 for _, n, c in xs if n]
        net = [max(c - startup[tool.rsplit("-t", 1)[0]], 0) / n * 1e5 for _, n, c in xs if n] if tool not in peers else per
        stats[tool] = (len(xs), med([x[0] for x in xs]), med([x[2] for x in xs]), med(per), med(net))
    base = stats.get("wrk")
    for tool, (k, rps, cpu, per, net) in stats.items():
        ratio = ""
        if base and tool != "wrk":
            ratio = f"{rps / base[1]:7.2f} {per / base[3]:7.2f} {net / base[3]:7.2f}"
        netcol = f"{net:8.2f}" if tool not in peers else f"{'':>8}"
        print(f"{w:>7} {s:>4} {tool:<11} {k:>4} {rps:10.0f} {cpu:6.2f} {per:8.2f} {netcol}   {ratio}")
print("\nCPU-s: client user+sys per run; CPU/100k: per 100k completed requests, JVM start-up included;"
      "\nnet/100k: apitool minus its --version CPU; ratios are apitool (or peer) / wrk, lower CPU is better.")
PY

#!/usr/bin/env bash
# pipeline serve against its peers (issue 12's speed figure): the same small JSON body
# ({"status":"ok"}, 15 bytes) from
#   nginx      nginx, 1 worker, `return 200` with the body
#   wiremock   WireMock standalone 3.13.2 (java -jar, one stub mapping; the jar is fetched from
#              Maven Central with `mvn dependency:copy` into target/bench/ on first use)
#   bare       apitool pipeline serve --threads 1, no middleware
#   chain      apitool pipeline serve --threads 1, request-id + jwt-auth (HS256, a token wrk sends)
#              + rate-limit (a limit far above the load) + envelope
#   chain-post the chain plus validate (JSON Schema) on a POST route, wrk sending a JSON body
# The server is pinned to CPU 0 and wrk (-t1 -cCONNECTIONS, DURATION s) to CPU 1 with taskset;
# ROUNDS rounds, the order of the servers reversed every other round; each server is started
# fresh and warmed up (WARMUP s of wrk) before its measured run. Prints the median requests/s
# per server and the ratios the goals name: bare/nginx (goal >= 0.8), bare/wiremock (>= 5),
# chain/bare (>= 0.5). The machine is shared: the ratios of one run are the figure, not the
# absolute numbers. Installs nothing but the WireMock jar; needs nginx, wrk, taskset, java 17+, mvn.
# Only loopback; every run is bounded by `timeout`.
# A/B of a change: BASE_JAR=another-apitool.jar adds the servers base-bare, base-chain and
# base-chain-post (the same specs served by that jar) to name in SERVERS, so that both builds are
# measured in one run, interleaved, each as a ratio to the same nginx.
# Usage: [DURATION=20] [ROUNDS=3] [CONNECTIONS=50] [WARMUP=5] [SERVERS="nginx wiremock bare chain chain-post"] \
#        [BASE_JAR=path] scripts/bench/pipeline-vs-peers.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
me=pipeline-vs-peers.sh
duration=${DURATION:-20}
rounds=${ROUNDS:-3}
conns=${CONNECTIONS:-50}
warmup=${WARMUP:-5}
servers=${SERVERS:-nginx wiremock bare chain chain-post}
jar=target/apitool.jar
base_jar=${BASE_JAR:-}
wiremock_version=3.13.2
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 ]] || { echo "$me: DURATION must be whole seconds" >&2; exit 2; }
[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -ge 1 ]] || { echo "$me: ROUNDS must be >= 1" >&2; exit 2; }
for t in wrk taskset java python3 curl; do command -v "$t" >/dev/null || { echo "$me: $t is needed" >&2; exit 2; }; done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$nginx_bin" ]] || { echo "$me: nginx is needed (apt-get install -y nginx)" >&2; exit 2; }
if [[ " $servers " == *" base-"* ]]; then
  [[ -f "$base_jar" ]] || { echo "$me: servers base-* need BASE_JAR=path to an apitool jar" >&2; exit 2; }
fi
(( $(nproc) >= 2 )) || { echo "$me: needs 2 CPUs (server on one, wrk on the other)" >&2; exit 2; }

if [[ ! -f "$jar" || -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
  echo "$me: building $jar ..." >&2
  mvn -q -B -Dmaven.test.skip=true package >&2
fi
wiremock_jar=target/bench/wiremock-standalone-$wiremock_version.jar
if [[ " $servers " == *" wiremock "* && ! -f "$wiremock_jar" ]]; then
  echo "$me: fetching WireMock $wiremock_version from Maven Central ..." >&2
  mvn -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$wiremock_version \
      -DoutputDirectory=target/bench >&2
fi

tmp=$(mktemp -d /tmp/apitool-pipeline-vs-peers.XXXXXX)
chmod 755 "$tmp"
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap 'stop_server; rm -rf "$tmp"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
secret=bench-secret-bench-secret-bench-secret
token=$(java -jar "$jar" jwt sign --secret "$secret" --sub bench --exp 2h)
body='{"status":"ok"}'

cat > "$tmp/bare.yaml" <<YAML
apiVersion: apitool/v1
routes:
  - {method: GET, path: /, name: root, handler: {type: static, json: {status: ok}}}
YAML
cat > "$tmp/chain.yaml" <<YAML
apiVersion: apitool/v1
middleware:
  - request-id
  - {type: jwt-auth, secret: "$secret"}
  - {type: rate-limit, policy: "token-bucket:capacity=100000000,rate=100000000/s", key: claim:sub}
  - envelope
routes:
  - {method: GET, path: /, name: root, handler: {type: static, json: {status: ok}}}
  - method: POST
    path: /
    name: create
    handler: {type: static, status: 201, json: {status: ok}}
    middleware:
      - type: validate
        body: {type: object, required: [name], properties: {name: {type: string, minLength: 1}}}
YAML
cat > "$tmp/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"name":"bench"}'
wrk.headers["Content-Type"] = "application/json"
LUA
mkdir -p "$tmp/wiremock/mappings"
cat > "$tmp/wiremock/mappings/ok.json" <<JSON
{"request": {"method": "GET", "url": "/"}, "response": {"status": 200, "body": "$(printf '%s' "$body" | sed 's/"/\\"/g')",
 "headers": {"Content-Type": "application/json"}}}
JSON

start_server() { # NAME PORT
  local name=$1 port=$2
  case "$name" in
    nginx)
      mkdir -p "$tmp/nginx"
      cat > "$tmp/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx; proxy_temp_path $tmp/nginx; fastcgi_temp_path $tmp/nginx;
  uwsgi_temp_path $tmp/nginx; scgi_temp_path $tmp/nginx;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$port; location = / { default_type application/json; return 200 '$body'; } }
}
NGINX
      taskset -c 0 "$nginx_bin" -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx" >/dev/null 2>&1 &
      server_pid=$! ;;
    wiremock)
      taskset -c 0 java -jar "$wiremock_jar" --port "$port" --bind-address 127.0.0.1 --root-dir "$tmp/wiremock" \
        --disable-request-logging --no-request-journal >"$tmp/wiremock.log" 2>&1 &
      server_pid=$! ;;
    bare|chain|chain-post|base-bare|base-chain|base-chain-post)
      local kind=${name#base-} use=$jar
      [[ "$name" == base-* ]] && use=$base_jar
      local spec=$tmp/${kind%-post}.yaml
      taskset -c 0 java -jar "$use" pipeline serve "$spec" --port "$port" --threads 1 >/dev/null 2>"$tmp/$name.log" &
      server_pid=$! ;;
  esac
  for _ in $(seq 300); do
    curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/" && return 0
    sleep 0.1
  done
  echo "$me: $name did not start" >&2; return 1
}

run_wrk() { # NAME PORT SECONDS -> requests/s (warns on stderr when responses were not all 2xx)
  local name=$1 port=$2 secs=$3 args=() out
  [[ "${name#base-}" == chain* ]] && args+=(-H "Authorization: Bearer $token")
  [[ "${name#base-}" == chain-post ]] && args+=(-s "$tmp/post.lua")
  out=$(timeout $((secs + 30)) taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" "${args[@]}" "http://127.0.0.1:$port/")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "$me: warning: $name: $(grep 'Non-2xx' <<<"$out" | xargs) (the figure counts refusals)" >&2
  fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

declare -A results=()
order=($servers)
for ((round = 1; round <= rounds; round++)); do
  list=("${order[@]}")
  if ((round % 2 == 0)); then
    list=(); for ((i = ${#order[@]} - 1; i >= 0; i--)); do list+=("${order[i]}"); done
  fi
  for name in "${list[@]}"; do
    port=$(free_port)
    start_server "$name" "$port"
    run_wrk "$name" "$port" "$warmup" >/dev/null
    rps=$(run_wrk "$name" "$port" "$duration")
    stop_server
    echo "round $round $name ${rps:-0} req/s" >&2
    results[$name]="${results[$name]-} ${rps:-0}"
  done
done

median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
echo "server       median req/s  (rounds: $rounds, ${duration}s each, $conns connections, server on CPU 0, wrk on CPU 1)"
declare -A med=()
for name in "${order[@]}"; do
  med[$name]=$(median "${results[$name]}")
  printf '%-12s %12.0f\n' "$name" "${med[$name]}"
done
for pair in "bare nginx 0.8" "base-bare nginx 0.8" "bare wiremock 5" "chain bare 0.5" "chain-post bare 0.5" \
    "base-chain base-bare 0.5" "base-chain-post base-bare 0.5"; do
  set -- $pair
  [[ -n "${med[$1]-}" && -n "${med[$2]-}" ]] || continue
  python3 -c "a=${med[$1]}; b=${med[$2]}; r=a/b if b else 0; print(f'$1/$2 = {r:.2f} (goal >= $3): ' + ('met' if r >= $3 else 'missed'))"
done

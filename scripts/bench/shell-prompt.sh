#!/usr/bin/env bash
# Time to the prompt of `apitool shell` on a real terminal: a tmux pane runs scripts/apitool shell,
# and the clock stops when the prompt 'apitool>' is on its screen (polled every few ms with capture-pane, so
# figures carry a few ms of polling). Alternates, each round: with the launcher's class-data archive
# (warm) and without it (APITOOL_NO_CDS=1). Prints min, median and max of each, the median CPU
# (user + system, to the prompt and an 'exit': steadier than wall time on a busy machine) and ratios.
# Needs tmux (apt-get install -y tmux). hyperfine cannot time this: it gives the command no terminal.
# Usage: scripts/bench/shell-prompt.sh [RUNS]   (default 10)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-10}
command -v tmux >/dev/null || { echo "shell-prompt.sh: tmux is not installed (apt-get install -y tmux)" >&2; exit 2; }
cd "$root"
scripts/apitool --version >/dev/null            # build the jar if needed
echo exit | scripts/apitool shell >/dev/null    # record the shell's archive if needed (piped: no prompt)
home=$(mktemp -d)                               # a fresh history file, not the user's
sock="apitool-prompt-$$"
tmuxb() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tmuxb kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
tmuxb new-session -d -s bench -x 120 -y 40 -n idle

# Prints "MS CPU_MS": milliseconds from starting the shell with environment "$@" to its prompt on
# the screen, and the CPU (user + system) the shell used up to its prompt and an 'exit' typed there.
once() {
  local start end cpu
  rm -f "$home/times"
  start=$(date +%s%N)
  tmuxb new-window -d -t bench -n run "env HOME='$home' $* bash -c \"'$root/scripts/apitool' shell; times > '$home/times'\""
  until tmuxb capture-pane -p -t bench:run 2>/dev/null | grep -q '^apitool>'; do
    (( $(date +%s%N) - start < 60000000000 )) || { echo "shell-prompt.sh: no prompt within 60s" >&2; exit 1; }
    sleep 0.002
  done
  end=$(date +%s%N)
  tmuxb send-keys -t bench:run exit Enter
  until [[ -s "$home/times" ]]; do
    (( $(date +%s%N) - start < 120000000000 )) || { echo "shell-prompt.sh: the shell did not exit" >&2; exit 1; }
    sleep 0.01
  done
  # times: the shell's own line, then its children's: "0m0.532s 0m0.123s"
  cpu=$(sed -n 2p "$home/times" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); n += a[1] * 60 + a[2] } printf "%d", n * 1000 }')
  tmuxb kill-window -t bench:run 2>/dev/null || true
  echo "$(((end - start) / 1000000)) $cpu"
}

warm=() cold=() warmcpu=() coldcpu=()
for ((i = 0; i < runs; i++)); do
  read -r ms cpu < <(once APITOOL_BENCH=warm); warm+=("$ms"); warmcpu+=("$cpu")
  read -r ms cpu < <(once APITOOL_NO_CDS=1); cold+=("$ms"); coldcpu+=("$cpu")
done
python3 - "${warm[*]}" "${cold[*]}" "${warmcpu[*]}" "${coldcpu[*]}" <<'PY'
import statistics, sys
warm, cold, warmcpu, coldcpu = ([int(x) for x in a.split()] for a in sys.argv[1:5])
print(f"{'apitool shell, to the prompt':36s} {'min':>7s} {'median':>7s} {'max':>7s}   {'CPU median':>10s}")
for name, xs, cpu in (("with the class-data archive", warm, warmcpu), ("without it (APITOOL_NO_CDS=1)", cold, coldcpu)):
    print(f"{name:36s} {min(xs):5d}ms {statistics.median(xs):5.0f}ms {max(xs):5d}ms   {statistics.median(cpu):8.0f}ms")
print(f"median ratio without/with: wall {statistics.median(cold) / statistics.median(warm):.2f}x, "
      f"CPU {statistics.median(coldcpu) / statistics.median(warmcpu):.2f}x")
PY

#!/usr/bin/env bash
# compare.sh: the same EchoTest load against SwiftGate and against Debian's Janus 1.1.2, side by side.
#
#   bench/compare.sh [options]            (as root)
#
#   --sessions LIST       session counts per step (default 4,8,16,32)
#   --step-seconds N      seconds per step (default 10)
#   --rounds R            rounds; each round runs swiftgate then janus (default 2)
#   --video-bitrate BPS   video bits per second per session (default 1000000)
#   --events on|off|both  event handlers (sampleevh to bench/event_sink.py) off, on, or both (default both)
#   --gateways LIST       which gateways, in run order (default swiftgate,janus)
#   --out DIR             results folder (default bench/results/<UTC timestamp>)
#   --server-cpus LIST    pin the gateway with taskset -c LIST (default: no pinning)
#   --bench-cpus LIST     pin swiftgate-bench with taskset -c LIST (default: no pinning)
#   --server-cpu-quota P  cap the gateway at P % of one CPU with a CFS quota in a cgroup of its own
#                         (cgroup v1 cpu controller, or v2 cpu.max), default: no cap. The same cap
#                         for both gateways scales their capacity down below the load generator's.
#   --event-loops N       general.event_loops for both gateways (default: each gateway's own default:
#                         Janus one thread per handle, SwiftGate one loop per core)
#   --swiftgate-bin PATH  use this swiftgate binary instead of building
#   --bench-bin PATH      use this swiftgate-bench binary instead of building
#   --bench-args "ARGS"   more swiftgate-bench options for every run, e.g. "--srtp-profiles cm80"
#   --smoke [SECONDS]     no load: per gateway, start it, make one aiortc EchoTest call
#                         (scripts/echo-call) of SECONDS (default 5), print the ICE candidates it
#                         offered (Admin API handle_info), stop it. Needs no swiftgate-bench.
#
# Steps: install Debian's `janus` if missing (apt-get, outside the namespace), build the release
# products swiftgate and swiftgate-bench (unless both binaries are given), then re-run itself in a
# private network namespace (unshare -n). There: lo up, IPv6 off, and a veth "lo-bench" holding
# 127.0.0.1/32. Janus 1.1.2 skips loopback interfaces before it applies ice_enforce_list (libnice
# then falls back to every other address), but a veth named lo* is not a loopback interface and
# matches ice_enforce_list = "lo" by prefix, so Janus offers exactly 127.0.0.1. Nothing in the
# namespace can reach any other host. Each run starts a gateway fresh with configs generated into
# a temp dir, waits for GET /janus/info, runs swiftgate-bench against it, and stops it by PID
# (SIGINT, bounded wait, SIGKILL). Results: one JSON per run (<gateway>.events-<on|off>.r<N>.json),
# the bench table, the gateway's log, the event sink's counts, runs.jsonl (an index) and meta.json.
# Summarise with bench/compare_table.py DIR.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"
JANUS_LIB=/usr/lib/x86_64-linux-gnu/janus
ADMIN_SECRET=janusoverlord
SINK_PORT=7777
VETH=lo-bench            # must start with "lo": Janus's ice_enforce_list matches interface names by prefix
STOP_SECONDS=20          # Janus's clean shutdown of many handles takes a few seconds
READY_SECONDS=60

sessions=4,8,16,32 step_seconds=10 rounds=2 video_bitrate=1000000 events=both
gateways=swiftgate,janus out="" server_cpus="" bench_cpus="" event_loops=""
swiftgate_bin="" bench_bin="" smoke="" in_netns="" bench_args="" server_quota=""

die() { echo "compare.sh: $*" >&2; exit 1; }
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

args=("$@")
while (($#)); do
    case "$1" in
        --sessions) sessions="$2"; shift 2 ;;
        --step-seconds) step_seconds="$2"; shift 2 ;;
        --rounds) rounds="$2"; shift 2 ;;
        --video-bitrate) video_bitrate="$2"; shift 2 ;;
        --events) events="$2"; shift 2 ;;
        --gateways) gateways="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --server-cpus) server_cpus="$2"; shift 2 ;;
        --bench-cpus) bench_cpus="$2"; shift 2 ;;
        --server-cpu-quota) server_quota="$2"; shift 2 ;;
        --event-loops) event_loops="$2"; shift 2 ;;
        --swiftgate-bin) swiftgate_bin="$2"; shift 2 ;;
        --bench-bin) bench_bin="$2"; shift 2 ;;
        --bench-args) bench_args="$2"; shift 2 ;;
        --smoke) smoke=5; if [[ ${2:-} =~ ^[0-9]+$ ]]; then smoke="$2"; shift; fi; shift ;;
        --in-netns) in_netns=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
case "$events" in on) event_settings=(on) ;; off) event_settings=(off) ;; both) event_settings=(off on) ;;
    *) die "--events must be on, off or both" ;; esac
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive integer"
[[ $step_seconds =~ ^[1-9][0-9]*$ ]] || die "--step-seconds must be a positive integer"
[[ $video_bitrate =~ ^[1-9][0-9]*$ ]] || die "--video-bitrate must be a positive integer (bits per second)"
[[ $sessions =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--sessions must be a comma list of positive integers"
[[ -z $event_loops || $event_loops =~ ^[0-9]+$ ]] || die "--event-loops must be a number"
[[ -z $server_quota || ( $server_quota =~ ^[1-9][0-9]*$ && $server_quota -le 100 ) ]] \
    || die "--server-cpu-quota must be a percentage of one CPU, 1 to 100"
IFS=, read -r -a gateway_list <<<"$gateways"
for gw in "${gateway_list[@]}"; do [[ $gw == swiftgate || $gw == janus ]] || die "unknown gateway $gw"; done

# ---------------------------------------------------------------- outside the namespace
if [[ -z $in_netns ]]; then
    [[ $(id -u) == 0 ]] || die "needs root (apt-get, unshare -n, veth)"
    if ! command -v janus >/dev/null || [[ ! -e $JANUS_LIB/plugins/libjanus_echotest.so ]]; then
        log "installing Debian's janus"
        DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y --no-install-recommends janus >&2
        # On a systemd host the package enables and starts janus.service with /etc/janus (HTTP on
        # every interface, ICE on every address). We never use it: stop and disable what we caused.
        if [[ -d /run/systemd/system ]]; then systemctl disable --now janus.service >&2 || true; fi
    fi
    if [[ -z $swiftgate_bin || ( -z $bench_bin && -z $smoke ) ]]; then
        export PATH="$PATH:/opt/swift/usr/bin"
        products=(swiftgate); [[ -n $smoke ]] || products+=(swiftgate-bench)
        log "building release products: ${products[*]}"
        # One --product per build: given several, swift build builds only the last.
        for product in "${products[@]}"; do
            (cd "$REPO" && timeout 3600 swift build -c release --product "$product" >&2)
        done
        bin_dir="$(cd "$REPO" && swift build -c release --show-bin-path)"
        swiftgate_bin="${swiftgate_bin:-$bin_dir/swiftgate}"
        bench_bin="${bench_bin:-$bin_dir/swiftgate-bench}"
    fi
    [[ -x $swiftgate_bin ]] || die "no swiftgate binary at $swiftgate_bin"
    [[ -n $smoke || -x $bench_bin ]] || die "no swiftgate-bench binary at $bench_bin"
    out="${out:-$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)${smoke:+-smoke}}"
    # runs.jsonl is appended to and labels repeat: a used folder would mix two benchmarks.
    [[ ! -e $out/runs.jsonl ]] || die "$out already holds results; pick another --out"
    mkdir -p "$out"
    exec unshare --net -- bash "$0" "${args[@]}" --in-netns --out "$(realpath "$out")" \
        --swiftgate-bin "$(realpath "$swiftgate_bin")" ${bench_bin:+--bench-bin "$(realpath -m "$bench_bin")"}
fi

# ---------------------------------------------------------------- inside the namespace
setup_namespace() {
    ip link set lo up
    # Per-namespace sysctls; "default" covers the veth made below.
    sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 net.ipv6.conf.lo.disable_ipv6=1
    ip link add "$VETH" type veth peer name bench-peer
    ip link set "$VETH" up
    ip link set bench-peer up
    ip addr add 127.0.0.1/32 dev "$VETH"
    # Nothing but 127.0.0.1 may exist here: refuse to go on otherwise.
    local addresses; addresses="$(ip -o addr show | awk '{print $4}' | sort -u | tr '\n' ' ')"
    [[ $addresses == "127.0.0.1/32 127.0.0.1/8 " ]] || die "unexpected addresses in the namespace: $addresses"
    ip -br addr >&2
}

# Comma list of the libraries in FOLDER except KEEP, for janus.jcfg's "disable" options.
all_but() {
    local folder="$1" keep="$2"
    find "$folder" -maxdepth 1 -name 'libjanus_*.so' -printf '%f\n' | grep -vx "$keep" | sort | paste -sd, -
}

# One config folder per run, shared by both gateways: SwiftGate reads Janus's format and reports
# the options it does not implement (folders, logging, transports/loggers) once and ignores them.
write_configs() {
    local dir="$1" gw="$2" ev="$3" port="$4" admin_port="$5" logfile="$6"
    local broadcast=false enabled=false swiftgate_only=""
    if [[ $ev == on ]]; then broadcast=true enabled=true; fi
    # SwiftGate's own options (no demo pages); Janus would only warn about them.
    if [[ $gw == swiftgate ]]; then swiftgate_only=$'\thtml_folder = ""\n\tjavascript_folder = ""'; fi
    mkdir -p "$dir"
    cat >"$dir/janus.jcfg" <<EOF
general: {
	configs_folder = "$dir"
	plugins_folder = "$JANUS_LIB/plugins"
	transports_folder = "$JANUS_LIB/transports"
	events_folder = "$JANUS_LIB/events"
	loggers_folder = "$JANUS_LIB/loggers"
	log_to_stdout = false
	log_to_file = "$logfile"
	debug_level = 4
	debug_timestamps = true
	debug_colors = false
	admin_secret = "$ADMIN_SECRET"
	interface = "127.0.0.1"
	server_name = "$gw-bench"
	session_timeout = 60
${event_loops:+	event_loops = $event_loops}
}
media: {
	ipv6 = false
	rtp_port_range = "20000-40000"
}
nat: {
	nice_debug = false
	ice_enforce_list = "lo"
	ignore_mdns = true
	ice_lite = false
	full_trickle = false
}
plugins: {
	disable = "$(all_but "$JANUS_LIB/plugins" libjanus_echotest.so)"
}
transports: {
	disable = "$(all_but "$JANUS_LIB/transports" libjanus_http.so)"
}
loggers: {
	disable = "$(all_but "$JANUS_LIB/loggers" none)"
}
events: {
	broadcast = $broadcast
	stats_period = 5
	disable = "$(all_but "$JANUS_LIB/events" libjanus_sampleevh.so)"
}
EOF
    cat >"$dir/janus.transport.http.jcfg" <<EOF
general: {
	json = "indented"
	base_path = "/janus"
	http = true
	port = $port
	ip = "127.0.0.1"
	https = false
${swiftgate_only}
}
admin: {
	admin_base_path = "/admin"
	admin_http = true
	admin_port = $admin_port
	admin_ip = "127.0.0.1"
	admin_https = false
}
EOF
    cat >"$dir/janus.plugin.echotest.jcfg" <<EOF
general: {
	events = true
}
EOF
    cat >"$dir/janus.eventhandler.sampleevh.jcfg" <<EOF
general: {
	enabled = $enabled
	events = "all"
	grouping = true
	json = "compact"
	backend = "http://127.0.0.1:$SINK_PORT/events"
	max_retransmissions = 5
	retransmissions_backoff = 100
}
EOF
}

# The gateway's CPU cap: a cgroup of our own with a CFS quota of server_quota % of one CPU per
# 100 ms period. cgroup v1's cpu controller where mounted, else v2's cpu.max. Sets quota_group.
quota_group=""
setup_quota() {
    [[ -n $server_quota ]] || return 0
    local period=100000 quota=$((server_quota * 1000))
    if [[ -w /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]]; then
        quota_group=/sys/fs/cgroup/cpu/swiftgate-compare-$$
        mkdir "$quota_group"
        echo "$period" >"$quota_group/cpu.cfs_period_us"
        echo "$quota" >"$quota_group/cpu.cfs_quota_us"
    elif grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
        quota_group=/sys/fs/cgroup/swiftgate-compare-$$
        mkdir "$quota_group"
        echo "$quota $period" >"$quota_group/cpu.max"
    else
        die "--server-cpu-quota: no writable cgroup cpu controller (v1 /sys/fs/cgroup/cpu or v2 cpu.max)"
    fi
    log "gateway CPU capped at $server_quota % of one CPU (cgroup $quota_group)"
}

gw_pid="" sink_pid=""
start_gateway() {
    local gw="$1" dir="$2" logfile="$3"
    local pin=(); [[ -n $server_cpus ]] && pin=(taskset -c "$server_cpus")
    start_ns=$(date +%s%N)
    if [[ $gw == janus ]]; then
        "${pin[@]}" janus -F "$dir" -P "$JANUS_LIB/plugins" >"$logfile.stdout" 2>&1 &
    else
        "${pin[@]}" "$swiftgate_bin" -F "$dir" >"$logfile" 2>&1 &
    fi
    gw_pid=$!
    # Moves the whole process (every thread) into the capped group; later threads inherit it.
    if [[ -n $quota_group ]]; then echo "$gw_pid" >"$quota_group/cgroup.procs"; fi
}

# Whether PID runs (a zombie does not: it answers kill -0 until its parent reaps it).
running() {
    local state
    state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
    [[ -n $state && $state != Z* ]]
}

# SIGINT (both gateways shut down cleanly on it), bounded wait, then SIGKILL; then reap it.
# Called in this shell, never in a subshell, since only the parent can reap its child.
# Sets stop_seconds and stop_killed.
stop_pid() {
    local pid="$1" tenths=0
    stop_seconds=0 stop_killed=false
    if [[ -z $pid ]]; then return 0; fi
    kill -INT "$pid" 2>/dev/null || true
    while running "$pid" && ((tenths < STOP_SECONDS * 10)); do sleep 0.1; tenths=$((tenths + 1)); done
    if running "$pid"; then kill -KILL "$pid" 2>/dev/null || true; stop_killed=true; fi
    wait "$pid" 2>/dev/null || true
    stop_seconds="$((tenths / 10)).$((tenths % 10))"
}

# Polls GET URL/info with curl until the gateway answers (curl, not Python: an interpreter's own
# start-up would add a few hundred milliseconds to the figure). Sets startup_ms (since start_ns)
# and server_info. Fails at once if the gateway died, or after READY_SECONDS.
wait_ready() {
    local url="$1" deadline=$((SECONDS + READY_SECONDS))
    while ((SECONDS < deadline)); do
        if server_info="$(curl -sf -m 1 "$url/info" 2>/dev/null)" && [[ $server_info == *server_info* ]]; then
            startup_ms=$((($(date +%s%N) - start_ns) / 1000000))
            return 0
        fi
        running "$gw_pid" || return 1
        sleep 0.01
    done
    return 1
}

cleanup() {
    if [[ -n $gw_pid ]]; then stop_pid "$gw_pid"; fi
    if [[ -n $sink_pid ]]; then stop_pid "$sink_pid"; fi
    if [[ -n ${work:-} && -d $work ]]; then rm -rf "$work"; fi
    # Empty once its gateway exited (stop_pid reaps it); rmdir of a cgroup needs no recursion.
    if [[ -n $quota_group && -d $quota_group ]]; then rmdir "$quota_group" 2>/dev/null || true; fi
}
trap cleanup EXIT

setup_namespace
setup_quota
work="$(mktemp -d /tmp/compare-bench.XXXXXX)"
mkdir -p "$out/logs"
ports_swiftgate=(8088 7088) ports_janus=(8188 7188)

python3 - "$out/meta.json" <<EOF
import json, os, platform, subprocess, sys
def run(*cmd):
    try: return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception as error: return f"unavailable: {error}"
json.dump({"started_utc": "$(date -u +%FT%TZ)", "kernel": platform.release(), "cpus": os.cpu_count(),
           "cpu_model": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
           "janus_package": run("dpkg-query", "-W", "-f", "\${Version}", "janus"),
           "swiftgate_commit": run("git", "-C", "$REPO", "rev-parse", "HEAD"),
           "swiftgate_bin": "$swiftgate_bin", "bench_bin": "$bench_bin",
           "options": {"sessions": "$sessions", "step_seconds": $step_seconds, "rounds": $rounds,
                       "video_bitrate": $video_bitrate, "events": "$events", "gateways": "$gateways",
                       "server_cpus": "$server_cpus", "bench_cpus": "$bench_cpus", "event_loops": "$event_loops",
                       "server_cpu_quota_pct": "$server_quota",
                       "smoke": "$smoke", "bench_args": "$bench_args"}}, open(sys.argv[1], "w"), indent=1)
EOF

# Generous bound for one swiftgate-bench run: every step plus set-up and tear-down time.
step_count=$(tr ',' '\n' <<<"$sessions" | grep -c .)
bench_timeout=$((step_count * (step_seconds + 60) + 120))

failures=0
for ev in "${event_settings[@]}"; do
    for ((round = 1; round <= rounds; round++)); do
        for gw in "${gateway_list[@]}"; do
            label="$gw.events-$ev.r$round"
            [[ $gw == janus ]] && ports=("${ports_janus[@]}") || ports=("${ports_swiftgate[@]}")
            conf="$work/$label"
            logfile="$out/logs/$label.log"
            write_configs "$conf" "$gw" "$ev" "${ports[0]}" "${ports[1]}" "$logfile"
            cp -r "$conf" "$out/logs/$label.conf"
            sink_summary=""
            if [[ $ev == on ]]; then
                sink_summary="$out/logs/$label.events.json"
                python3 "$BENCH_DIR/event_sink.py" --port "$SINK_PORT" --summary "$sink_summary" >/dev/null 2>&1 &
                sink_pid=$!
                # The gateway's first events (core started) would otherwise meet a closed port.
                for ((tries = 0; tries < 100; tries++)); do [[ -s $sink_summary ]] && break; sleep 0.1; done
                [[ -s $sink_summary ]] || die "event sink did not start"
            fi
            log "$label: starting"
            start_gateway "$gw" "$conf" "$logfile"
            if wait_ready "http://127.0.0.1:${ports[0]}/janus"; then
                log "$label: pid $gw_pid answered /janus/info after $startup_ms ms: $(tr -d '\n\t' <<<"$server_info" | cut -c1-160)"
                rc=0
                if [[ -n $smoke ]]; then
                    # The call runs in the background so the candidates can be read while it is up.
                    python3 "$REPO/scripts/echo-call" --port "${ports[0]}" --seconds "$smoke" \
                        >"$out/$label.echo-call.txt" 2>&1 &
                    call_pid=$!
                    sleep $((smoke / 2 + 2))
                    python3 "$BENCH_DIR/ice_candidates.py" "http://127.0.0.1:${ports[1]}/admin" \
                        --secret "$ADMIN_SECRET" >"$out/$label.candidates.json" || rc=$?
                    wait "$call_pid" || rc=$?
                    cat "$out/$label.echo-call.txt" >&2
                    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("local candidates:", r["local_candidates"]); print("non-loopback:", r["non_loopback_local"])' \
                        "$out/$label.candidates.json" >&2 || true
                else
                    pin=(); [[ -n $bench_cpus ]] && pin=(taskset -c "$bench_cpus")
                    set +e
                    timeout --signal=INT --kill-after=15 "$bench_timeout" "${pin[@]}" "$bench_bin" \
                        --url "http://127.0.0.1:${ports[0]}/janus" --server-pid "$gw_pid" --label "$label" \
                        --sessions "$sessions" --step-seconds "$step_seconds" --video-bitrate "$video_bitrate" \
                        --json "$out/$label.json" $bench_args 2>&1 | tee "$out/$label.table.txt" >&2
                    rc=${PIPESTATUS[0]}
                    set -e
                fi
            else
                rc=100 startup_ms=None
                if running "$gw_pid"; then why="no answer after ${READY_SECONDS}s"; else why="exited before answering"; fi
                log "$label: $why; see $logfile*"
            fi
            alive=true; running "$gw_pid" || alive=false
            stop_pid "$gw_pid"; gw_pid=""; gw_stop_seconds=$stop_seconds killed=$stop_killed
            if [[ -n $sink_pid ]]; then stop_pid "$sink_pid"; sink_pid=""; fi
            ((rc == 0)) || failures=$((failures + 1))
            log "$label: rc $rc, alive at end $alive, stopped in ${gw_stop_seconds}s (SIGKILL: $killed)"
            python3 - "$out/runs.jsonl" <<EOF
import json, sys
with open(sys.argv[1], "a") as index:
    index.write(json.dumps({"label": "$label", "gateway": "$gw", "events": "$ev", "round": $round,
        "json": "$label.json", "rc": $rc, "alive_at_end": $([[ $alive == true ]] && echo True || echo False),
        "startup_ms": $startup_ms, "stop_seconds": $gw_stop_seconds,
        "stop_sigkill": $([[ $killed == true ]] && echo True || echo False),
        "events_summary": "${sink_summary:+$(basename "$sink_summary")}" or None}) + "\n")
EOF
        done
    done
done
log "results in $out ($failures failed runs)"
[[ -n $smoke ]] || python3 "$BENCH_DIR/compare_table.py" "$out" || true
((failures == 0))

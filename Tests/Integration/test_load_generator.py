"""swiftgate-bench against the built gateway: one and then two EchoTest PeerConnections through
the Janus API, over loopback. Checks that the load generator sets calls up, gets its packets
echoed and reports what the JSON consumers (bench/compare.sh) read. Timing figures are printed by
the benchmark, never asserted here."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bench_binary(binary) -> str:
    path = os.environ.get("SWIFTGATE_BENCH_BIN", str(Path(binary).parent / "swiftgate-bench"))
    if not Path(path).exists():
        pytest.fail(f"swiftgate-bench not found at {path}: build it first (scripts/test does)")
    return path


def test_bench_echoes_through_the_gateway(start_gateway, bench_binary, tmp_path):
    gw = start_gateway(backend=None)
    report = tmp_path / "bench.json"
    run = subprocess.run(
        [bench_binary, "--url", f"http://127.0.0.1:{gw.janus_port}/janus", "--server-pid", str(gw.process.pid),
         "--label", "swiftgate", "--sessions", "1,2", "--step-seconds", "2", "--warmup-seconds", "1",
         "--json", str(report)],
        capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(report.read_text())
    assert data["label"] == "swiftgate" and data["server_pid"] == gw.process.pid
    assert [step["sessions"] for step in data["steps"]] == [1, 2]
    for step in data["steps"]:
        assert step["established"] == step["sessions"], step
        # 50 audio + about 114 video packets per second per PeerConnection
        assert step["sent_pps"] > 100 * step["sessions"], step
        assert step["echoed_pps"] > 0.9 * step["sent_pps"], step
        assert step["rtt_us"]["p50"] > 0 and step["rtt_us"]["max"] >= step["rtt_us"]["p99"] >= step["rtt_us"]["p50"]
        assert step["server_cpu_pct"] > 0 and step["server_rss_mb"] > 1 and step["server_cpu_us_per_echoed_packet"] > 0
        # The bench is the DTLS server and prefers AEAD_AES_256_GCM, which SwiftGate offers first.
        assert step["srtp_negotiated"] == {"SRTP_AEAD_AES_256_GCM": step["sessions"]}, step
    # The calls were torn down: the gateway lists no session afterwards.
    assert gw.admin("/admin", {"janus": "list_sessions"})["sessions"] == []


def test_bench_reports_an_unreachable_gateway(bench_binary, tmp_path):
    run = subprocess.run(
        [bench_binary, "--url", "http://127.0.0.1:9/janus", "--sessions", "1", "--step-seconds", "1",
         "--warmup-seconds", "0"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1 and "failed to set up" in run.stderr, (run.returncode, run.stderr)

"""Test harness for SwiftGate integration tests: a local event collector, a configs folder
writer, a running swiftgate process and a small Janus API client. Loopback only."""

import gzip
import http.client
import http.server
import json
import os
import random
import signal
import socket
import string
import subprocess
import threading
import time
from pathlib import Path

LOOPBACK = "127.0.0.1"


def swiftgate_binary() -> str:
    """The swiftgate binary under test: $SWIFTGATE_BIN, else the debug build of this checkout."""
    root = Path(__file__).resolve().parents[2]
    path = os.environ.get("SWIFTGATE_BIN", str(root / ".build" / "debug" / "swiftgate"))
    if not Path(path).exists():
        raise FileNotFoundError(f"swiftgate binary not found at {path}: build it first (scripts/test does)")
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def transaction() -> str:
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(12))


class Collector:
    """An HTTP backend for the sample event handler: records every POST (body decoded,
    gunzipped when Content-Encoding says so) with its arrival time. `fail_next(n, status)`
    makes the next n POSTs answer `status` instead of 200."""

    def __init__(self):
        self.lock = threading.Lock()
        self.posts = []  # dicts: time, status, headers, body (parsed JSON or None)
        self.failures = []  # statuses to answer next, in order
        collector = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                with collector.lock:
                    status = collector.failures.pop(0) if collector.failures else 200
                body = None
                if status == 200:
                    data = gzip.decompress(raw) if self.headers.get("Content-Encoding") == "gzip" else raw
                    body = json.loads(data)
                with collector.lock:
                    collector.posts.append({"time": time.monotonic(), "status": status,
                                            "headers": dict(self.headers), "body": body, "size": len(raw)})
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/events"

    def fail_next(self, count: int, status: int = 503):
        with self.lock:
            self.failures.extend([status] * count)

    def events(self):
        """Every event delivered (200 answers only), flattening grouped arrays, in arrival order."""
        out = []
        with self.lock:
            for post in self.posts:
                if post["status"] != 200:
                    continue
                body = post["body"]
                out.extend(body if isinstance(body, list) else [body])
        return out

    def wait_for(self, predicate, timeout=10.0, what="events"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            events = self.events()
            if predicate(events):
                return events
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; got {json.dumps(self.events())[:2000]}")

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def write_configs(folder: Path, *, janus_port: int, admin_port: int, backend: str | None,
                  grouping=False, compress=False, events="all", max_retransmissions=5,
                  retransmissions_backoff=100, session_timeout=60, broadcast=True, api_secret=None,
                  stats_period=5, html_folder=None, javascript_folder=None, srtp_profiles=None):
    """Writes a loopback-only Janus-style configs folder for one test gateway. `html_folder` and
    `javascript_folder` (absolute paths) make the Janus API port serve those folders too;
    `srtp_profiles` (e.g. "cm80") sets media.srtp_profiles, the DTLS-SRTP profiles offered."""
    folder.mkdir(parents=True, exist_ok=True)
    secret = f'\n\tapi_secret = "{api_secret}"' if api_secret else ""
    served = "".join(f'\n\t{key} = "{value}"' for key, value in
                     (("html_folder", html_folder), ("javascript_folder", javascript_folder)) if value)
    (folder / "janus.jcfg").write_text(f"""general: {{
\tserver_name = "SwiftGateTest"
\tsession_timeout = {session_timeout}
\tadmin_secret = "testsecret"
\tdebug_level = 4{secret}
}}
events: {{
\tbroadcast = {"true" if broadcast else "false"}
\tstats_period = {stats_period}
}}
nat: {{
\tice_enforce_list = "lo"
}}
""" + (f'media: {{\n\tsrtp_profiles = "{srtp_profiles}"\n}}\n' if srtp_profiles else ""))
    (folder / "janus.transport.http.jcfg").write_text(f"""general: {{
\tjson = "compact"
\tbase_path = "/janus"
\thttp = true
\tport = {janus_port}
\tip = "127.0.0.1"{served}
}}
admin: {{
\tadmin_base_path = "/admin"
\tadmin_http = true
\tadmin_port = {admin_port}
\tadmin_ip = "127.0.0.1"
}}
""")
    (folder / "janus.plugin.echotest.jcfg").write_text("general: {\n\tevents = true\n}\n")
    if backend is not None:
        (folder / "janus.eventhandler.sampleevh.jcfg").write_text(f"""general: {{
\tenabled = true
\tevents = "{events}"
\tgrouping = {"true" if grouping else "false"}
\tjson = "plain"
\tbackend = "{backend}"
\tmax_retransmissions = {max_retransmissions}
\tretransmissions_backoff = {retransmissions_backoff}
\tcompress = {"true" if compress else "false"}
}}
""")


class Gateway:
    """A running swiftgate binary with its own configs folder, stopped by PID."""

    def __init__(self, binary: str, folder: Path, extra_args=(), janus_port=None, admin_port=None, **config):
        self.janus_port = janus_port or free_port()
        self.admin_port = admin_port or free_port()
        self.folder = folder
        write_configs(folder, janus_port=self.janus_port, admin_port=self.admin_port, **config)
        self.log_path = folder / "swiftgate.log"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen([binary, "--configs-folder", str(folder), *extra_args],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_ready()

    def wait_ready(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"swiftgate exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                status, _ = self.request("GET", "/janus/info")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"swiftgate did not answer within {timeout} s:\n{self.log_text()}")

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")[-5000:]

    def request(self, method, path, body=None, raw=None, admin=False, timeout=40.0, headers=None):
        """One HTTP request; returns (status, parsed JSON or None for an empty body)."""
        port = self.admin_port if admin else self.janus_port
        conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
        try:
            data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
            conn.request(method, path, body=data, headers=headers or {})
            response = conn.getresponse()
            payload = response.read()
            return response.status, (json.loads(payload) if payload else None)
        finally:
            conn.close()

    def janus(self, path, body, **kw):
        body = dict(body)
        body.setdefault("transaction", transaction())
        status, reply = self.request("POST", path, body, **kw)
        assert status == 200, (status, reply)
        assert reply.get("transaction") == body["transaction"], reply
        return reply

    def admin(self, path, body):
        body = dict(body)
        body.setdefault("admin_secret", "testsecret")
        return self.janus(path, body, admin=True)

    def stop(self, sig=signal.SIGINT, timeout=15.0):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log.close()
        return self.process.returncode

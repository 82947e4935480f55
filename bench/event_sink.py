#!/usr/bin/env python3
"""A tiny HTTP collector for the gateways' sample event handlers (janus.eventhandler.sampleevh).

    event_sink.py --port 7777 --summary OUT.json

Answers every POST with 200 at once and counts what arrived: requests, bytes, events, events per
Janus event type. The summary is written when the process gets SIGINT or SIGTERM (and every
--every seconds, so a SIGKILL loses little; and once at start, as soon as the socket listens).
Listens on 127.0.0.1 only.

It must never be the bottleneck or the cause of retries: a slow or failing backend would make the
handlers retry and queue, and we would measure our collector instead of the gateway."""

import argparse
import gzip
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
totals = {"requests": 0, "bytes": 0, "events": 0, "unparsed_requests": 0, "by_type": {}}


def count(body: bytes) -> None:
    try:
        payload = json.loads(body)
    except ValueError:
        with lock:
            totals["unparsed_requests"] += 1
        return
    # With grouping on, a POST carries a JSON array of events; without, one event object.
    events = payload if isinstance(payload, list) else [payload]
    with lock:
        totals["events"] += len(events)
        for event in events:
            kind = str(event.get("type")) if isinstance(event, dict) else "?"
            totals["by_type"][kind] = totals["by_type"].get(kind, 0) + 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as libcurl reuses the connection

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with lock:
            totals["requests"] += 1
            totals["bytes"] += len(body)
        if self.headers.get("Content-Encoding") == "gzip":
            try:
                body = gzip.decompress(body)
            except OSError:
                body = b""
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        count(body)

    def log_message(self, *args):
        pass


def write_summary(path: str, started: float) -> None:
    with lock:
        snapshot = dict(totals, by_type=dict(totals["by_type"]), seconds=round(time.monotonic() - started, 3))
    with open(path + ".tmp", "w") as out:
        json.dump(snapshot, out, indent=1, sort_keys=True)
    # Rename so a reader never sees half a file.
    os.replace(path + ".tmp", path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=7777)
    parser.add_argument("--summary", required=True, help="JSON file the counts are written to")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between summary writes")
    args = parser.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    started = time.monotonic()
    stop = threading.Event()

    def on_signal(signum, frame):
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # The socket already listens: an early summary tells compare.sh the gateway may start now.
    write_summary(args.summary, started)
    print(f"event sink on http://127.0.0.1:{args.port}/", flush=True)
    while not stop.wait(args.every):
        write_summary(args.summary, started)
    server.shutdown()
    write_summary(args.summary, started)
    return 0


if __name__ == "__main__":
    sys.exit(main())

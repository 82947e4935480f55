"""A small asyncio Janus HTTP API client for tests: requests are blocking http.client calls run in
a worker thread, and one background thread keeps exactly one long poll
(`GET /janus/<session>?rid=<ms>&maxev=10`) outstanding, as janus.js does. Loopback only; every
request and every wait is bounded."""

import asyncio
import http.client
import json
import random
import socket
import string
import threading
import time

LOOPBACK = "127.0.0.1"


class JanusError(AssertionError):
    """The gateway answered a request with something other than what the call needs."""


def new_transaction() -> str:
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(12))


class JanusHTTP:
    """One Janus session over HTTP. `events` holds every long-poll event as (monotonic time, dict),
    in arrival order; `on_event` (set by the owner) is called on the asyncio loop for each one."""

    def __init__(self, port: int, host: str = LOOPBACK, request_timeout: float = 10.0):
        assert host in (LOOPBACK, "::1"), "loopback only"
        self.host, self.port, self.request_timeout = host, port, request_timeout
        self.session = None
        self.handle = None
        self.events = []
        self.on_event = None
        self.poll_error = None
        self._loop = None
        self._stop = threading.Event()
        self._poll_thread = None
        self._poll_conn = None
        self._poll_lock = threading.Lock()

    # -- requests ------------------------------------------------------------------------------

    def _post_blocking(self, path: str, body: dict) -> dict:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.request_timeout)
        try:
            conn.request("POST", path, body=json.dumps(body).encode(),
                         headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            payload = response.read()
        finally:
            conn.close()
        if response.status != 200:
            raise JanusError(f"POST {path} {body.get('janus')}: HTTP {response.status} {payload[:300]!r}")
        reply = json.loads(payload)
        if reply.get("transaction") != body["transaction"]:
            raise JanusError(f"POST {path}: reply does not echo the transaction: {reply}")
        return reply

    async def post(self, path: str, body: dict, expect=None) -> dict:
        """POSTs `body` (a transaction is added) and returns the reply; when `expect` is given
        (a tuple of `janus` values), any other reply raises JanusError."""
        body = dict(body)
        body.setdefault("transaction", new_transaction())
        reply = await asyncio.wait_for(asyncio.to_thread(self._post_blocking, path, body),
                                       self.request_timeout + 2)
        if expect is not None and reply.get("janus") not in expect:
            raise JanusError(f"{body['janus']} on {path}: expected {expect}, got {reply}")
        return reply

    async def create(self):
        reply = await self.post("/janus", {"janus": "create"}, expect=("success",))
        self.session = reply["data"]["id"]
        self._loop = asyncio.get_running_loop()
        self._poll_thread = threading.Thread(target=self._poll, name=f"longpoll-{self.session}", daemon=True)
        self._poll_thread.start()
        return self.session

    async def attach(self, plugin: str, opaque_id=None):
        body = {"janus": "attach", "plugin": plugin}
        if opaque_id is not None:
            body["opaque_id"] = opaque_id
        reply = await self.post(f"/janus/{self.session}", body, expect=("success",))
        self.handle = reply["data"]["id"]
        return self.handle

    async def handle_request(self, body: dict, expect=None) -> dict:
        return await self.post(f"/janus/{self.session}/{self.handle}", body, expect=expect)

    async def detach(self) -> dict:
        return await self.handle_request({"janus": "detach"}, expect=("success",))

    async def destroy(self) -> dict:
        reply = await self.post(f"/janus/{self.session}", {"janus": "destroy"}, expect=("success",))
        self.stop_polling()
        return reply

    # -- long poll -----------------------------------------------------------------------------

    def _poll(self):
        errors = 0
        while not self._stop.is_set():
            conn = http.client.HTTPConnection(self.host, self.port, timeout=45)
            try:
                with self._poll_lock:  # connect under the lock, so stop_polling always finds the socket
                    if self._stop.is_set():
                        return
                    conn.connect()
                    self._poll_conn = conn
                conn.request("GET", f"/janus/{self.session}?rid={int(time.time() * 1000)}&maxev=10")
                response = conn.getresponse()
                payload = response.read()
                if response.status == 404:
                    self.poll_error = "long poll: session gone (HTTP 404)"
                    return
                if response.status != 200:
                    raise OSError(f"HTTP {response.status}")
                data = json.loads(payload)
                errors = 0
            except (OSError, ValueError, http.client.HTTPException) as error:
                if self._stop.is_set():
                    return
                errors += 1
                if errors > 3:  # janus.js gives up after more than 3 consecutive errors
                    self.poll_error = f"long poll failed {errors} times: {error!r}"
                    return
                time.sleep(0.2)
                continue
            finally:
                with self._poll_lock:
                    self._poll_conn = None
                conn.close()
            arrived = time.monotonic()
            for event in (data if isinstance(data, list) else [data]):
                if event.get("janus") == "keepalive":
                    continue
                try:
                    self._loop.call_soon_threadsafe(self._deliver, arrived, event)
                except RuntimeError:  # the event loop is closed: nobody is listening any more
                    return

    def _deliver(self, arrived, event):
        self.events.append((arrived, event))
        if self.on_event is not None:
            self.on_event(event)

    def stop_polling(self, timeout: float = 2.0):
        """Stops the long-poll thread: shuts its socket down so a pending GET returns at once."""
        self._stop.set()
        with self._poll_lock:
            conn = self._poll_conn
            if conn is not None and conn.sock is not None:
                try:
                    conn.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        if self._poll_thread is not None and self._poll_thread is not threading.current_thread():
            self._poll_thread.join(timeout)

    # -- waiting -------------------------------------------------------------------------------

    def find(self, predicate, since: float = 0.0):
        """Events (dicts) matching `predicate` that arrived at or after monotonic time `since`."""
        return [e for t, e in self.events if t >= since and predicate(e)]

    async def wait_event(self, predicate, timeout: float, what: str, since: float = 0.0) -> dict:
        """The first long-poll event matching `predicate`; raises JanusError after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find(predicate, since)
            if found:
                return found[0]
            if time.monotonic() >= deadline:
                seen = [e for _, e in self.events][-15:]
                raise JanusError(f"no {what} within {timeout} s (poll error: {self.poll_error}); "
                                 f"last events: {json.dumps(seen)[:3000]}")
            await asyncio.sleep(0.02)

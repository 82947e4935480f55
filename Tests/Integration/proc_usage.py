"""What a process holds, read from /proc (Linux): threads and UDP sockets."""

import os
import time


def thread_count(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def udp_socket_count(pid: int) -> int:
    """UDP sockets (IPv4 and IPv6) the process holds: its socket fds' inodes that appear in the
    network namespace's /proc/net/udp{,6} tables (column 10 = inode)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    udp = set()
    for table in ("udp", "udp6"):
        try:
            with open(f"/proc/{pid}/net/{table}") as f:
                udp.update(line.split()[9] for line in f.read().splitlines()[1:])
        except FileNotFoundError:
            pass
    return len(inodes & udp)


def wait_for_level(measure, level: int, timeout: float) -> int:
    """Polls `measure()` until it is <= level or `timeout` s pass; returns the last value."""
    deadline = time.monotonic() + timeout
    value = measure()
    while value > level and time.monotonic() < deadline:
        time.sleep(0.2)
        value = measure()
    return value

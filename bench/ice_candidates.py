#!/usr/bin/env python3
"""Which ICE candidates a gateway on 127.0.0.1 offered, from its Admin API (standard library only).

    ice_candidates.py ADMIN_URL --secret S

Asks the Admin API (list_sessions, list_handles, handle_info) for every handle's ICE
details and prints, as JSON, the local and remote candidates and the selected pair, and whether
any local candidate is not 127.0.0.1. Exit 2 if one is (or none is listed), 1 if no handle was found.

Janus and SwiftGate name the handle_info fields alike but not identically, so candidates are
collected from every key that mentions "candidate" or "selected", wherever it sits."""

import argparse
import json
import sys
import urllib.request


def post(url: str, body: dict, timeout: float = 5) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.loads(reply.read())


def collect(node, found: dict, path: str = "") -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            lowered = key.lower()
            if "candidate" in lowered or "selected" in lowered:
                found.setdefault(f"{path}{key}", value)
            else:
                collect(value, found, f"{path}{key}.")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            collect(value, found, f"{path}{index}.")


def candidates(admin_url: str, secret: str) -> int:
    def admin(path: str, request: str) -> dict:
        return post(admin_url.rstrip("/") + path, {"janus": request, "transaction": request, "admin_secret": secret})

    report = {"handles": []}
    for session in admin("", "list_sessions").get("sessions", []):
        for handle in admin(f"/{session}", "list_handles").get("handles", []):
            info = admin(f"/{session}/{handle}", "handle_info").get("info", {})
            found: dict = {}
            collect(info, found)
            report["handles"].append({"session": session, "handle": handle, "ice": found})
    local = [c for h in report["handles"] for k, v in h["ice"].items() if "local" in k.lower()
             for c in (v if isinstance(v, list) else [v])]
    report["local_candidates"] = local
    report["non_loopback_local"] = [c for c in local if isinstance(c, str) and " 127.0.0.1 " not in c]
    print(json.dumps(report, indent=1))
    if not report["handles"]:
        return 1
    return 2 if report["non_loopback_local"] or not local else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("admin_url", help="e.g. http://127.0.0.1:7088/admin")
    parser.add_argument("--secret", required=True, help="the admin_secret of janus.jcfg")
    args = parser.parse_args()
    return candidates(args.admin_url, args.secret)


if __name__ == "__main__":
    sys.exit(main())

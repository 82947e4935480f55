"""Small SDP text helpers for the aiortc test peers (RFC 8866 lines, RFC 8839 candidates)."""


def candidate_address(candidate: str) -> str:
    """The connection address of an SDP candidate ("candidate:f 1 udp prio ADDR port typ host")."""
    fields = candidate.split()
    return fields[4] if len(fields) > 4 else ""


def vp8_payload_type(sdp: str):
    """The payload type mapped to VP8/90000 in an SDP (RFC 8866 a=rtpmap), or None."""
    for line in sdp.split("\r\n"):
        if line.startswith("a=rtpmap:") and line.split(" ")[-1].upper().startswith("VP8/"):
            return int(line[len("a=rtpmap:"):].split(" ")[0])
    return None


def split_candidates(sdp: str):
    """For trickle ICE: the SDP without candidate lines (m-line ports 9, c= 0.0.0.0, as a browser
    that trickles sends it), and the candidates as Janus `trickle` objects, one per m-line."""
    out, candidates, index, mid, section = [], [], -1, None, []
    for line in sdp.split("\r\n"):
        if line.startswith("m="):
            candidates += [{"candidate": c["candidate"], "sdpMid": mid, "sdpMLineIndex": c["sdpMLineIndex"]}
                           for c in section]
            index, mid, section = index + 1, None, []
            parts = line.split(" ")
            line = " ".join([parts[0], "9", *parts[2:]])
        elif line.startswith("c=IN IP4") and index >= 0:
            line = "c=IN IP4 0.0.0.0"
        elif line.startswith("a=mid:"):
            mid = line[len("a=mid:"):]
        elif line.startswith("a=candidate:"):
            section.append({"candidate": line[2:], "sdpMLineIndex": index})
            continue
        elif line == "a=end-of-candidates":
            continue
        out.append(line)
    candidates += [{"candidate": c["candidate"], "sdpMid": mid, "sdpMLineIndex": c["sdpMLineIndex"]}
                   for c in section]
    return "\r\n".join(out), candidates

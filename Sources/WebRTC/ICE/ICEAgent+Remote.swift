import CNice
import SDP

/// The remote side: credentials, trickled candidates, end of candidates (RFC 8838).
extension ICEAgent {
    /// Sets the peer's ice-ufrag and ice-pwd, then hands libnice any candidates (and the end of
    /// candidates) that arrived before them.
    ///
    /// - Throws: `ICEError.closed`; `.invalidCredentials` (counted) unless the ufrag has 4-256 and
    ///   the pwd 22-256 ice-chars (ALPHA / DIGIT / "+" / "/"), or when libnice refuses them.
    /// - SeeAlso: RFC 8839 §5.4.
    public func setRemoteCredentials(ufrag: String, pwd: String) throws(ICEError) {
        loop.preconditionInLoop("ICEAgent.setRemoteCredentials")
        guard !isClosed else { throw ICEError(.closed, "setRemoteCredentials after close") }
        guard Self.isICEChars(ufrag, 4...256), Self.isICEChars(pwd, 22...256) else {
            counters.invalidRemoteCredentials += 1
            throw ICEError(.invalidCredentials, "ufrag needs 4-256 and pwd 22-256 ice-chars (got \(ufrag.utf8.count) and \(pwd.utf8.count))")
        }
        guard nice_agent_set_remote_credentials(niceAgent, streamID, ufrag, pwd) != 0 else {
            counters.invalidRemoteCredentials += 1
            throw ICEError(.invalidCredentials, "nice_agent_set_remote_credentials refused them")
        }
        hasRemoteCredentials = true
        let pending = pendingRemoteCandidates
        pendingRemoteCandidates.removeAll()
        for candidate in pending where !handOver(candidate) {
            counters.rejectedRemoteCandidates += 1
            counters.remoteCandidatesAdded -= 1
        }
        if pendingEndOfCandidates { nice_agent_peer_candidate_gathering_done(niceAgent, streamID) }
    }

    /// Adds one remote candidate, trickled or from the offer: `candidate:...`, with or without
    /// `a=`, surrounding whitespace and CR/LF ignored. Before the remote credentials it is queued.
    ///
    /// - Throws: `ICEError.closed`; `.malformedCandidate` for text that does not follow RFC 8839
    ///   §5.1; `.unsupportedCandidate` for TCP, component != 1, FQDN/mDNS addresses, unknown types
    ///   or port 0; `.rejectedCandidate` when libnice refuses it. Each refusal is counted and leaves
    ///   the agent unchanged.
    public func addRemoteCandidate(_ sdp: String) throws(ICEError) {
        loop.preconditionInLoop("ICEAgent.addRemoteCandidate")
        guard !isClosed else { throw ICEError(.closed, "addRemoteCandidate after close") }
        let line: String
        do {
            line = try Self.libniceLine(for: sdp)
        } catch {
            if error.code == .malformedCandidate {
                counters.malformedRemoteCandidates += 1
            } else {
                counters.unsupportedRemoteCandidates += 1
            }
            throw error
        }
        guard let candidate = nice_agent_parse_remote_candidate_sdp(niceAgent, streamID, line) else {
            counters.rejectedRemoteCandidates += 1
            throw ICEError(.rejectedCandidate, "nice_agent_parse_remote_candidate_sdp refused \(line)")
        }
        if !hasRemoteCredentials {
            pendingRemoteCandidates.append(candidate)
        } else if !handOver(candidate) {
            counters.rejectedRemoteCandidates += 1
            throw ICEError(.rejectedCandidate, "nice_agent_set_remote_candidates refused \(line)")
        }
        counters.remoteCandidatesAdded += 1
    }

    /// The peer has no more candidates (trickle end-of-candidates, or a complete offer): libnice may
    /// now declare the connection failed once every pair failed. Idempotent.
    /// - SeeAlso: RFC 8838 §8.2.
    public func endOfRemoteCandidates() {
        loop.preconditionInLoop("ICEAgent.endOfRemoteCandidates")
        guard !isClosed, !pendingEndOfCandidates else { return }
        pendingEndOfCandidates = true
        if hasRemoteCredentials { nice_agent_peer_candidate_gathering_done(niceAgent, streamID) }
    }

    /// Gives one parsed candidate to libnice (which copies it) and frees ours.
    private func handOver(_ candidate: UnsafeMutablePointer<NiceCandidate>) -> Bool {
        let list = g_slist_append(nil, candidate)
        let added = nice_agent_set_remote_candidates(niceAgent, streamID, 1, list)
        g_slist_free(list)
        nice_candidate_free(candidate)
        return added > 0
    }

    /// Validates a candidate string and rewrites it in the form libnice parses
    /// (`a=candidate:<foundation> 1 UDP <priority> <ip> <port> typ <type> [raddr <ip> rport <port>]`).
    /// A pure function.
    /// - Throws: `.malformedCandidate` or `.unsupportedCandidate` (see `addRemoteCandidate`).
    static func libniceLine(for text: String) throws(ICEError) -> String {
        let trimmed = Substring(text).trimmingASCIIWhitespace()
        let candidate: ICECandidate
        do {
            candidate = try ICECandidate(parsing: trimmed)
        } catch {
            throw ICEError(.malformedCandidate, "\(error)")
        }
        guard candidate.transport.lowercased() == "udp" else {
            throw ICEError(.unsupportedCandidate, "transport \(candidate.transport): ICE-TCP is off")
        }
        guard candidate.component == 1 else {
            throw ICEError(.unsupportedCandidate, "component \(candidate.component): BUNDLE + rtcp-mux uses component 1 only")
        }
        guard LocalInterfaceAddress.isNumericAddress(candidate.address) else {
            // Digits, dots and colons only, yet not an address (999.1.1.1, 1.2.3): garbage. Anything
            // else is a host name, e.g. an mDNS `<uuid>.local` name, which we do not resolve.
            let looksNumeric = candidate.address.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x3A }
            if looksNumeric || candidate.address.contains(":") {
                throw ICEError(.malformedCandidate, "address \(candidate.address) is not a valid IP address")
            }
            throw ICEError(.unsupportedCandidate, "address \(candidate.address) is a host name (mDNS/FQDN names are not resolved)")
        }
        guard candidate.port != 0 else { throw ICEError(.unsupportedCandidate, "port 0") }
        switch candidate.kind {
        case .host, .serverReflexive, .peerReflexive, .relay: break
        case .other(let token): throw ICEError(.unsupportedCandidate, "candidate type \(token)")
        }
        var line = "a=candidate:\(candidate.foundation) 1 UDP \(candidate.priority) \(candidate.address) \(candidate.port) typ \(candidate.kind.token)"
        if let related = candidate.relatedAddress, let port = candidate.relatedPort, port != 0,
           LocalInterfaceAddress.isNumericAddress(related) {
            line += " raddr \(related) rport \(port)"
        }
        return line
    }

    private static func isICEChars(_ text: String, _ lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count) && text.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2B || c == 0x2F
        }
    }
}

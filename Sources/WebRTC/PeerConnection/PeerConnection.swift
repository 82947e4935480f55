import RTP
import SDP

/// One WebRTC PeerConnection of a handle, answerer side: an ICE agent (controlled), a DTLS association
/// that keys SRTP (RFC 5764), and the accepted audio/video tracks of one BUNDLEd, rtcp-muxed transport.
///
/// Datagrams are demultiplexed by their first byte (RFC 7983): STUN stays in libnice, DTLS goes to
/// the handshake, SRTP/SRTCP is unprotected in place and handed to the delegate. Sending copies the
/// packet into a buffer allocated once, rewrites the SSRC to the one our answer announced, protects it
/// and sends it on the selected pair, all on the loop thread, with no allocation.
///
/// - Important: confined to `loop`: create it, call it and close it only on that thread.
/// - SeeAlso: RFC 8829 (JSEP), RFC 8445 (ICE), RFC 5764 (DTLS-SRTP), RFC 3550/4585 (RTP/RTCP), RFC 7983.
public final class PeerConnection {
    /// The media loop this PeerConnection lives on.
    public let loop: MediaLoop
    /// The accepted audio/video m-lines, in m-line order.
    public internal(set) var tracks: [MediaTrack]
    /// What went wrong on the network so far (counted, never fatal).
    public internal(set) var counters = PeerConnectionCounters()
    /// The DTLS association's counters (records dropped as malformed, retransmissions, alerts);
    /// zero before the transport exists.
    public var dtlsCounters: DTLSCounters { dtls?.counters ?? DTLSCounters() }
    /// Our ICE credentials, for the answer.
    public var localICEUfrag: String { ice.localUfrag }
    /// Our ICE password, for the answer.
    public var localICEPwd: String { ice.localPwd }
    /// Whether DTLS finished and SRTP is keyed.
    public internal(set) var isConnected = false
    /// Whether `close` ran.
    public internal(set) var isClosed = false
    /// Packets lost (or NACKed) per second on a track above which a slow link is reported (Janus's
    /// `media.slowlink_threshold`); 0 turns the detection off.
    public var slowLinkThreshold = 0

    unowned(unsafe) let delegate: PeerConnectionDelegate
    var ice: ICEAgent!
    var iceClosed = false
    var dtls: DTLSTransport!
    var srtpOutbound: SRTPSession?
    /// The SRTP protection profile DTLS negotiated (RFC 5764 §4.1.2), once the PeerConnection is up.
    public var srtpProfile: SRTPProfile? { srtpOutbound?.profile }
    var srtpInbound: SRTPSession?
    var dtlsTimer: MediaLoopTimer?
    var tickTimer: MediaLoopTimer?
    let clock: @Sendable () -> UInt64
    let dtlsContext: DTLSContext
    var cname: [UInt8] = []
    /// FIR command sequence number (RFC 5104 §4.3.1.1), incremented per new request.
    var firSequence: UInt8 = 0
    /// One packet of scratch space for what we send: MTU plus SRTP trailer room.
    let sendBuffer: UnsafeMutableRawBufferPointer
    static let sendBufferSize = 1500 + SRTPSession.trailerRoom

    /// Creates the PeerConnection's ICE agent on `loop`; `configure` follows once the answer is
    /// known, then `start`. The gateway answers, so its agents are controlled (RFC 8445 §6.1.1); a
    /// load generator or a test peer that offers passes `controlling: true`.
    ///
    /// - Parameters:
    ///   - iceConfiguration: which local addresses to gather on, lite or full mode.
    ///   - dtlsContext: our certificate and the SRTP profiles we offer in DTLS.
    ///   - clock: monotonic microseconds, for statistics and timers.
    /// - Throws: `PeerConnectionError.ice` when the agent cannot be created.
    public init(
        loop: MediaLoop, iceConfiguration: ICEConfiguration, dtlsContext: DTLSContext,
        delegate: PeerConnectionDelegate, controlling: Bool = false, clock: @escaping @Sendable () -> UInt64
    ) throws(PeerConnectionError) {
        precondition(loop.isCurrentThread, "PeerConnection must be created on its media loop")
        self.loop = loop
        self.delegate = delegate
        self.clock = clock
        self.dtlsContext = dtlsContext
        self.tracks = []
        self.sendBuffer = .allocate(byteCount: Self.sendBufferSize, alignment: 8)
        do {
            ice = try ICEAgent(loop: loop, configuration: iceConfiguration, controlling: controlling, delegate: self)
        } catch {
            sendBuffer.deallocate()
            throw PeerConnectionError.ice("\(error)")
        }
    }

    /// Applies what the answer negotiated: the peer's ICE credentials, the DTLS role and the peer's
    /// fingerprints, and the tracks with our SSRCs.
    ///
    /// - Parameters:
    ///   - negotiation: from `JSEPAnswerer.answer(to:)`.
    ///   - localSSRCs: our SSRC and RTX SSRC per kind, as written in the answer.
    ///   - cname: the RTCP CNAME of our reports (at most 255 bytes are used).
    /// - Throws: `PeerConnectionError.ice` for unusable credentials, `.dtls` when DTLS cannot be set up.
    public func configure(
        negotiation: JSEPNegotiation, localSSRCs: [MediaKind: (UInt32, UInt32?)], cname: String
    ) throws(PeerConnectionError) {
        self.cname = Array(cname.utf8.prefix(255))
        tracks = negotiation.acceptedMedia.map { media in
            let kind: MediaKind = media.kind == .video ? .video : .audio
            let ssrcs = localSSRCs[kind] ?? (0, nil)
            return MediaTrack(negotiated: media, localSSRC: ssrcs.0, localRTXSSRC: ssrcs.1)
        }
        do {
            try ice.setRemoteCredentials(ufrag: negotiation.peerICEUfrag, pwd: negotiation.peerICEPwd)
        } catch {
            throw PeerConnectionError.ice("\(error)")
        }
        let role: DTLSRole = negotiation.localSetup == .passive ? .server : .client
        do {
            dtls = try DTLSTransport(
                context: dtlsContext, role: role, peerFingerprints: negotiation.peerFingerprints, delegate: self)
        } catch {
            throw PeerConnectionError.dtls("\(error)")
        }
    }

    deinit {
        if !isClosed { closeTransports() }
        sendBuffer.deallocate()
    }

    /// Starts gathering (after `configure`) local candidates (each reported to the delegate) and the once-a-second tick
    /// (media receiving detection, RTCP reports).
    /// - Throws: `PeerConnectionError.ice` when gathering cannot start.
    public func start() throws(PeerConnectionError) {
        guard dtls != nil else { throw PeerConnectionError.dtls("start before configure") }
        do { try ice.gather() } catch { throw PeerConnectionError.ice("\(error)") }
        tickTimer = loop.schedule(afterMicroseconds: 1_000_000, repeating: true) { [unowned self] in
            self.tick()
            return !self.isClosed
        }
    }

    /// Adds a remote candidate (the `candidate:` attribute value, from the offer or a trickle).
    /// - Throws: `PeerConnectionError.badCandidate` for text libnice cannot parse; nothing changes then.
    public func addRemoteCandidate(_ candidate: String) throws(PeerConnectionError) {
        guard !isClosed else { return }
        do { try ice.addRemoteCandidate(candidate) } catch {
            counters.badRemoteCandidates += 1
            throw PeerConnectionError.badCandidate("\(error)")
        }
        delegate.peerConnection(self, didAddRemoteCandidate: candidate)
    }

    /// The peer has no more candidates (trickle `completed` or `a=end-of-candidates`).
    public func endOfRemoteCandidates() {
        guard !isClosed else { return }
        ice.endOfRemoteCandidates()
    }

    /// Closes the PeerConnection: sends DTLS close_notify, stops ICE and the timers, drops the SRTP keys.
    /// No delegate call happens afterwards. Safe to call twice.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        closeTransports()
    }

    private func closeTransports() {
        dtlsTimer?.cancel()
        dtlsTimer = nil
        tickTimer?.cancel()
        tickTimer = nil
        dtls?.close()
        ice?.close()
        iceClosed = true
        srtpInbound = nil
        srtpOutbound = nil
        isConnected = false
    }

    /// The index in `tracks` of the first track of `kind`, if one was accepted.
    public func trackIndex(of kind: MediaKind) -> Int? {
        tracks.firstIndex { $0.kind == kind }
    }
}

/// Why a PeerConnection could not be created or fed.
public enum PeerConnectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The ICE agent could not be created, credentialed or started.
    case ice(String)
    /// The DTLS association could not be created.
    case dtls(String)
    /// A remote candidate was not understood.
    case badCandidate(String)

    /// A sentence for logs and Janus error reasons.
    public var description: String {
        switch self {
        case .ice(let text): "ICE error: \(text)"
        case .dtls(let text): "DTLS error: \(text)"
        case .badCandidate(let text): "Invalid remote candidate: \(text)"
        }
    }
}

/// Network input a PeerConnection dropped, by reason; each is counted and changes nothing else.
public struct PeerConnectionCounters: Sendable, Equatable {
    /// Datagrams whose first byte is neither STUN, DTLS, RTP nor RTCP (RFC 7983).
    public var unknownDatagrams = 0
    /// RTP/RTCP that arrived before SRTP was keyed.
    public var mediaBeforeKeys = 0
    /// SRTP packets that failed to unprotect (authentication, replay, malformed).
    public var srtpErrors = 0
    /// SRTCP packets that failed to unprotect.
    public var srtcpErrors = 0
    /// Decrypted RTP packets whose header did not parse.
    public var badRTP = 0
    /// Decrypted RTCP compounds that did not parse.
    public var badRTCP = 0
    /// RTP packets whose SSRC/payload type matches no track.
    public var unknownRTP = 0
    /// Remote candidates libnice refused.
    public var badRemoteCandidates = 0
    /// Packets we failed to protect or send.
    public var sendFailures = 0

    /// All zero.
    public init() {}
}

import Dispatch
import SDP
import Synchronization
import WebRTC

/// One end of a `PeerConnectionPair`: owns its PeerConnection (touched only on its loop) and records
/// what happened in `record` (readable from the test thread).
public final class LoopbackSide: @unchecked Sendable, PeerConnectionDelegate {
    /// What the side saw, in order of arrival.
    public struct Record: Sendable {
        /// ICE states in the order the agent entered them.
        public var iceStates: [ICEState] = []
        /// DTLS states in order.
        public var dtlsStates: [DTLSState] = []
        /// Whether SRTP is keyed (the PeerConnection reported itself up).
        public var connected = false
        /// Why the PeerConnection failed, if it did.
        public var failure: String?
        /// Decrypted RTP packets received.
        public var receivedRTP = 0
        /// The SSRCs those packets carried.
        public var receivedSSRCs: Set<UInt32> = []
        /// Decrypted RTCP compounds received.
        public var receivedRTCP = 0
        /// The last receiving state reported per track index.
        public var receiving: [Int: Bool] = [:]
        /// Slow-link reports: track index, uplink or downlink, packets lost or NACKed.
        public var slowLinks: [(track: Int, uplink: Bool, lost: Int)] = []
    }

    /// The loop the PeerConnection lives on.
    public let loop: MediaLoop
    /// Whether received RTP is sent straight back.
    public let echo: Bool
    /// What happened so far (any thread).
    public let record = Mutex(Record())
    /// The other end, which gets our local candidates.
    public weak var other: LoopbackSide?
    /// The PeerConnection; touch it only on `loop`.
    public var connection: PeerConnection?

    /// A side on `loop`; `create` makes its PeerConnection.
    public init(loop: MediaLoop, echo: Bool) {
        self.loop = loop
        self.echo = echo
    }

    /// Runs `body` on the loop and waits for it (bounded: 5 s).
    public func sync<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        try loop.sync { Result { try body() } }.get()
    }

    /// Creates the PeerConnection on the loop.
    public func create(context: DTLSContext, controlling: Bool, slowLinkThreshold: Int = 0) throws {
        try sync { [self] in
            connection = try PeerConnection(
                loop: loop, iceConfiguration: PeerConnectionPair.ice, dtlsContext: context, delegate: self,
                controlling: controlling, clock: PeerConnectionPair.clock)
            connection?.slowLinkThreshold = slowLinkThreshold
        }
    }

    /// Our ICE ufrag and pwd.
    public func credentials() -> (String, String) {
        (try? sync { [self] in (connection!.localICEUfrag, connection!.localICEPwd) }) ?? ("", "")
    }

    /// Applies a negotiation with our SSRCs.
    public func configure(negotiation: JSEPNegotiation, ssrcs: [MediaKind: (UInt32, UInt32?)]) throws {
        let box = SSRCBox(ssrcs)
        try sync { [self] in try connection!.configure(negotiation: negotiation, localSSRCs: box.value, cname: "test") }
    }

    /// Starts gathering.
    public func start() throws { try sync { [self] in try connection!.start() } }

    /// Closes the PeerConnection.
    public func close() { _ = try? sync { [self] in connection?.close() } }

    /// Sends `count` packets on `track` from the loop, `perBurst` at a time with a 1 ms pause between bursts.
    public func send(_ packets: [[UInt8]], track: Int) throws -> Int {
        try sync { [self] in
            var sent = 0
            for packet in packets where packet.withUnsafeBytes({ connection!.sendRTP($0, track: track) }) { sent += 1 }
            return sent
        }
    }

    /// The PeerConnection's drop counters, read on the loop.
    public func counters() -> PeerConnectionCounters { (try? sync { [self] in connection!.counters }) ?? PeerConnectionCounters() }

    /// The tracks with their statistics, read on the loop.
    public func tracks() -> [MediaTrack] { (try? sync { [self] in connection!.tracks }) ?? [] }

    // MARK: PeerConnectionDelegate (on the loop)

    public func peerConnection(_ connection: PeerConnection, didGatherLocalCandidate candidate: String) {
        guard let other else { return }
        other.loop.invoke { try? other.connection?.addRemoteCandidate(candidate) }
    }
    public func peerConnectionDidFinishGathering(_ connection: PeerConnection) {}
    public func peerConnection(_ connection: PeerConnection, didAddRemoteCandidate candidate: String) {}
    public func peerConnection(_ connection: PeerConnection, didChangeICEState state: ICEState) {
        record.withLock { $0.iceStates.append(state) }
    }
    public func peerConnection(_ connection: PeerConnection, didSelectPair local: String, remote: String) {}
    public func peerConnection(_ connection: PeerConnection, didChangeDTLSState state: DTLSState, retransmissions: Int) {
        record.withLock { $0.dtlsStates.append(state) }
    }
    public func peerConnectionDidConnect(_ connection: PeerConnection) { record.withLock { $0.connected = true } }
    public func peerConnection(_ connection: PeerConnection, didFailWithReason reason: String) {
        record.withLock { $0.failure = reason }
    }
    public func peerConnection(_ connection: PeerConnection, track: Int, didDetectSlowLink uplink: Bool, lost: Int) {
        record.withLock { $0.slowLinks.append((track, uplink, lost)) }
    }
    public func peerConnection(_ connection: PeerConnection, track: Int, didChangeReceiving receiving: Bool) {
        record.withLock { $0.receiving[track] = receiving }
    }
    public func peerConnection(
        _ connection: PeerConnection, didReceiveRTP packet: UnsafeMutableRawBufferPointer, track: Int,
        isRetransmission: Bool
    ) {
        let ssrc = UInt32(bigEndian: packet.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        record.withLock {
            $0.receivedRTP += 1
            $0.receivedSSRCs.insert(ssrc)
        }
        if echo { connection.sendRTP(UnsafeRawBufferPointer(packet), track: track, isRetransmission: isRetransmission) }
    }
    public func peerConnection(_ connection: PeerConnection, didReceiveRTCP packet: UnsafeMutableRawBufferPointer) {
        record.withLock { $0.receivedRTCP += 1 }
    }
}

/// Carries a dictionary of tuples (not Sendable) into a loop closure.
final class SSRCBox: @unchecked Sendable {
    public let value: [MediaKind: (UInt32, UInt32?)]
    init(_ value: [MediaKind: (UInt32, UInt32?)]) { self.value = value }
}

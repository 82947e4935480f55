import Foundation
import JanusClient
import SDP
import WebRTC

/// Why a call of the load could not be set up.
struct CallSetupError: Error, CustomStringConvertible {
    let description: String
}

/// Sets up one EchoTest call through the Janus API, in the order janus.js uses: `create`,
/// `attach`, `message` with the offer (`{"audio":true,"video":true}`), the answer from the long
/// poll (or at once), our candidates trickled, then `{"completed":true}`; the call counts as set up
/// once DTLS is connected. Blocking: run it on a control thread, never on a media loop.
struct CallSetup {
    let api: JanusAPI
    let driver: LoopDriver
    let context: DTLSContext
    let fingerprints: [Fingerprint]
    let load: MediaLoad

    static let clock: @Sendable () -> UInt64 = { LoopDriver.now() / 1_000 }

    /// - Throws: `JanusAPIError` from the API, `CallSetupError` when the answer, ICE or DTLS fail or
    ///   time out (10 s), `JSEPError` for an answer that does not fit the offer.
    func establish(index: UInt32) throws -> BenchCall {
        let started = LoopDriver.now()
        let session = try api.createSession()
        let peer = BenchPeer(index: index, driver: driver)
        do {
            let handle = try api.attach(session: session, plugin: "janus.plugin.echotest")
            let (ufrag, pwd) = try create(peer)
            let ssrcs = (audio: UInt32.random(in: 1...UInt32.max), video: UInt32.random(in: 1...UInt32.max),
                         rtx: UInt32.random(in: 1...UInt32.max))
            let offerer = try JSEPOfferer(
                iceUfrag: ufrag, icePwd: pwd, fingerprints: fingerprints, cname: "swiftgate-bench-\(index)",
                media: JSEPOfferMedia.opusAndVP8(
                    audioSSRC: ssrcs.audio, videoSSRC: ssrcs.video, videoRTXSSRC: ssrcs.rtx, streamID: "bench-\(index)"),
                sessionID: UInt64.random(in: 1...UInt64(Int64.max)))
            let answer = try SessionDescription(parsing: try exchange(offer: offerer.sdp, session: session, handle: handle))
            let negotiation = try offerer.negotiation(answer: answer)
            let remote = JSEPOfferer.candidates(in: answer)
            let load = self.load
            try onLoop(peer) { connection in
                try connection.configure(
                    negotiation: negotiation, localSSRCs: [.audio: (ssrcs.audio, nil), .video: (ssrcs.video, ssrcs.rtx)],
                    cname: "swiftgate-bench-\(index)")
                peer.prepare(load: load, audioSSRC: ssrcs.audio, videoSSRC: ssrcs.video)
                try connection.start()
                for candidate in remote.distinct { try? connection.addRemoteCandidate(candidate.description) }
                if remote.endOfCandidates { connection.endOfRemoteCandidates() }
            }
            try trickleLocalCandidates(of: peer, session: session, handle: handle)
            try waitUntilConnected(peer)
            try driver.loop.sync { peer.startSending() }
            return BenchCall(
                session: session, handle: handle, peer: peer,
                setupMilliseconds: Double(LoopDriver.now() - started) / 1e6)
        } catch {
            try? api.destroy(session: session)
            try? driver.loop.sync { peer.close() }
            throw error
        }
    }

    private func create(_ peer: BenchPeer) throws -> (String, String) {
        let loop = driver.loop
        let (context, delegate) = (self.context, peer)
        return try loop.sync {
            Result { () throws -> (String, String) in
                let connection = try PeerConnection(
                    loop: loop, iceConfiguration: .loopbackOnly, dtlsContext: context, delegate: delegate,
                    controlling: true, clock: Self.clock)
                delegate.connection = connection
                return (connection.localICEUfrag, connection.localICEPwd)
            }
        }.get()
    }

    /// Runs `body` with the peer's PeerConnection on its loop and waits for it.
    private func onLoop(_ peer: BenchPeer, _ body: @escaping @Sendable (PeerConnection) throws -> Void) throws {
        try driver.loop.sync {
            Result { () throws -> Void in
                guard let connection = peer.connection else { throw CallSetupError(description: "PeerConnection closed") }
                try body(connection)
            }
        }.get()
    }

    /// Sends the offer; the answer comes in the reply (`success` with `jsep`) or, after an `ack`, as
    /// an event on the long poll.
    private func exchange(offer: String, session: UInt64, handle: UInt64) throws -> String {
        let reply = try api.message(
            session: session, handle: handle, body: ["audio": load.audio, "video": load.video],
            jsep: ["type": "offer", "sdp": offer])
        var jsep = reply["jsep"] as? [String: Any]
        if jsep == nil {
            let event = try api.waitForEvent(session: session, handle: handle, timeoutSeconds: 10) { event in
                event["jsep"] != nil || event["janus"] as? String == "hangup"
            }
            jsep = event["jsep"] as? [String: Any]
        }
        guard let jsep, jsep["type"] as? String == "answer", let sdp = jsep["sdp"] as? String else {
            throw CallSetupError(description: "the gateway sent no SDP answer")
        }
        return sdp
    }

    /// Trickles every local candidate once gathering is over (at most 5 s), then `completed`.
    private func trickleLocalCandidates(of peer: BenchPeer, session: UInt64, handle: UInt64) throws {
        let deadline = Date().addingTimeInterval(5)
        var gathered: (done: Bool, candidates: [String]) = (false, [])
        while Date() < deadline {
            gathered = try driver.loop.sync { (peer.gatheringDone, peer.gathered) }
            if gathered.done { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        guard !gathered.candidates.isEmpty else { throw CallSetupError(description: "no local candidate on lo") }
        for candidate in gathered.candidates {
            try api.trickle(
                session: session, handle: handle,
                candidate: ["candidate": candidate, "sdpMid": "0", "sdpMLineIndex": 0])
        }
        try api.trickle(session: session, handle: handle, candidate: ["completed": true])
    }

    /// Waits (at most 10 s) for DTLS to connect.
    private func waitUntilConnected(_ peer: BenchPeer) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let (connected, failure) = try driver.loop.sync { (peer.connectedAt != nil, peer.failure) }
            if let failure { throw CallSetupError(description: "PeerConnection failed: \(failure)") }
            if connected { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
        throw CallSetupError(description: "ICE/DTLS not connected within 10 s")
    }
}

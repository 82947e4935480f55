/// Offer/answer bookkeeping of one handle, as Janus keeps it in a handle's WebRTC flags
/// (`got-offer`, `got-answer`, `negotiated`): which side offered, whether the other answered.
///
/// Value type with one `mutating` method per input (a remote JSEP from the client, a local JSEP
/// from the plugin, a hangup), guarded by the handle's lock.
struct HandleNegotiation: Sendable, Equatable {
    /// The client sent an offer (we answer).
    private(set) var gotRemoteOffer = false
    /// The client sent an answer to our offer.
    private(set) var gotRemoteAnswer = false
    /// The plugin sent an offer to the client.
    private(set) var sentLocalOffer = false
    /// The plugin answered the client's offer.
    private(set) var sentLocalAnswer = false
    /// Last SDP from the client.
    private(set) var remoteSDP: String?
    /// Last SDP from the plugin.
    private(set) var localSDP: String?

    /// Janus `got-offer`: an offer went either way.
    var gotOffer: Bool { gotRemoteOffer || sentLocalOffer }
    /// Janus `got-answer`: an answer went either way.
    var gotAnswer: Bool { gotRemoteAnswer || sentLocalAnswer }
    /// Janus `negotiated`: one full offer/answer round is done.
    var negotiated: Bool { (gotRemoteOffer && sentLocalAnswer) || (sentLocalOffer && gotRemoteAnswer) }
    /// Whether a PeerConnection exists (or is being set up) for the handle: an offer went either way.
    var hasPeerConnection: Bool { gotOffer }

    /// Records a JSEP from the client.
    /// - Throws: `JanusError` 469 "Unexpected ANSWER (did we offer?)" for an answer when the
    ///   plugin never offered; the state is then unchanged.
    mutating func receiveRemote(_ jsep: JSEP) throws(JanusError) {
        switch jsep.type {
        case .offer:
            gotRemoteOffer = true
            gotRemoteAnswer = false
            sentLocalAnswer = false
        case .answer:
            guard sentLocalOffer else {
                throw JanusError(JanusError.unexpectedAnswerCode, "Unexpected ANSWER (did we offer?)")
            }
            gotRemoteAnswer = true
        }
        remoteSDP = jsep.sdp
    }

    /// Records a JSEP the plugin sends to the client.
    mutating func sendLocal(_ jsep: JSEP) {
        switch jsep.type {
        case .offer:
            sentLocalOffer = true
            sentLocalAnswer = false
            gotRemoteAnswer = false
        case .answer:
            sentLocalAnswer = true
        }
        localSDP = jsep.sdp
    }

    /// Forgets the negotiation after the PeerConnection went away.
    mutating func hangup() {
        self = HandleNegotiation()
    }
}

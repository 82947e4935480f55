/// Receives an `ICEAgent`'s events. Every call arrives on the agent's media-loop thread, and none
/// arrives after `ICEAgent.close()`. The agent holds its delegate weakly.
///
/// - SeeAlso: RFC 8445 (ICE); RFC 8838 (trickle ICE); Janus webrtc events (type 16, subtypes 1-4).
public protocol ICEAgentDelegate: AnyObject {
    /// A local candidate was gathered, as an SDP attribute value without `a=`, e.g.
    /// `candidate:1 1 udp 2015363327 127.0.0.1 40596 typ host` (trickle it, or put it in the SDP).
    func iceAgent(_ agent: ICEAgent, didGatherLocalCandidate candidate: String)
    /// Local gathering finished (send end-of-candidates, RFC 8838 §4.2).
    func iceAgentDidFinishGathering(_ agent: ICEAgent)
    /// The component changed state (Janus emits `{"ice":"<janusName>"}`).
    func iceAgent(_ agent: ICEAgent, didChangeState state: ICEState)
    /// A candidate pair was selected; both sides as `candidate:` strings like the gathered ones.
    func iceAgent(_ agent: ICEAgent, didSelectPair local: String, remote: String)
    /// Hot path: a datagram that libnice did not consume as STUN (DTLS, RTP, RTCP, or garbage:
    /// the RFC 7983 demux upstream must classify and drop what is neither).
    ///
    /// `buffer` is libnice's receive buffer: writable in place (e.g. SRTP unprotect), valid only
    /// during this call; copy to keep.
    func iceAgent(_ agent: ICEAgent, didReceive buffer: UnsafeMutableRawBufferPointer)
}

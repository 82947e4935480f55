import CNice

/// The state of an ICE agent's single component (BUNDLE + rtcp-mux), as libnice reports it.
///
/// `connected` means a pair works and media can flow; `ready` means checks are over and the
/// nominated pair is final. libnice's order is gathering -> connecting -> connected -> ready;
/// `failed` when every pair failed (after the peer signalled end of candidates, with trickle).
/// - SeeAlso: RFC 8445 §6.1.3 (check list states); libnice `NiceComponentState`;
///   Janus webrtc ICE-state events (`ice`, type 16 subtype 1).
public enum ICEState: Sendable, Hashable, CaseIterable {
    /// No activity yet, or the connection was lost.
    case disconnected
    /// Local candidates are being gathered.
    case gathering
    /// Connectivity checks are running.
    case connecting
    /// At least one pair works.
    case connected
    /// ICE completed: the selected pair is nominated.
    case ready
    /// Every pair failed (or consent was lost).
    case failed

    /// Maps libnice's `NiceComponentState` (as the `guint` a signal carries); `nil` for others.
    init?(niceState: UInt32) {
        switch niceState {
        case NICE_COMPONENT_STATE_DISCONNECTED.rawValue: self = .disconnected
        case NICE_COMPONENT_STATE_GATHERING.rawValue: self = .gathering
        case NICE_COMPONENT_STATE_CONNECTING.rawValue: self = .connecting
        case NICE_COMPONENT_STATE_CONNECTED.rawValue: self = .connected
        case NICE_COMPONENT_STATE_READY.rawValue: self = .ready
        case NICE_COMPONENT_STATE_FAILED.rawValue: self = .failed
        default: return nil
        }
    }

    /// The string Janus puts in the `ice` key of its webrtc ICE-state event, e.g.
    /// `{"ice":"connecting"}` (reference/events-echotest.jsonl: gathering, connecting, connected, ready).
    public var janusName: String {
        switch self {
        case .disconnected: "disconnected"
        case .gathering: "gathering"
        case .connecting: "connecting"
        case .connected: "connected"
        case .ready: "ready"
        case .failed: "failed"
        }
    }
}

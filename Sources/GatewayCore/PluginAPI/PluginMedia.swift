import RTP
import Synchronization

/// A decrypted RTP packet as a plugin sees it (Janus's `janus_plugin_rtp`).
///
/// - Important: the bytes belong to the media loop's receive buffer: valid only during the callback,
///   writable in place (a plugin may rewrite the header before relaying). Never keep the pointer.
public struct PluginRTPPacket {
    /// The RTP packet, header and payload (RFC 3550 §5.1).
    public var bytes: UnsafeMutableRawBufferPointer
    /// Whether it belongs to the video m-line (else audio).
    public var isVideo: Bool
    /// Whether it is a retransmission (RTX, RFC 4588) rather than original media.
    public var isRetransmission: Bool

    /// Wraps a packet.
    public init(bytes: UnsafeMutableRawBufferPointer, isVideo: Bool, isRetransmission: Bool = false) {
        self.bytes = bytes
        self.isVideo = isVideo
        self.isRetransmission = isRetransmission
    }
}

/// A decrypted RTCP compound packet as a plugin sees it (Janus's `janus_plugin_rtcp`).
///
/// - Important: valid only during the callback; writable in place.
public struct PluginRTCPPacket {
    /// The compound (RFC 3550 §6.1), e.g. PLI, FIR, NACK, REMB or transport-cc feedback.
    public var bytes: UnsafeMutableRawBufferPointer

    /// Wraps a compound.
    public init(bytes: UnsafeMutableRawBufferPointer) {
        self.bytes = bytes
    }
}

/// The media callbacks of a plugin. They run on the handle's media loop thread, one packet at a
/// time, and must not block, allocate or take a lock shared with other handles. Defaults drop
/// the packet.
extension Plugin {
    public func incomingRTP(_ handle: PluginHandle, _ packet: PluginRTPPacket) {}
    public func incomingRTCP(_ handle: PluginHandle, _ packet: PluginRTCPPacket) {}
}

/// A per-handle slot where a plugin keeps its own state object, so media callbacks reach it without a
/// lookup in a table shared by all handles. The lock is per handle: never contended across handles.
public final class PluginSessionSlot: Sendable {
    private let value = Mutex<(any AnyObject & Sendable)?>(nil)

    /// Creates an empty slot.
    public init() {}

    /// Stores (or clears, with nil) the plugin's state for the handle.
    public func set(_ object: (any AnyObject & Sendable)?) { value.withLock { $0 = object } }

    /// The stored state, if it is a `T`.
    public func get<T: AnyObject & Sendable>(as type: T.Type) -> T? { value.withLock { $0 as? T } }
}

/// Edits a plugin may make to a packet before relaying it, on the RTP module's parsers (plugins see
/// only GatewayCore). All in place; malformed packets are left as they are.
extension PluginRTPPacket {
    /// The RTP sequence number (RFC 3550 §5.1); nil when the header does not parse.
    public var sequenceNumber: UInt16? {
        (try? RTPHeader(parsing: UnsafeRawBufferPointer(bytes)))?.sequenceNumber
    }

    /// Sets the RTP sequence number; does nothing to a malformed header.
    public func setSequenceNumber(_ sequenceNumber: UInt16) {
        (try? RTPHeaderRewriter(bytes))?.setSequenceNumber(sequenceNumber)
    }

    /// For a retransmission: the original sequence number in its RTX payload (RFC 4588 §4); nil when absent.
    public var rtxOriginalSequenceNumber: UInt16? {
        (try? RTPHeaderRewriter(bytes))?.rtxOriginalSequenceNumber
    }

    /// Sets the RTX original sequence number; does nothing when there is none.
    public func setRTXOriginalSequenceNumber(_ sequenceNumber: UInt16) {
        (try? RTPHeaderRewriter(bytes))?.setRTXOriginalSequenceNumber(sequenceNumber)
    }
}

extension PluginRTCPPacket {
    /// Caps every REMB in the compound at `bitrate` bits per second (draft-alvestrand-rmcat-remb).
    public func capREMB(at bitrate: UInt64) {
        RTCPFeedbackEdit.capREMB(in: bytes, at: bitrate)
    }

    /// Adds `delta` (modulo 2^16) to the packet ids of every generic NACK (RFC 4585 §6.2.1).
    public func shiftNACKs(by delta: UInt16) {
        RTCPFeedbackEdit.shiftNACKs(in: bytes, by: delta)
    }
}

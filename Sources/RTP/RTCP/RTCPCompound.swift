/// One RTCP packet of a compound, decoded by type.
///
/// - Important: every case borrows the datagram's bytes.
/// - SeeAlso: RFC 3550 §6.1, RFC 4585 §6.1, RFC 5104 §4.3.
public enum RTCPPacket {
    /// PT=200.
    case senderReport(SenderReport)
    /// PT=201.
    case receiverReport(ReceiverReport)
    /// PT=202.
    case sourceDescription(SourceDescription)
    /// PT=203.
    case goodbye(Goodbye)
    /// PT=206 FMT=1.
    case pictureLossIndication(PictureLossIndication)
    /// PT=206 FMT=4.
    case fullIntraRequest(FullIntraRequest)
    /// PT=206 FMT=15 with "REMB".
    case receiverEstimatedMaximumBitrate(ReceiverEstimatedMaximumBitrate)
    /// PT=205 FMT=1.
    case genericNACK(GenericNACK)
    /// PT=205 FMT=15, passed through untouched.
    case transportWideFeedback(TransportWideFeedback)
    /// Anything else (APP, other feedback, unknown types, PSFB FMT 15 that is not REMB).
    case other(RTCPPacketView)

    /// Decodes one packet by its type and FMT.
    /// - Throws: the message parser's `RTCPParseError`.
    public init(_ packet: RTCPPacketView) throws(RTCPParseError) {
        switch (packet.header.packetType, packet.header.count) {
        case (.senderReport, _): self = .senderReport(try SenderReport(parsing: packet))
        case (.receiverReport, _): self = .receiverReport(try ReceiverReport(parsing: packet))
        case (.sourceDescription, _): self = .sourceDescription(try SourceDescription(parsing: packet))
        case (.goodbye, _): self = .goodbye(try Goodbye(parsing: packet))
        case (.payloadSpecificFeedback, 1): self = .pictureLossIndication(try PictureLossIndication(parsing: packet))
        case (.payloadSpecificFeedback, 4): self = .fullIntraRequest(try FullIntraRequest(parsing: packet))
        case (.payloadSpecificFeedback, 15):
            if let remb = try? ReceiverEstimatedMaximumBitrate(parsing: packet) {
                self = .receiverEstimatedMaximumBitrate(remb)
            } else {
                self = .other(packet)
            }
        case (.transportFeedback, 1): self = .genericNACK(try GenericNACK(parsing: packet))
        case (.transportFeedback, 15): self = .transportWideFeedback(try TransportWideFeedback(parsing: packet))
        default: self = .other(packet)
        }
    }
}

/// Iterates the packets of a compound RTCP datagram without copying.
///
/// Wire: RTCP packets back to back, each sized by its header's length field.
/// ```swift
/// var packets = RTCPCompound(bytes)
/// while let packet = try packets.next() { ... }
/// ```
/// - Important: borrows `bytes` for as long as the iterator and its packets are used.
/// - Throws: from `next()`: `.truncated`, `.badVersion`, `.badPadding` for the packet at the cursor,
///   and the message parsers' errors. After an error the iterator is finished.
/// - SeeAlso: RFC 3550 §6.1 and App. A.2.
public struct RTCPCompound {
    /// The datagram.
    public let bytes: UnsafeRawBufferPointer
    /// Offset of the next packet.
    public private(set) var offset = 0

    /// Starts at the first packet of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The next packet as a raw view, or `nil` at the end.
    public mutating func nextView() throws(RTCPParseError) -> RTCPPacketView? {
        guard offset < bytes.count else { return nil }
        do {
            let view = try RTCPPacketView(parsing: bytes.slice(offset, bytes.count - offset))
            offset += view.bytes.count
            return view
        } catch {
            offset = bytes.count
            throw error
        }
    }

    /// The next packet decoded by type, or `nil` at the end.
    public mutating func next() throws(RTCPParseError) -> RTCPPacket? {
        guard let view = try nextView() else { return nil }
        do {
            return try RTCPPacket(view)
        } catch {
            offset = bytes.count
            throw error
        }
    }
}

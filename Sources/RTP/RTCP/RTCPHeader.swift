/// RTCP packet types, with unknown values kept.
///
/// - SeeAlso: RFC 3550 §12.1 (200–204), RFC 4585 §6.1 (205 RTPFB, 206 PSFB).
public enum RTCPPacketType: Equatable, Sendable {
    /// 200, sender report.
    case senderReport
    /// 201, receiver report.
    case receiverReport
    /// 202, source description.
    case sourceDescription
    /// 203, goodbye.
    case goodbye
    /// 204, application-defined.
    case applicationDefined
    /// 205, transport-layer feedback (RTPFB).
    case transportFeedback
    /// 206, payload-specific feedback (PSFB).
    case payloadSpecificFeedback
    /// Any other value.
    case unknown(UInt8)

    /// Maps a wire value.
    public init(_ value: UInt8) {
        switch value {
        case 200: self = .senderReport
        case 201: self = .receiverReport
        case 202: self = .sourceDescription
        case 203: self = .goodbye
        case 204: self = .applicationDefined
        case 205: self = .transportFeedback
        case 206: self = .payloadSpecificFeedback
        default: self = .unknown(value)
        }
    }

    /// The wire value.
    public var rawValue: UInt8 {
        switch self {
        case .senderReport: 200
        case .receiverReport: 201
        case .sourceDescription: 202
        case .goodbye: 203
        case .applicationDefined: 204
        case .transportFeedback: 205
        case .payloadSpecificFeedback: 206
        case .unknown(let value): value
        }
    }
}

/// The common 4-byte RTCP header.
///
/// Wire: `V=2(2) P(1) count/FMT(5) | PT(8) | length(16)`, length in 32-bit words minus one.
/// - SeeAlso: RFC 3550 §6.4.1; RFC 4585 §6.1 (the count field is FMT for feedback).
public struct RTCPHeader: Equatable, Sendable {
    /// The P bit.
    public var padding: Bool
    /// RC/SC (report, source or SSRC count) or, for feedback, FMT. 0–31.
    public var count: UInt8
    /// The packet type.
    public var packetType: RTCPPacketType
    /// The packet length in bytes, header included (always a multiple of 4).
    public var byteLength: Int

    /// Creates a header.
    public init(padding: Bool = false, count: UInt8, packetType: RTCPPacketType, byteLength: Int) {
        self.padding = padding
        self.count = count
        self.packetType = packetType
        self.byteLength = byteLength
    }

    /// Reads the header at the start of `bytes`.
    /// - Throws: `.truncated` (fewer than 4 bytes), `.badVersion`.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(RTCPParseError) {
        guard bytes.count >= 4 else { throw .truncated }
        guard bytes[0] >> 6 == 2 else { throw .badVersion }
        self.padding = bytes[0] & 0x20 != 0
        self.count = bytes[0] & 0x1F
        self.packetType = RTCPPacketType(bytes[1])
        self.byteLength = (Int(bytes.u16(2)) + 1) * 4
    }

    /// Writes the header at `offset 0` of `buffer` (which the caller sized to at least 4 bytes).
    func write(into buffer: UnsafeMutableRawBufferPointer) {
        buffer[0] = 0x80 | (padding ? 0x20 : 0) | (count & 0x1F)
        buffer[1] = packetType.rawValue
        buffer.put16(UInt16(truncatingIfNeeded: byteLength / 4 - 1), at: 2)
    }
}

/// One RTCP packet of a compound, over borrowed bytes: the header and the body (padding removed).
///
/// - Important: valid only while the datagram's memory is.
/// - SeeAlso: RFC 3550 §6.1.
public struct RTCPPacketView {
    /// The parsed header.
    public let header: RTCPHeader
    /// The whole packet, header and padding included.
    public let bytes: UnsafeRawBufferPointer
    /// The bytes after the 4-byte header, padding removed.
    public let body: UnsafeRawBufferPointer

    /// Checks `bytes` is exactly one RTCP packet (as its length field says) and strips padding.
    /// - Throws: `.truncated`, `.badVersion`, `.badPadding`.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(RTCPParseError) {
        let header = try RTCPHeader(parsing: bytes)
        guard bytes.count >= header.byteLength else { throw .truncated }
        let packet = bytes.slice(0, header.byteLength)
        var bodyLength = header.byteLength - 4
        if header.padding {
            let padding = Int(packet[packet.count - 1])
            guard padding > 0, padding <= bodyLength else { throw .badPadding }
            bodyLength -= padding
        }
        self.header = header
        self.bytes = packet
        self.body = packet.slice(4, bodyLength)
    }

    /// Throws `.wrongType` unless the packet has type `type` (and FMT `format`, when given).
    func expect(_ type: RTCPPacketType, format: UInt8? = nil) throws(RTCPParseError) {
        guard header.packetType == type else { throw .wrongType }
        if let format, header.count != format { throw .wrongType }
    }
}

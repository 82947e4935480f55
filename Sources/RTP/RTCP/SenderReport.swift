/// The sender-information part of an SR.
///
/// - Units: `ntpTimestamp` is 32.32 fixed-point seconds since 1900; `rtpTimestamp` is in the
///   stream's clock-rate units; `packetCount` in packets; `octetCount` in payload bytes.
/// - SeeAlso: RFC 3550 §6.4.1.
public struct SenderInfo: Hashable, Sendable {
    /// The sender's SSRC.
    public var ssrc: UInt32
    /// NTP timestamp of the report (32.32 seconds since 1900-01-01).
    public var ntpTimestamp: UInt64
    /// The same instant in RTP timestamp units.
    public var rtpTimestamp: UInt32
    /// Packets sent since the stream started (wraps).
    public var packetCount: UInt32
    /// Payload octets sent since the stream started (wraps).
    public var octetCount: UInt32

    /// Creates sender info.
    public init(ssrc: UInt32, ntpTimestamp: UInt64, rtpTimestamp: UInt32, packetCount: UInt32, octetCount: UInt32) {
        self.ssrc = ssrc
        self.ntpTimestamp = ntpTimestamp
        self.rtpTimestamp = rtpTimestamp
        self.packetCount = packetCount
        self.octetCount = octetCount
    }

    /// The middle 32 bits of the NTP timestamp, the value receivers echo as LSR.
    public var compactNTP: UInt32 { UInt32(truncatingIfNeeded: ntpTimestamp >> 16) }
}

/// Sender Report, PT=200: sender info and up to 31 report blocks.
///
/// Wire: header (RC = block count) | SSRC | NTP (64) | RTP timestamp | packet count | octet count |
/// RC × 24-byte report blocks | profile extensions (ignored).
/// - Important: `reportBlocks` borrows the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`, `.truncated` when the blocks overrun the packet.
/// - SeeAlso: RFC 3550 §6.4.1.
public struct SenderReport {
    /// The sender information.
    public let sender: SenderInfo
    /// The report blocks (borrowed).
    public let reportBlocks: RTCPItemList<ReportBlock>

    /// Parses one SR packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.senderReport)
        let body = packet.body
        guard body.count >= 24 else { throw .truncated }
        sender = SenderInfo(
            ssrc: body.u32(0), ntpTimestamp: body.u64(4), rtpTimestamp: body.u32(12),
            packetCount: body.u32(16), octetCount: body.u32(20))
        reportBlocks = try RTCPItemList(body.slice(24, body.count - 24), count: Int(packet.header.count))
    }

    /// Writes an SR at the start of `buffer`, returning its length in bytes (28 + 24 × blocks).
    /// - Throws: `.tooManyItems` past 31 blocks, `.bufferTooSmall`.
    public static func write(
        _ sender: SenderInfo, reportBlocks: some Sequence<ReportBlock>, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 28 else { throw .bufferTooSmall }
        buffer.put32(sender.ssrc, at: 4)
        buffer.put64(sender.ntpTimestamp, at: 8)
        buffer.put32(sender.rtpTimestamp, at: 16)
        buffer.put32(sender.packetCount, at: 20)
        buffer.put32(sender.octetCount, at: 24)
        let count = try writeItems(reportBlocks, into: buffer, at: 28, limit: 31)
        let length = 28 + count * ReportBlock.wireSize
        RTCPHeader(count: UInt8(count), packetType: .senderReport, byteLength: length).write(into: buffer)
        return length
    }
}

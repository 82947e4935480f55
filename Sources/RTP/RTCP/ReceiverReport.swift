/// Receiver Report, PT=201: the reporter's SSRC and up to 31 report blocks.
///
/// Wire: header (RC = block count) | reporter SSRC | RC × 24-byte report blocks | extensions (ignored).
/// - Important: `reportBlocks` borrows the packet's bytes.
/// - Throws: `RTCPParseError.wrongType`, `.truncated`.
/// - SeeAlso: RFC 3550 §6.4.2.
public struct ReceiverReport {
    /// The SSRC of the receiver sending the report.
    public let ssrc: UInt32
    /// The report blocks (borrowed).
    public let reportBlocks: RTCPItemList<ReportBlock>

    /// Parses one RR packet.
    public init(parsing packet: RTCPPacketView) throws(RTCPParseError) {
        try packet.expect(.receiverReport)
        let body = packet.body
        guard body.count >= 4 else { throw .truncated }
        ssrc = body.u32(0)
        reportBlocks = try RTCPItemList(body.slice(4, body.count - 4), count: Int(packet.header.count))
    }

    /// Writes an RR at the start of `buffer`, returning its length in bytes (8 + 24 × blocks).
    /// An RR with no blocks is valid: RFC 3550 §6.1 requires one to start a compound with no data.
    /// - Throws: `.tooManyItems` past 31 blocks, `.bufferTooSmall`.
    public static func write(
        ssrc: UInt32, reportBlocks: some Sequence<ReportBlock>, into buffer: UnsafeMutableRawBufferPointer
    ) throws(RTCPBuildError) -> Int {
        guard buffer.count >= 8 else { throw .bufferTooSmall }
        buffer.put32(ssrc, at: 4)
        let count = try writeItems(reportBlocks, into: buffer, at: 8, limit: 31)
        let length = 8 + count * ReportBlock.wireSize
        RTCPHeader(count: UInt8(count), packetType: .receiverReport, byteLength: length).write(into: buffer)
        return length
    }
}

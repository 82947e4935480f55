import Testing
@testable import RTP
import TestSupport

/// No parser traps on any prefix (or seeded corruption) of a valid packet: each either parses or throws.
struct NoTrapPropertyTests {
    /// Parses every RTCP packet in `bytes` and touches every field and list item.
    func drainRTCP(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            var compound = RTCPCompound(raw)
            var touched = 0
            while let packet = try? compound.next() {
                switch packet {
                case .senderReport(let r): touched += r.reportBlocks.count + Int(r.sender.packetCount & 1)
                case .receiverReport(let r): touched += r.reportBlocks.map { Int($0.jitter & 1) }.count
                case .sourceDescription(let s): touched += s.map { $0.cname?.count ?? 0 }.reduce(0, +)
                case .goodbye(let b): touched += b.ssrcs.count + (b.reason?.count ?? 0)
                case .pictureLossIndication(let p): touched += Int(p.mediaSSRC & 1)
                case .fullIntraRequest(let f): touched += f.entries.count
                case .receiverEstimatedMaximumBitrate(let r): touched += r.ssrcs.count
                case .genericNACK(let n): touched += Array(n.lostSequenceNumbers).count
                case .transportWideFeedback(let t): touched += t.bytes.count
                case .other(let v): touched += v.body.count
                }
            }
            return touched
        }
    }

    func drainRTP(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            guard let header = try? RTPHeader(parsing: raw) else { return 0 }
            var touched = header.payload.count + header.paddingLength
            for id in UInt8(0)...255 { touched += header.extensionElement(id: id)?.count ?? 0 }
            for index in -1...16 { touched += header.csrc(at: index) == nil ? 0 : 1 }
            _ = PacketKind(classifying: raw)
            return touched
        }
    }

    func validRTCP() throws -> [UInt8] {
        var bytes: [UInt8] = []
        let blocks = [ReportBlock(
            ssrc: 1, fractionLost: 2, cumulativeLost: -3, extendedHighestSequence: 4, jitter: 5,
            lastSenderReport: 6, delaySinceLastSenderReport: 7)]
        let sender = SenderInfo(ssrc: 9, ntpTimestamp: 10, rtpTimestamp: 11, packetCount: 12, octetCount: 13)
        bytes += try build { try SenderReport.write(sender, reportBlocks: blocks, into: $0) }
        bytes += try build { try ReceiverReport.write(ssrc: 9, reportBlocks: blocks, into: $0) }
        bytes += try build { try SourceDescription.write(ssrc: 9, cname: "cname@host".utf8, into: $0) }
        bytes += try build { try Goodbye.write(ssrcs: [1, 2], reason: "bye".utf8, into: $0) }
        bytes += try build { try PictureLossIndication(senderSSRC: 1, mediaSSRC: 2).write(into: $0) }
        let fir = [FIREntry(ssrc: 2, sequenceNumber: 3)]
        bytes += try build { try FullIntraRequest.write(senderSSRC: 1, entries: fir, into: $0) }
        bytes += try build {
            try ReceiverEstimatedMaximumBitrate.write(senderSSRC: 1, bitrate: 1_000_000, ssrcs: [2, 3], into: $0)
        }
        let nack = NACKItems(lost: [UInt16(5), 6, 30])
        bytes += try build { try GenericNACK.write(senderSSRC: 1, mediaSSRC: 2, items: nack, into: $0) }
        bytes += [0x8F, 0xCD, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 2, 0, 1, 0, 1, 0, 0, 0, 0]
        return bytes
    }

    @Test("every prefix of a valid ten-packet RTCP compound parses or throws, never traps")
    func rtcpPrefixes() throws {
        let bytes = try validRTCP()
        #expect(drainRTCP(bytes) > 0)
        for length in 0...bytes.count { _ = drainRTCP(Array(bytes[0..<length])) }
    }

    @Test("every prefix of a valid RTP packet with CSRCs, extension and padding parses or throws")
    func rtpPrefixes() {
        let bytes: [UInt8] = [
            0xB2, 0x60, 0x00, 0x01, 0, 0, 0, 2, 0, 0, 0, 3,  // V=2 P X CC=2 | header
            0, 0, 0, 4, 0, 0, 0, 5,  // CSRCs
            0xBE, 0xDE, 0x00, 0x01, 0x10, 0xAA, 0x21, 0x01,  // one-byte extension
            1, 2, 3, 0, 0, 3,  // payload | padding count 3
        ]
        #expect(drainRTP(bytes) > 0)
        for length in 0...bytes.count { _ = drainRTP(Array(bytes[0..<length])) }
    }

    @Test("10000 seeded corruptions of valid RTP and RTCP parse or throw, never trap")
    func corruptions() throws {
        var rng = SplitMix64(seed: 0x5EED_0005)
        let rtcp = try validRTCP()
        let rtp: [UInt8] = [
            0x91, 0xEF, 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3,
            0x10, 0x00, 0x00, 0x01, 0x01, 0x02, 0xAA, 0xBB, 9, 9,
        ]
        for _ in 0..<10_000 {
            var mutated = Bool.random(using: &rng) ? rtcp : rtp
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutated[Int.random(in: 0..<mutated.count, using: &rng)] = .random(in: .min ... .max, using: &rng)
            }
            let cut = Int.random(in: 0...mutated.count, using: &rng)
            _ = drainRTCP(Array(mutated[0..<cut]))
            _ = drainRTP(Array(mutated[0..<cut]))
        }
    }
}

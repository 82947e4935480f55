import ArgumentParser
import Foundation
import MallocInterposerSwift
import MediaLoopback
import WebRTC

/// SRTP protect and unprotect of one RTP packet through libsrtp2, per profile.
struct SRTPCost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srtp", abstract: "Nanoseconds per SRTP protect and per unprotect, for each profile.")

    @Option(help: "Packets per run.")
    var packets: Int = 200_000

    @Option(help: "RTP packet size in bytes.")
    var size: Int = 1_200

    func run() throws {
        print("srtp: \(packets) packets of \(size) bytes per profile (libsrtp2 from Debian)")
        for profile in SRTPProfile.allCases {
            let key = (0..<profile.masterLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            let sender = try SRTPSession(profile: profile, direction: .outbound, masterKey: key)
            let receiver = try SRTPSession(profile: profile, direction: .inbound, masterKey: key)
            var packet = PeerConnectionPair.rtpPacket(payloadType: 96, sequence: 0, timestamp: 0, ssrc: 0x1234, size: size)
            packet += [UInt8](repeating: 0, count: SRTPSession.trailerRoom)
            MallocInterposerSwift.initialize()
            MallocInterposerSwift.reset()
            MallocInterposerSwift.hook()
            var protectNanos: UInt64 = 0
            var unprotectNanos: UInt64 = 0
            try packet.withUnsafeMutableBytes { buffer in
                for index in 0..<packets {
                    buffer.storeBytes(of: UInt16(truncatingIfNeeded: index).bigEndian, toByteOffset: 2, as: UInt16.self)
                    let start = DispatchTime.now().uptimeNanoseconds
                    let protected = try sender.protectRTP(buffer, length: size)
                    let middle = DispatchTime.now().uptimeNanoseconds
                    _ = try receiver.unprotectRTP(buffer, length: protected)
                    let end = DispatchTime.now().uptimeNanoseconds
                    protectNanos += middle - start
                    unprotectNanos += end - middle
                }
            }
            MallocInterposerSwift.unhook()
            let mallocs = MallocInterposerSwift.getStatistics().mallocCount
            print(String(
                format: "  %@: protect %.0f ns, unprotect %.0f ns per packet; %.2f mallocs per protect+unprotect",
                "\(profile)", Double(protectNanos) / Double(packets), Double(unprotectNanos) / Double(packets),
                Double(mallocs) / Double(packets)))
        }
    }
}

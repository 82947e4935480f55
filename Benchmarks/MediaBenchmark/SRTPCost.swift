import ArgumentParser
import Foundation
import LibSRTPReference
import MallocInterposerSwift
import MediaLoopback
import WebRTC

/// SRTP protect and unprotect of one RTP packet, per profile, through our `SRTPSession` (OpenSSL
/// EVP) and through libsrtp2 (Debian's, NSS crypto) for comparison.
struct SRTPCost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srtp", abstract: "Nanoseconds and mallocs per SRTP protect and unprotect: ours and libsrtp2, each profile.")

    @Option(help: "Packets per run.")
    var packets: Int = 200_000

    @Option(help: "RTP packet size in bytes.")
    var size: Int = 1_200

    /// Protect then unprotect, as closures so both implementations run the same loop.
    private typealias Transform = (UnsafeMutableRawBufferPointer, Int) throws -> Int

    func run() throws {
        MallocInterposerSwift.initialize()
        print("srtp: \(packets) packets of \(size) bytes per profile; mallocs counted only with the interposer preloaded")
        print("  profile              | impl     | protect ns | unprotect ns | mallocs per protect+unprotect")
        for profile in SRTPProfile.allCases {
            let key = (0..<profile.masterLength).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            let sender = try SRTPSession(profile: profile, direction: .outbound, masterKey: key)
            let receiver = try SRTPSession(profile: profile, direction: .inbound, masterKey: key)
            try measure(profile, "ours", { try sender.protectRTP($0, length: $1) }, { try receiver.unprotectRTP($0, length: $1) })
            let libSender = try LibSRTPSession(profile: profile, direction: .outbound, masterKey: key)
            let libReceiver = try LibSRTPSession(profile: profile, direction: .inbound, masterKey: key)
            try measure(profile, "libsrtp2", { try libSender.protectRTP($0, length: $1) }, { try libReceiver.unprotectRTP($0, length: $1) })
        }
    }

    private func measure(_ profile: SRTPProfile, _ name: String, _ protect: Transform, _ unprotect: Transform) throws {
        var packet = PeerConnectionPair.rtpPacket(payloadType: 96, sequence: 0, timestamp: 0, ssrc: 0x1234, size: size)
        packet += [UInt8](repeating: 0, count: SRTPSession.trailerRoom)
        MallocInterposerSwift.reset()
        MallocInterposerSwift.hook()
        var protectNanos: UInt64 = 0
        var unprotectNanos: UInt64 = 0
        try packet.withUnsafeMutableBytes { buffer in
            for index in 0..<packets {
                buffer.storeBytes(of: UInt16(truncatingIfNeeded: index).bigEndian, toByteOffset: 2, as: UInt16.self)
                let start = DispatchTime.now().uptimeNanoseconds
                let protected = try protect(buffer, size)
                let middle = DispatchTime.now().uptimeNanoseconds
                _ = try unprotect(buffer, protected)
                let end = DispatchTime.now().uptimeNanoseconds
                protectNanos += middle - start
                unprotectNanos += end - middle
            }
        }
        MallocInterposerSwift.unhook()
        let mallocs = MallocInterposerSwift.getStatistics().mallocCount
        print(String(
            format: "  %@ | %@ | %10.0f | %12.0f | %.2f",
            "\(profile)".padding(toLength: 20, withPad: " ", startingAt: 0), name.padding(toLength: 8, withPad: " ", startingAt: 0),
            Double(protectNanos) / Double(packets), Double(unprotectNanos) / Double(packets),
            Double(mallocs) / Double(packets)))
    }
}

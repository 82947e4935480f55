import ArgumentParser
import Foundation
import MallocInterposerSwift
import MediaLoopback
import WebRTC

#if canImport(Glibc)
import Glibc
#endif

/// RTP echoed by a PeerConnection on one media loop, over real loopback ICE with DTLS-SRTP: the peer
/// sends paced video-sized packets, the gateway side unprotects, accounts, rewrites the SSRC,
/// protects and sends each back. Measures the gateway loop thread's CPU time per echoed packet and
/// the allocations per echoed packet (whole process, with the malloc counter preloaded).
struct EchoLoop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo", abstract: "Echoed packets/s, CPU ns and allocations per echoed packet on one media loop.")

    @Option(help: "Comma-separated send rates in packets per second.")
    var rates: String = "5000,10000,20000,40000"

    @Option(help: "Seconds per rate.")
    var seconds: Double = 3

    @Option(help: "RTP packet size in bytes.")
    var size: Int = 1_100

    @Option(help: "SRTP profile: gcm256, gcm128 or cm80.")
    var profile: String = "gcm256"

    func run() throws {
        MallocInterposerSwift.initialize()
        guard let chosen = SRTPProfile(shortName: profile) else { throw ValidationError("unknown profile \(profile)") }
        let pair = try PeerConnectionPair(profiles: [chosen])
        defer { pair.stop() }
        let up = PeerConnectionPair.wait(seconds: 10) {
            pair.gatewaySide.record.withLock { $0.connected } && pair.peerSide.record.withLock { $0.connected }
        }
        guard up else { throw ValidationError("the loopback PeerConnections did not connect within 10 s") }
        print("echo: \(size)-byte RTP, \(seconds) s per rate, \(chosen), gateway and peer each on their own media loop")
        print("  rate pps | sent | echoed | loss % | echoed pps | gateway loop CPU ns/pkt | CPU % | mallocs/pkt")
        var sequenceBase = 0
        for rate in rates.split(separator: ",").compactMap({ Int($0) }) {
            let row = try measure(pair, rate: rate, base: &sequenceBase)
            print(row)
        }
    }

    private func measure(_ pair: PeerConnectionPair, rate: Int, base: inout Int) throws -> String {
        let echoedBefore = pair.peerSide.record.withLock { $0.receivedRTP }
        let cpuBefore = try pair.gatewaySide.sync { threadCPUNanoseconds() }
        let wallStart = DispatchTime.now().uptimeNanoseconds
        MallocInterposerSwift.reset()
        MallocInterposerSwift.hook()
        let sender = PacedSender(
            side: pair.peerSide, track: 1, payloadType: 96, ssrc: 0x2222, size: size, packetsPerSecond: rate,
            durationSeconds: seconds)
        try sender.start()
        _ = PeerConnectionPair.wait(seconds: seconds + 5) { (try? pair.peerSide.sync { sender.finished }) ?? false }
        Thread.sleep(forTimeInterval: 0.2)
        MallocInterposerSwift.unhook()
        let mallocs = MallocInterposerSwift.getStatistics().mallocCount
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart)
        let cpu = Double(try pair.gatewaySide.sync { threadCPUNanoseconds() } - cpuBefore)
        let sent = try pair.peerSide.sync { sender.sent }
        let echoed = pair.peerSide.record.withLock { $0.receivedRTP } - echoedBefore
        base += sent
        let loss = sent > 0 ? 100 * Double(sent - echoed) / Double(sent) : 0
        return String(
            format: "  %8d | %6d | %6d | %6.2f | %10.0f | %23.0f | %5.1f | %.3f", rate, sent, echoed, loss,
            Double(echoed) / (wall / 1e9), echoed > 0 ? cpu / Double(echoed) : 0, 100 * cpu / wall,
            echoed > 0 ? Double(mallocs) / Double(echoed) : 0)
    }
}

/// CPU time of the calling thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

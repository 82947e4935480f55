import Foundation
import Testing

@testable import LoadGenerator

@Suite("swiftgate-bench: synthetic media, stamps, reports")
struct SyntheticMediaTests {
    /// Every packet `media` sends in `seconds` of 1 ms ticks, as (bytes, track).
    private func capture(_ media: SyntheticMedia, seconds: Double, start: UInt64 = 1_000_000_000) -> [([UInt8], MediaKindIndex)] {
        var packets: [([UInt8], MediaKindIndex)] = []
        media.start(at: start)
        var now = start
        while now < start + UInt64(seconds * 1e9) {
            _ = media.sendDue(now: now) { packet, kind in
                packets.append((Array(packet), kind))
                return true
            }
            now += 1_000_000
        }
        return packets
    }

    @Test("one second: 50 audio packets and video at the asked bitrate in 1,100-byte packets")
    func rates() {
        let media = SyntheticMedia(load: MediaLoad(), peer: 7, audioSSRC: 0xA, videoSSRC: 0xB)
        let packets = capture(media, seconds: 1)
        let audio = packets.filter { $0.1 == .audio }
        let video = packets.filter { $0.1 == .video }
        #expect(audio.count == 50)
        #expect(audio.allSatisfy { $0.0.count == 100 && $0.0[1] & 0x7F == 111 })
        #expect(video.allSatisfy { $0.0.count == 1_100 && $0.0[1] & 0x7F == 96 })
        let bits = video.reduce(0) { $0 + $1.0.count * 8 }
        #expect(abs(Double(bits) - 1_000_000) / 1_000_000 < 0.03, "video bitrate \(bits) bit/s")
    }

    @Test("video frames: timestamps step 3000, the marker ends each frame, S starts it, key frames flagged")
    func frames() {
        let media = SyntheticMedia(load: MediaLoad(keyFrameInterval: 30), peer: 1, audioSSRC: 1, videoSSRC: 2)
        let video = capture(media, seconds: 1.5).filter { $0.1 == .video }.map(\.0)
        func timestamp(_ p: [UInt8]) -> UInt32 { UInt32(p[4]) << 24 | UInt32(p[5]) << 16 | UInt32(p[6]) << 8 | UInt32(p[7]) }
        func sequence(_ p: [UInt8]) -> UInt16 { UInt16(p[2]) << 8 | UInt16(p[3]) }
        var frames: [[[UInt8]]] = []
        for packet in video {
            if frames.isEmpty || timestamp(frames[frames.count - 1][0]) != timestamp(packet) { frames.append([]) }
            frames[frames.count - 1].append(packet)
        }
        #expect(frames.count == 45)
        for (number, frame) in frames.enumerated() {
            #expect(frame.first![12] == 0x10 && frame.dropFirst().allSatisfy { $0[12] == 0x00 })
            #expect(frame.last![1] & 0x80 != 0 && frame.dropLast().allSatisfy { $0[1] & 0x80 == 0 })
            #expect((frame.first![13] & 0x01 == 0) == (number % 30 == 0), "P bit of frame \(number)")
            if number > 0 { #expect(timestamp(frame[0]) &- timestamp(frames[number - 1][0]) == 3_000) }
        }
        #expect(zip(video, video.dropFirst()).allSatisfy { sequence($1) == sequence($0) &+ 1 })
    }

    @Test("a late tick sends what was missed, so the offered rate follows the clock")
    func catchUp() {
        let media = SyntheticMedia(load: MediaLoad(video: false), peer: 1, audioSSRC: 1, videoSSRC: 2)
        media.start(at: 0)
        var sent = 0
        _ = media.sendDue(now: 199_999_999) { _, _ in sent += 1; return true }
        #expect(sent == 10)
    }

    @Test("each packet carries the stamp: peer index and send time, read back from its end")
    func stamps() throws {
        let media = SyntheticMedia(load: MediaLoad(), peer: 0xDEAD, audioSSRC: 1, videoSSRC: 2)
        let packets = capture(media, seconds: 0.1, start: 5_000_000_000)
        #expect(!packets.isEmpty)
        for (bytes, _) in packets {
            let stamp = try #require(bytes.withUnsafeBytes { EchoStamp.read($0) })
            #expect(stamp.peer == 0xDEAD)
            #expect(stamp.sentNanoseconds >= 5_000_000_000 && stamp.sentNanoseconds < 5_100_000_000)
        }
        #expect([UInt8](repeating: 0, count: 40).withUnsafeBytes { EchoStamp.read($0) } == nil)
        #expect([UInt8](repeating: 0, count: 20).withUnsafeBytes { EchoStamp.read($0) } == nil)
    }

    @Test("the JSON report uses the snake_case keys bench/compare.sh reads")
    func reportKeys() throws {
        let step = StepResult(
            sessions: 4, established: 4, setupMs: .init(p50: 40, max: 60), sentPps: 650, echoedPps: 649, lossPct: 0.1,
            rttUs: .init(p50: 200, p99: 900, max: 1500), serverCpuPct: 12, serverRssMb: 30,
            serverCpuUsPerEchoedPacket: 1.8, clientCpuPct: 20)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try BenchReport(label: "x", url: "u", serverPid: 1, videoBitrate: 1, stepSeconds: 1, srtpProfiles: [], steps: [step])
            .write(to: path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let first = try #require((object["steps"] as? [[String: Any]])?.first)
        for key in ["sessions", "established", "setup_ms", "sent_pps", "echoed_pps", "loss_pct", "rtt_us",
                    "server_cpu_pct", "server_rss_mb", "server_cpu_us_per_echoed_packet", "client_cpu_pct"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(object["server_pid"] as? Int == 1)
    }

    @Test("/proc figures of this process: CPU time grows with work, RSS is known")
    func processSample() throws {
        let before = try #require(ProcessSample.read(pid: getpid()))
        var x = 0.0
        for i in 0..<3_000_000 { x += sqrt(Double(i)) }
        #expect(x > 0)
        let after = try #require(ProcessSample.read(pid: getpid()))
        #expect(after.residentBytes > 1_000_000)
        #expect(after.cpuMicroseconds >= before.cpuMicroseconds)
        #expect(ProcessSample.read(pid: -5) == nil)
    }
}

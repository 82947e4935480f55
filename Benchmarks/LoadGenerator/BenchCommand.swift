import ArgumentParser
import Foundation
import WebRTC

/// `swiftgate-bench`: a load generator for any Janus-API gateway. It opens EchoTest
/// PeerConnections through the Janus HTTP API with SwiftGate's own WebRTC stack in the offering
/// role (controlling ICE agent on 127.0.0.1, DTLS, SRTP), sends synthetic opus-like audio and
/// VP8-like video on each, ramps the count up in steps, and measures per step what comes back.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftgate-bench",
        abstract: "EchoTest load through the Janus HTTP API: echoed packets/s, loss, RTT, set-up time, gateway CPU and RSS.",
        discussion: """
            Loopback only: ICE gathers on lo (127.0.0.1) and no STUN server is used. Give the gateway's
            PID with --server-pid to get its CPU and memory from /proc. Each step keeps the
            PeerConnections of the steps before it and adds more up to its count.
            """)

    @Option(help: "The Janus API's URL (loopback).")
    var url = "http://127.0.0.1:8088/janus"

    @Option(help: "PID of the gateway process, for its CPU and RSS from /proc.")
    var serverPid: Int32?

    @Option(help: "Name of the gateway in the report.")
    var label = "gateway"

    @Option(help: "Session counts of the ramp's steps, comma-separated, rising.")
    var sessions = "1,2,4,8"

    @Option(help: "Seconds each step measures (after a warm-up).")
    var stepSeconds = 10.0

    @Option(help: "Seconds between reaching a step's count and measuring.")
    var warmupSeconds = 2.0

    @Option(help: "Video bitrate of each PeerConnection, bits per second (0 = no video).")
    var videoBitrate = 1_000_000

    @Flag(help: "Send no audio.")
    var noAudio = false

    @Option(help: "SRTP profiles the bench accepts in DTLS, comma-separated (gcm256, gcm128, cm80), most preferred first.")
    var srtpProfiles = "gcm256,gcm128,cm80"

    @Option(help: "Media loops (threads) of the load generator.")
    var loops = 1

    @Option(help: "PeerConnections set up at once.")
    var setupThreads = 4

    @Option(help: "Stop the ramp after a step lost more than this percentage.")
    var stopLoss = 20.0

    @Option(help: "Write the report as JSON to this file.")
    var json: String?

    mutating func run() throws {
        let counts = sessions.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }), counts == counts.sorted() else {
            throw ValidationError("--sessions wants rising positive counts, e.g. 4,8,16")
        }
        let profiles = try srtpProfiles.split(separator: ",").map { name -> SRTPProfile in
            guard let profile = SRTPProfile(shortName: String(name)) else {
                throw ValidationError("unknown SRTP profile '\(name)' (gcm256, gcm128, cm80)")
            }
            return profile
        }
        let load = MediaLoad(videoBitrate: videoBitrate, audio: !noAudio, video: videoBitrate > 0)
        let run = try LoadRun(
            url: url, loops: max(1, loops), profiles: profiles, load: load, setupThreads: max(1, setupThreads))
        defer { run.finish() }
        print("swiftgate-bench: \(label) at \(url); per PeerConnection \(Int(load.packetsPerSecond)) packets/s"
              + " (video \(videoBitrate) bit/s); \(stepSeconds) s per step")
        print(BenchReport.header)
        var steps: [StepResult] = []
        for count in counts {
            let step = try run.step(to: count, warmup: warmupSeconds, seconds: stepSeconds, serverPID: serverPid)
            print(BenchReport.row(step))
            if count == counts.first {
                print("  SRTP negotiated: " + step.srtpNegotiated.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
                    .joined(separator: ", "))
            }
            steps.append(step)
            if step.established == 0 {
                print("swiftgate-bench: no PeerConnection is up at \(count) sessions: stopping the ramp")
                break
            }
            if step.lossPct > stopLoss {
                print("swiftgate-bench: loss \(String(format: "%.1f", step.lossPct)) % > \(stopLoss) %: stopping the ramp")
                break
            }
        }
        if let json {
            try BenchReport(
                label: label, url: url, serverPid: serverPid, videoBitrate: videoBitrate, stepSeconds: stepSeconds,
                srtpProfiles: profiles.map(\.dtlsName), steps: steps
            ).write(to: json)
        }
        if steps.contains(where: { $0.established == 0 }) { throw ExitCode(1) }
    }
}

import Foundation

/// The figures of one step of the ramp (one session count), as the table and the JSON file give them.
/// JSON keys are snake_case (`setup_ms`, `rtt_us`, …); `bench/compare.sh` reads them.
struct StepResult: Codable, Sendable {
    /// p50 and max of a distribution.
    struct Spread: Codable, Sendable {
        var p50: Double
        var max: Double
    }
    /// p50, p99 and max of a distribution.
    struct Tail: Codable, Sendable {
        var p50: Double
        var p99: Double
        var max: Double
    }

    /// PeerConnections asked for at this step.
    var sessions: Int
    /// PeerConnections up (DTLS connected, not failed) during the window.
    var established: Int
    /// Set-up time of the PeerConnections made in this step, create → DTLS connected, milliseconds.
    var setupMs: Spread
    /// RTP packets sent per second, all PeerConnections together.
    var sentPps: Double
    /// Echoed RTP packets received per second.
    var echoedPps: Double
    /// Packets sent in the window that did not come back, in percent.
    var lossPct: Double
    /// Round-trip time of the echoed packets (bench → gateway → bench), microseconds.
    var rttUs: Tail
    /// The gateway process's CPU use in the window, percent of one core (`nil` without `--server-pid`).
    var serverCpuPct: Double?
    /// The gateway's resident memory at the window's end, MiB.
    var serverRssMb: Double?
    /// The gateway's CPU time per echoed packet, microseconds.
    var serverCpuUsPerEchoedPacket: Double?
    /// The load generator's own CPU use in the window, percent of one core.
    var clientCpuPct: Double
    /// How many of the PeerConnections up use each SRTP profile (DTLS names), as DTLS negotiated it.
    var srtpNegotiated: [String: Int] = [:]
}

/// The whole run: what was measured, against what, with which load.
struct BenchReport: Codable, Sendable {
    var label: String
    var url: String
    var serverPid: Int32?
    var videoBitrate: Int
    var stepSeconds: Double
    var srtpProfiles: [String]
    var steps: [StepResult]

    /// Writes the report as JSON (snake_case keys, sorted, indented).
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The table header printed before the first step.
    static let header =
        "sessions  up  setup p50/max ms   sent pps  echoed pps  loss %   RTT p50/p99/max µs      server CPU %  µs/pkt   RSS MiB  bench CPU %"

    /// One table row.
    static func row(_ step: StepResult) -> String {
        func f(_ value: Double?, _ digits: Int) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "-" }
        let columns: [(String, Int)] = [
            (String(step.sessions), 8), (String(step.established), 4),
            ("\(f(step.setupMs.p50, 0))/\(f(step.setupMs.max, 0))", 17), (f(step.sentPps, 0), 10),
            (f(step.echoedPps, 0), 12), (f(step.lossPct, 2), 8),
            ("\(f(step.rttUs.p50, 0))/\(f(step.rttUs.p99, 0))/\(f(step.rttUs.max, 0))", 23),
            (f(step.serverCpuPct, 1), 14), (f(step.serverCpuUsPerEchoedPacket, 1), 8), (f(step.serverRssMb, 1), 9),
            (f(step.clientCpuPct, 1), 13),
        ]
        return columns.map { String(repeating: " ", count: max(0, $0.1 - $0.0.count)) + $0.0 }.joined()
    }
}

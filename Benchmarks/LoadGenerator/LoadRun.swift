import Dispatch
import Foundation
import Histogram
import SDP
import JanusClient
import Synchronization
import WebRTC

/// One EchoTest call of the load: its Janus session and handle and its PeerConnection.
struct BenchCall: @unchecked Sendable {
    let session: UInt64
    let handle: UInt64
    let peer: BenchPeer
    /// Create → DTLS connected, milliseconds.
    let setupMilliseconds: Double
}

/// The load generator's state across the ramp: media loops with their drivers, the calls made so
/// far, and a keepalive thread for their sessions.
final class LoadRun: @unchecked Sendable {
    let url: String
    let load: MediaLoad
    let setupThreads: Int
    private let pool: MediaLoopPool
    private let drivers: [LoopDriver]
    private let context: DTLSContext
    private let fingerprints: [Fingerprint]
    private var calls: [BenchCall] = []
    private var failures: [String] = []
    private let keepalive: KeepaliveThread

    /// - Throws: when the media loops, the certificate or the DTLS context cannot be made.
    init(url: String, loops: Int, profiles: [SRTPProfile], load: MediaLoad, setupThreads: Int) throws {
        self.url = url
        self.load = load
        self.setupThreads = setupThreads
        pool = try MediaLoopPool(count: loops, namePrefix: "bench-loop")
        drivers = pool.loops.map { LoopDriver(loop: $0) }
        for driver in drivers { try driver.loop.sync { driver.start() } }
        let certificate = try DTLSCertificate.generate(commonName: "swiftgate-bench")
        context = try DTLSContext(certificate: certificate, profiles: profiles)
        fingerprints = certificate.fingerprints
        keepalive = KeepaliveThread(url: url)
    }

    /// Sets up calls until `count` are open, waits `warmup` seconds, measures for `seconds`.
    func step(to count: Int, warmup: Double, seconds: Double, serverPID: Int32?) throws -> StepResult {
        let made = addCalls(count - calls.count)
        keepalive.sessions = calls.map(\.session)
        Thread.sleep(forTimeInterval: warmup)

        let start = LoopDriver.now()
        // Each loop opens and closes its window at its own clock reading, so a tick can never fall
        // between the reading and the window's change.
        for driver in drivers { try driver.loop.sync { driver.beginWindow(at: LoopDriver.now()) } }
        let serverBefore = serverPID.flatMap(ProcessSample.read(pid:))
        let ownBefore = ProcessSample.ownCPUMicroseconds()
        Thread.sleep(forTimeInterval: seconds)
        let end = LoopDriver.now()
        for driver in drivers { try driver.loop.sync { driver.endWindow(at: LoopDriver.now()) } }
        let serverAfter = serverPID.flatMap(ProcessSample.read(pid:))
        let ownAfter = ProcessSample.ownCPUMicroseconds()
        Thread.sleep(forTimeInterval: 0.5)  // echoes of the window's last packets are still on their way

        var counts = LoopCounts()
        for driver in drivers { counts.add(try driver.loop.sync { driver.takeCounts() }) }
        var profiles: [String: Int] = [:]
        for call in calls {
            let profile = try call.peer.driver.loop.sync { () -> String? in
                call.peer.connectedAt != nil && call.peer.failure == nil ? call.peer.srtpProfile ?? "?" : nil
            }
            if let profile { profiles[profile, default: 0] += 1 }
        }
        var result = StepResult.make(
            sessions: count, established: profiles.values.reduce(0, +), setup: made, counts: counts,
            window: Double(end - start) / 1e9, server: serverBefore.flatMap { before in serverAfter.map { (before, $0) } },
            clientCPU: Double(ownAfter - ownBefore) / (Double(end - start) / 1_000))
        result.srtpNegotiated = profiles
        return result
    }

    /// Sets up `count` more calls, `setupThreads` at a time; returns their set-up times (ms).
    private func addCalls(_ count: Int) -> [Double] {
        guard count > 0 else { return [] }
        let first = calls.count
        let results = Mutex<[Int: Result<BenchCall, Error>]>([:])
        let next = Atomic<Int>(0)
        let threads = min(setupThreads, count)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            guard let api = try? JanusAPI(baseURL: url) else { return }
            while true {
                let offset = next.add(1, ordering: .relaxed).oldValue
                guard offset < count else { return }
                let index = first + offset
                let driver = drivers[index % drivers.count]
                let setup = CallSetup(api: api, driver: driver, context: context, fingerprints: fingerprints, load: load)
                let outcome = Result { try setup.establish(index: UInt32(index)) }
                results.withLock { $0[index] = outcome }
            }
        }
        var made: [Double] = []
        for (_, outcome) in results.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            switch outcome {
            case .success(let call):
                calls.append(call)
                made.append(call.setupMilliseconds)
            case .failure(let error):
                failures.append("\(error)")
                FileHandle.standardError.write(Data("swiftgate-bench: a call failed to set up: \(error)\n".utf8))
            }
        }
        return made
    }

    /// Destroys every session (best effort), closes the PeerConnections and stops the loops.
    func finish() {
        keepalive.stop()
        let calls = self.calls
        DispatchQueue.concurrentPerform(iterations: min(setupThreads, max(1, calls.count))) { thread in
            guard let api = try? JanusAPI(baseURL: url) else { return }
            for (offset, call) in calls.enumerated() where offset % setupThreads == thread {
                try? api.destroy(session: call.session)
            }
        }
        for driver in drivers { try? driver.loop.sync { driver.stop() } }
        for call in calls { try? call.peer.driver.loop.sync { call.peer.close() } }
        pool.stop()
    }
}

extension StepResult {
    /// A step's figures from the loops' counts and the gateway's /proc samples.
    static func make(
        sessions: Int, established: Int, setup: [Double], counts: LoopCounts, window: Double,
        server: (ProcessSample, ProcessSample)?, clientCPU: Double
    ) -> StepResult {
        let sorted = setup.sorted()
        let rtt = counts.roundTrip
        let lost = counts.sent > 0 ? max(0, Double(counts.sent - counts.echoed)) / Double(counts.sent) * 100 : 0
        var result = StepResult(
            sessions: sessions, established: established,
            setupMs: Spread(p50: sorted.isEmpty ? 0 : sorted[sorted.count / 2], max: sorted.last ?? 0),
            sentPps: Double(counts.sent) / window, echoedPps: Double(counts.echoed) / window, lossPct: lost,
            rttUs: Tail(p50: Double(rtt.valueAtPercentile(50)), p99: Double(rtt.valueAtPercentile(99)), max: Double(rtt.max)),
            clientCpuPct: clientCPU * 100)
        if let (before, after) = server {
            result.serverCpuPct = after.cpuPercent(since: before)
            result.serverRssMb = Double(after.residentBytes) / 1_048_576
            if counts.echoed > 0 {
                result.serverCpuUsPerEchoedPacket = Double(after.cpuMicroseconds - before.cpuMicroseconds) / Double(counts.echoed)
            }
        }
        return result
    }
}

import Dispatch
import Histogram
import WebRTC

/// What the PeerConnections of one media loop sent and got back within a measurement window.
struct LoopCounts: Sendable {
    /// RTP packets handed to SRTP and the socket in the window.
    var sent = 0
    /// Echoed packets whose stamp says they were sent in the window.
    var echoed = 0
    /// Round-trip times of those echoes, in microseconds.
    var roundTrip = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)

    mutating func add(_ other: LoopCounts) {
        sent += other.sent
        echoed += other.echoed
        roundTrip.add(other.roundTrip)
    }
}

/// Drives the load generator's PeerConnections on one media loop: a 1 ms timer sends what each one
/// has due, and echoes are counted and timed on the same thread, so nothing is locked and nothing is
/// allocated per packet. Touch it only on `loop` (`MediaLoop.sync` from other threads).
final class LoopDriver: @unchecked Sendable {
    let loop: MediaLoop
    private var peers: [BenchPeer] = []
    private var counts = LoopCounts()
    private var windowStart = UInt64.max
    private var windowEnd = UInt64.max
    private var timer: MediaLoopTimer?
    private var stopped = false

    init(loop: MediaLoop) {
        self.loop = loop
    }

    /// Monotonic nanoseconds, the clock of every stamp.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Starts the send timer (on the loop).
    func start() {
        loop.preconditionInLoop()
        timer = loop.schedule(afterMicroseconds: 1_000, repeating: true) { [unowned self] in
            let now = Self.now()
            for peer in peers { peer.sendDue(now: now) }
            return !stopped
        }
    }

    /// Stops the timer and forgets the peers (on the loop).
    func stop() {
        stopped = true
        peers.removeAll()
    }

    /// Adds a connected PeerConnection to the ones the timer serves (on the loop).
    func add(_ peer: BenchPeer) {
        loop.preconditionInLoop()
        peers.append(peer)
    }

    /// Counts from `start` on, until `endWindow` (on the loop).
    func beginWindow(at start: UInt64) {
        counts.sent = 0
        counts.echoed = 0
        counts.roundTrip.reset()
        windowStart = start
        windowEnd = .max
    }

    /// Stops counting sent packets at `end`; echoes of packets sent before `end` still count.
    func endWindow(at end: UInt64) { windowEnd = end }

    /// The window's counts (on the loop).
    func takeCounts() -> LoopCounts { counts }

    /// A PeerConnection sent `packets` at `now`.
    @inline(__always) func recordSent(_ packets: Int, now: UInt64) {
        if now >= windowStart && now < windowEnd { counts.sent += packets }
    }

    /// An echo came back at `now` of a packet sent at `sent`.
    @inline(__always) func recordEcho(sent: UInt64, now: UInt64) {
        guard sent >= windowStart && sent < windowEnd && now >= sent else { return }
        counts.echoed += 1
        _ = counts.roundTrip.record((now - sent) / 1_000)
    }
}

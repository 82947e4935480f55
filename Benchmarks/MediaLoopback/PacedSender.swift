import Dispatch
import WebRTC

/// Sends RTP packets on one track of a `LoopbackSide` at a steady rate, from its media loop, with no
/// allocation per packet: one packet buffer is rewritten (sequence number, timestamp) before each send.
public final class PacedSender: @unchecked Sendable {
    /// Packets handed to `sendRTP` that it accepted.
    public private(set) var sent = 0
    /// Whether the timer has stopped (after `duration`).
    public private(set) var finished = false

    private let side: LoopbackSide
    private let track: Int
    private let packetsPerSecond: Double
    private let durationNanoseconds: UInt64
    private var startNanoseconds: UInt64 = 0
    private var packet: [UInt8]
    private var sequence: UInt16 = 0
    private var timestamp: UInt32 = 0
    private var due = 0
    private var timer: MediaLoopTimer?

    /// - Parameters:
    ///   - packetsPerSecond: the rate; sent in 1 ms ticks of the loop's timer.
    ///   - size: bytes per RTP packet (header included).
    ///   - durationSeconds: how long to send.
    public init(side: LoopbackSide, track: Int, payloadType: UInt8, ssrc: UInt32, size: Int, packetsPerSecond: Int,
                durationSeconds: Double) {
        self.side = side
        self.track = track
        self.packetsPerSecond = Double(packetsPerSecond)
        self.durationNanoseconds = UInt64(durationSeconds * 1e9)
        self.packet = PeerConnectionPair.rtpPacket(payloadType: payloadType, sequence: 0, timestamp: 0, ssrc: ssrc, size: size)
    }

    /// Starts the timer on the side's loop.
    public func start() throws {
        try side.sync { [self] in
            startNanoseconds = DispatchTime.now().uptimeNanoseconds
            timer = side.loop.schedule(afterMicroseconds: 1_000, repeating: true) { [self] in tick() }
        }
    }

    /// Sends what is due by now (the count follows elapsed time, so a late timer does not lower the rate).
    private func tick() -> Bool {
        let elapsed = min(DispatchTime.now().uptimeNanoseconds - startNanoseconds, durationNanoseconds)
        let target = Int(Double(elapsed) / 1e9 * packetsPerSecond)
        guard let connection = side.connection else {
            finished = true
            return false
        }
        while due < target {
            due += 1
            sequence &+= 1
            timestamp &+= 90
            packet.withUnsafeMutableBytes { bytes in
                bytes.storeBytes(of: sequence.bigEndian, toByteOffset: 2, as: UInt16.self)
                bytes.storeBytes(of: timestamp.bigEndian, toByteOffset: 4, as: UInt32.self)
                if connection.sendRTP(UnsafeRawBufferPointer(bytes), track: track) { sent += 1 }
            }
        }
        if elapsed >= durationNanoseconds {
            finished = true
            return false
        }
        return true
    }
}

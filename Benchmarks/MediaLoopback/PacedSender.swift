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
    private let packetsPerMillisecond: Double
    private let endAfterTicks: Int
    private var packet: [UInt8]
    private var sequence: UInt16 = 0
    private var timestamp: UInt32 = 0
    private var credit = 0.0
    private var ticks = 0
    private var timer: MediaLoopTimer?

    /// - Parameters:
    ///   - packetsPerSecond: the rate; sent in 1 ms ticks of the loop's timer.
    ///   - size: bytes per RTP packet (header included).
    ///   - durationSeconds: how long to send.
    public init(side: LoopbackSide, track: Int, payloadType: UInt8, ssrc: UInt32, size: Int, packetsPerSecond: Int,
                durationSeconds: Double) {
        self.side = side
        self.track = track
        self.packetsPerMillisecond = Double(packetsPerSecond) / 1_000
        self.endAfterTicks = Int(durationSeconds * 1_000)
        self.packet = PeerConnectionPair.rtpPacket(payloadType: payloadType, sequence: 0, timestamp: 0, ssrc: ssrc, size: size)
    }

    /// Starts the timer on the side's loop.
    public func start() throws {
        try side.sync { [self] in
            timer = side.loop.schedule(afterMicroseconds: 1_000, repeating: true) { [self] in tick() }
        }
    }

    private func tick() -> Bool {
        guard let connection = side.connection, ticks < endAfterTicks else {
            finished = true
            return false
        }
        ticks += 1
        credit += packetsPerMillisecond
        while credit >= 1 {
            credit -= 1
            sequence &+= 1
            timestamp &+= 90
            packet.withUnsafeMutableBytes { bytes in
                bytes.storeBytes(of: sequence.bigEndian, toByteOffset: 2, as: UInt16.self)
                bytes.storeBytes(of: timestamp.bigEndian, toByteOffset: 4, as: UInt32.self)
                if connection.sendRTP(UnsafeRawBufferPointer(bytes), track: track) { sent += 1 }
            }
        }
        return true
    }
}

import RTP

/// SplitMix64: a tiny seeded generator so property tests give the same cases every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `body` on an RTCP packet view of `bytes`.
func withPacket<T>(_ bytes: [UInt8], _ body: (RTCPPacketView) throws -> T) throws -> T {
    try bytes.withUnsafeBytes { raw in try body(RTCPPacketView(parsing: raw)) }
}

/// Runs a writer into a zero-filled buffer of `capacity` bytes and returns the bytes written.
func build(capacity: Int = 1500, _ write: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0xEE, count: capacity)
    let length = try buffer.withUnsafeMutableBytes { try write($0) }
    return Array(buffer[0..<length])
}

import RTP

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

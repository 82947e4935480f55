@testable import WebRTC

/// Bytes from hexadecimal text; spaces and newlines are ignored (RFC vectors are printed in groups).
func hexBytes(_ text: String) -> [UInt8] {
    let digits = text.filter { !$0.isWhitespace }.map { UInt8(String($0), radix: 16)! }
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
}

/// Runs `transform` on a copy of `packet` placed in a buffer with `SRTPSession.trailerRoom` spare
/// bytes, and returns the bytes it produced (or what it threw).
func transformed(
    _ packet: [UInt8], _ transform: (UnsafeMutableRawBufferPointer, Int) throws(SRTPError) -> Int
) -> Result<[UInt8], SRTPError> {
    var buffer = packet + [UInt8](repeating: 0, count: SRTPSession.trailerRoom)
    return buffer.withUnsafeMutableBytes { bytes in
        do throws(SRTPError) {
            let length = try transform(bytes, packet.count)
            return .success(Array(bytes[..<length]))
        } catch {
            return .failure(error)
        }
    }
}

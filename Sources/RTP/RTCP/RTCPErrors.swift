/// Why an RTCP packet was rejected. A trivial enum so `throws(RTCPParseError)` boxes nothing.
///
/// - SeeAlso: RFC 3550 §6.4–6.6 and App. A.2 (validity checks), RFC 4585 §6.1, RFC 5104 §4.3.1.
public enum RTCPParseError: Error, Equatable, Sendable {
    /// Fewer bytes than the header, its length field, or the announced items need.
    case truncated
    /// The version field is not 2.
    case badVersion
    /// The padding count is 0 or larger than the packet body.
    case badPadding
    /// The packet type or FMT is not the one the parser was asked to read.
    case wrongType
    /// A message-specific identifier is wrong (for example REMB without "REMB").
    case malformed
}

/// Why an RTCP packet could not be written.
///
/// - SeeAlso: RFC 3550 §6.4 (5-bit counts), §6.5 (255-byte SDES items).
public enum RTCPBuildError: Error, Equatable, Sendable {
    /// The caller's buffer is too small; nothing meaningful was written.
    case bufferTooSmall
    /// More items than the 5-bit count (31), the 8-bit REMB count, or the 16-bit length allows.
    case tooManyItems
    /// A text item is longer than 255 bytes.
    case itemTooLong
}

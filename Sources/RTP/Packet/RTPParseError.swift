/// Why an RTP packet was rejected. A trivial enum so `throws(RTPParseError)` boxes nothing.
///
/// - SeeAlso: RFC 3550 §5.1 (header), RFC 8285 §4 (header extensions).
public enum RTPParseError: Error, Equatable, Sendable {
    /// Fewer bytes than the fixed header, the CSRC list or the extension header announce.
    case truncated
    /// The version field is not 2.
    case badVersion
    /// The P bit is set but the last byte is 0 or larger than the bytes after the header.
    case paddingOverrun
    /// The header extension length runs past the end of the packet.
    case extensionOverrun
}

/// A media direction attribute: `a=sendrecv`, `a=sendonly`, `a=recvonly` or `a=inactive`.
///
/// Also the optional `/<direction>` of `a=extmap` (RFC 8285 §8).
/// - SeeAlso: RFC 8866 §6.7; RFC 3264 §5.1 (default is sendrecv when absent).
public enum MediaDirection: String, Hashable, Sendable, CaseIterable {
    /// Send and receive.
    case sendrecv
    /// Send only.
    case sendonly
    /// Receive only.
    case recvonly
    /// Neither send nor receive.
    case inactive
}

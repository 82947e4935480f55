/// Receives what a `DTLSTransport` produces. Called synchronously on the transport's thread (the
/// handle's media loop), from inside `start()`, `receive(_:)`, `handleTimeout()` and `close()`.
///
/// - Important: do not call back into the same transport from these methods (OpenSSL is in the
///   middle of a call on it): queue the datagram or post the work to the loop instead.
public protocol DTLSTransportDelegate: AnyObject {
    /// One DTLS datagram (one or more whole records, ≤ `DTLSTransport.mtu` bytes) to send to the
    /// peer. The buffer is valid only during this call; copy it to keep it.
    func dtlsTransport(_ transport: DTLSTransport, send datagram: UnsafeRawBufferPointer)
    /// The association moved to `state` (called once per change, after the change).
    func dtlsTransport(_ transport: DTLSTransport, didChangeState state: DTLSState)
}

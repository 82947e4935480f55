import COpenSSL
import SDP

/// One DTLS-SRTP association (RFC 6347 + RFC 5764), sans-IO: received datagrams go in through
/// `receive(_:)`, datagrams to send come out through the delegate, and the caller runs the
/// retransmission timer (`retransmitDeadline`, `handleTimeout()`).
///
/// Reading goes through a memory BIO (EOF return -1, so "empty" means "retry"); writing through a
/// datagram BIO (one write = one datagram). The peer's certificate is checked against its SDP
/// fingerprints during the handshake (RFC 8122 §5, RFC 8827 §6.5); SRTP keys are exported only
/// after that check passed.
/// - Important: not thread-safe; confine it to one thread, the handle's media loop.
public final class DTLSTransport {
    /// Largest datagram we send, in bytes (Janus `dtls_mtu` default).
    public static let mtu = 1200

    /// The shared context this association was made from.
    public let context: DTLSContext
    /// Our side of the handshake.
    public let role: DTLSRole
    /// The peer's `a=fingerprint` lines its certificate must match.
    public let peerFingerprints: [Fingerprint]
    /// Where datagrams and state changes go (held weakly).
    public weak var delegate: (any DTLSTransportDelegate)?

    /// Where the association is; see `DTLSState`.
    public internal(set) var state: DTLSState = .new
    /// Why the state is `.failed`: fingerprint mismatch (naming the hash functions checked), a
    /// fatal alert from the peer, or OpenSSL's handshake error text. `nil` otherwise.
    public internal(set) var failure: DTLSError?
    /// The exported SRTP keys, set when the state becomes `.connected`, never before.
    public internal(set) var srtpKeys: SRTPKeys?
    /// Datagrams, bad records, retransmissions and alerts so far.
    public internal(set) var counters = DTLSCounters()

    /// The `SSL*`; owns both BIOs; freed in `deinit`.
    let ssl: OpaquePointer
    /// The memory BIO received datagrams are written into (owned by `ssl`).
    let readBIO: OpaquePointer
    /// Set by the verify callback when the peer certificate fails the fingerprint check.
    var verifyFailure: DTLSError?
    /// Set by the info callback when the peer sent a fatal alert.
    var peerAlert: DTLSError?
    /// Set by the info callback when the peer sent close_notify.
    var closeNotifyReceived = false

    /// Creates an association; nothing is sent until `start()` (or the first `receive(_:)`).
    ///
    /// - Parameters:
    ///   - role: `.client` when our SDP says `a=setup:active`.
    ///   - peerFingerprints: all `a=fingerprint` lines of the peer's SDP.
    /// - Throws: `DTLSError.contextSetup` if OpenSSL cannot allocate the `SSL` or its BIOs.
    public init(context: DTLSContext, role: DTLSRole, peerFingerprints: [Fingerprint],
                delegate: any DTLSTransportDelegate) throws(DTLSError) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.ctx) else {
            throw DTLSError(.contextSetup, "SSL_new: " + OpenSSLSupport.drainErrors(fallback: "failed"))
        }
        guard let readBIO = BIO_new(BIO_s_mem()), let writeBIO = BIO_new(DatagramBIO.shared.method) else {
            SSL_free(ssl)
            throw DTLSError(.contextSetup, "BIO_new: " + OpenSSLSupport.drainErrors(fallback: "failed"))
        }
        _ = BIO_ctrl(readBIO, BIO_C_SET_BUF_MEM_EOF_RETURN, -1, nil) // BIO_set_mem_eof_return
        SSL_set_bio(ssl, readBIO, writeBIO) // ssl now owns both
        _ = SSL_ctrl(ssl, SSL_CTRL_SET_MTU, Self.mtu, nil) // SSL_set_mtu
        if role == .client { SSL_set_connect_state(ssl) } else { SSL_set_accept_state(ssl) }
        DTLS_set_timer_cb(ssl, DTLSCallbacks.timer)
        self.context = context
        self.role = role
        self.peerFingerprints = peerFingerprints
        self.delegate = delegate
        self.ssl = ssl
        self.readBIO = readBIO
        // Unretained: both pointers die with `ssl`, which dies in our deinit.
        let me = Unmanaged.passUnretained(self).toOpaque()
        SSL_set_ex_data(ssl, 0, me)
        BIO_set_data(writeBIO, me)
    }

    deinit {
        SSL_set_ex_data(ssl, 0, nil)
        SSL_free(ssl) // frees the read and write BIOs too
    }

    /// Starts the handshake: the client sends its ClientHello, the server waits. State → `.connecting`.
    /// Does nothing unless the state is `.new`.
    public func start() {
        guard state == .new else { return }
        setState(.connecting)
        advanceHandshake()
    }

    /// Feeds one received datagram (first byte 20...63, RFC 7983).
    ///
    /// A datagram that is not a well-formed sequence of DTLS records is dropped, counted in
    /// `counters.badRecords` and changes nothing else; that error is returned. Datagrams after
    /// `.failed`/`.closed` are ignored (`counters.ignoredDatagrams`). A datagram before `start()`
    /// starts the handshake.
    /// - Parameter datagram: valid only during this call.
    /// - Returns: why the datagram was dropped as malformed, or `nil` if it went to OpenSSL.
    @discardableResult
    public func receive(_ datagram: UnsafeRawBufferPointer) -> DTLSError? {
        counters.datagramsReceived += 1
        if let malformed = DTLSRecordValidator.check(datagram) {
            counters.badRecords += 1
            return malformed
        }
        switch state {
        case .failed, .closed:
            counters.ignoredDatagrams += 1
            return nil
        case .new:
            setState(.connecting)
        case .connecting, .connected:
            break
        }
        _ = BIO_write(readBIO, datagram.baseAddress, Int32(datagram.count))
        if state == .connecting { advanceHandshake() } else { readRecords() }
        return nil
    }

    /// Microseconds from now until `handleTimeout()` should run (`DTLSv1_get_timeout`); 0 means
    /// now; `nil` when no retransmission timer runs (not handshaking, or waiting as the server).
    public var retransmitDeadline: Int? {
        guard state == .connecting else { return nil }
        var left = timeval()
        guard SSL_ctrl(ssl, DTLS_CTRL_GET_TIMEOUT, 0, &left) == 1 else { return nil }
        return Int(left.tv_sec) * 1_000_000 + Int(left.tv_usec)
    }

    /// Runs the retransmission timer (`DTLSv1_handle_timeout`): if it expired, the last flight is
    /// sent again (`counters.retransmissions`); too many timeouts fail the handshake. Calling it
    /// early does nothing.
    public func handleTimeout() {
        guard state == .connecting else { return }
        ERR_clear_error()
        let result = SSL_ctrl(ssl, DTLS_CTRL_HANDLE_TIMEOUT, 0, nil)
        if result > 0 {
            counters.retransmissions += 1
        } else if result < 0 {
            fail(DTLSError(.handshakeFailed, "retransmission: " + OpenSSLSupport.drainErrors(fallback: "gave up")))
        }
    }

    /// Ends the association: sends close_notify once (only possible once connected: OpenSSL cannot
    /// send it mid-handshake) and moves to `.closed`. Does nothing if already `.closed` or `.failed`.
    public func close() {
        switch state {
        case .closed, .failed: return
        case .connected: sendCloseNotify()
        case .new, .connecting: break
        }
        setState(.closed)
    }
}

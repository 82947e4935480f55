import CSRTP

/// Calls `srtp_init` exactly once per process (lazy, thread-safe `static let`).
enum SRTPLibrary {
    /// The status `srtp_init` returned; `srtp_err_status_ok` when the library is usable.
    static let initStatus: srtp_err_status_t = srtp_init()
}

/// One direction of SRTP/SRTCP: a libsrtp `srtp_t` keyed with one master key and salt.
///
/// Packets are transformed in place in a caller buffer that has `SRTPSession.trailerRoom`
/// spare bytes after the packet (the tag, and for SRTCP the E-flag/index word).
/// - Important: not thread-safe. A session is confined to one thread, the handle's media loop;
///   that is why it is not `Sendable`.
/// - SeeAlso: RFC 3711 (SRTP), RFC 7714 (AEAD GCM), RFC 5764 §4.2 (keys from DTLS).
public final class SRTPSession {
    /// Which way packets go through this session.
    public enum Direction: Sendable {
        /// We protect packets we send (`ssrc_any_outbound`).
        case outbound
        /// We unprotect packets we receive (`ssrc_any_inbound`).
        case inbound
    }

    /// Spare bytes a buffer needs after the packet: `SRTP_MAX_TRAILER_LEN` + 4 (SRTCP index).
    public static let trailerRoom = Int(SRTP_MAX_TRAILER_LEN) + 4

    /// The protection profile this session was created with.
    public let profile: SRTPProfile
    /// The direction this session was created for.
    public let direction: Direction
    // The libsrtp context; owned by this object and freed in `deinit`.
    private let context: srtp_t

    /// Creates a session from a master key followed by its master salt.
    ///
    /// - Parameter masterKey: `profile.keyLength` key bytes then `profile.saltLength` salt bytes;
    ///   libsrtp copies them during this call.
    /// - Throws: `SRTPError.badParam` when the length is wrong; any other `srtp_create` status.
    public init(profile: SRTPProfile, direction: Direction, masterKey: [UInt8]) throws(SRTPError) {
        guard SRTPLibrary.initStatus == srtp_err_status_ok else { throw SRTPError(SRTPLibrary.initStatus) }
        guard masterKey.count == profile.masterLength else { throw SRTPError.badParam }
        var policy = srtp_policy_t()
        profile.apply(to: &policy)
        policy.ssrc.type = direction == .outbound ? ssrc_any_outbound : ssrc_any_inbound
        policy.window_size = 128
        policy.allow_repeat_tx = 0
        var key = masterKey
        var created: srtp_t?
        let status = key.withUnsafeMutableBufferPointer { keyBuffer in
            // The key pointer only needs to live during srtp_create, which copies it.
            policy.key = keyBuffer.baseAddress
            return srtp_create(&created, &policy)
        }
        guard status == srtp_err_status_ok, let created else { throw SRTPError(status) }
        self.profile = profile
        self.direction = direction
        self.context = created
    }

    deinit { srtp_dealloc(context) }

    /// Protects an RTP packet in place and returns the SRTP length (packet + tag).
    ///
    /// - Parameters:
    ///   - buffer: holds the RTP packet at offset 0 and at least `length + trailerRoom` bytes;
    ///     valid only during this call.
    ///   - length: the RTP packet length in bytes.
    /// - Throws: the libsrtp status, e.g. `bad_param` for a malformed header.
    public func protectRTP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        try transform(buffer, length: length, room: Self.trailerRoom, srtp_protect)
    }

    /// Verifies and decrypts an SRTP packet in place and returns the RTP length.
    ///
    /// - Throws: `SRTPError.authFail` (tampered or wrong key), `.replayFail`/`.replayOld` (replay),
    ///   or another libsrtp status.
    public func unprotectRTP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        try transform(buffer, length: length, room: 0, srtp_unprotect)
    }

    /// Protects an RTCP compound packet in place and returns the SRTCP length (+ index + tag).
    ///
    /// - Throws: the libsrtp status.
    public func protectRTCP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        try transform(buffer, length: length, room: Self.trailerRoom, srtp_protect_rtcp)
    }

    /// Verifies and decrypts an SRTCP packet in place and returns the RTCP length.
    ///
    /// - Throws: `SRTPError.authFail`, `.replayFail`, or another libsrtp status.
    public func unprotectRTCP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        try transform(buffer, length: length, room: 0, srtp_unprotect_rtcp)
    }

    private func transform(
        _ buffer: UnsafeMutableRawBufferPointer, length: Int, room: Int,
        _ operation: (srtp_t?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> srtp_err_status_t
    ) throws(SRTPError) -> Int {
        // Caller contract, not network input: protecting writes up to trailerRoom bytes past the
        // packet (unprotecting only shrinks it), so a smaller buffer would be a bug in our code.
        precondition(length >= 0 && buffer.count >= length + room, "SRTP buffer lacks trailer room")
        var length32 = Int32(length)
        let status = operation(context, buffer.baseAddress, &length32)
        guard status == srtp_err_status_ok else { throw SRTPError(status) }
        return Int(length32)
    }
}

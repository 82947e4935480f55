import CSRTP
import WebRTC

/// Calls `srtp_init` exactly once per process (lazy, thread-safe `static let`).
private enum LibSRTPLibrary {
    static let initStatus: srtp_err_status_t = srtp_init()
}

/// A libsrtp2 failure: its `srtp_err_status_t` value.
///
/// - SeeAlso: libsrtp2 `srtp.h` (`srtp_err_status_t`).
public struct LibSRTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The raw `srtp_err_status_t` value (e.g. 7 for `srtp_err_status_auth_fail`).
    public let status: UInt32

    init(_ status: srtp_err_status_t) { self.status = status.rawValue }

    /// `srtp_err_status_<n>` with the raw value, e.g. `libsrtp2 status 7`.
    public var description: String { "libsrtp2 status \(status)" }
}

/// libsrtp2 (Debian's, crypto through NSS) behind the same calls as `SRTPSession`: the reference
/// implementation that interop tests and the SRTP cost bench compare ours with. Not for production.
///
/// Buffers follow `SRTPSession`'s contract: the packet at offset 0 and `SRTPSession.trailerRoom`
/// spare bytes after it for protect.
/// - Important: not thread-safe; use from one thread.
/// - SeeAlso: RFC 3711, RFC 7714; libsrtp2 `srtp_create`, `srtp_protect`, `srtp_unprotect`.
public final class LibSRTPSession {
    private let context: srtp_t

    /// Creates a libsrtp2 session with one master key‖salt for any SSRC in `direction`
    /// (`ssrc_any_outbound` / `ssrc_any_inbound`), a 128-packet replay window, no repeated sends.
    ///
    /// - Throws: `LibSRTPError` with `srtp_init`'s or `srtp_create`'s status; status 2 (`bad_param`)
    ///   when `masterKey` is not `profile.masterLength` bytes.
    public init(profile: SRTPProfile, direction: SRTPSession.Direction, masterKey: [UInt8]) throws(LibSRTPError) {
        guard LibSRTPLibrary.initStatus == srtp_err_status_ok else { throw LibSRTPError(LibSRTPLibrary.initStatus) }
        guard masterKey.count == profile.masterLength else { throw LibSRTPError(srtp_err_status_bad_param) }
        var policy = srtp_policy_t()
        Self.apply(profile, to: &policy)
        policy.ssrc.type = direction == .outbound ? ssrc_any_outbound : ssrc_any_inbound
        policy.window_size = 128
        policy.allow_repeat_tx = 0
        var key = masterKey
        var created: srtp_t?
        let status = key.withUnsafeMutableBufferPointer { keyBuffer in
            // srtp_create copies the key, so the pointer only has to live for this call.
            policy.key = keyBuffer.baseAddress
            return srtp_create(&created, &policy)
        }
        guard status == srtp_err_status_ok, let created else { throw LibSRTPError(status) }
        context = created
    }

    deinit { srtp_dealloc(context) }

    /// `srtp_protect` in place; returns the SRTP length.
    public func protectRTP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(LibSRTPError) -> Int {
        try transform(buffer, length: length, room: SRTPSession.trailerRoom, srtp_protect)
    }

    /// `srtp_unprotect` in place; returns the RTP length.
    public func unprotectRTP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(LibSRTPError) -> Int {
        try transform(buffer, length: length, room: 0, srtp_unprotect)
    }

    /// `srtp_protect_rtcp` in place; returns the SRTCP length.
    public func protectRTCP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(LibSRTPError) -> Int {
        try transform(buffer, length: length, room: SRTPSession.trailerRoom, srtp_protect_rtcp)
    }

    /// `srtp_unprotect_rtcp` in place; returns the RTCP length.
    public func unprotectRTCP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(LibSRTPError) -> Int {
        try transform(buffer, length: length, room: 0, srtp_unprotect_rtcp)
    }

    private func transform(
        _ buffer: UnsafeMutableRawBufferPointer, length: Int, room: Int,
        _ operation: (srtp_t?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?) -> srtp_err_status_t
    ) throws(LibSRTPError) -> Int {
        // Caller contract: protecting writes up to trailerRoom bytes past the packet.
        precondition(length >= 0 && buffer.count >= length + room, "SRTP buffer lacks trailer room")
        var length32 = Int32(length)
        let status = operation(context, buffer.baseAddress, &length32)
        guard status == srtp_err_status_ok else { throw LibSRTPError(status) }
        return Int(length32)
    }

    /// Fills libsrtp's RTP and RTCP crypto policies for `profile`.
    private static func apply(_ profile: SRTPProfile, to policy: inout srtp_policy_t) {
        switch profile {
        case .aes128CmHmacSha1_80:
            // `srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80` is a macro for this function.
            srtp_crypto_policy_set_rtp_default(&policy.rtp)
            srtp_crypto_policy_set_rtcp_default(&policy.rtcp)
        case .aeadAes128Gcm:
            srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtp)
            srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtcp)
        case .aeadAes256Gcm:
            srtp_crypto_policy_set_aes_gcm_256_16_auth(&policy.rtp)
            srtp_crypto_policy_set_aes_gcm_256_16_auth(&policy.rtcp)
        }
    }
}

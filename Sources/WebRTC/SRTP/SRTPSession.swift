/// One direction of SRTP/SRTCP for any number of SSRCs (up to `maximumStreams`), on OpenSSL's
/// AES (EVP) and our own HMAC-SHA1: keys derived once at init, and no allocation per packet.
///
/// Packets are transformed in place in a caller buffer that has `SRTPSession.trailerRoom`
/// spare bytes after the packet (the tag, and for SRTCP the E-flag/index word). Replay and
/// rollover state change only after a packet's tag verified.
/// - Important: not thread-safe. A session is confined to one thread, the handle's media loop;
///   that is why it is not `Sendable`.
/// - SeeAlso: RFC 3711 (SRTP), RFC 7714 (AEAD GCM), RFC 5764 §4.2 (keys from DTLS).
public final class SRTPSession {
    /// Which way packets go through this session.
    public enum Direction: Sendable {
        /// We protect packets we send (libsrtp's `ssrc_any_outbound`).
        case outbound
        /// We unprotect packets we receive (libsrtp's `ssrc_any_inbound`).
        case inbound
    }

    /// Spare bytes a buffer needs after the packet: the largest addition, SRTCP with GCM
    /// (16-byte tag + 4-byte E‖index word). No MKI is ever added.
    public static let trailerRoom = 20

    /// How many SSRCs one session tracks; a packet from one more throws `.streamLimit`.
    public static let maximumStreams = SRTPStreamTable.capacity

    /// The protection profile this session was created with.
    public let profile: SRTPProfile
    /// The direction this session was created for.
    public let direction: Direction
    let rtpTransform: SRTPTransform
    let rtcpTransform: SRTPTransform
    let streams = SRTPStreamTable()

    /// Creates a session from a master key followed by its master salt.
    ///
    /// - Parameter masterKey: `profile.keyLength` key bytes then `profile.saltLength` salt bytes;
    ///   only the derived session keys are kept.
    /// - Throws: `SRTPError.badParam` when the length is wrong, `.cipherFail` if OpenSSL fails.
    public convenience init(profile: SRTPProfile, direction: Direction, masterKey: [UInt8]) throws(SRTPError) {
        try self.init(profile: profile, direction: direction, keys: SRTPSessionKeys(profile: profile, masterKey: masterKey))
    }

    /// Creates a session from already derived session keys (RFC 7714's vectors give those).
    init(profile: SRTPProfile, direction: Direction, keys: SRTPSessionKeys) throws(SRTPError) {
        self.profile = profile
        self.direction = direction
        rtpTransform = try SRTPTransform(profile: profile, keys: keys.rtp)
        rtcpTransform = try SRTPTransform(profile: profile, keys: keys.rtcp)
    }

    /// Protects an RTP packet in place and returns the SRTP length (packet + tag).
    ///
    /// - Parameters:
    ///   - buffer: holds the RTP packet at offset 0 and at least `length + trailerRoom` bytes;
    ///     valid only during this call.
    ///   - length: the RTP packet length in bytes.
    /// - Throws: `.malformed` (bad header), `.replayFail`/`.replayOld` (sequence number already
    ///   sent or far behind), `.streamLimit`, `.cipherFail`.
    public func protectRTP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        // Caller contract, not network input: protecting writes up to trailerRoom bytes past the packet.
        precondition(length >= 0 && buffer.count >= length + Self.trailerRoom, "SRTP buffer lacks trailer room")
        let packet = buffer.baseAddress!
        let headerLength = try SRTPHeaderBounds.rtpHeaderLength(UnsafeRawBufferPointer(buffer), length: length)
        let ssrc = Self.load(packet, at: 8)
        let stream = try streams.findOrAdd(ssrc)
        let index = SRTPPacketIndex.estimate(sequence: Self.sequence(packet), highest: stream.pointee.rtp.highest)
        try stream.pointee.rtp.check(index)
        let protected = try rtpTransform.protectRTP(packet, length: length, headerLength: headerLength, ssrc: ssrc, index: index)
        stream.pointee.rtp.mark(index)
        return protected
    }

    /// Verifies and decrypts an SRTP packet in place and returns the RTP length.
    ///
    /// - Parameters:
    ///   - buffer: holds the SRTP packet at offset 0; valid only during this call.
    ///   - length: the SRTP length in bytes (`buffer.count` at least).
    /// - Throws: `.authFail` (tampered or wrong key), `.replayFail`/`.replayOld` (replay),
    ///   `.malformed`, `.streamLimit` (a new SSRC when full), `.cipherFail`.
    public func unprotectRTP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        precondition(length >= 0 && buffer.count >= length, "SRTP length past the buffer")
        guard length >= 12 + rtpTransform.tagLength, let packet = buffer.baseAddress else { throw .malformed }
        let headerLength = try SRTPHeaderBounds.rtpHeaderLength(
            UnsafeRawBufferPointer(buffer), length: length - rtpTransform.tagLength)
        let ssrc = Self.load(packet, at: 8)
        let known = streams.find(ssrc)
        guard known != nil || !streams.isFull else { throw .streamLimit }
        var stream = known?.pointee ?? SRTPStream(ssrc: ssrc)
        let index = SRTPPacketIndex.estimate(sequence: Self.sequence(packet), highest: stream.rtp.highest)
        try stream.rtp.check(index)
        let plain = try rtpTransform.unprotectRTP(packet, length: length, headerLength: headerLength, ssrc: ssrc, index: index)
        // Authenticated: only now may the stream be created or its window move.
        stream.rtp.mark(index)
        if let known { known.pointee = stream } else { _ = try streams.add(stream) }
        return plain
    }

    /// Protects an RTCP compound packet in place and returns the SRTCP length (+ E‖index + tag).
    /// The first SRTCP index of each SSRC is 1.
    ///
    /// - Throws: `.malformed` (shorter than 8 bytes or not version 2), `.indexExhausted` after
    ///   2^31 - 1 packets, `.streamLimit`, `.cipherFail`.
    public func protectRTCP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        precondition(length >= 0 && buffer.count >= length + Self.trailerRoom, "SRTCP buffer lacks trailer room")
        try SRTPHeaderBounds.checkRTCP(UnsafeRawBufferPointer(buffer), length: length)
        let packet = buffer.baseAddress!
        let ssrc = Self.load(packet, at: 4)
        let stream = try streams.findOrAdd(ssrc)
        guard stream.pointee.rtcpSent < 0x7FFF_FFFF else { throw .indexExhausted }
        let index = stream.pointee.rtcpSent + 1
        let protected = try rtcpTransform.protectRTCP(packet, length: length, ssrc: ssrc, index: index)
        stream.pointee.rtcpSent = index
        return protected
    }

    /// Verifies and decrypts an SRTCP packet in place and returns the RTCP length. A packet with
    /// E = 0 is authenticated only (RFC 3711 §3.4, RFC 7714 §10).
    ///
    /// - Throws: `.authFail`, `.replayFail`/`.replayOld`, `.malformed` (shorter than header +
    ///   index + tag, or not version 2), `.streamLimit`, `.cipherFail`.
    public func unprotectRTCP(_ buffer: UnsafeMutableRawBufferPointer, length: Int) throws(SRTPError) -> Int {
        precondition(length >= 0 && buffer.count >= length, "SRTCP length past the buffer")
        guard length >= 8 + rtcpTransform.rtcpOverhead, let packet = buffer.baseAddress else { throw .malformed }
        try SRTPHeaderBounds.checkRTCP(UnsafeRawBufferPointer(buffer), length: length)
        let ssrc = Self.load(packet, at: 4)
        let word = Self.load(packet, at: rtcpTransform.rtcpIndexOffset(length: length))
        let index = word & 0x7FFF_FFFF
        let known = streams.find(ssrc)
        guard known != nil || !streams.isFull else { throw .streamLimit }
        var stream = known?.pointee ?? SRTPStream(ssrc: ssrc)
        try stream.rtcp.check(UInt64(index))
        let plain = try rtcpTransform.unprotectRTCP(packet, length: length, ssrc: ssrc, index: index, encrypted: word >> 31 == 1)
        stream.rtcp.mark(UInt64(index))
        if let known { known.pointee = stream } else { _ = try streams.add(stream) }
        return plain
    }

    private static func load(_ packet: UnsafeMutableRawPointer, at offset: Int) -> UInt32 {
        UInt32(bigEndian: packet.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private static func sequence(_ packet: UnsafeMutableRawPointer) -> UInt16 {
        UInt16(bigEndian: packet.loadUnaligned(fromByteOffset: 2, as: UInt16.self))
    }
}

/// Checks that a received datagram is a well-formed sequence of DTLS 1.0/1.2 records before it
/// reaches OpenSSL, which silently discards bad records (RFC 6347 §4.1.2.7) and so cannot count them.
///
/// Wire (RFC 6347 §4.1): type(1) version(2) epoch(2) sequence_number(6) length(2) fragment(length).
/// Types: change_cipher_spec 20, alert 21, handshake 22, application_data 23. Version 0xFEFF or
/// 0xFEFD. In epoch 0 (plaintext) the fragment is also checked: a handshake record holds whole
/// handshake fragments, msg_type(1) length(3) message_seq(2) fragment_offset(3) fragment_length(3)
/// with offset + length ≤ message length (§4.2.2); an alert is 2 bytes; a CCS is the byte 1.
enum DTLSRecordValidator {
    /// Record header length in bytes.
    static let headerLength = 13
    /// Largest record fragment: 2^14 plaintext + 2048 expansion (RFC 5246 §6.2.3).
    static let maxFragment = 16_384 + 2_048

    /// `nil` if every byte of the datagram belongs to a well-formed record, else why not.
    static func check(_ datagram: UnsafeRawBufferPointer) -> DTLSError? {
        guard !datagram.isEmpty else { return malformed("empty datagram") }
        var offset = 0
        while offset < datagram.count {
            let left = datagram.count - offset
            guard left >= headerLength else {
                return malformed("truncated record header: \(left) bytes at offset \(offset)")
            }
            let type = datagram[offset]
            guard (20...23).contains(type) else { return malformed("unsupported content type \(type)") }
            guard datagram[offset + 1] == 0xFE, datagram[offset + 2] == 0xFF || datagram[offset + 2] == 0xFD else {
                return malformed("version \(datagram[offset + 1]).\(datagram[offset + 2]) is not DTLS 1.0/1.2")
            }
            let epoch = Int(datagram[offset + 3]) << 8 | Int(datagram[offset + 4])
            let length = Int(datagram[offset + 11]) << 8 | Int(datagram[offset + 12])
            guard length <= maxFragment else { return malformed("record length \(length) too large") }
            guard left - headerLength >= length else {
                return malformed("truncated record: length \(length), \(left - headerLength) bytes present")
            }
            let body = UnsafeRawBufferPointer(rebasing: datagram[(offset + headerLength)..<(offset + headerLength + length)])
            if epoch == 0, let reason = checkPlaintext(type: type, body: body) { return malformed(reason) }
            offset += headerLength + length
        }
        return nil
    }

    private static func checkPlaintext(type: UInt8, body: UnsafeRawBufferPointer) -> String? {
        switch type {
        case 20: return body.count == 1 && body[0] == 1 ? nil : "bad change_cipher_spec"
        case 21: return body.count == 2 && (body[0] == 1 || body[0] == 2) ? nil : "bad alert"
        case 22: return checkHandshake(body)
        default: return "application data in epoch 0"
        }
    }

    /// A plaintext handshake record may carry several handshake fragments (RFC 6347 §4.2.3).
    private static func checkHandshake(_ body: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        guard !body.isEmpty else { return "empty handshake record" }
        while offset < body.count {
            guard body.count - offset >= 12 else { return "truncated handshake header" }
            func uint24(_ at: Int) -> Int {
                Int(body[offset + at]) << 16 | Int(body[offset + at + 1]) << 8 | Int(body[offset + at + 2])
            }
            let messageLength = uint24(1), fragmentOffset = uint24(6), fragmentLength = uint24(9)
            guard fragmentOffset + fragmentLength <= messageLength else { return "handshake fragment beyond its message" }
            guard body.count - offset - 12 >= fragmentLength else { return "truncated handshake fragment" }
            offset += 12 + fragmentLength
        }
        return nil
    }

    private static func malformed(_ reason: String) -> DTLSError { DTLSError(.malformedRecord, reason) }
}

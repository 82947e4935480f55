/// The H.264 `fmtp` parameters the codec choice looks at: the profile part of `profile-level-id` and
/// `packetization-mode`.
///
/// Wire: `a=fmtp:<pt> ...;packetization-mode=<0|1|2>;profile-level-id=<6 hex digits>`, the hex being
/// `profile_idc`, `profile-iop` (constraint flags) and `level_idc`, one byte each.
/// - Accepted: `profile_idc` 0x42 (Baseline and Constrained Baseline), 0x4D (Main), 0x64 (High and
///   Constrained High), at any level, with packetization mode 0 or 1. Others (e.g. 0xF4, High 4:4:4
///   Predictive), malformed ids and mode 2 (interleaved) are not chosen.
/// - SeeAlso: RFC 6184 §8.1: "If no profile-level-id is present, the Baseline profile, without additional
///   constraints at Level 1 MUST be inferred", and packetization-mode "when not present ... MUST be
///   inferred to be equal to 0"; RFC 7742 §6.2 (WebRTC H.264).
struct JSEPH264Parameters: Sendable {
    /// `profile_idc`, the first byte of `profile-level-id` (0x42 when absent).
    var profileIDC: UInt8
    /// `packetization-mode` (0 when absent).
    var packetizationMode: UInt8

    /// The `profile_idc` values we accept.
    static let acceptedProfiles: Set<UInt8> = [0x42, 0x4D, 0x64]

    /// Reads `fmtp` (nil means no `a=fmtp` line); nil when either parameter is malformed.
    init?(_ fmtp: FormatParameters?) {
        profileIDC = 0x42
        packetizationMode = 0
        if let id = fmtp?.parameter("profile-level-id") {
            guard id.utf8.count == 6, id.allSatisfy(\.isHexDigit), let value = UInt32(id, radix: 16)
            else { return nil }
            profileIDC = UInt8(truncatingIfNeeded: value >> 16)
        }
        if let mode = fmtp?.parameter("packetization-mode") {
            guard let value = Tokens.decimal(mode, as: UInt8.self) else { return nil }
            packetizationMode = value
        }
    }

    /// Whether the answer may pick this entry.
    var isAccepted: Bool { Self.acceptedProfiles.contains(profileIDC) && packetizationMode <= 1 }
}

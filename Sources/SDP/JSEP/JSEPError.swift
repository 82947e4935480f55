/// Why an offer could not be answered, or an answer does not fit our offer: the description breaks a JSEP
/// rule we rely on, or the local parameters are unusable.
///
/// The gateway maps every `JSEPError` to Janus's `JANUS_ERROR_JSEP_INVALID_SDP` (465) and uses `description`
/// as the reason, so the message names what was wrong and where (`mid` or m-line index).
/// `JSEPOfferer` throws the same kinds when it reads an answer (which must carry BUNDLE, rtcp-mux, mids,
/// ICE credentials and a fingerprint too), plus the answer-only kinds from `mediaCountMismatch` on.
/// - SeeAlso: RFC 8829 §5.3 (answer generation), §5.10 (applying an answer); RFC 3264 §6 (answer rules); RFC 8843 (BUNDLE) and RFC 5761 (rtcp-mux), both required
///   here as Janus requires them.
public struct JSEPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of fault.
    public enum Kind: Hashable, Sendable {
        /// The offer has no `m=` section.
        case noMedia
        /// No audio or video section could be accepted (none offered, or none with a codec we support).
        case noAcceptableMedia
        /// The offer has no `a=group:BUNDLE`.
        case missingBundle
        /// An audio or video section to accept has no `a=rtcp-mux`.
        case missingRTCPMux
        /// A section has no `a=mid` (RFC 8829 §5.2.1 requires one in every section).
        case missingMid
        /// Neither the section nor the session carries `a=ice-ufrag` and `a=ice-pwd`.
        case missingICECredentials
        /// Neither the section nor the session carries an `a=fingerprint`.
        case missingFingerprint
        /// `a=setup` has a value an offer must not use (`holdconn`).
        case unsupportedSetup
        /// The local parameters are unusable (empty ICE credentials or no fingerprint; for an offerer also
        /// no media, a bad media entry, or a payload type or SSRC used twice).
        case badLocalParameters
        /// The answer has a different number of `m=` lines than the offer (RFC 3264 §6: exactly one per
        /// offered line, in the same order).
        case mediaCountMismatch
        /// An answer `m=` line's `a=mid` differs from the offer's at the same index (RFC 8829 §5.3.1).
        case midMismatch
        /// An answer `m=` line's media type differs from the offer's at the same index (RFC 3264 §6).
        case mediaKindMismatch
        /// The answer lists a format (payload type) the offered `m=` line did not contain, or maps an
        /// offered payload type to another codec (RFC 3264 §6.1).
        case unofferedPayloadType
        /// The answer's `a=setup` is `actpass` or `holdconn`; an answer must say `active` or `passive`
        /// (RFC 5763 §5, RFC 8842 §5.3).
        case invalidAnswerSetup
        /// An accepted audio or video `m=` line of the answer names no codec we support.
        case unsupportedCodec
    }

    /// The kind of fault.
    public var kind: Kind
    /// A human-readable reason naming the section, e.g. "m-line 1 (mid 1): no a=rtcp-mux".
    public var message: String

    /// Creates an error of `kind` with `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message, for logs and Janus's error `reason`.
    public var description: String { message }
}

/// Why an offer could not be answered: the offer breaks a JSEP rule we rely on, or the local parameters
/// are unusable.
///
/// The gateway maps every `JSEPError` to Janus's `JANUS_ERROR_JSEP_INVALID_SDP` (465) and uses `description`
/// as the reason, so the message names what was wrong and where (`mid` or m-line index).
/// - SeeAlso: RFC 8829 §5.3 (answer generation); RFC 8843 (BUNDLE) and RFC 5761 (rtcp-mux), both required
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
        /// The local parameters are unusable (empty ICE credentials or no fingerprint).
        case badLocalParameters
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

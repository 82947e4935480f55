/// An `a=rtpmap` attribute: binds an RTP payload type to a codec.
///
/// Wire: `a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`,
/// e.g. `a=rtpmap:96 opus/48000/2`.
/// - Units: `clockRate` is in Hz; `channels` is the audio channel count (the encoding parameters).
/// - SeeAlso: RFC 8866 §6.6.
public struct RTPMap: Hashable, Sendable {
    /// RTP payload type, 0...127.
    public var payloadType: UInt8
    /// Encoding name as written, e.g. `VP8`, `opus`, `rtx`.
    public var encodingName: String
    /// RTP clock rate in Hz.
    public var clockRate: UInt32
    /// Encoding parameters (audio channels), absent when not written.
    public var channels: UInt16?

    /// Creates an rtpmap.
    public init(payloadType: UInt8, encodingName: String, clockRate: UInt32, channels: UInt16? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
    }

    /// Parses the attribute value (after `rtpmap:`).
    /// - Throws: `SDPParseError` `.badAttribute("rtpmap")` on any deviation from the grammar.
    public init(parsing value: some StringProtocol) throws(SDPParseError) {
        let f = Tokens.fields(value)
        func error() -> SDPParseError { SDPParseError(.badAttribute("rtpmap"), text: value) }
        guard f.count == 2, let pt = Tokens.decimal(f[0], as: UInt8.self), pt <= 127 else { throw error() }
        let parts = f[1].split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, Tokens.isWord(parts[0]),
              let rate = Tokens.decimal(parts[1], as: UInt32.self) else { throw error() }
        var channels: UInt16?
        if parts.count == 3 {
            guard let c = Tokens.decimal(parts[2], as: UInt16.self) else { throw error() }
            channels = c
        }
        self.init(payloadType: pt, encodingName: String(parts[0]), clockRate: rate, channels: channels)
    }

    /// The attribute value (after `rtpmap:`).
    public var value: String {
        "\(payloadType) \(encodingName)/\(clockRate)" + (channels.map { "/\($0)" } ?? "")
    }
}

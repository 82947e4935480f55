/// The `<media>` field of an `m=` line.
///
/// Wire: `audio`, `video`, `application`, `text`, `message`, or another token kept in `.other`.
/// - SeeAlso: RFC 8866 §5.14.
public enum MediaType: Hashable, Sendable {
    /// `audio`.
    case audio
    /// `video`.
    case video
    /// `application` (WebRTC data channels, RFC 8841).
    case application
    /// `text`.
    case text
    /// `message`.
    case message
    /// Any other token, verbatim.
    case other(String)

    /// Maps a wire token to a media type (case-sensitive, as browsers write lowercase).
    public init(_ token: some StringProtocol) {
        switch token {
        case "audio": self = .audio
        case "video": self = .video
        case "application": self = .application
        case "text": self = .text
        case "message": self = .message
        default: self = .other(String(token))
        }
    }

    /// The wire token.
    public var token: String {
        switch self {
        case .audio: "audio"
        case .video: "video"
        case .application: "application"
        case .text: "text"
        case .message: "message"
        case .other(let token): token
        }
    }
}

/// A description line this module does not model (`i=`, `u=`, `e=`, `p=`, `b=`, `r=`, `z=`, `k=`, or an
/// unknown letter), kept verbatim so a description round-trips.
///
/// Wire: `<type>=<value>`. On output these lines go where RFC 8866 §5 orders their type: session level
/// `v o s i u e p c b t r z k a m`, media level `m i c b k a`; unknown letters go just before the attributes.
/// - SeeAlso: RFC 8866 §5.
public struct SDPLine: Hashable, Sendable {
    /// The one-letter type, e.g. `b`.
    public var type: Character
    /// Everything after `=`.
    public var value: String

    /// Creates a line of `type` with `value`.
    public init(type: Character, value: String) {
        self.type = type
        self.value = value
    }

    /// The line without its line ending: `<type>=<value>`.
    public var text: String { "\(type)=\(value)" }

    /// Output rank of a session-level line type (RFC 8866 §5 order); attributes are 100, media 200.
    static func sessionRank(_ type: Character) -> Int {
        switch type {
        case "i": 1
        case "u": 2
        case "e": 3
        case "p": 4
        case "c": 5
        case "b": 6
        case "t": 7
        case "r": 8
        case "z": 9
        case "k": 10
        default: 11
        }
    }

    /// Output rank of a media-level line type: `i` before `c`, then `b`, `k`, others.
    static func mediaRank(_ type: Character) -> Int {
        switch type {
        case "i": 1
        case "c": 2
        case "b": 3
        case "k": 4
        default: 5
        }
    }
}

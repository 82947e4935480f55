import Foundation

/// The Janus event types as mask bits: which kinds of event a handler subscribes to.
///
/// Bits as Janus 1.x sends them in an event's `type`: session 1, handle 2, external 4,
/// jsep 8, webrtc 16, media 32, plugin 64, transport 128, core 256.
/// Config labels (sampleevh `events = "…"`) as Janus names them: `sessions`, `handles`,
/// `jsep`, `webrtc`, `media`, `plugins`, `transports`, `core`, `external`, `all`, `none`.
/// - SeeAlso: Janus docs, "Event handlers"; `../shared/reference/EVENTS.md`.
public struct EventTypeMask: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let session = EventTypeMask(rawValue: 1 << 0)
    public static let handle = EventTypeMask(rawValue: 1 << 1)
    public static let external = EventTypeMask(rawValue: 1 << 2)
    public static let jsep = EventTypeMask(rawValue: 1 << 3)
    public static let webrtc = EventTypeMask(rawValue: 1 << 4)
    public static let media = EventTypeMask(rawValue: 1 << 5)
    public static let plugin = EventTypeMask(rawValue: 1 << 6)
    public static let transport = EventTypeMask(rawValue: 1 << 7)
    public static let core = EventTypeMask(rawValue: 1 << 8)

    /// Every type Janus defines.
    public static let all: EventTypeMask = [.session, .handle, .external, .jsep, .webrtc, .media, .plugin, .transport, .core]
    /// No type.
    public static let none: EventTypeMask = []

    /// Config label for each single bit, in Janus's spelling.
    public static let labels: [(label: String, mask: EventTypeMask)] = [
        ("sessions", .session), ("handles", .handle), ("external", .external), ("jsep", .jsep),
        ("webrtc", .webrtc), ("media", .media), ("plugins", .plugin), ("transports", .transport), ("core", .core),
    ]

    /// Parses a Janus `events` option: `all`, `none`, or a comma-separated list of labels.
    ///
    /// Whitespace around items is ignored; singular forms (`session`, `plugin`, …) are accepted too.
    /// - Throws: `EventTypeMaskError.unknownLabel` naming the first label it does not know.
    public init(configValue: String) throws(EventTypeMaskError) {
        var mask: EventTypeMask = []
        for raw in configValue.split(separator: ",") {
            let item = raw.trimmingCharacters(in: .whitespaces).lowercased()
            switch item {
            case "": continue
            case "all": mask.formUnion(.all)
            case "none": continue
            default:
                guard let match = Self.labels.first(where: { $0.label == item || $0.label == item + "s" }) else {
                    throw .unknownLabel(item)
                }
                mask.formUnion(match.mask)
            }
        }
        self = mask
    }

    /// The labels of the bits set, comma-separated (`"all"` or `"none"` at the extremes).
    public var configValue: String {
        if self == .all { return "all" }
        if isEmpty { return "none" }
        return Self.labels.filter { contains($0.mask) }.map(\.label).joined(separator: ",")
    }
}

/// Error from parsing an `events` option.
public enum EventTypeMaskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A comma-separated item that is not one of Janus's event type labels.
    case unknownLabel(String)

    public var description: String {
        switch self {
        case .unknownLabel(let label):
            "unknown event type '\(label)' (expected all, none, or a list of "
                + EventTypeMask.labels.map(\.label).joined(separator: ", ") + ")"
        }
    }
}

import Foundation
import Synchronization

/// One parsed Janus `.jcfg` file (libconfig syntax): top-level groups such as `general`,
/// `events`, `nat` holding `key = value` settings.
///
/// The file is parsed with libconfig and copied into Swift values at once; nothing C-side is
/// kept. Every accessor of `JcfgGroup` that finds a value marks that option as used (thread
/// safe), so that `unusedOptions()` can list what SwiftGate ignores in a Janus config folder.
/// - SeeAlso: Janus docs, "Configuration"; libconfig manual, "Configuration File Grammar".
public final class JcfgFile: Sendable {
    /// The file's path, or the name given to `parse(text:name:)`; errors start with it.
    public let path: String
    let entries: [JcfgEntry]
    private let used = Mutex<Set<String>>([])
    private let ignoredReported = Atomic<Bool>(false)

    init(path: String, entries: [JcfgEntry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads and parses the file at `path`.
    /// - Throws: `ConfigError` `.notFound` when there is no such file, `.unreadable` when it
    ///   cannot be read, `.syntax` (with libconfig's message and line) when it is malformed.
    public static func load(path: String) throws(ConfigError) -> JcfgFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(kind: .notFound, file: path, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(kind: .unreadable, file: path, line: nil, message: "is a directory, not a file")
        }
        return JcfgFile(path: path, entries: try LibconfigReader.read(path: path))
    }

    /// Parses `.jcfg` text; `name` stands in for the path in errors and in `path`.
    /// - Throws: `ConfigError` `.syntax` with libconfig's message and line.
    public static func parse(text: String, name: String) throws(ConfigError) -> JcfgFile {
        JcfgFile(path: name, entries: try LibconfigReader.read(text: text, name: name))
    }

    /// The top-level group called `group`, or `nil` when the file has none (or `group` names a
    /// setting that is not a group).
    public subscript(group: String) -> JcfgGroup? {
        guard let entry = entries.first(where: { $0.name == group }),
            case .group(let members) = entry.value
        else { return nil }
        return JcfgGroup(name: group, path: group, entries: members, file: self)
    }

    /// The top-level group called `name`, or `nil` when the file has no setting of that name.
    /// - Throws: `ConfigError` `.invalidValue` (with its line) when `name` is a setting but not a
    ///   group, e.g. `general = 5`, so a mistyped section is not silently ignored.
    public func group(_ name: String) throws(ConfigError) -> JcfgGroup? {
        guard let entry = entries.first(where: { $0.name == name }) else { return nil }
        guard case .group(let members) = entry.value else {
            markUsed(name)
            throw ConfigError(
                kind: .invalidValue, file: path, line: entry.line,
                message: "'\(name)' should be a group ({ … }), not \(entry.value.kindName)")
        }
        return JcfgGroup(name: name, path: name, entries: members, file: self)
    }

    /// Names of the top-level groups, in file order.
    public var groupNames: [String] {
        entries.compactMap { entry in
            if case .group = entry.value { entry.name } else { nil }
        }
    }

    /// Dotted paths (`"media.rtp_port_range"`, `"nat.nat_1_1_mapping"`) of every setting no
    /// accessor has read yet, in file order. Groups are walked into; a list counts as one option.
    public func unusedOptions() -> [String] {
        let usedNow = used.withLock { $0 }
        var result: [String] = []
        Self.collectLeaves(entries, prefix: nil, into: &result)
        return result.filter { !usedNow.contains($0) }
    }

    /// Records that the option at `optionPath` was read.
    func markUsed(_ optionPath: String) {
        _ = used.withLock { $0.insert(optionPath) }
    }

    /// `true` the first time it is called for this file, `false` afterwards (thread safe): lets
    /// `logIgnoredOptions(_:logger:)` report a file once.
    func claimIgnoredReport() -> Bool {
        ignoredReported.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
    }

    private static func collectLeaves(_ entries: [JcfgEntry], prefix: String?, into result: inout [String]) {
        for entry in entries {
            let path = prefix.map { "\($0).\(entry.name)" } ?? entry.name
            if case .group(let members) = entry.value {
                collectLeaves(members, prefix: path, into: &result)
            } else {
                result.append(path)
            }
        }
    }
}

/// A group of a `.jcfg` file (`general: { … }`), with lenient typed accessors.
///
/// Janus reads every value as text and converts it, so a file may say `session_timeout = 60`
/// or `session_timeout = "60"`, `broadcast = true` or `broadcast = "yes"`; these accessors
/// accept the same spellings. A value that cannot be converted throws a `ConfigError` naming
/// the file, the line and the option. Each accessor that finds the key marks it used in its file.
public struct JcfgGroup: Sendable {
    /// The group's own name (`"general"`; for a nested group, the inner name).
    public let name: String
    /// Dotted path from the file's root (`"general"`, `"general.sub"`).
    let path: String
    let entries: [JcfgEntry]
    let file: JcfgFile

    init(name: String, path: String, entries: [JcfgEntry], file: JcfgFile) {
        self.name = name
        self.path = path
        self.entries = entries
        self.file = file
    }

    /// The group's setting names, in file order.
    public var keys: [String] { entries.map(\.name) }

    /// Whether the group has a setting called `key` (does not mark it used).
    public func has(_ key: String) -> Bool { entries.contains { $0.name == key } }

    /// Any scalar rendered as a string (`60`, `true`, `"text"`); `nil` when absent or when the
    /// value is a list or group.
    public func string(_ key: String) -> String? {
        guard let entry = lookup(key) else { return nil }
        return entry.value.scalarText
    }

    /// A boolean: `true`/`false`, the strings `"true"`/`"false"`/`"yes"`/`"no"`/`"1"`/`"0"`
    /// (any case), or the integers 1/0. `nil` when absent.
    /// - Throws: `ConfigError` `.invalidValue` for any other value.
    public func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let entry = lookup(key) else { return nil }
        switch entry.value {
        case .bool(let value): return value
        case .int(0): return false
        case .int(1): return true
        case .string(let text):
            switch text.trimmingWhitespace().lowercased() {
            case "true", "yes", "1": return true
            case "false", "no", "0": return false
            default: break
            }
        default: break
        }
        throw invalid(entry, key: key, expected: "a boolean (true/false, yes/no, 1/0)")
    }

    /// An integer: an integer value, a number with no fraction, or a string holding a decimal
    /// integer (`"60"`). `nil` when absent.
    /// - Throws: `ConfigError` `.invalidValue` for any other value.
    public func int(_ key: String) throws(ConfigError) -> Int? {
        guard let entry = lookup(key) else { return nil }
        switch entry.value {
        case .int(let value):
            if let exact = Int(exactly: value) { return exact }
        case .float(let value):
            if let exact = Int(exactly: value) { return exact }
        case .string(let text):
            if let parsed = Int(text.trimmingWhitespace()) { return parsed }
        default: break
        }
        throw invalid(entry, key: key, expected: "an integer")
    }

    /// A list of strings: a comma-separated string (`"eth0, lo"`) or an array/list of scalars,
    /// each item trimmed, empty items dropped. A single scalar gives one item. `nil` when absent.
    /// - Throws: `ConfigError` `.invalidValue` when the value is a group or the list holds one:
    ///   silently ignoring it would drop a restriction such as `ice_enforce_list`.
    public func stringList(_ key: String) throws(ConfigError) -> [String]? {
        guard let entry = lookup(key) else { return nil }
        let raw: [String]
        switch entry.value {
        case .string(let text): raw = text.split(separator: ",").map(String.init)
        case .list(let items):
            let scalars = items.compactMap(\.scalarText)
            guard scalars.count == items.count else {
                throw invalid(entry, key: key, expected: "a string or a list of strings")
            }
            raw = scalars
        case .group: throw invalid(entry, key: key, expected: "a string or a list of strings")
        default: raw = entry.value.scalarText.map { [$0] } ?? []
        }
        return raw.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A group nested in this one (`general: { sub: { … } }`), or `nil`.
    public func group(_ key: String) -> JcfgGroup? {
        guard let entry = entries.first(where: { $0.name == key }), case .group(let members) = entry.value else {
            return nil
        }
        return JcfgGroup(name: key, path: "\(path).\(key)", entries: members, file: file)
    }

    /// The 1-based source line of the setting `key`, or `nil` when absent (does not mark it used).
    public func line(_ key: String) -> Int? { entries.first { $0.name == key }?.line }

    /// A `.invalidValue` error for the setting `key` of this group, with the file, the setting's
    /// line and the message `option 'group.key' <message>`; for range checks done by callers.
    public func invalidValue(_ key: String, _ message: String) -> ConfigError {
        ConfigError(kind: .invalidValue, file: file.path, line: line(key), message: "option '\(path).\(key)' \(message)")
    }

    private func lookup(_ key: String) -> JcfgEntry? {
        guard let entry = entries.first(where: { $0.name == key }) else { return nil }
        if case .group = entry.value { return entry }
        file.markUsed("\(path).\(key)")
        return entry
    }

    private func invalid(_ entry: JcfgEntry, key: String, expected: String) -> ConfigError {
        let shown = entry.value.scalarText.map { " (\($0))" } ?? ""
        return ConfigError(
            kind: .invalidValue, file: file.path, line: entry.line,
            message: "option '\(path).\(key)' should be \(expected), not \(entry.value.kindName)\(shown)")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    fileprivate func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

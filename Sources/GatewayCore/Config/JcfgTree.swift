import CConfig

/// One value of a parsed `.jcfg` file, copied out of libconfig's tree so that no C memory
/// outlives the parse.
indirect enum JcfgValue: Sendable, Equatable {
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case string(String)
    /// A libconfig array `[…]` or list `(…)`.
    case list([JcfgValue])
    /// A libconfig group `{…}`.
    case group([JcfgEntry])

    /// The scalar rendered as text (`true`, `42`, `0.5`, the string itself); `nil` for lists and groups.
    var scalarText: String? {
        switch self {
        case .int(let v): String(v)
        case .float(let v): String(v)
        case .bool(let v): v ? "true" : "false"
        case .string(let v): v
        case .list, .group: nil
        }
    }

    /// How the value is written, for error messages.
    var kindName: String {
        switch self {
        case .int: "an integer"
        case .float: "a number"
        case .bool: "a boolean"
        case .string: "a string"
        case .list: "a list"
        case .group: "a group"
        }
    }
}

/// A named setting of a group (or of the file's root), with its 1-based source line.
struct JcfgEntry: Sendable, Equatable {
    let name: String
    let value: JcfgValue
    let line: Int
}

/// Runs libconfig over a file or a string and copies the result into `JcfgEntry` values.
///
/// libconfig 1.5 exposes `config_error_text`, `config_error_line` and
/// `config_setting_source_line` as macros over struct fields, so the fields are read directly
/// (see docs/swift-c-interop.md §2).
enum LibconfigReader {
    /// Parses the file at `path`; `@include` directives resolve against the file's folder.
    /// - Throws: `ConfigError` `.unreadable` (I/O) or `.syntax` with libconfig's text and line.
    static func read(path: String) throws(ConfigError) -> [JcfgEntry] {
        let folder: String
        if let slash = path.lastIndex(of: "/") {
            folder = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            folder = "."
        }
        return try withConfig(name: path) { config in
            config_set_include_dir(config, folder)
            return config_read_file(config, path)
        }
    }

    /// Parses `text`; `name` stands in for the file name in errors.
    /// - Throws: `ConfigError` `.syntax` with libconfig's text and line.
    static func read(text: String, name: String) throws(ConfigError) -> [JcfgEntry] {
        try withConfig(name: name) { config in config_read_string(config, text) }
    }

    private static func withConfig(
        name: String, _ body: (UnsafeMutablePointer<config_t>) -> Int32
    ) throws(ConfigError) -> [JcfgEntry] {
        let config = UnsafeMutablePointer<config_t>.allocate(capacity: 1)
        config_init(config)
        defer {
            config_destroy(config)
            config.deallocate()
        }
        guard body(config) == CONFIG_TRUE else { throw error(of: config.pointee, name: name) }
        guard let root = config.pointee.root else { return [] }
        return members(of: root)
    }

    private static func error(of config: config_t, name: String) -> ConfigError {
        let text = config.error_text.map { String(cString: $0) } ?? "unknown error"
        if config.error_type == CONFIG_ERR_FILE_IO {
            return ConfigError(kind: .unreadable, file: name, line: nil, message: "cannot read file (\(text))")
        }
        let file = config.error_file.map { String(cString: $0) } ?? name
        let line = config.error_line > 0 ? Int(config.error_line) : nil
        return ConfigError(kind: .syntax, file: file, line: line, message: text)
    }

    private static func members(of group: UnsafeMutablePointer<config_setting_t>) -> [JcfgEntry] {
        (0..<config_setting_length(group)).compactMap { index in
            guard let child = config_setting_get_elem(group, UInt32(index)) else { return nil }
            let name = child.pointee.name.map { String(cString: $0) } ?? ""
            return JcfgEntry(name: name, value: value(of: child), line: Int(child.pointee.line))
        }
    }

    private static func value(of setting: UnsafeMutablePointer<config_setting_t>) -> JcfgValue {
        switch Int32(setting.pointee.type) {
        case CONFIG_TYPE_GROUP:
            return .group(members(of: setting))
        case CONFIG_TYPE_ARRAY, CONFIG_TYPE_LIST:
            let items = (0..<config_setting_length(setting)).compactMap { index in
                config_setting_get_elem(setting, UInt32(index)).map(value(of:))
            }
            return .list(items)
        case CONFIG_TYPE_INT, CONFIG_TYPE_INT64:
            return .int(Int64(config_setting_get_int64(setting)))
        case CONFIG_TYPE_FLOAT:
            return .float(config_setting_get_float(setting))
        case CONFIG_TYPE_BOOL:
            return .bool(config_setting_get_bool(setting) != 0)
        case CONFIG_TYPE_STRING:
            return .string(config_setting_get_string(setting).map { String(cString: $0) } ?? "")
        default:
            // CONFIG_TYPE_NONE only appears in settings being built, never in a parsed tree.
            return .list([])
        }
    }
}

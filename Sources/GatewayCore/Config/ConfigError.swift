/// A problem with a configuration file: it is missing, unreadable, malformed (libconfig syntax),
/// or an option has a value of the wrong kind.
///
/// Rendered as one line, `path:LINE: message` (or `path: message` when no line applies), the
/// shape compilers and libconfig use, so the gateway can print it and exit non-zero.
/// - SeeAlso: libconfig manual, `config_error_text`, `config_error_line`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem this is; grows without breaking callers (a struct, not an enum).
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// The file does not exist.
        public static let notFound = Kind("not found")
        /// The file exists but could not be read (permissions, I/O error).
        public static let unreadable = Kind("unreadable")
        /// libconfig could not parse the file (the message is libconfig's error text).
        public static let syntax = Kind("syntax")
        /// An option has a value of the wrong kind or out of range.
        public static let invalidValue = Kind("invalid value")
        /// The kind in words (`"not found"`, `"syntax"`, …).
        public var description: String { name }
    }

    /// What kind of problem this is.
    public let kind: Kind
    /// The file's path (or the name given to `JcfgFile.parse(text:name:)`).
    public let file: String
    /// 1-based line in `file`, when known.
    public let line: Int?
    /// What is wrong, in words.
    public let message: String

    /// Creates an error; `line` is 1-based, `nil` when no line applies.
    public init(kind: Kind, file: String, line: Int?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `path:LINE: message`, or `path: message` without a line.
    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}

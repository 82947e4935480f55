/// `server_info`: what `GET /janus/info`, the `info` request and the core `started` event report.
extension Gateway {
    /// The `server_info` reply with a fresh random transaction.
    public func serverInfo() -> JSONValue {
        serverInfo(transaction: Self.randomTransaction())
    }

    /// Lists a transport in `server_info.transports`; a second one with the same package replaces the first.
    public func registerTransport(_ descriptor: TransportDescriptor) {
        transportTable.withLock { table in
            table.removeAll { $0.package == descriptor.package }
            table.append(descriptor)
        }
    }

    /// `{"janus":"server_info","transaction":T,"name":"SwiftGate",…}` with Janus's keys where
    /// they apply to us and our own values: versions, `session-timeout`, `server-name`,
    /// `api_secret`, `event_handlers`, and the `transports`, `events` and `plugins` tables
    /// (`{package:{name,author,description,version_string,version}}`).
    func serverInfo(transaction: String?) -> JSONValue {
        var info: [String: JSONValue] = [
            "janus": "server_info",
            "name": .string(Self.productName),
            "version": .int(Int64(Self.version)),
            "version_string": .string(Self.versionString),
            "author": .string(Self.author),
            "accepting-new-sessions": .bool(runtime.withLock { $0.acceptingSessions }),
            "session-timeout": .int(Int64(currentSessionTimeout)),
            "reclaim-session-timeout": 0,
            "server-name": .string(settings.serverName),
            "api_secret": .bool(settings.apiSecret?.isEmpty == false),
            "auth_token": false,
            "event_handlers": .bool(events.enabled),
            "opaqueid_in_api": false,
            "transports": transportsTable(),
            "events": eventHandlersTable(),
            "loggers": [:],
            "plugins": pluginsTable(),
        ]
        if let transaction { info["transaction"] = .string(transaction) }
        return .object(info)
    }

    /// `server_info` as the core `started` event carries it (no transaction, as Janus).
    func startupInfo() -> JSONValue {
        serverInfo(transaction: nil)
    }

    private func transportsTable() -> JSONValue {
        let transports = transportTable.withLock { $0 }
        return .object(Dictionary(uniqueKeysWithValues: transports.map { transport in
            (transport.package, Self.describe(
                name: transport.name, author: transport.author, description: transport.description,
                versionString: transport.versionString, version: transport.version))
        }))
    }

    private func eventHandlersTable() -> JSONValue {
        .object(Dictionary(events.handlers.map { handler in
            (type(of: handler).package, Self.describe(
                name: handler.name, author: handler.author, description: handler.handlerDescription,
                versionString: handler.versionString, version: handler.version))
        }, uniquingKeysWith: { first, _ in first }))
    }

    private func pluginsTable() -> JSONValue {
        let plugins = pluginTable.withLock { $0 }
        return .object(plugins.mapValues { plugin in
            Self.describe(
                name: plugin.name, author: plugin.author, description: plugin.pluginDescription,
                versionString: plugin.versionString, version: plugin.version)
        })
    }

    private static func describe(name: String, author: String, description: String, versionString: String, version: Int) -> JSONValue {
        [
            "name": .string(name), "author": .string(author), "description": .string(description),
            "version_string": .string(versionString), "version": .int(Int64(version)),
        ]
    }

    /// A random 12-character alphanumeric transaction, as Janus generates for `GET /info`.
    static func randomTransaction() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

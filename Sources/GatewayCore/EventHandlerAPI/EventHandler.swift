import Logging

/// An event handler: receives the gateway's events and does something with them (the sample
/// handler POSTs them to an HTTP backend). Mirrors Janus's event handler interface.
///
/// Threads: `incomingEvent(_:)` is called on the dispatcher thread and must return at once:
/// enqueue the event on the handler's own bounded queue and deliver it from the handler's own
/// worker. Never block, sleep or do I/O in it. Every other method may be called from any thread.
/// - SeeAlso: Janus docs, "Event handler API".
public protocol EventHandler: AnyObject, Sendable {
    /// Package name, e.g. `janus.eventhandler.sampleevh`; also the config file's name stem.
    static var package: String { get }
    /// Human-readable name (`info` lists it).
    var name: String { get }
    /// Author, for `info`.
    var author: String { get }
    /// One-sentence description, for `info`.
    var handlerDescription: String { get }
    /// Numeric version, for `info`.
    var version: Int { get }
    /// Version as a string, for `info`.
    var versionString: String { get }

    /// Creates the handler from `<configsFolder>/<package>.jcfg`.
    /// - Returns: `nil` when the config disables the handler (`general.enabled = false`).
    /// - Throws: an error saying what is wrong with the configuration.
    init?(context: EventHandlerContext) throws

    /// Event types the handler wants now; the dispatcher rereads it after each Admin API request.
    var mask: EventTypeMask { get }

    /// Takes one event. Called on the dispatcher thread; must not block (see the type's doc).
    func incomingEvent(_ event: Event)

    /// Answers an Admin API `query_eventhandler` request (`request` is the request's `request` object).
    /// - Returns: the `response` object of the Admin API reply.
    func handleRequest(_ request: JSONValue) async -> JSONValue

    /// Delivers what is queued (within the handler's own bounded time), then stops its worker.
    func shutdown() async
}

/// What the gateway gives an event handler when creating it.
public struct EventHandlerContext: Sendable {
    /// Folder holding the `.jcfg` files (`-F`).
    public var configsFolder: String
    /// Logger to use, labelled for the handler.
    public var logger: Logger

    public init(configsFolder: String, logger: Logger) {
        self.configsFolder = configsFolder
        self.logger = logger
    }
}

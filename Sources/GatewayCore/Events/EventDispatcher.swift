import Logging
import Synchronization

// PLACEHOLDER (interface only): the events helper replaces the body with the bounded queue and
// the dispatcher thread. Signatures are the contract other modules code against.

/// Fans events out to event handlers.
public final class EventDispatcher: Sendable {
    public let emitter: String
    private let mask = Atomic<UInt32>(0)
    private let state = Mutex<[any EventHandler]>([])

    public init(emitter: String, enabled: Bool, capacity: Int = 65_536, logger: Logger) {
        self.emitter = emitter
    }

    public func register(_ handler: any EventHandler) { state.withLock { $0.append(handler) } }
    public var handlers: [any EventHandler] { state.withLock { $0 } }
    public func handler(package: String) -> (any EventHandler)? {
        handlers.first { type(of: $0).package == package }
    }
    public func start() {}
    public func refreshMask() {}
    @inline(__always) public func isEnabled(_ type: EventTypeMask) -> Bool {
        mask.load(ordering: .relaxed) & type.rawValue != 0
    }
    public func notify(
        type: EventTypeMask, session: SessionID? = nil, handle: HandleID? = nil, opaqueID: String? = nil,
        _ payload: @autoclosure () -> GatewayEvent
    ) {}
    public func shutdown() async {}
}

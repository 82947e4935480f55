import GatewayCore
import Synchronization

/// An event handler that keeps every event it receives, for asserting type and order.
/// Its Admin API request answers `{"echo":<request>}`; `{"request":"mute"}` sets its mask to none.
final class APIEventRecorder: EventHandler {
    static let package = "janus.eventhandler.apirecorder"
    let name = "API event recorder"
    let author = "SwiftGate tests"
    let handlerDescription = "Records events for the Gateway API tests."
    let version = 1
    let versionString = "0.0.1"

    private let state = Mutex<(mask: EventTypeMask, events: [Event])>((.all, []))

    init?(context: EventHandlerContext) throws {}
    init() {}

    var mask: EventTypeMask { state.withLock { $0.mask } }

    func incomingEvent(_ event: Event) {
        state.withLock { $0.events.append(event) }
    }

    func handleRequest(_ request: JSONValue) async -> JSONValue {
        if request["request"] == "mute" { state.withLock { $0.mask = .none } }
        return ["echo": request]
    }

    func shutdown() async {}

    /// Every event so far, in arrival order.
    var events: [Event] { state.withLock { $0.events } }

    /// Payloads of the events other than transport events, in arrival order.
    var payloads: [GatewayEvent] { events.map(\.payload) }

    /// Waits (up to 3 s, polling every 10 ms) until `predicate` holds for the events so far.
    /// - Returns: the events at that moment (or at the timeout, for the assertion to show).
    @discardableResult
    func waitUntil(_ predicate: ([Event]) -> Bool) async -> [Event] {
        for _ in 0..<300 {
            let snapshot = events
            if predicate(snapshot) { return snapshot }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return events
    }
}

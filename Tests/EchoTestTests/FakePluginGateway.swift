import GatewayCore
import Synchronization

/// A `PluginGateway` that records what the plugin asked for.
final class FakePluginGateway: PluginGateway {
    struct Push: Sendable, Equatable {
        let handle: HandleID
        let plugin: String
        let transaction: String?
        let body: JSONValue
        let jsep: JSONValue?
    }

    struct Notification: Sendable, Equatable {
        let plugin: String
        let handle: HandleID?
        let data: JSONValue
    }

    private let state = Mutex<(pushes: [Push], notifications: [Notification])>(([], []))
    private let subscribed: Bool
    /// Handles for which `pushEvent` fails with 459, as for a detached handle.
    private let goneHandles: Set<HandleID>

    init(eventsEnabled: Bool = true, goneHandles: Set<HandleID> = []) {
        subscribed = eventsEnabled
        self.goneHandles = goneHandles
    }

    var pushes: [Push] { state.withLock { $0.pushes } }
    var notifications: [Notification] { state.withLock { $0.notifications } }

    func pushEvent(_ handle: PluginHandle, plugin: String, transaction: String?, body: JSONValue, jsep: JSONValue?)
        throws(JanusError)
    {
        guard !goneHandles.contains(handle.handleID) else {
            throw JanusError(JanusError.handleNotFoundCode, "No such handle \(handle.handleID)")
        }
        let push = Push(handle: handle.handleID, plugin: plugin, transaction: transaction, body: body, jsep: jsep)
        state.withLock { $0.pushes.append(push) }
    }

    func closePeerConnection(_ handle: PluginHandle) {}
    func endSession(_ handle: PluginHandle) {}
    func eventsEnabled() -> Bool { subscribed }

    func notifyEvent(plugin: String, handle: PluginHandle?, data: @autoclosure () -> JSONValue) {
        guard subscribed else { return }
        let notification = Notification(plugin: plugin, handle: handle?.handleID, data: data())
        state.withLock { $0.notifications.append(notification) }
    }
}

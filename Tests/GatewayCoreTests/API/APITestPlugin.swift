import GatewayCore
import Synchronization

/// A plugin for the API tests (not EchoTest): records every callback and answers messages by
/// what the body asks for.
///
/// Body keys: `sync` → `.ok({"result":"sync"})`; `fail` → throws JanusError 499; `crash` → throws
/// a non-Janus error (the core maps it to 462); `badsync` → `.ok("not an object")`; `offer` →
/// ack, then pushes an event with a local offer; anything else → ack with hint "working", then
/// (from another task, as real plugins do) notifies a plugin event `{"seen":body}`, then pushes
/// `{"result":"ok"}` with an answer when the message carried an offer.
final class APITestPlugin: Plugin {
    static let package = "janus.plugin.apitest"
    let name = "API test plugin"
    let author = "SwiftGate tests"
    let pluginDescription = "Answers messages for the Gateway API tests."
    let version = 3
    let versionString = "0.0.3"

    /// Canned SDP with the lines the core checks (v=, o=, s=, m=).
    static let sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"

    let gateway: any PluginGateway
    /// Callbacks in call order: "create <hid>", "message <hid>", "hangup <hid>", "destroy <hid>".
    let calls = Mutex<[String]>([])

    init(configsFolder: String, gateway: any PluginGateway) throws {
        self.gateway = gateway
    }

    var callLog: [String] { calls.withLock { $0 } }

    private func record(_ call: String, _ handle: PluginHandle) {
        calls.withLock { $0.append("\(call) \(handle.handleID)") }
    }

    func createSession(_ handle: PluginHandle) throws {
        if handle.opaqueID == "refuse" { throw JanusError(499, "refused by the test plugin") }
        record("create", handle)
    }

    func handleMessage(_ handle: PluginHandle, transaction: String, body: JSONValue, jsep: JSONValue?) throws -> PluginResult {
        record("message", handle)
        if body["sync"] != nil { return .ok(["result": "sync"]) }
        if body["fail"] != nil { throw JanusError(499, "the test plugin failed") }
        if body["crash"] != nil { throw TestPluginCrash() }
        if body["badsync"] != nil { return .ok("not an object") }
        let reply: JSONValue? =
            if body["offer"] != nil { ["type": "offer", "sdp": .string(Self.sdp)] }
            else if jsep?["type"] == "offer" { ["type": "answer", "sdp": .string(Self.sdp)] }
            else { nil }
        let gateway = self.gateway
        Task {
            gateway.notifyEvent(plugin: Self.package, handle: handle, data: ["seen": body])
            try? gateway.pushEvent(handle, plugin: Self.package, transaction: transaction, body: ["result": "ok"], jsep: reply)
        }
        return .okWait(hint: "working")
    }

    func hangupMedia(_ handle: PluginHandle) {
        record("hangup", handle)
        try? gateway.pushEvent(handle, plugin: Self.package, transaction: nil, body: ["result": "done"], jsep: nil)
    }

    func destroySession(_ handle: PluginHandle) {
        record("destroy", handle)
    }

    func querySession(_ handle: PluginHandle) -> JSONValue {
        ["calls": .int(Int64(callLog.filter { $0.hasSuffix(" \(handle.handleID)") }.count))]
    }
}

struct TestPluginCrash: Error, CustomStringConvertible {
    var description: String { "test plugin crashed" }
}

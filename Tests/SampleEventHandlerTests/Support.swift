import Foundation
import GatewayCore
import Logging
import SampleEventHandler
import TestSupport

/// A session-created event for session `n`, timestamp `n` µs: distinct and easy to order.
func sessionEvent(_ n: Int) -> Event {
    Event(emitter: "test", timestamp: Int64(n), sessionID: SessionID(n), handleID: nil, opaqueID: nil,
          payload: .session(.created(transport: nil)))
}

/// A plugin event for session `n` carrying `filler` (used to make bodies large).
func pluginEvent(_ n: Int, filler: String) -> Event {
    Event(emitter: "test", timestamp: Int64(n), sessionID: SessionID(n), handleID: HandleID(n), opaqueID: nil,
          payload: .plugin(package: "janus.plugin.echotest", data: ["n": .int(Int64(n)), "filler": .string(filler)]))
}

/// Hex text from a seeded SplitMix64 generator: compresses to about half its size, no better.
func pseudoRandomHex(count: Int, seed: UInt64) -> String {
    var generator = SplitMix64(seed: seed)
    var text = ""
    text.reserveCapacity(count)
    while text.count < count {
        text += String(generator.next(), radix: 16)
    }
    return String(text.prefix(count))
}

/// A logger that stays quiet unless something is wrong.
let quietLogger: Logger = {
    var logger = Logger(label: "sampleevh-test")
    logger.logLevel = .critical
    return logger
}()

/// Settings for `backend` with fast retries unless the test says otherwise.
func testSettings(_ backend: String, configure: (inout SampleEventHandlerSettings) -> Void = { _ in }) -> SampleEventHandlerSettings {
    var settings = SampleEventHandlerSettings(backend: backend)
    settings.json = .compact
    settings.retransmissionsBackoff = 20
    configure(&settings)
    return settings
}

/// Reads `status.<path>` from a handler's `status` answer as an Int (-1 when absent).
func statusValue(_ handler: SampleEventHandler, _ path: String...) async -> Int {
    var value = await handler.handleRequest(["request": "status"])["status"]
    for key in path { value = value?[key] }
    return value?.intValue.map { Int($0) } ?? -1
}

/// The Janus JSON of `events` as the collector decodes it.
func expectedJSON(_ events: [Event]) -> [JSONValue] {
    events.map { $0.janusJSON() }
}

/// A temporary configs folder holding `janus.eventhandler.sampleevh.jcfg` with `text` (or no file).
func configsFolder(with text: String?) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sampleevh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if let text {
        try text.write(to: folder.appendingPathComponent("janus.eventhandler.sampleevh.jcfg"), atomically: true, encoding: .utf8)
    }
    return folder
}

import Foundation

/// Reads SDP fixtures from `Tests/Fixtures/sdp/`, located from this file's path so tests run from any directory.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sdp")

    /// Every fixture file name (`*.sdp`).
    static let names = [
        "aiortc-echotest-offer.sdp", "aiortc-trickle-offer.sdp",
        "janus-1.1.2-echotest-answer.sdp", "janus-1.1.2-trickle-answer.sdp",
        "chrome-156-offer.sdp", "firefox-121-offer.sdp", "firefox-esr-153-offer.sdp", "firefox-sipsorcery-offer.sdp", "safari-kvs-offer.sdp",
    ]

    /// The fixture's text, byte for byte.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

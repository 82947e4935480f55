import CompressNIO
import Foundation
import GatewayCore
import NIOCore

/// The body of one POST to the backend: the Janus JSON of a batch of events, gzipped or not.
struct PostBody: Equatable {
    /// The bytes to send.
    var bytes: [UInt8]
    /// Whether `bytes` is a gzip member (send `Content-Encoding: gzip`).
    var gzipped: Bool

    /// Serializes `events` in `format`: a JSON array when `grouped` (even for one event, as
    /// sampleevh does with `grouping = true`), else the one event's bare object.
    /// With `compressionLevel` (zlib 0–9) the JSON is gzipped whatever its size; should gzip
    /// fail (out of memory), the plain JSON is sent instead and `gzipped` is false.
    /// - Precondition: `grouped` or `events.count == 1`.
    init(events: [Event], grouped: Bool, format: JSONFormat, compressionLevel: Int?) {
        precondition(grouped || events.count == 1, "an ungrouped POST carries exactly one event")
        let document: JSONValue = grouped ? .array(events.map { $0.janusJSON() }) : events[0].janusJSON()
        let json = document.serialized(format)
        if let compressionLevel, let compressed = try? Self.gzip(json, level: compressionLevel) {
            bytes = compressed
            gzipped = true
        } else {
            bytes = Array(json)
            gzipped = false
        }
    }

    /// `data` as one gzip member (RFC 1952) at zlib `level` (clamped to 0–9).
    /// - Throws: `CompressNIOError` when zlib fails (it only does when out of memory).
    static func gzip(_ data: Data, level: Int) throws -> [UInt8] {
        var input = ByteBuffer(bytes: data)
        let configuration = ZlibConfiguration(windowSize: 15, compressionLevel: Int32(min(max(level, 0), 9)), memoryLevel: 8)
        let output = try input.compress(with: .gzip(configuration: configuration))
        return Array(output.readableBytesView)
    }
}

import CompressNIO
import Foundation
import GatewayCore
import NIOCore
import Testing

@testable import SampleEventHandler

@Suite("POST body")
struct PostBodyTests {
    @Test("without grouping the body is the event's bare object")
    func ungroupedIsObject() throws {
        let event = sessionEvent(7)
        let body = PostBody(events: [event], grouped: false, format: .compact, compressionLevel: nil)
        #expect(!body.gzipped)
        #expect(try JSONValue.parse(body.bytes) == event.janusJSON())
    }

    @Test("with grouping the body is an array, even for one event")
    func groupedIsArray() throws {
        let one = PostBody(events: [sessionEvent(1)], grouped: true, format: .compact, compressionLevel: nil)
        #expect(try JSONValue.parse(one.bytes) == .array([sessionEvent(1).janusJSON()]))
        let three = PostBody(events: [1, 2, 3].map(sessionEvent), grouped: true, format: .indented, compressionLevel: nil)
        #expect(try JSONValue.parse(three.bytes) == .array([1, 2, 3].map { sessionEvent($0).janusJSON() }))
        #expect(three.bytes.first == UInt8(ascii: "["))
    }

    @Test("json layout: indented has newlines, compact has none")
    func layouts() {
        let indented = PostBody(events: [sessionEvent(1)], grouped: false, format: .indented, compressionLevel: nil)
        let compact = PostBody(events: [sessionEvent(1)], grouped: false, format: .compact, compressionLevel: nil)
        #expect(indented.bytes.contains(UInt8(ascii: "\n")))
        #expect(!compact.bytes.contains(UInt8(ascii: "\n")))
    }

    @Test("gzip at every level 0-9 decompresses to the same JSON", arguments: 0...9)
    func gzipRoundTrip(level: Int) throws {
        let events = (0..<20).map { pluginEvent($0, filler: pseudoRandomHex(count: 300, seed: UInt64($0))) }
        let plain = PostBody(events: events, grouped: true, format: .compact, compressionLevel: nil)
        let packed = PostBody(events: events, grouped: true, format: .compact, compressionLevel: level)
        #expect(packed.gzipped)
        #expect(packed.bytes.prefix(2) == [0x1F, 0x8B])  // gzip magic, RFC 1952 §2.3.1
        var buffer = ByteBuffer(bytes: packed.bytes)
        let unpacked = try buffer.decompress(with: .gzip())
        #expect(Array(unpacked.readableBytesView) == plain.bytes)
    }

    @Test("gzip output over 8 KB is kept whole (Janus 1.1.2 drops it)")
    func largeGzip() throws {
        let events = (0..<60).map { pluginEvent($0, filler: pseudoRandomHex(count: 600, seed: UInt64($0))) }
        let packed = PostBody(events: events, grouped: true, format: .compact, compressionLevel: 6)
        #expect(packed.bytes.count > 8192)
        var buffer = ByteBuffer(bytes: packed.bytes)
        let unpacked = try buffer.decompress(with: .gzip())
        #expect(try JSONValue.parse(Array(unpacked.readableBytesView)) == .array(events.map { $0.janusJSON() }))
    }
}

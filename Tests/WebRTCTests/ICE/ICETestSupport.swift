import Dispatch
import Foundation
import MediaLoopback
import Synchronization
@testable import WebRTC

/// ICE settings for every test: loopback only (enforce "lo"), IPv4.
let loopbackICE = ICEConfiguration(enforceList: ["lo"])

struct TestTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out: \(what)" }
}

/// Runs `body` on `loop` and waits for its result, at most `seconds`.
func onLoop<T: Sendable>(
    _ loop: MediaLoop, seconds: Double = 5, _ body: @escaping @Sendable () throws(ICEError) -> T
) throws -> T {
    try loop.sync(timeoutSeconds: seconds) { () -> Result<T, ICEError> in
        do throws(ICEError) { return .success(try body()) } catch { return .failure(error) }
    }.get()
}

/// Polls `condition` until it holds or `seconds` pass; returns whether it held.
func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
    PeerConnectionPair.wait(seconds: seconds, condition)
}

/// The port of a `candidate:` string (6th field).
func candidatePort(_ candidate: String) -> UInt16? {
    let fields = candidate.split(separator: " ")
    return fields.count > 5 ? UInt16(fields[5]) : nil
}

/// A test datagram: RTP-like first byte 0x80 (so not STUN), a 0xAA marker, a 16-bit sequence, padding.
func testDatagram(_ sequence: UInt16, size: Int = 100) -> [UInt8] {
    var bytes = [UInt8](repeating: 0x55, count: size)
    bytes[0] = 0x80
    bytes[1] = 0xAA
    bytes[2] = UInt8(sequence >> 8)
    bytes[3] = UInt8(sequence & 0xFF)
    return bytes
}

/// Sends raw datagrams to 127.0.0.1:`port` from a plain UDP socket bound to 127.0.0.1.
func sendRawUDP(_ datagrams: [[UInt8]], toLoopbackPort port: UInt16) -> Int {
    let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var sent = 0
    for datagram in datagrams {
        let rc = datagram.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(fd, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        if rc == datagram.count { sent += 1 }
    }
    return sent
}

/// A UDP port on 127.0.0.1 that was free a moment ago and is now closed.
func closedLoopbackPort() -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
}

/// Whether `/proc/self/task/<tid>` exists, i.e. the thread is alive.
func threadExists(_ tid: Int32) -> Bool {
    FileManager.default.fileExists(atPath: "/proc/self/task/\(tid)")
}

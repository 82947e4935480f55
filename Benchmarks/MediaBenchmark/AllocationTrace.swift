import ArgumentParser
import Foundation
import MallocInterposerSwift
import MediaLoopback
import Synchronization
import WebRTC

#if canImport(Glibc)
import Glibc
#endif

/// Prints the call stacks of the first allocations made while RTP is being echoed, to find what
/// allocates on the hot path (run with the malloc counter preloaded, as for `echo`).
struct AllocationTrace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alloc-trace", abstract: "Call stacks of allocations during the echo (diagnosis).")

    @Option(help: "How many allocation stacks to print.")
    var stacks: Int = 8

    func run() throws {
        MallocInterposerSwift.initialize()
        let pair = try PeerConnectionPair()
        defer { pair.stop() }
        guard PeerConnectionPair.wait(seconds: 10, {
            pair.gatewaySide.record.withLock { $0.connected } && pair.peerSide.record.withLock { $0.connected }
        }) else { throw ValidationError("no connection") }
        let sender = PacedSender(
            side: pair.peerSide, track: 1, payloadType: 96, ssrc: 0x2222, size: 1_100, packetsPerSecond: 2_000,
            durationSeconds: 2)
        try sender.start()
        Thread.sleep(forTimeInterval: 0.5)
        withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: 4) { _ = Backtrace.capture($0.baseAddress, 4) }
        traceBudget.store(stacks, ordering: .relaxed)
        MallocInterposerSwift.setAllocationHook(allocationHook)
        MallocInterposerSwift.hook()
        Thread.sleep(forTimeInterval: 0.5)
        MallocInterposerSwift.unhook()
        MallocInterposerSwift.setAllocationHook(nil)
        _ = PeerConnectionPair.wait(seconds: 5) { (try? pair.peerSide.sync { sender.finished }) ?? false }
    }
}

private let traceBudget = Atomic<Int>(0)

/// Prints one stack per allocation while the budget lasts; writes with `backtrace_symbols_fd`, which
/// does not allocate.
private let allocationHook: MallocInterposerSwift.AllocationHook = { _ in
    guard traceBudget.load(ordering: .relaxed) > 0 else { return }
    withUnsafeTemporaryAllocation(of: UnsafeMutableRawPointer?.self, capacity: 16) { frames in
        let count = Backtrace.capture(frames.baseAddress, 16)
        guard traceBudget.subtract(1, ordering: .relaxed).oldValue > 0 else { return }
        _ = write(2, "--- allocation\n", 15)
        Backtrace.print(frames.baseAddress, count, 2)
    }
}

/// glibc's `backtrace` and `backtrace_symbols_fd` (execinfo.h, not in Swift's Glibc module), by symbol lookup.
private enum Backtrace {
    typealias Capture = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32) -> Int32
    typealias Print = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32, Int32) -> Void
    static let capture = unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "backtrace"), to: Capture.self)
    static let print = unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "backtrace_symbols_fd"), to: Print.self)
}

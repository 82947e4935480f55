import ArgumentParser
import Foundation
import MallocInterposerSwift
import MediaLoopback
import WebRTC

/// `swiftgate-media-bench`: measurements of the media hot path (not tests; they print numbers).
///
/// Build in release mode and preload the malloc counter so allocations are counted:
/// `swift build -c release --product swiftgate-media-bench`, then
/// `LD_PRELOAD=.build/release/libMallocInterposerSwift.so .build/release/swiftgate-media-bench echo`.
@main
struct MediaBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftgate-media-bench",
        abstract: "Measures SwiftGate's media path: SRTP per packet, and RTP echoed through a PeerConnection over loopback.",
        subcommands: [SRTPCost.self, EchoLoop.self, AllocationTrace.self]
    )
}

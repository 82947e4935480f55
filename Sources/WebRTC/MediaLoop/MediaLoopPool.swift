import Synchronization

/// A fixed pool of media loops (Janus `event_loops` in janus.jcfg: default one per core); new
/// handles are spread over them round robin.
///
/// - SeeAlso: DESIGN.md "Threads and the hot path".
public final class MediaLoopPool: Sendable {
    /// The loops, in creation order; named `<namePrefix>-0`, `<namePrefix>-1`, ...
    public let loops: [MediaLoop]
    private let cursor = Atomic<UInt>(0)

    /// Starts `count` loops.
    ///
    /// - Throws: `ICEError.invalidConfiguration` when `count < 1`; `ICEError.loopStartFailed` when a
    ///   loop does not start (the loops already started are stopped again).
    public init(count: Int, namePrefix: String = "media-loop") throws(ICEError) {
        guard count >= 1 else { throw ICEError(.invalidConfiguration, "event_loops must be at least 1, got \(count)") }
        var loops: [MediaLoop] = []
        for index in 0..<count {
            do {
                loops.append(try MediaLoop(name: "\(namePrefix)-\(index)"))
            } catch {
                loops.forEach { $0.stop() }
                throw error
            }
        }
        self.loops = loops
    }

    /// The loop for the next handle, round robin.
    public func next() -> MediaLoop {
        let ticket = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
        return loops[Int(ticket % UInt(loops.count))]
    }

    /// Stops every loop (each join is bounded by `MediaLoop.startStopTimeoutMilliseconds`). Idempotent.
    public func stop() {
        loops.forEach { $0.stop() }
    }
}

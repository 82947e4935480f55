import CNice
import Synchronization

/// One unit of work posted to a media loop: runs at most once; if it is released without having
/// run (the loop stopped first), `onDiscard` runs instead, on the releasing thread.
///
/// Checked `Sendable`: its only mutable state sits in a `Mutex`.
final class MediaLoopWork: Sendable {
    private let work: Mutex<(@Sendable () -> Void)?>
    private let onDiscard: (@Sendable () -> Void)?

    init(_ work: @escaping @Sendable () -> Void, onDiscard: (@Sendable () -> Void)? = nil) {
        self.work = Mutex(work)
        self.onDiscard = onDiscard
    }

    /// Runs the work if it has not run yet (called on the loop thread).
    func run() {
        let body = work.withLock { work in
            defer { work = nil }
            return work
        }
        body?()
    }

    deinit {
        if work.withLock({ $0 != nil }) { onDiscard?() }
    }

    /// Attaches `self` to `context` as a default-priority idle source that runs it once.
    ///
    /// The source holds a +1 reference, released by its `GDestroyNotify` after it ran, when it is
    /// destroyed, or when the context is freed.
    func attach(to context: OpaquePointer) {
        guard let source = g_idle_source_new() else { preconditionFailure("g_idle_source_new returned NULL (out of memory)") }
        g_source_set_priority(source, G_PRIORITY_DEFAULT)
        g_source_set_callback(
            source,
            { userData in
                Unmanaged<MediaLoopWork>.fromOpaque(userData!).takeUnretainedValue().run()
                return 0  // G_SOURCE_REMOVE: one shot
            },
            Unmanaged.passRetained(self).toOpaque(),
            { userData in Unmanaged<MediaLoopWork>.fromOpaque(userData!).release() }
        )
        g_source_attach(source, context)
        g_source_unref(source)
    }
}

import CNice

/// A one-shot or repeating timer on a media loop (a GLib timeout source), returned by
/// `MediaLoop.schedule(afterMicroseconds:repeating:_:)`.
///
/// Dropping the timer does not cancel it; call `cancel()`.
/// - Important: confined to its loop: call `cancel()` on the loop thread.
public final class MediaLoopTimer {
    /// The loop the timer runs on.
    public let loop: MediaLoop
    // A +1 reference on the GSource, so `cancel()` stays valid after the source fired or was destroyed.
    private let source: UnsafeMutablePointer<GSource>

    init(loop: MediaLoop, source: UnsafeMutablePointer<GSource>) {
        self.loop = loop
        self.source = source
    }

    deinit { g_source_unref(source) }

    /// Stops the timer; its body will not run again. Idempotent.
    public func cancel() {
        loop.preconditionInLoop("MediaLoopTimer.cancel")
        g_source_destroy(source)
    }

    /// Whether the timer may still fire: false after `cancel()`, after a one-shot fired, or after a
    /// repeating body returned `false`.
    public var isActive: Bool { g_source_is_destroyed(source) == 0 }
}

/// The body of a timer and whether it repeats; the GSource's user data.
private final class MediaLoopTimerBody {
    let body: () -> Bool
    let repeating: Bool

    init(body: @escaping () -> Bool, repeating: Bool) {
        self.body = body
        self.repeating = repeating
    }
}

extension MediaLoop {
    /// Runs `body` on the loop thread after `afterMicroseconds` µs, once or, when `repeating`,
    /// every `afterMicroseconds` µs until it returns `false` or the timer is cancelled.
    ///
    /// - Units: microseconds; GLib timers tick in whole milliseconds, so the interval is rounded up
    ///   to the next millisecond (0 fires on the next loop iteration).
    /// - Important: call on the loop thread (the body is not `Sendable`: it may touch loop-confined state).
    public func schedule(afterMicroseconds: Int64, repeating: Bool, _ body: @escaping () -> Bool) -> MediaLoopTimer {
        preconditionInLoop("MediaLoop.schedule")
        let milliseconds = UInt32(clamping: (max(0, afterMicroseconds) + 999) / 1000)
        guard let source = g_timeout_source_new(milliseconds) else {
            preconditionFailure("g_timeout_source_new returned NULL (out of memory)")
        }
        let box = MediaLoopTimerBody(body: body, repeating: repeating)
        g_source_set_callback(
            source,
            { userData in
                let box = Unmanaged<MediaLoopTimerBody>.fromOpaque(userData!).takeUnretainedValue()
                let again = box.body()
                return box.repeating && again ? 1 : 0  // G_SOURCE_CONTINUE : G_SOURCE_REMOVE
            },
            Unmanaged.passRetained(box).toOpaque(),
            { userData in Unmanaged<MediaLoopTimerBody>.fromOpaque(userData!).release() }
        )
        g_source_attach(source, context)
        return MediaLoopTimer(loop: self, source: source)
    }
}

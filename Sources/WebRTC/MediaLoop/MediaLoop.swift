import CGLibShims
import CNice
import Dispatch
import Glibc
import Synchronization

/// One media-loop thread: a GLib main loop running on its own `GMainContext`, which the thread
/// pushes as its thread-default context. The ICE agents of the handles assigned to this loop, and
/// all of their per-packet work (receive, demux, SRTP, plugin, send), run on this thread.
///
/// - Important: a loop that is never stopped keeps its thread (and itself) alive: call `stop()`.
/// - SeeAlso: DESIGN.md "Threads and the hot path"; GLib `GMainContext` / `GMainLoop`.
// @unchecked Sendable: the GLib context and loop are thread-safe GLib objects (their own locks);
// every Swift-side mutable value is an `Atomic` or sits in a `Mutex`.
public final class MediaLoop: @unchecked Sendable {
    /// The name given at creation; the thread's Linux name is its first 15 bytes.
    public let name: String
    /// The loop's `GMainContext *`; libnice agents and recv callbacks are attached to it.
    let context: OpaquePointer
    private let mainLoop: OpaquePointer
    /// The epoll set behind this loop's poll function (see `MediaLoop+SocketPoll.swift`); nil when
    /// epoll could not be set up, and the loop then polls every socket with GLib's `g_poll`.
    let socketPoll: OpaquePointer?
    private let thread = Mutex<pthread_t?>(nil)
    private let ownerThread = Atomic<UInt>(0)
    private let linuxThreadID = Atomic<Int32>(0)
    private let stopped = Atomic<Bool>(false)

    /// How long `init` waits for the thread to run its loop, and `stop()` to join it: 5000 ms.
    public static let startStopTimeoutMilliseconds: UInt32 = 5000

    /// Starts the thread and returns once its GLib loop is running.
    ///
    /// - Parameter name: a label for logs and for the thread name (`/proc/self/task/<tid>/comm`).
    /// - Throws: `ICEError.loopStartFailed` when the thread cannot be created or its loop does not
    ///   start within `startStopTimeoutMilliseconds`.
    public init(name: String) throws(ICEError) {
        self.name = name
        guard let context = g_main_context_new() else { throw ICEError(.loopStartFailed, "g_main_context_new failed") }
        self.context = context
        self.mainLoop = g_main_loop_new(context, 0)
        self.socketPoll = cglib_media_poll_new()
        let started = DispatchSemaphore(value: 0)
        // Runs once the loop dispatches, so `init` returns only when the loop really runs.
        MediaLoopWork({ started.signal() }).attach(to: context)
        var handle = pthread_t()
        let retained = Unmanaged.passRetained(self).toOpaque()
        let rc = pthread_create(&handle, nil, { argument in
            // The thread owns a +1 reference until its loop returns.
            Unmanaged<MediaLoop>.fromOpaque(argument!).takeRetainedValue().runOnThisThread()
            return nil
        }, retained)
        guard rc == 0 else {
            Unmanaged<MediaLoop>.fromOpaque(retained).release()
            throw ICEError(.loopStartFailed, "pthread_create failed with errno \(rc)")
        }
        thread.withLock { $0 = handle }
        let bound = DispatchTime.now() + .milliseconds(Int(Self.startStopTimeoutMilliseconds))
        guard started.wait(timeout: bound) == .success else {
            stop()
            throw ICEError(.loopStartFailed, "loop \(name) did not start within \(Self.startStopTimeoutMilliseconds) ms")
        }
    }

    deinit {
        // Reached only after the thread returned (it holds a reference while it runs). Freeing the
        // context destroys sources still attached, which releases (discards) their posted work.
        g_main_loop_unref(mainLoop)
        cglib_media_poll_free(socketPoll)
        g_main_context_unref(context)
    }

    private func runOnThisThread() {
        cglib_set_current_thread_name(name)
        g_main_context_push_thread_default(context)
        ownerThread.store(UInt(pthread_self()), ordering: .releasing)
        linuxThreadID.store(cglib_current_thread_id(), ordering: .releasing)
        if let socketPoll { cglib_media_poll_install(socketPoll, context) }
        g_main_loop_run(mainLoop)
        if socketPoll != nil { cglib_media_poll_uninstall(context) }
        ownerThread.store(0, ordering: .releasing)
        g_main_context_pop_thread_default(context)
    }

    /// Whether the caller runs on this loop's thread (while the loop runs). Cheap: one relaxed
    /// atomic load and `pthread_self()`, so it can guard hot-path code in assertions.
    public var isCurrentThread: Bool {
        ownerThread.load(ordering: .relaxed) == UInt(pthread_self())
    }

    /// Whether `stop()` has been called. Work posted after that is discarded.
    public var isStopped: Bool { stopped.load(ordering: .acquiring) }

    /// The Linux thread id (TID) of the loop thread: `/proc/self/task/<threadID>` exists while it runs.
    /// The value stays readable after `stop()`.
    public var threadID: Int32 { linuxThreadID.load(ordering: .acquiring) }

    /// Traps unless the caller runs on this loop's thread: the check for loop-confined state.
    public func preconditionInLoop(_ what: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
        precondition(isCurrentThread, "\(what()) must run on media loop \(name)", file: file, line: line)
    }

    /// Posts `work` to run on the loop thread, always asynchronously (also when called on the loop
    /// thread), in posting order among work of the same priority (`G_PRIORITY_DEFAULT`).
    ///
    /// Work posted after `stop()`, or still queued when the loop stops, never runs; it is released.
    public func invoke(_ work: @escaping @Sendable () -> Void) {
        post(MediaLoopWork(work))
    }

    /// Runs `work` on the loop thread and returns its result to the awaiting task.
    ///
    /// - Throws: `ICEError.loopStopped` when the loop stopped before the work ran.
    public func submit<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(ICEError) -> T {
        let name = self.name
        let result: Result<T, ICEError> = await withCheckedContinuation { continuation in
            post(MediaLoopWork(
                { continuation.resume(returning: .success(work())) },
                onDiscard: { continuation.resume(returning: .failure(ICEError(.loopStopped, "loop \(name) stopped"))) }))
        }
        return try result.get()
    }

    /// Runs `work` on the loop thread and waits for its result, blocking the caller at most
    /// `timeoutSeconds`; on the loop thread itself it runs `work` inline. For control-plane threads
    /// (HTTP requests, plugin queues, tests), never for async tasks (use `submit`).
    ///
    /// - Throws: `ICEError.loopStopped` when the loop stopped before the work ran, `.loopTimeout` when
    ///   it did not finish in time (it may still run later).
    public func sync<T: Sendable>(
        timeoutSeconds: Double = 5, _ work: @escaping @Sendable () -> T
    ) throws(ICEError) -> T {
        if isCurrentThread { return work() }
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<T, ICEError>?>(nil)
        let name = self.name
        post(MediaLoopWork(
            {
                let value = work()
                result.withLock { $0 = .success(value) }
                done.signal()
            },
            onDiscard: {
                result.withLock { $0 = .failure(ICEError(.loopStopped, "loop \(name) stopped")) }
                done.signal()
            }))
        guard done.wait(timeout: .now() + timeoutSeconds) == .success, let outcome = result.withLock({ $0 })
        else { throw ICEError(.loopTimeout, "work on loop \(name) took longer than \(timeoutSeconds) s") }
        return try outcome.get()
    }

    /// Attaches `work` to the loop, or drops it (running its `onDiscard`) when the loop is stopped.
    func post(_ work: MediaLoopWork) {
        guard !isStopped else { return }  // dropping the last reference discards it
        work.attach(to: context)
    }

    /// Quits the loop and joins its thread, waiting at most `startStopTimeoutMilliseconds`.
    ///
    /// Idempotent. Called on the loop thread itself, it cannot join: the thread is detached and ends
    /// when the current callback returns. Agents still open on the loop should be closed first.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        g_main_loop_quit(mainLoop)
        guard let handle = thread.withLock({ handle in defer { handle = nil }; return handle }) else { return }
        if pthread_equal(handle, pthread_self()) != 0 {
            pthread_detach(handle)
            return
        }
        if cglib_thread_join_within(handle, Self.startStopTimeoutMilliseconds) != 0 {
            pthread_detach(handle)  // still running a long callback; it will end on its own
        }
    }
}

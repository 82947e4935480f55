import CGLibShims

/// The media sockets of a loop, watched through one epoll set.
///
/// GLib's default poll function hands the kernel every descriptor of the context on every
/// wake-up, and `poll(2)` costs time linear in their number: with 64 PeerConnections on a loop
/// that was about 10 % of the gateway's CPU at 128 calls (BENCHMARKS.md). Each PeerConnection's
/// selected ICE socket is therefore registered here once ICE selects it: the loop's poll function
/// (installed when the loop thread starts) keeps those sockets in an epoll set and polls only
/// GLib's other descriptors and the epoll descriptor. GLib's sources and dispatch are unchanged.
extension MediaLoop {
    /// Watches `fd`, a socket some source of this loop's context polls, through epoll from the next
    /// iteration on. Call on the loop thread, and `unregisterMediaSocket` before the socket closes.
    /// - Returns: false when the loop has no epoll set or is out of memory (the socket then stays
    ///   with plain poll, which is correct, only slower).
    @discardableResult
    func registerMediaSocket(_ fd: Int32) -> Bool {
        preconditionInLoop("registerMediaSocket")
        guard let socketPoll else { return false }
        return cglib_media_poll_add(socketPoll, fd) == 0
    }

    /// Stops watching `fd` through epoll (idempotent). Call on the loop thread or after it stopped.
    func unregisterMediaSocket(_ fd: Int32) {
        precondition(isCurrentThread || isStopped, "unregisterMediaSocket must run on media loop \(name)")
        guard let socketPoll else { return }
        cglib_media_poll_remove(socketPoll, fd)
    }

    /// How many sockets are registered (loop thread, tests).
    var mediaSocketCount: Int {
        guard let socketPoll else { return 0 }
        return Int(cglib_media_poll_count(socketPoll))
    }

    /// Wake-ups with something ready since the loop started, counted while at least one media
    /// socket is registered (loop thread, tests and benchmarks).
    var mediaPollWakeups: UInt64 {
        guard let socketPoll else { return 0 }
        return UInt64(cglib_media_poll_wakeups(socketPoll))
    }
}

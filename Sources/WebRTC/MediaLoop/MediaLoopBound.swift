/// Carries a loop-confined, non-`Sendable` value (an `ICEAgent`, a handle's media state) across
/// threads, and gives access to it only on its loop's thread (cf. SwiftNIO's `NIOLoopBound`).
///
/// - Important: create it on the loop thread; `value` traps when read elsewhere.
// @unchecked Sendable: the wrapped value is only reachable on `loop`'s thread (checked on access).
public struct MediaLoopBound<Value>: @unchecked Sendable {
    /// The loop that owns the value.
    public let loop: MediaLoop
    private let wrapped: Value

    /// Wraps `value`, which belongs to `loop`. Call on the loop thread.
    public init(_ value: Value, loop: MediaLoop) {
        loop.preconditionInLoop("MediaLoopBound.init")
        self.loop = loop
        self.wrapped = value
    }

    /// The wrapped value; traps unless called on the loop thread.
    public var value: Value {
        loop.preconditionInLoop("MediaLoopBound.value")
        return wrapped
    }
}

import Synchronization

/// The EchoTest state of one handle, guarded by its own lock (so handles never contend).
final class EchoTestSession: Sendable {
    /// What the client asked for; reset by a hangup.
    struct State: Sendable, Equatable {
        /// Echo audio back (`audio`).
        var audioActive = true
        /// Echo video back (`video`).
        var videoActive = true
        /// Video bitrate cap in bits per second asked through REMB (`bitrate`); 0 = no cap.
        var bitrate = 0
        /// Preferred audio codec for the answer (`audiocodec`), used by the media path.
        var audioCodec: String?
        /// Preferred video codec for the answer (`videocodec`), used by the media path.
        var videoCodec: String?
    }

    private let state = Mutex(State())
    /// Hot-path copies of `audioActive`/`videoActive`/`bitrate`, read per packet without the lock.
    let audioActive = Atomic<Bool>(true)
    let videoActive = Atomic<Bool>(true)
    let bitrate = Atomic<Int>(0)
    /// `EchoSequence` of each medium, packed; written only on the handle's media loop.
    let audioSequence = Atomic<UInt64>(0)
    let videoSequence = Atomic<UInt64>(0)
    /// Set while a hangup is being processed, so a second hangup is a no-op.
    let hangingUp = Atomic<Bool>(false)
    /// Set once the handle is detached; queued messages for it are then dropped.
    let destroyed = Atomic<Bool>(false)

    /// A copy of the current state.
    var snapshot: State { state.withLock { $0 } }

    /// Applies a validated request and returns the new state.
    func apply(_ request: EchoTestRequest) -> State {
        state.withLock { state in
            if let audio = request.audio { state.audioActive = audio }
            if let video = request.video { state.videoActive = video }
            if let bitrate = request.bitrate { state.bitrate = bitrate }
            if let codec = request.audioCodec { state.audioCodec = codec }
            if let codec = request.videoCodec { state.videoCodec = codec }
            mirror(state)
            return state
        }
    }

    /// The sequence continuity of one medium (media loop only).
    func sequence(video: Bool) -> EchoSequence {
        EchoSequence(packed: video ? videoSequence.load(ordering: .relaxed) : audioSequence.load(ordering: .relaxed))
    }

    /// Stores it back (media loop only).
    func store(_ sequence: EchoSequence, video: Bool) {
        if video {
            videoSequence.store(sequence.packed, ordering: .relaxed)
        } else {
            audioSequence.store(sequence.packed, ordering: .relaxed)
        }
    }

    /// Back to the attach-time state (after a hangup).
    func reset() {
        state.withLock { state in
            state = State()
            mirror(state)
        }
        audioSequence.store(0, ordering: .relaxed)
        videoSequence.store(0, ordering: .relaxed)
    }

    private func mirror(_ state: State) {
        audioActive.store(state.audioActive, ordering: .releasing)
        videoActive.store(state.videoActive, ordering: .releasing)
        bitrate.store(state.bitrate, ordering: .releasing)
    }
}

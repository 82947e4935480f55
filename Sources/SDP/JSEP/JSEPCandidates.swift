/// One `a=candidate` line of a description, with the m-line it was in.
///
/// Wire: `a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type> ...`
/// inside an `m=` section; `candidate.description` is the `candidate:...` text a trickle carries.
/// - SeeAlso: RFC 8839 §5.1; RFC 8840 §4.1 (m-line index and mid identify the section).
public struct JSEPCandidate: Hashable, Sendable {
    /// The m-line's index (0-based, the `sdpMLineIndex`).
    public var mLineIndex: Int
    /// The m-line's `a=mid`, if it has one.
    public var mid: String?
    /// The candidate.
    public var candidate: ICECandidate

    /// Creates a located candidate.
    public init(mLineIndex: Int, mid: String?, candidate: ICECandidate) {
        self.mLineIndex = mLineIndex
        self.mid = mid
        self.candidate = candidate
    }
}

/// The candidates a description carries: Janus answers half-trickle, with its candidates in the answer.
///
/// - SeeAlso: RFC 8839 §5.1 (`a=candidate`); RFC 8840 §8.2 (`a=end-of-candidates`); RFC 8843 §5 (with
///   BUNDLE every bundled m-line repeats the same candidates, so `distinct` is what to add once).
public struct JSEPCandidates: Hashable, Sendable {
    /// Every `a=candidate`, in m-line order then line order.
    public var candidates: [JSEPCandidate]
    /// Whether any m-line (or the session) says `a=end-of-candidates`: the peer has no more to trickle.
    public var endOfCandidates: Bool

    /// Creates a candidate list.
    public init(candidates: [JSEPCandidate], endOfCandidates: Bool) {
        self.candidates = candidates
        self.endOfCandidates = endOfCandidates
    }

    /// The candidates without repeats, in first-seen order (with BUNDLE, each m-line repeats the same ones).
    public var distinct: [ICECandidate] {
        var out: [ICECandidate] = []
        for item in candidates where !out.contains(item.candidate) { out.append(item.candidate) }
        return out
    }
}

extension JSEPOfferer {
    /// The `a=candidate` lines of `answer` (any description works) and whether `a=end-of-candidates` was
    /// present. A description needs no checking for this; malformed candidate lines never get this far,
    /// as `SessionDescription(parsing:)` already threw `SDPParseError` for them.
    public static func candidates(in answer: SessionDescription) -> JSEPCandidates {
        var found: [JSEPCandidate] = []
        for (index, section) in answer.media.enumerated() {
            found += section.candidates.map { JSEPCandidate(mLineIndex: index, mid: section.mid, candidate: $0) }
        }
        let end = answer.attributes.contains(.endOfCandidates) || answer.media.contains { $0.hasEndOfCandidates }
        return JSEPCandidates(candidates: found, endOfCandidates: end)
    }
}

// Checking the offerer's own parameters, so that every offer it writes parses back.
extension JSEPOfferer {
    /// Throws `.badLocalParameters` naming the first unusable parameter (see `init`).
    static func check(
        iceUfrag: String, icePwd: String, fingerprints: [Fingerprint], cname: String, media: [JSEPOfferMedia]
    ) throws(JSEPError) {
        func bad(_ message: String) -> JSEPError { JSEPError(.badLocalParameters, message) }
        guard Tokens.isWord(iceUfrag) else { throw bad("local ICE ufrag is empty or holds white space") }
        guard Tokens.isWord(icePwd) else { throw bad("local ICE pwd is empty or holds white space") }
        guard !fingerprints.isEmpty, fingerprints.allSatisfy({ Tokens.isWord($0.hashFunction) && !$0.bytes.isEmpty })
        else { throw bad("no usable local DTLS fingerprint") }
        guard Tokens.isWord(cname) else { throw bad("the cname is empty or holds white space") }
        guard !media.isEmpty else { throw bad("no media to offer") }
        var ssrcs: Set<UInt32> = []
        for (index, item) in media.enumerated() {
            try check(item, place: "m-line \(index) (\(item.kind.token))")
            for ssrc in [item.ssrc] + (item.rtxSSRC.map { [$0] } ?? []) {
                guard ssrcs.insert(ssrc).inserted else { throw bad("m-line \(index): SSRC \(ssrc) is used twice") }
            }
        }
    }

    private static func check(_ item: JSEPOfferMedia, place: String) throws(JSEPError) {
        func bad(_ message: String) -> JSEPError { JSEPError(.badLocalParameters, "\(place): \(message)") }
        guard item.kind == .audio || item.kind == .video else { throw bad("only audio or video can be offered") }
        guard item.codec.mediaType == item.kind else { throw bad("\(item.codec.encodingName) is not \(item.kind.token)") }
        guard item.payloadType <= 127, (item.rtxPayloadType ?? 0) <= 127, item.rtxPayloadType != item.payloadType
        else { throw bad("payload type above 127, or the RTX payload type equals the codec's") }
        guard item.rtxSSRC == nil || item.rtxPayloadType != nil else { throw bad("RTX SSRC without an RTX payload type") }
        guard Tokens.isWord(item.streamID), Tokens.isWord(item.trackID) else {
            throw bad("msid stream or track id is empty or holds white space")
        }
        guard item.formatParameters.map(isLine) ?? true else { throw bad("fmtp text is empty or holds CR or LF") }
        for feedback in item.rtcpFeedback where !isLine(feedback) || feedback.hasPrefix(" ") || feedback.hasSuffix(" ") {
            throw bad("rtcp-fb '\(feedback)' is empty, padded or holds CR or LF")
        }
        for map in item.headerExtensions where !Tokens.isWord(map.uri) || !(1...255).contains(map.id) {
            throw bad("extmap \(map.id) \(map.uri) has a bad id or URI")
        }
    }

    /// Non-empty text without CR or LF, writable as the rest of an `a=` line.
    private static func isLine(_ text: String) -> Bool {
        !text.isEmpty && !text.utf8.contains { $0 == 0x0D || $0 == 0x0A }
    }
}

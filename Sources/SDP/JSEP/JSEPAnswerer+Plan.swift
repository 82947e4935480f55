// Deciding, per offered m-line, whether to accept it and with which codec, and naming m-lines in messages.
extension JSEPAnswerer {
    /// How one offered m-line is answered.
    enum Plan {
        /// Accepted with this codec.
        case accept(JSEPCodecChoice)
        /// Rejected (port 0); the reason goes into `.noAcceptableMedia` messages.
        case reject(String)
    }

    /// Where a fault is, for messages: `m-line 1 (video, mid 1)`, or `m-line 1 (video)` without a mid.
    static func place(_ section: MediaDescription, index: Int) -> String {
        "m-line \(index) (\(section.type.token)" + (section.mid.map { ", mid \($0)" } ?? "") + ")"
    }

    /// Accepts an audio or video section that the offer did not reject, that is in the BUNDLE group, is
    /// the first of its kind and has a codec we support; rejects anything else.
    /// - Throws: `.missingRTCPMux` when the section would be accepted but has no `a=rtcp-mux`.
    func plan(
        _ section: MediaDescription, index: Int, bundle: SDPGroup, acceptedKinds: [MediaType]
    ) throws(JSEPError) -> Plan {
        guard section.type == .audio || section.type == .video else {
            return .reject("only audio and video are answered (data channels are not supported)")
        }
        guard section.port != 0 else { return .reject("rejected in the offer (port 0)") }
        guard let mid = section.mid, bundle.mids.contains(mid) else { return .reject("not in the BUNDLE group") }
        guard !acceptedKinds.contains(section.type) else {
            return .reject("a second \(section.type.token) m-line (one of each kind is answered)")
        }
        guard section.isRTCPMux else {
            let place = Self.place(section, index: index)
            throw JSEPError(.missingRTCPMux, "\(place): no a=rtcp-mux (rtcp-mux is required)")
        }
        let preferred = section.type == .audio ? local.audioCodec : local.videoCodec
        guard let choice = JSEPCodecChoice.choose(
            in: section, preferred: preferred, transportCC: local.headerExtensions.contains(.transportWideCC)) else {
            return .reject("no codec we support (opus, PCMU, PCMA, VP8, VP9, H.264, AV1)")
        }
        return .accept(choice)
    }
}

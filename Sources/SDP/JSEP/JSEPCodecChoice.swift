/// The codec picked for one offered m-line, with the lines the answer writes for it.
///
/// Rules: the first offered payload type whose codec we support, unless the override codec is offered.
/// H.264 entries count as offered only with a profile and packetization mode we accept
/// (`JSEPH264Parameters`); among them the first with `packetization-mode=1` wins over earlier mode-0 ones.
/// The offer's `fmtp` is kept verbatim (so `profile-level-id`, VP9 `profile-id`, opus `useinbandfec` stay
/// as offered), so the answer matches the chosen entry's profile-level-id and packetization-mode.
struct JSEPCodecChoice: Sendable {
    /// The codec.
    var codec: JSEPCodec
    /// The chosen `rtpmap` (synthesised for static PCMU/PCMA offered without one).
    var rtpMap: RTPMap
    /// The offer's `fmtp` for the payload type, if any.
    var formatParameters: FormatParameters?
    /// The RTX `rtpmap` and `fmtp` whose `apt` is the chosen payload type, if offered.
    var rtx: (rtpMap: RTPMap, formatParameters: FormatParameters)?
    /// The offered feedback we support, rewritten to the chosen payload type, in offer order.
    var feedback: [RTCPFeedback]

    /// The chosen payload type.
    var payloadType: UInt8 { rtpMap.payloadType }

    /// The feedback types we handle (RFC 4585 nack and pli, RFC 5104 ccm fir, REMB, transport-cc).
    static let supportedFeedback: [(type: String, parameter: String?)] = [
        ("nack", nil), ("nack", "pli"), ("ccm", "fir"), ("goog-remb", nil), ("transport-cc", nil),
    ]

    /// Picks the codec for `section`, preferring `preferred` when it is offered; nil when nothing fits.
    /// - Parameter transportCC: keep `transport-cc` feedback (only when the transport-wide sequence
    ///   extension is answered too: one without the other means nothing).
    static func choose(in section: MediaDescription, preferred: JSEPCodec?, transportCC: Bool = true) -> JSEPCodecChoice? {
        let offered = offeredCodecs(in: section)
        guard let first = offered.first else { return nil }
        let codec = preferred.flatMap { p in offered.contains { $0.codec == p } ? p : nil } ?? first.codec
        let candidates = offered.filter { $0.codec == codec }
        guard var pick = candidates.first else { return nil }
        if codec == .h264, let modeOne = candidates.first(where: {
            JSEPH264Parameters(fmtp($0.rtpMap.payloadType, in: section))?.packetizationMode == 1
        }) {
            pick = modeOne
        }
        let pt = pick.rtpMap.payloadType
        return JSEPCodecChoice(
            codec: codec, rtpMap: pick.rtpMap, formatParameters: fmtp(pt, in: section),
            rtx: section.type == .video ? rtx(for: pt, in: section) : nil,
            feedback: feedback(for: pt, in: section).filter { transportCC || $0.type != "transport-cc" })
    }

    /// The supported codecs of the section's format list, in offer order (H.264 only with an accepted
    /// profile and packetization mode).
    static func offeredCodecs(in section: MediaDescription) -> [(codec: JSEPCodec, rtpMap: RTPMap)] {
        let maps = section.rtpMaps
        return section.payloadTypes.compactMap { pt in
            if let map = maps.first(where: { $0.payloadType == pt }) {
                guard let codec = JSEPCodec(rtpMap: map), codec.mediaType == section.type else { return nil }
                if codec == .h264, JSEPH264Parameters(fmtp(pt, in: section))?.isAccepted != true { return nil }
                return (codec, map)
            }
            guard let codec = JSEPCodec(staticPayloadType: pt), codec.mediaType == section.type else { return nil }
            return (codec, RTPMap(payloadType: pt, encodingName: codec.encodingName, clockRate: codec.clockRate))
        }
    }

    private static func fmtp(_ pt: UInt8, in section: MediaDescription) -> FormatParameters? {
        section.formatParameters.first { $0.payloadType == pt }
    }

    private static func rtx(for pt: UInt8, in section: MediaDescription) -> (RTPMap, FormatParameters)? {
        let maps = section.rtpMaps
        for parameters in section.formatParameters where parameters.parameter("apt") == String(pt) {
            if let map = maps.first(where: { $0.payloadType == parameters.payloadType }),
               map.encodingName.lowercased() == "rtx", section.payloadTypes.contains(map.payloadType) {
                return (map, parameters)
            }
        }
        return nil
    }

    private static func feedback(for pt: UInt8, in section: MediaDescription) -> [RTCPFeedback] {
        var out: [RTCPFeedback] = []
        for item in section.rtcpFeedback where item.payloadType == nil || item.payloadType == pt {
            guard supportedFeedback.contains(where: { $0.type == item.type && $0.parameter == item.parameter })
            else { continue }
            let kept = RTCPFeedback(payloadType: pt, type: item.type, parameter: item.parameter)
            if !out.contains(kept) { out.append(kept) }
        }
        return out
    }
}

// What one accepted m-line of an answer negotiated.
extension JSEPOfferer {
    /// The negotiated m-line for an accepted offered/answered pair (see `negotiation(offer:answer:)`).
    /// - Throws: `.missingRTCPMux`, `.unsupportedCodec` for audio or video.
    static func negotiated(
        _ offered: MediaDescription, _ answered: MediaDescription, index: Int
    ) throws(JSEPError) -> JSEPNegotiatedMedia {
        let direction = ourDirection(offered: offered.direction, answered: answered.direction)
        var media = JSEPNegotiatedMedia(
            index: index, mid: offered.mid ?? "", kind: offered.type, isAccepted: true, direction: direction)
        guard offered.type == .audio || offered.type == .video else { return media }
        let place = place(answered, index: index)
        guard answered.isRTCPMux else { throw JSEPError(.missingRTCPMux, "\(place): no a=rtcp-mux") }
        guard let (codec, map) = codec(in: answered, offered: offered) else {
            throw JSEPError(.unsupportedCodec, "\(place): the formats \(answered.formats.joined(separator: " ")) "
                + "name no codec we support (opus, PCMU, PCMA, VP8, VP9, H.264, AV1)")
        }
        let pt = map.payloadType
        media.codec = codec
        media.payloadType = pt
        media.clockRate = map.clockRate
        media.formatParameters = answered.formatParameters.first { $0.payloadType == pt }?.parameterText
        media.rtxPayloadType = rtxPayloadType(for: pt, in: answered, offered: offered)
        var feedback: [String] = []
        for item in answered.rtcpFeedback where item.payloadType == nil || item.payloadType == pt {
            let text = item.type + (item.parameter.map { " " + $0 } ?? "")
            if !feedback.contains(text) { feedback.append(text) }
        }
        media.rtcpFeedback = feedback
        for map in answered.extMaps {
            if let known = JSEPHeaderExtension(rawValue: map.uri), media.extensionIDs[known] == nil {
                media.extensionIDs[known] = map.id
            }
        }
        (media.peerSSRC, media.peerRTXSSRC) = JSEPAnswerer.peerSSRCs(answered)
        return media
    }

    /// Our direction: what we offered, narrowed to what the answer allows (the answer's `recvonly` means it
    /// receives, so we may send). Absent directions mean `sendrecv` (RFC 3264 §5.1, §6.1).
    static func ourDirection(offered: MediaDirection?, answered: MediaDirection?) -> MediaDirection {
        let mine = offered ?? .sendrecv
        let theirs = answered ?? .sendrecv
        let send = [.sendrecv, .sendonly].contains(mine) && [.sendrecv, .recvonly].contains(theirs)
        let receive = [.sendrecv, .recvonly].contains(mine) && [.sendrecv, .sendonly].contains(theirs)
        switch (send, receive) {
        case (true, true): return .sendrecv
        case (true, false): return .sendonly
        case (false, true): return .recvonly
        case (false, false): return .inactive
        }
    }

    /// The first answer format naming a codec we support of the m-line's kind: by the answer's `rtpmap`, else
    /// the offer's, else a static payload type (PCMU 0, PCMA 8).
    private static func codec(
        in answered: MediaDescription, offered: MediaDescription
    ) -> (JSEPCodec, RTPMap)? {
        for pt in answered.payloadTypes {
            let map = answered.rtpMaps.first { $0.payloadType == pt } ?? offered.rtpMaps.first { $0.payloadType == pt }
            if let map {
                if let codec = JSEPCodec(rtpMap: map), codec.mediaType == answered.type { return (codec, map) }
            } else if let codec = JSEPCodec(staticPayloadType: pt), codec.mediaType == answered.type {
                return (codec, RTPMap(payloadType: pt, encodingName: codec.encodingName, clockRate: codec.clockRate))
            }
        }
        return nil
    }

    /// The answer's RTX payload type for `pt`: an answered format mapped to `rtx` (by the answer, else the
    /// offer) whose `apt` (answer's `fmtp`, else the offer's) is `pt` (RFC 4588 §8.1).
    private static func rtxPayloadType(
        for pt: UInt8, in answered: MediaDescription, offered: MediaDescription
    ) -> UInt8? {
        answered.payloadTypes.first { candidate in
            let map = answered.rtpMaps.first { $0.payloadType == candidate }
                ?? offered.rtpMaps.first { $0.payloadType == candidate }
            let fmtp = answered.formatParameters.first { $0.payloadType == candidate }
                ?? offered.formatParameters.first { $0.payloadType == candidate }
            return map?.encodingName.lowercased() == "rtx" && fmtp?.parameter("apt") == String(pt)
        }
    }
}

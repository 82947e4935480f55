// Building the answer's m= sections and the per-section negotiation result.
extension JSEPAnswerer {
    /// The answer direction for an offered direction (RFC 3264 §6.1; absent means sendrecv):
    /// sendrecv→sendrecv, sendonly→recvonly, recvonly→sendonly, inactive→inactive.
    public static func answerDirection(for offered: MediaDirection?) -> MediaDirection {
        switch offered ?? .sendrecv {
        case .sendrecv: .sendrecv
        case .sendonly: .recvonly
        case .recvonly: .sendonly
        case .inactive: .inactive
        }
    }

    /// An accepted section: port 9, `c=IN IP4 0.0.0.0`, transport lines, codec lines, our track.
    func acceptedSection(_ offered: MediaDescription, choice: JSEPCodecChoice, setup: SetupRole) -> MediaDescription {
        let direction = Self.answerDirection(for: offered.direction)
        var formats = [String(choice.payloadType)]
        if let rtx = choice.rtx { formats.append(String(rtx.rtpMap.payloadType)) }
        var a: [SDPAttribute] = [.mid(offered.mid ?? ""), .direction(direction)]
        a += [.iceUfrag(local.iceUfrag), .icePwd(local.icePwd)]
        a += local.fingerprints.map(SDPAttribute.fingerprint)
        a += [.setup(setup), .rtcpMux]
        a += keptExtensions(offered).map { kept in
            .extmap(ExtMap(id: kept.id, direction: kept.direction, uri: kept.extension.uri))
        }
        a.append(.rtpmap(choice.rtpMap))
        a += choice.feedback.map(SDPAttribute.rtcpFeedback)
        if let fmtp = choice.formatParameters { a.append(.fmtp(fmtp)) }
        if let rtx = choice.rtx { a += [.rtpmap(rtx.rtpMap), .fmtp(rtx.formatParameters)] }
        if direction == .sendrecv || direction == .sendonly {
            a += trackAttributes(offered.type == .audio ? local.audio : local.video, rtx: choice.rtx != nil)
        }
        return MediaDescription(
            type: offered.type, port: 9, proto: offered.proto, formats: formats,
            connection: ConnectionData(address: "0.0.0.0"), attributes: a)
    }

    /// A rejected section: port 0, the offer's first format, its mid, `a=inactive` (RFC 8829 §5.3.1).
    ///
    /// A section the offer had open also gets our ICE credentials, fingerprints and `a=setup`: a port-0
    /// section's transport attributes are ignored (RFC 8839 §5.4, RFC 8842), but some peers (aiortc)
    /// refuse an answer with any section lacking them.
    func rejectedSection(_ offered: MediaDescription, setup: SetupRole) -> MediaDescription {
        var attributes: [SDPAttribute] = [.mid(offered.mid ?? "")]
        if offered.port != 0 {
            attributes += [.iceUfrag(local.iceUfrag), .icePwd(local.icePwd)]
            attributes += local.fingerprints.map(SDPAttribute.fingerprint)
            attributes.append(.setup(setup))
        }
        attributes.append(.direction(.inactive))
        return MediaDescription(
            type: offered.type, port: 0, proto: offered.proto, formats: Array(offered.formats.prefix(1)),
            connection: ConnectionData(address: "0.0.0.0"), attributes: attributes)
    }

    /// The negotiation result of an accepted section.
    func negotiated(_ offered: MediaDescription, index: Int, choice: JSEPCodecChoice) -> JSEPNegotiatedMedia {
        var ids: [JSEPHeaderExtension: UInt16] = [:]
        for kept in keptExtensions(offered) { ids[kept.extension] = kept.id }
        let (ssrc, rtxSSRC) = Self.peerSSRCs(offered)
        return JSEPNegotiatedMedia(
            index: index, mid: offered.mid ?? "", kind: offered.type, isAccepted: true,
            direction: Self.answerDirection(for: offered.direction), codec: choice.codec,
            payloadType: choice.payloadType, clockRate: choice.rtpMap.clockRate,
            formatParameters: choice.formatParameters?.parameterText, rtxPayloadType: choice.rtx?.rtpMap.payloadType,
            rtcpFeedback: choice.feedback.map { $0.type + ($0.parameter.map { " " + $0 } ?? "") },
            extensionIDs: ids, peerSSRC: ssrc, peerRTXSSRC: rtxSSRC)
    }

    /// The offered extmaps whose URI we support and enabled, with the offer's ids, in offer order. An
    /// offered direction is answered with its RFC 3264 counterpart (RFC 8285 §8: e.g. `/recvonly` is
    /// answered `/sendonly`); none means sendrecv and stays unwritten.
    private func keptExtensions(
        _ offered: MediaDescription
    ) -> [(id: UInt16, direction: MediaDirection?, extension: JSEPHeaderExtension)] {
        offered.extMaps.compactMap { map in
            guard let known = JSEPHeaderExtension(rawValue: map.uri), local.headerExtensions.contains(known)
            else { return nil }
            return (map.id, map.direction.map { Self.answerDirection(for: $0) }, known)
        }
    }

    /// `a=msid`, `a=ssrc-group:FID` (with RTX) and `a=ssrc … cname:` for our track.
    private func trackAttributes(_ track: JSEPLocalTrack, rtx: Bool) -> [SDPAttribute] {
        var a: [SDPAttribute] = [.msid(MediaStreamID(streamID: track.streamID, trackID: track.trackID))]
        var ssrcs = [track.ssrc]
        if rtx, let rtxSSRC = track.rtxSSRC {
            ssrcs.append(rtxSSRC)
            a.append(.ssrcGroup(SSRCGroup(semantics: "FID", ssrcs: ssrcs)))
        }
        a += ssrcs.map { .ssrc(SSRCAttribute(ssrc: $0, name: "cname", value: local.cname)) }
        return a
    }

    /// The peer's media and RTX SSRCs: from `a=ssrc-group:FID`, else the first `a=ssrc` (RFC 5576).
    static func peerSSRCs(_ offered: MediaDescription) -> (UInt32?, UInt32?) {
        if let fid = offered.ssrcGroups.first(where: { $0.semantics == "FID" }), fid.ssrcs.count >= 2 {
            return (fid.ssrcs[0], fid.ssrcs[1])
        }
        return (offered.ssrcAttributes.first?.ssrc, nil)
    }
}

@testable import SDP

/// Shared inputs for the offerer tests: our offering side, and the answers it is checked against.
enum OffererTestSupport {
    /// Our certificate fingerprint: sha-256 over bytes 0x00...0x1F.
    static let fingerprint = Fingerprint(hashFunction: "sha-256", bytes: (0..<32).map { UInt8($0) })
    /// `fingerprint` as written after `a=fingerprint:`.
    static let fingerprintText =
        "sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F"

    /// Opus (SSRC 41) and VP8 (SSRC 42, RTX 43), stream `bench`.
    static let media = JSEPOfferMedia.opusAndVP8(audioSSRC: 41, videoSSRC: 42, videoRTXSSRC: 43, streamID: "bench")

    /// The offerer used throughout: ufrag `bEnC`, a 24-character pwd, cname `bench-cname`, session id 123456789.
    static func offerer(media: [JSEPOfferMedia] = media) throws -> JSEPOfferer {
        try JSEPOfferer(
            iceUfrag: "bEnC", icePwd: "benchPasswordBenchPass01", fingerprints: [fingerprint], cname: "bench-cname",
            media: media, sessionID: 123_456_789)
    }

    /// Our offer, and `JSEPAnswerer`'s answer to it with `JSEPTestSupport.local`.
    static func answered() throws -> (offer: SessionDescription, answer: JSEPAnswer) {
        let offer = try offerer().offer()
        return (offer, try JSEPTestSupport.answer(offer))
    }

    /// The error `negotiation(offer:answer:)` throws, or nil when it negotiates.
    static func error(offer: SessionDescription, answer: SessionDescription) -> JSEPError? {
        do {
            _ = try JSEPOfferer.negotiation(offer: offer, answer: answer)
            return nil
        } catch { return error }
    }

    /// The error for our offer and `JSEPAnswerer`'s answer to it after `edit`.
    static func error(editing edit: (inout SessionDescription) -> Void) throws -> JSEPError? {
        let (offer, answer) = try answered()
        var description = answer.sessionDescription
        edit(&description)
        return error(offer: offer, answer: description)
    }

    /// The error `JSEPOfferer.init` throws for these local parameters, or nil when it accepts them.
    static func localError(
        ufrag: String = "bEnC", pwd: String = "benchPasswordBenchPass01", fingerprints: [Fingerprint] = [fingerprint],
        cname: String = "bench-cname", media: [JSEPOfferMedia] = media
    ) -> JSEPError? {
        do {
            _ = try JSEPOfferer(
                iceUfrag: ufrag, icePwd: pwd, fingerprints: fingerprints, cname: cname, media: media, sessionID: 1)
            return nil
        } catch { return error }
    }
}

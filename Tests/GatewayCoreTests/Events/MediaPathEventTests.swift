import GatewayCore
import Testing

/// Bodies of the webrtc and media events that the Janus 1.1.2 capture has no example of.
@Suite("Media path event bodies")
struct MediaPathEventTests {
    func json(_ payload: GatewayEvent) -> JSONValue {
        Event(emitter: "E", timestamp: 1, sessionID: 2, handleID: 3, opaqueID: nil, payload: payload).janusJSON()
    }

    @Test func slowLinkNamesTheDirectionAndTheLoss() {
        let event = json(.media(.slowLink(media: "video", mid: "1", uplink: true, lostLastSecond: 42)))
        #expect(event["type"] == 32 && event["subtype"] == 2 && event["handle_id"] == 3)
        #expect(event["event"] == ["media": "video", "mid": "1", "slow_link": "uplink", "lost_lastsec": 42])
        let down = json(.media(.slowLink(media: "audio", mid: "0", uplink: false, lostLastSecond: 7)))
        #expect(down["event"]?["slow_link"] == "downlink")
    }

    @Test func notReceivingAndHangupReasons() {
        #expect(json(.media(.state(media: "audio", mid: "0", receiving: false)))["event"]
            == ["media": "audio", "mid": "0", "receiving": false])
        let hangup = json(.webrtc(.hangup(reason: "ICE failed")))
        #expect(hangup["subtype"] == 6 && hangup["event"] == ["connection": "hangup", "reason": "ICE failed"])
    }

    @Test func linkQualityIsHundredMinusLossPercent() {
        var stats = MediaStatistics(mid: "1", mindex: 1, media: "video", codec: "vp8", base: 90_000)
        stats.packetsReceived = 90
        stats.lost = 10
        stats.packetsSent = 100
        let body = json(.media(.stats(stats)))["event"]
        #expect(body?["in-link-quality"] == 90 && body?["out-link-quality"] == 100)
    }
}

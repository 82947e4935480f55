import GatewayCore
import Testing

@Suite("EventTypeMask config values")
struct EventTypeMaskTests {
    @Test("Janus bits: session 1 … core 256")
    func janusBits() {
        let bits: [EventTypeMask] = [.session, .handle, .external, .jsep, .webrtc, .media, .plugin, .transport, .core]
        #expect(bits.map(\.rawValue) == [1, 2, 4, 8, 16, 32, 64, 128, 256])
        #expect(EventTypeMask.all.rawValue == 511)
    }

    @Test("'all' subscribes to every type and 'none' to no type")
    func allAndNone() throws {
        #expect(try EventTypeMask(configValue: "all") == .all)
        #expect(try EventTypeMask(configValue: "none") == .none)
        #expect(try EventTypeMask(configValue: "") == .none)
    }

    @Test(
        "comma lists of Janus labels parse, ignoring spaces and case, singular forms accepted",
        arguments: [
            ("sessions,handles", EventTypeMask([.session, .handle])),
            (" jsep , webrtc ,media", [.jsep, .webrtc, .media]),
            ("plugins,transports,core,external", [.plugin, .transport, .core, .external]),
            ("Session,PLUGIN", [.session, .plugin]),
            ("none,core", [.core]),
            ("core,all", .all),
        ] as [(String, EventTypeMask)]
    )
    func lists(value: String, expected: EventTypeMask) throws {
        #expect(try EventTypeMask(configValue: value) == expected)
    }

    @Test("an unknown label throws unknownLabel naming it")
    func unknownLabel() {
        #expect(throws: EventTypeMaskError.unknownLabel("stats")) {
            try EventTypeMask(configValue: "sessions,stats")
        }
        let error = EventTypeMaskError.unknownLabel("stats")
        #expect(error.description.contains("'stats'"))
    }

    @Test("configValue gives labels that parse back to the same mask", arguments: [
        EventTypeMask.all, .none, .session, [.handle, .jsep, .core], [.external, .transport],
    ])
    func configValueRoundTrip(mask: EventTypeMask) throws {
        #expect(try EventTypeMask(configValue: mask.configValue) == mask)
    }
}

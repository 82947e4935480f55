import CGLibShims
import CNice

/// The libnice objects behind one `ICEAgent`, created and configured before the Swift object
/// exists, so a failure can throw without a half-built agent.
struct NiceAgentSetup {
    /// The `NiceAgent *` (+1 reference, owned by the `ICEAgent`).
    let agent: OpaquePointer
    /// The one stream (BUNDLE), with one component (rtcp-mux).
    let streamID: UInt32
    /// Local ice-ufrag chosen by libnice (4 characters in RFC 5245 mode).
    let ufrag: String
    /// Local ice-pwd chosen by libnice (22 characters in RFC 5245 mode).
    let pwd: String

    /// Creates a libnice agent on `loop`'s context: RFC 5245 compatibility (RFC 8445 wire format),
    /// trickle, UDP only, no UPnP, restricted to `addresses`, with one stream of one component.
    ///
    /// - Throws: `ICEError.agentCreationFailed` naming the libnice call that failed.
    static func make(
        loop: MediaLoop, configuration: ICEConfiguration, controlling: Bool, addresses: [String]
    ) throws(ICEError) -> NiceAgentSetup {
        var options = NICE_AGENT_OPTION_ICE_TRICKLE.rawValue
        if configuration.consentFreshness { options |= NICE_AGENT_OPTION_CONSENT_FRESHNESS.rawValue }
        if configuration.liteMode { options |= NICE_AGENT_OPTION_LITE_MODE.rawValue }
        if configuration.nomination == .regular { options |= NICE_AGENT_OPTION_REGULAR_NOMINATION.rawValue }
        guard let agent = nice_agent_new_full(loop.context, NICE_COMPATIBILITY_RFC5245, NiceAgentOption(options)) else {
            throw ICEError(.agentCreationFailed, "nice_agent_new_full returned NULL")
        }
        do throws(ICEError) {
            configure(agent, configuration: configuration, controlling: controlling)
            try addLocalAddresses(agent, addresses)
            let streamID = nice_agent_add_stream(agent, 1)
            guard streamID != 0 else { throw ICEError(.agentCreationFailed, "nice_agent_add_stream failed") }
            if let range = configuration.portRange {
                nice_agent_set_port_range(agent, streamID, 1, UInt32(range.lowerBound), UInt32(range.upperBound))
            }
            let (ufrag, pwd) = try localCredentials(agent, streamID)
            return NiceAgentSetup(agent: agent, streamID: streamID, ufrag: ufrag, pwd: pwd)
        } catch {
            g_object_unref(UnsafeMutableRawPointer(agent))
            throw error
        }
    }

    private static func configure(_ agent: OpaquePointer, configuration: ICEConfiguration, controlling: Bool) {
        let object = UnsafeMutableRawPointer(agent)
        cglib_object_set_bool(object, "controlling-mode", controlling ? 1 : 0)
        cglib_object_set_bool(object, "upnp", 0)  // defaults to TRUE, and gupnp-igd is linked in
        cglib_object_set_bool(object, "ice-tcp", 0)
        cglib_object_set_bool(object, "ice-udp", 1)
        cglib_object_set_bool(object, "keepalive-conncheck", configuration.keepaliveConnectivityChecks ? 1 : 0)
        if let milliseconds = configuration.stunInitialTimeoutMilliseconds {
            cglib_object_set_uint(object, "stun-initial-timeout", milliseconds)
        }
        if let count = configuration.stunMaxRetransmissions {
            cglib_object_set_uint(object, "stun-max-retransmissions", count)
        }
        if let milliseconds = configuration.failureIdleTimeoutMilliseconds, cglib_object_has_property(object, "idle-timeout") != 0 {
            cglib_object_set_uint(object, "idle-timeout", milliseconds)
        }
    }

    private static func addLocalAddresses(_ agent: OpaquePointer, _ addresses: [String]) throws(ICEError) {
        for text in addresses {
            guard let address = nice_address_new() else { throw ICEError(.agentCreationFailed, "nice_address_new failed") }
            defer { nice_address_free(address) }
            guard nice_address_set_from_string(address, text) != 0, nice_agent_add_local_address(agent, address) != 0 else {
                throw ICEError(.agentCreationFailed, "nice_agent_add_local_address refused \(text)")
            }
        }
    }

    private static func localCredentials(_ agent: OpaquePointer, _ streamID: UInt32) throws(ICEError) -> (String, String) {
        var ufrag: UnsafeMutablePointer<gchar>?
        var pwd: UnsafeMutablePointer<gchar>?
        defer {
            g_free(ufrag)
            g_free(pwd)
        }
        guard nice_agent_get_local_credentials(agent, streamID, &ufrag, &pwd) != 0, let ufrag, let pwd else {
            throw ICEError(.agentCreationFailed, "nice_agent_get_local_credentials failed")
        }
        return (String(cString: ufrag), String(cString: pwd))
    }
}

extension ICEAgent {
    /// A boolean GObject property of the libnice agent (e.g. "consent-freshness", "full-mode"),
    /// or `nil` when this libnice has no such property. For diagnostics and tests; on the loop.
    func niceBoolProperty(_ name: String) -> Bool? {
        let object = UnsafeMutableRawPointer(niceAgent)
        guard cglib_object_has_property(object, name) != 0 else { return nil }
        return cglib_object_get_bool(object, name) != 0
    }
}

/// A `NiceAgent *` and its stream, carried to the loop to be torn down there.
// @unchecked Sendable: the pointer is only used by `destroy()`, once, after every callback was detached.
struct NiceAgentRelease: @unchecked Sendable {
    let agent: OpaquePointer
    let streamID: UInt32

    /// Removes the stream (closing its sockets and timers) and drops the agent reference.
    func destroy() {
        nice_agent_remove_stream(agent, streamID)
        g_object_unref(UnsafeMutableRawPointer(agent))
    }
}

import Foundation

/// A config folder shaped like one a Janus 1.1.2 installation runs with (Janus's file and
/// option names, our own values and comments), written to a fresh temporary folder.
struct JanusFolderFixture {
    /// `janus.jcfg` with every group Janus ships, including many options SwiftGate does not implement.
    static let janusJcfg = """
        # Core settings of a test deployment.
        general: {
            configs_folder = "/opt/janus/etc/janus"
            plugins_folder = "/opt/janus/lib/janus/plugins"
            transports_folder = "/opt/janus/lib/janus/transports"
            events_folder = "/opt/janus/lib/janus/events"
            loggers_folder = "/opt/janus/lib/janus/loggers"
            debug_level = 5
            debug_timestamps = true
            debug_colors = false
            admin_secret = "janusoverlord"
            api_secret = "apirocks"
            server_name = "FixtureJanus"
            session_timeout = "120"      # a quoted number, as some deployments write it
            candidates_timeout = 45
            opaqueid_in_api = true
            protected_folders = [ "/bin", "/etc", "/usr" ]
        }

        certificates: {
            cert_pem = "/etc/ssl/fixture.pem"
            cert_key = "/etc/ssl/fixture.key"
            dtls_accept_selfsigned = true
        }

        media: {
            ipv6 = false
            rtp_port_range = "20000-40000"
            dtls_mtu = 1200
            no_media_timer = 1
            slowlink_threshold = 4
        }

        nat: {
            nice_debug = false
            full_trickle = false
            ice_lite = false
            ice_tcp = false
            nat_1_1_mapping = "127.0.0.10"
            ice_enforce_list = "lo, eth0"
            ice_ignore_list = "vmnet"
        }

        plugins: {
            disable = "libjanus_voicemail.so,libjanus_recordplay.so"
        }

        transports: {
            disable = "libjanus_rabbitmq.so"
        }

        loggers: {
            disable = "libjanus_jsonlog.so"
        }

        events: {
            broadcast = "yes"
            disable = "libjanus_rabbitmqevh.so, libjanus_mqttevh.so"
            stats_period = 10
        }
        """

    /// The folder on disk.
    let folder: URL

    /// Writes `janus.jcfg` (or the given text instead) into a new temporary folder.
    init(janusJcfg: String = Self.janusJcfg) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("janus-conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try janusJcfg.write(to: folder.appendingPathComponent("janus.jcfg"), atomically: true, encoding: .utf8)
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}

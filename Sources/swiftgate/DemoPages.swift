import Foundation
import HTTPTransport
import Logging

/// The demo pages the HTTP transport serves beside the Janus API (`html_folder`,
/// `javascript_folder` in `janus.transport.http.jcfg`): checked once the API listens, and the
/// EchoTest demo's URL printed on standard output so a person starting the gateway can open it.
enum DemoPages {
    /// The EchoTest demo page, relative to `html_folder`.
    static let echoTestPage = "echotest.html"
    /// janus.js as Debian's `libjs-janus-gateway` installs it, relative to `javascript_folder`.
    static let janusJS = "janus-gateway/janus.js"

    /// Prints `SwiftGate EchoTest demo: http://<address>:<port>/echotest.html` when `html_folder` has
    /// the demo, or logs a warning naming the folder when it does not; notes when janus.js is missing
    /// (only the janus.js compatibility page needs it).
    static func announce(_ settings: HTTPTransportSettings, port: Int, logger: Logger) {
        guard let html = settings.htmlFolder else { return }
        let files = FileManager.default
        guard files.fileExists(atPath: "\(html)/\(echoTestPage)") else {
            logger.warning(
                "html_folder has no \(echoTestPage): the demo is not served",
                metadata: ["html_folder": "\(html)", "working_directory": "\(files.currentDirectoryPath)"])
            return
        }
        let url = "http://\(host(settings.bindAddress)):\(port)/\(echoTestPage)"
        FileHandle.standardOutput.write(Data("SwiftGate EchoTest demo: \(url)\n".utf8))
        logger.info("EchoTest demo on \(url)")
        if let javascript = settings.javascriptFolder, !files.fileExists(atPath: "\(javascript)/\(janusJS)") {
            logger.info("no \(javascript)/\(janusJS): the janus.js page needs Debian's libjs-janus-gateway")
        }
    }

    /// The host part of a URL for a bind address: a wildcard becomes loopback, IPv6 gets brackets.
    static func host(_ bindAddress: String) -> String {
        switch bindAddress {
        case "0.0.0.0", "": "127.0.0.1"
        case "::": "[::1]"
        default: bindAddress.contains(":") ? "[\(bindAddress)]" : bindAddress
        }
    }
}

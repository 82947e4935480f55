import Foundation
import GatewayCore
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HTTPTransport

/// A temporary `html/` and `javascript/` pair of folders, removed by `remove()`.
private struct SiteFolders {
    let root: URL
    var html: String { root.appendingPathComponent("html").path }
    var javascript: String { root.appendingPathComponent("javascript").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftgate-static-\(UUID().uuidString)")
        let files = [
            "html/index.html": "<h1>index</h1>", "html/js/app.js": "export const a = 1;\n",
            "html/janus/shadow.html": "must never be served", "javascript/janus-gateway/janus.js": "var Janus = {};\n",
            "secret.txt": "outside",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func settings() -> HTTPTransportSettings {
        var settings = testSettings()
        settings.htmlFolder = html
        settings.javascriptFolder = javascript
        return settings
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("HTTP transport: html_folder and javascript_folder beside the Janus API")
struct StaticFilesTests {
    @Test("the site root answers index.html; files keep their media type; /javascript maps the library folder",
          arguments: Mode.allCases)
    func servesFiles(mode: Mode) async throws {
        let site = try SiteFolders()
        defer { site.remove() }
        let gateway = FakeGateway()
        try await withAPI(mode, gateway: gateway, settings: site.settings()) { client in
            let index = try await client.execute(uri: "/", method: .get)
            #expect(index.status == .ok)
            #expect(String(buffer: index.body) == "<h1>index</h1>")
            #expect(index.headers[.contentType]?.hasPrefix("text/html") == true)

            let script = try await client.execute(uri: "/js/app.js", method: .get)
            #expect(String(buffer: script.body) == "export const a = 1;\n")
            #expect(script.headers[.contentType]?.contains("javascript") == true, "ES modules need a JavaScript type")

            let janusJS = try await client.execute(uri: "/javascript/janus-gateway/janus.js", method: .get)
            #expect(janusJS.status == .ok)
            #expect(String(buffer: janusJS.body) == "var Janus = {};\n")

            let head = try await client.execute(uri: "/js/app.js", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
        }
        #expect(gateway.calls.isEmpty, "static files never reach the gateway")
    }

    @Test("missing files are an empty 404, '..' is refused, and API paths are never shadowed by files",
          arguments: Mode.allCases)
    func refusals(mode: Mode) async throws {
        let site = try SiteFolders()
        defer { site.remove() }
        let gateway = FakeGateway()
        let transport = HTTPTransport(settings: site.settings(), gateway: gateway, logger: testLogger)
        try await transport.makeApplication(.janus).test(mode.setup) { client in
            let missing = try await client.execute(uri: "/nope.html", method: .get)
            #expect(missing.status == .notFound && missing.body.readableBytes == 0)

            let escape = try await client.execute(uri: "/../secret.txt", method: .get)
            #expect(escape.status != .ok)
            #expect(String(buffer: escape.body) != "outside")
            let encoded = try await client.execute(uri: "/js/%2e%2e/%2e%2e/secret.txt", method: .get)
            #expect(encoded.status == .badRequest)

            // /janus/shadow.html is under the API's base path: the API answers (404, no session), not the file.
            let shadow = try await client.execute(uri: "/janus/shadow.html", method: .get)
            #expect(shadow.status == .notFound)
            #expect(String(buffer: shadow.body) != "must never be served")

            // Other methods on a file are not allowed; they never reach the API.
            for method: HTTPRequest.Method in [.post, .put, .delete] {
                let other = try await client.execute(uri: "/index.html", method: method, body: buffer("{}"))
                #expect(other.status == .methodNotAllowed && other.headers[.allow] == "GET, HEAD")
            }

            // A NUL cannot cut the file name short (which would serve index.html as a PNG).
            for uri in ["/index.html%00.png", "/javascript/janus-gateway/janus.js%00.html", "/index.html%00/x"] {
                let nul = try await client.execute(uri: uri, method: .get)
                #expect(nul.status == .badRequest, "\(uri)")
            }
        }
        #expect(transport.statistics.staticRequests == 9)
        #expect(gateway.calls.isEmpty)
    }

    @Test("without folders nothing is served, and the Admin API never serves files")
    func offByDefault() async throws {
        let site = try SiteFolders()
        defer { site.remove() }
        try await withAPI(.router, gateway: FakeGateway()) { client in
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .notFound)
        }
        try await withAPI(.router, .admin, gateway: FakeGateway(), settings: site.settings()) { client in
            let index = try await client.execute(uri: "/index.html", method: .get)
            #expect(index.status == .notFound)
        }
    }

    @Test("html_folder and javascript_folder are read from the .jcfg; an empty value serves nothing")
    func configuration() throws {
        let file = try JcfgFile.parse(
            text: "general: { html_folder = \"html\", javascript_folder = \"\" }", name: "janus.transport.http.jcfg")
        let settings = try HTTPTransportSettings(file: file)
        #expect(settings.htmlFolder == "html")
        #expect(settings.javascriptFolder == nil)
        #expect(HTTPTransportSettings().htmlFolder == nil, "Janus serves no files by default")
    }
}

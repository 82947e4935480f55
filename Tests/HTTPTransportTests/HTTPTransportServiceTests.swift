import Foundation
import GatewayCore
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing

@testable import HTTPTransport

@Suite("HTTP transport as a lifecycle Service")
struct HTTPTransportServiceTests {
    @Test("run() serves both APIs on 127.0.0.1 ephemeral ports until graceful shutdown")
    func runsBothServers() async throws {
        let gateway = FakeGateway()
        let transport = HTTPTransport(settings: testSettings(), gateway: gateway, logger: testLogger)
        #expect(gateway.registered == [HTTPTransport.descriptor])
        #expect(HTTPTransport.descriptor.package == "janus.transport.http")
        let group = ServiceGroup(configuration: .init(services: [transport], logger: testLogger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let janusPort = try #require(await transport.janusAPIPort())
            let adminPort = try #require(await transport.adminAPIPort())
            #expect(janusPort > 0 && adminPort > 0 && janusPort != adminPort)

            let janus = TestClient(host: "127.0.0.1", port: janusPort, configuration: .init(timeout: .seconds(10)))
            janus.connect()
            let reply = try await janus.post("/janus/7", body: buffer(#"{"janus":"keepalive"}"#))
            #expect(try JSONValue.parse(Data(try #require(reply.body).readableBytesView))["api"] == "janus")
            let wrongAPI = try await janus.post("/admin", body: buffer("{}"))
            #expect(wrongAPI.status == .notFound)
            try await janus.shutdown()

            let admin = TestClient(host: "127.0.0.1", port: adminPort, configuration: .init(timeout: .seconds(10)))
            admin.connect()
            let adminReply = try await admin.post("/admin", body: buffer(#"{"janus":"list_sessions"}"#))
            #expect(try JSONValue.parse(Data(try #require(adminReply.body).readableBytesView))["api"] == "admin")
            try await admin.shutdown()

            #expect(transport.statistics == HTTPTransportStatistics(
                janusRequests: 2, adminRequests: 1, rejectedRequests: 1, oversizedBodies: 0, staticRequests: 0))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(gateway.calls.map(\.api) == [.janus, .admin])
    }

    @Test("with admin_http off only the Janus API runs and adminAPIPort() is nil")
    func adminDisabled() async throws {
        var settings = testSettings()
        settings.adminHTTPEnabled = false
        let transport = HTTPTransport(settings: settings, gateway: FakeGateway(), logger: testLogger)
        let group = ServiceGroup(configuration: .init(services: [transport], logger: testLogger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(await transport.janusAPIPort() != nil)
            #expect(await transport.adminAPIPort() == nil)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test("with neither API enabled run() throws noServerEnabled")
    func nothingEnabled() async throws {
        var settings = testSettings()
        settings.httpEnabled = false
        settings.adminHTTPEnabled = false
        let transport = HTTPTransport(settings: settings, gateway: FakeGateway(), logger: testLogger)
        await #expect(throws: HTTPTransportError.noServerEnabled) { try await transport.run() }
        #expect(await transport.janusAPIPort() == nil)
    }
}

import Foundation
import GatewayCore
import Logging
import Testing
import WebRTC

/// The media path's shared setup from `janus.jcfg`: certificate choice and media loops.
@Suite("Media engine")
struct MediaEngineTests {
    @Test func certificateFromPEMFilesIsUsedInsteadOfAGeneratedOne() throws {
        let original = try DTLSCertificate.generate(commonName: "pem-test")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftgate-pem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        try original.certificatePEM.write(toFile: cert, atomically: true, encoding: .utf8)
        try original.privateKeyPEM().write(toFile: key, atomically: true, encoding: .utf8)
        var settings = GatewaySettings()
        settings.eventLoops = 1
        settings.certificatePEM = cert
        settings.certificateKeyPEM = key
        let engine = try MediaEngine(settings: settings, logger: Logger(label: "test"))
        defer { engine.shutdown() }
        #expect(engine.certificate.fingerprints == original.fingerprints)
        #expect(engine.loops.loops.count == 1)
    }

    @Test func aMissingCertificateFileStopsTheStartWithItsPath() {
        var settings = GatewaySettings()
        settings.eventLoops = 1
        settings.certificatePEM = "/nonexistent/cert.pem"
        settings.certificateKeyPEM = "/nonexistent/key.pem"
        #expect {
            _ = try MediaEngine(settings: settings, logger: Logger(label: "test"))
        } throws: { error in
            "\(error)".contains("/nonexistent/cert.pem")
        }
    }

    @Test func withoutPEMFilesACertificateIsGenerated() throws {
        var settings = GatewaySettings()
        settings.eventLoops = 2
        let engine = try MediaEngine(settings: settings, logger: Logger(label: "test"))
        defer { engine.shutdown() }
        #expect(engine.certificate.fingerprints.first?.hashFunction == "sha-256")
        #expect(engine.certificate.fingerprints.first?.bytes.count == 32)
        #expect(engine.loops.loops.count == 2)
    }
}

import Foundation
import SDP
import Testing
import WebRTC

@Suite struct DTLSCertificateTests {
    /// A fresh temporary directory for one test.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dtls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs /usr/bin/openssl with `arguments`, killed after 20 s; returns stdout.
    private func openssl(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")),
          arguments: ["sha-256", "sha-1", "sha-384", "sha-512"])
    func fingerprintMatchesOpenSSLCommandLine(hash: String) throws {
        let certificate = try DTLSCertificate.generate()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cert.pem").path
        try certificate.certificatePEM.write(toFile: path, atomically: true, encoding: .utf8)
        let flag = "-" + hash.replacingOccurrences(of: "-", with: "")
        let printed = try openssl(["x509", "-in", path, "-noout", "-fingerprint", flag])
        // e.g. "sha256 Fingerprint=AB:CD:..." (the prefix differs between OpenSSL versions)
        let hex = try #require(printed.split(separator: "=").last).trimmingCharacters(in: .whitespacesAndNewlines)
        let ours = try #require(certificate.fingerprint(hashFunction: hash))
        #expect(ours.value == "\(hash) \(hex)")
        let subject = try openssl(["x509", "-in", path, "-noout", "-subject", "-text"])
        #expect(subject.contains("CN = SwiftGate") || subject.contains("CN=SwiftGate"))
        #expect(subject.contains("prime256v1"))
        #expect(subject.contains("ecdsa-with-SHA256"))
    }

    @Test func fingerprintLengthsAndUnknownHashes() throws {
        let certificate = DTLSFixtures.serverCertificate
        for (name, length) in [("sha-1", 20), ("sha-224", 28), ("sha-256", 32), ("SHA-384", 48), ("sha-512", 64)] {
            #expect(certificate.fingerprint(hashFunction: name)?.bytes.count == length)
        }
        #expect(certificate.fingerprint(hashFunction: "md5") == nil)
        #expect(certificate.fingerprint(hashFunction: "sha-3") == nil)
        #expect(certificate.fingerprints.map(\.hashFunction) == ["sha-256"])
        #expect(!certificate.derEncoded.isEmpty)
        #expect(DTLSFixtures.clientCertificate.fingerprints != certificate.fingerprints)
    }

    @Test(arguments: [nil, "s3cret pass"] as [String?])
    func pemRoundTripKeepsTheFingerprintAndConnects(passphrase: String?) throws {
        let original = try DTLSCertificate.generate()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let certPath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        try original.certificatePEM.write(toFile: certPath, atomically: true, encoding: .utf8)
        let keyPEM = original.privateKeyPEM(passphrase: passphrase)
        #expect(keyPEM.contains(passphrase == nil ? "BEGIN PRIVATE KEY" : "BEGIN ENCRYPTED PRIVATE KEY"))
        try keyPEM.write(toFile: keyPath, atomically: true, encoding: .utf8)
        let loaded = try DTLSCertificate(certificatePEMPath: certPath, keyPEMPath: keyPath, passphrase: passphrase)
        #expect(loaded.fingerprints == original.fingerprints)
        #expect(loaded.derEncoded == original.derEncoded)
        // The loaded key really signs: a handshake with it as the server succeeds.
        let pair = try DTLSLoopback(serverContext: DTLSContext(certificate: loaded))
        pair.connect()
        #expect(pair.client.state == .connected)
    }

    @Test func loadErrorsAreClear() throws {
        let original = try DTLSCertificate.generate()
        let other = try DTLSCertificate.generate()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let certPath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        let otherKeyPath = directory.appendingPathComponent("other.pem").path
        let missing = directory.appendingPathComponent("missing.pem").path
        try original.certificatePEM.write(toFile: certPath, atomically: true, encoding: .utf8)
        try original.privateKeyPEM(passphrase: "right").write(toFile: keyPath, atomically: true, encoding: .utf8)
        try other.privateKeyPEM().write(toFile: otherKeyPath, atomically: true, encoding: .utf8)

        func loadError(_ cert: String, _ key: String, _ pass: String?) -> DTLSError? {
            do {
                _ = try DTLSCertificate(certificatePEMPath: cert, keyPEMPath: key, passphrase: pass)
                return nil
            } catch { return error }
        }
        let noCert = loadError(missing, keyPath, "right")
        #expect(noCert?.code == .fileNotFound)
        #expect(noCert?.message.contains(missing) == true)
        #expect(noCert?.message.contains("No such file") == true)
        #expect(loadError(certPath, missing, "right")?.code == .fileNotFound)
        #expect(loadError(certPath, keyPath, "wrong")?.code == .privateKeyLoad)
        #expect(loadError(certPath, keyPath, nil)?.code == .privateKeyLoad)
        #expect(loadError(certPath, otherKeyPath, nil)?.message.contains("does not match") == true)
        #expect(loadError(keyPath, keyPath, "right")?.code == .certificateLoad)
        #expect(loadError(certPath, keyPath, "right") == nil)
    }
}

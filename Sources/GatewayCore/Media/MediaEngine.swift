import Foundation
import Logging
import WebRTC

/// What every handle's media path shares: the media loop threads, our DTLS certificate and context,
/// the ICE settings and the statistics period. Built once at start from `janus.jcfg`.
///
/// - SeeAlso: DESIGN.md "Threads and the hot path"; Janus's `janus.jcfg` groups `general`
///   (`event_loops`), `nat`, `media`, `certificates`, `events` (`stats_period`).
public final class MediaEngine: Sendable {
    /// The media loop threads; each handle's PeerConnection lives on one of them.
    public let loops: MediaLoopPool
    /// Our certificate (its sha-256 fingerprint goes in every answer).
    public let certificate: DTLSCertificate
    /// The DTLS context made from it, offering `media.srtp_profiles` (default AES-256-GCM, AES-128-GCM,
    /// AES-CM-128-HMAC-SHA1-80) in that order.
    public let dtlsContext: DTLSContext
    /// Where ICE gathers (`ice_enforce_list`, `ice_ignore_list`, `ipv6`, `rtp_port_range`, `ice_lite`).
    public let iceConfiguration: ICEConfiguration
    /// `events.stats_period` in seconds; 0 = no periodic stats events.
    public let statsPeriodSeconds: Int
    /// `nat.full_trickle`: trickle all our candidates instead of putting them in the answer.
    public let fullTrickle: Bool
    /// `media.slowlink_threshold`: packets per second; 0 = no slow-link detection.
    public let slowLinkThreshold: Int
    /// How long an answer waits for our candidates (half-trickle), in milliseconds.
    public let gatheringWaitMilliseconds: Int
    /// Monotonic microseconds, for statistics.
    public let clock: @Sendable () -> UInt64

    /// Starts the media loops and prepares the certificate.
    /// - Throws: `MediaEngineError` naming what failed (loop threads, certificate files, DTLS context).
    public init(settings: GatewaySettings, logger: Logger) throws(MediaEngineError) {
        let count = settings.eventLoops > 0 ? settings.eventLoops : max(1, ProcessInfo.processInfo.activeProcessorCount)
        do {
            if let pem = settings.certificatePEM, let key = settings.certificateKeyPEM {
                certificate = try DTLSCertificate(
                    certificatePEMPath: pem, keyPEMPath: key, passphrase: settings.certificatePassphrase)
            } else {
                certificate = try DTLSCertificate.generate(commonName: "SwiftGate")
            }
            dtlsContext = try DTLSContext(certificate: certificate, profiles: settings.srtpProfiles)
        } catch {
            throw MediaEngineError("DTLS certificate: \(error)")
        }
        do {
            loops = try MediaLoopPool(count: count)
        } catch {
            throw MediaEngineError("media loops: \(error)")
        }
        iceConfiguration = ICEConfiguration(
            enforceList: settings.iceEnforceList, ignoreList: settings.iceIgnoreList, liteMode: settings.iceLite,
            ipv6: settings.ipv6, portRange: settings.rtpPortRange)
        statsPeriodSeconds = settings.statsPeriod
        fullTrickle = settings.fullTrickle
        slowLinkThreshold = settings.slowLinkThreshold
        gatheringWaitMilliseconds = 2_000
        clock = { DispatchTime.now().uptimeNanoseconds / 1_000 }
        logger.info(
            "media path ready",
            metadata: [
                "event_loops": "\(count)", "srtp_profiles": "\(settings.srtpProfiles.map(\.shortName).joined(separator: ","))",
                "fingerprint": "\(certificate.fingerprints.first.map(\.value) ?? "-")"])
    }

    /// Stops the media loop threads (after every handle was closed).
    public func shutdown() { loops.stop() }
}

/// Why the media path could not start.
public struct MediaEngineError: Error, Sendable, CustomStringConvertible {
    /// What failed, in words.
    public var description: String

    init(_ description: String) { self.description = description }
}

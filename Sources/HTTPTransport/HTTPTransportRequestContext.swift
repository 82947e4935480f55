import Hummingbird
import NIOCore

/// The Hummingbird request context of the HTTP transport: the core context plus who is asking.
///
/// Built once per request from the connection's channel. In `.router` tests there is no socket,
/// so `remoteAddress` is `nil`.
package struct HTTPTransportRequestContext: RequestContext {
    /// Hummingbird's own per-request storage (logger, endpoint path, …).
    package var coreContext: CoreRequestContextStorage
    /// The peer's address, `nil` when the channel has none (in-process tests).
    package let remoteAddress: SocketAddress?
    /// A stable id of the connection (keep-alive requests on one connection share it): a seeded
    /// hash of the channel object, shown as a decimal string in transport events, as Janus shows its
    /// hashed connection pointer.
    package let connectionID: UInt64

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.connectionID = UInt64(UInt(bitPattern: ObjectIdentifier(source.channel).hashValue))
    }

    /// The peer's IP address as text ("127.0.0.1", "::1"), or `nil` when unknown.
    var remoteIP: String? { remoteAddress?.ipAddress }
    /// The peer's port, or `nil` when unknown.
    var remotePort: Int? { remoteAddress?.port }
}

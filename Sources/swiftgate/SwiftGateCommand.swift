import ArgumentParser
import EchoTest
import Foundation
import GatewayCore
import HTTPTransport
import Logging
import SampleEventHandler
import ServiceLifecycle

import Glibc

/// `swiftgate`: starts the gateway with a Janus-style configs folder.
///
/// Start-up: read `janus.jcfg` (and the command line), create the event dispatcher and the
/// enabled event handlers, the core, the plugins and the HTTP transport, log the options SwiftGate
/// ignores, emit the core `started` event, and serve. SIGINT/SIGTERM: destroy the sessions, emit
/// the core `shutdown` event (with `signum`), stop the HTTP servers, and flush the event handlers.
/// A bad configuration prints one line naming the file and line and exits with status 1.
@main
struct SwiftGateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftgate",
        abstract: "A WebRTC gateway core that speaks the Janus API and emits Janus events.")

    @OptionGroup var options: GatewayOptions

    func run() async throws {
        let loaded: LoadedConfiguration
        do {
            loaded = try options.loadConfiguration()
        } catch {
            printError("swiftgate: configuration error: \(error)")
            throw ExitCode(1)
        }
        JanusLogLevel.shared.set(loaded.settings.debugLevel)
        LoggingSystem.bootstrap { JanusLevelLogHandler(label: $0) }
        let logger = Logger(label: "swiftgate")
        do {
            try await serve(loaded, logger: logger)
        } catch let error as ConfigError {
            printError("swiftgate: configuration error: \(error)")
            throw ExitCode(1)
        }
    }

    private func serve(_ loaded: LoadedConfiguration, logger: Logger) async throws {
        let settings = loaded.settings
        let folder = loaded.configsFolder
        let events = EventDispatcher(
            emitter: settings.serverName, enabled: settings.eventsBroadcast, logger: Logger(label: "swiftgate.events"))
        if settings.eventsBroadcast, !settings.isEventHandlerDisabled(SampleEventHandler.package) {
            let context = EventHandlerContext(configsFolder: folder, logger: Logger(label: SampleEventHandler.package))
            if let handler = try SampleEventHandler(context: context) { events.register(handler) }
        }
        events.start()

        let media: MediaEngine
        do {
            media = try MediaEngine(settings: settings, logger: Logger(label: "swiftgate.media"))
        } catch {
            printError("swiftgate: cannot start the media path: \(error)")
            throw ExitCode(1)
        }
        let gateway = Gateway(
            settings: settings, configsFolder: folder, events: events, logger: Logger(label: "swiftgate.core"),
            setLogLevel: { JanusLogLevel.shared.set($0) }, media: media)
        if !settings.isPluginDisabled(EchoTestPlugin.package) {
            gateway.register(plugin: try EchoTestPlugin(configsFolder: folder, gateway: gateway))
        }
        let httpFile = try JcfgFile.load(path: "\(folder)/janus.transport.http.jcfg")
        let transport = HTTPTransport(
            settings: try HTTPTransportSettings(file: httpFile), gateway: gateway,
            logger: Logger(label: HTTPTransport.package))
        logIgnoredOptions([loaded.janusFile, httpFile], logger: logger)

        let group = ServiceGroup(configuration: .init(services: [transport], logger: logger))
        let shutdown = ShutdownSignals(signals: [SIGINT, SIGTERM]) { signal in
            logger.info("signal \(signal): shutting down")
            Self.exitIfShutdownHangs(after: .seconds(20), logger: logger)
            await gateway.shutdown(signal: signal)
            await group.triggerGracefulShutdown()
        }
        await gateway.start()
        let announce = Task {
            if let port = await transport.janusAPIPort() {
                logger.info("Janus API on http://\(transport.settings.bindAddress):\(port)\(transport.settings.basePath)")
                DemoPages.announce(transport.settings, port: port, logger: logger)
            }
            if let port = await transport.adminAPIPort() {
                logger.info("Admin API on http://\(transport.settings.adminBindAddress):\(port)\(transport.settings.adminBasePath)")
            }
        }
        defer { announce.cancel() }
        do {
            try await group.run()
        } catch {
            logger.error("HTTP transport stopped: \(error)")
            await gateway.shutdown(signal: nil)
            await events.shutdown()
            throw ExitCode(1)
        }
        shutdown.cancel()
        await events.shutdown()
        logger.info("swiftgate stopped")
    }
}

extension SwiftGateCommand {
    /// A last resort: a shutdown still unfinished after `limit` (a stuck connection or handler)
    /// is logged and the process exits with status 1 instead of lingering.
    static func exitIfShutdownHangs(after limit: Duration, logger: Logger) {
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: Double(limit.components.seconds))
            logger.critical("shutdown did not finish within \(limit); exiting")
            Glibc.exit(1)
        }
    }
}

/// Writes one line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

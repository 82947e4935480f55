// swift-tools-version: 6.1
// SwiftGate: a WebRTC gateway core that speaks the Janus API. Module map: README.md and DESIGN.md.
import PackageDescription

/// One system-library module per C library, resolved through pkg-config (Debian -dev packages).
func systemLibrary(_ name: String, pkgConfig: String, apt: [String]) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig, providers: [.apt(apt)])
}

let package = Package(
    name: "SwiftGate",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "swiftgate", targets: ["swiftgate"]),
        .executable(name: "swiftgate-benchmarks", targets: ["SwiftGateBenchmarks"]),
        .executable(name: "swiftgate-apibench", targets: ["APIBenchmark"]),
        .executable(name: "swiftgate-media-bench", targets: ["MediaBenchmark"]),
        .executable(name: "swiftgate-bench", targets: ["LoadGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/ordo-one/malloc-interposer", from: "1.6.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        systemLibrary("CNice", pkgConfig: "nice", apt: ["libnice-dev"]),
        systemLibrary("COpenSSL", pkgConfig: "openssl", apt: ["libssl-dev"]),
        systemLibrary("CSRTP", pkgConfig: "libsrtp2", apt: ["libsrtp2-dev"]),
        systemLibrary("CCurl", pkgConfig: "libcurl", apt: ["libcurl4-openssl-dev"]),
        systemLibrary("CConfig", pkgConfig: "libconfig", apt: ["libconfig-dev"]),
        .target(name: "CShims", dependencies: ["CCurl"], path: "Sources/CShims"),
        .target(name: "CGLibShims", dependencies: ["CNice"], path: "Sources/CGLibShims"),
        // HMAC-SHA1 with precomputed keyed states for SRTP: no allocation per tag (OpenSSL 3.0's EVP paths allocate).
        .target(name: "CHMACSHA1", dependencies: ["COpenSSL"], path: "Sources/CHMACSHA1"),

        .target(name: "SDP", path: "Sources/SDP"),
        .target(name: "RTP", path: "Sources/RTP"),
        .target(
            name: "WebRTC",
            dependencies: ["CNice", "CGLibShims", "COpenSSL", "CHMACSHA1", "SDP", "RTP"],
            path: "Sources/WebRTC"
        ),

        .target(
            name: "GatewayCore",
            dependencies: [
                "CConfig", "WebRTC", "SDP", "RTP",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/GatewayCore"
        ),
        .target(
            name: "HTTPTransport",
            dependencies: [
                "GatewayCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/HTTPTransport"
        ),
        .target(
            name: "EchoTest",
            dependencies: ["GatewayCore", .product(name: "Logging", package: "swift-log")],
            path: "Plugins/EchoTest"
        ),
        .target(
            name: "SampleEventHandler",
            dependencies: [
                "GatewayCore", "CCurl", "CShims",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "EventHandlers/SampleEventHandler"
        ),
        .executableTarget(
            name: "swiftgate",
            dependencies: [
                "GatewayCore", "HTTPTransport", "EchoTest", "SampleEventHandler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/swiftgate"
        ),
        .executableTarget(
            name: "SwiftGateBenchmarks",
            dependencies: ["GatewayCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/SwiftGateBenchmarks"
        ),
        .target(name: "MediaLoopback", dependencies: ["WebRTC", "SDP"], path: "Benchmarks/MediaLoopback"),
        // libsrtp2 behind SwiftGate's SRTPSession API: the reference for interop tests and the SRTP cost bench only.
        .target(name: "LibSRTPReference", dependencies: ["CSRTP", "WebRTC"], path: "Benchmarks/LibSRTPReference"),
        .executableTarget(
            name: "MediaBenchmark",
            dependencies: [
                "WebRTC", "MediaLoopback", "LibSRTPReference",
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/MediaBenchmark"
        ),
        .target(name: "JanusClient", dependencies: ["CCurl", "CShims"], path: "Benchmarks/JanusClient"),
        .executableTarget(
            name: "APIBenchmark",
            dependencies: ["JanusClient", "CCurl", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/APIBenchmark"
        ),
        .executableTarget(
            name: "LoadGenerator",
            dependencies: [
                "JanusClient", "WebRTC", "SDP", "RTP",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/LoadGenerator"
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LoadGeneratorTests", dependencies: ["LoadGenerator"], path: "Tests/LoadGeneratorTests"),
        .testTarget(
            name: "GatewayCoreTests",
            dependencies: ["GatewayCore", "WebRTC", .product(name: "Logging", package: "swift-log")],
            path: "Tests/GatewayCoreTests"
        ),
        .testTarget(
            name: "HTTPTransportTests",
            dependencies: [
                "HTTPTransport", "GatewayCore", "EchoTest",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/HTTPTransportTests"
        ),
        .testTarget(name: "SDPTests", dependencies: ["TestSupport", "SDP"], path: "Tests/SDPTests"),
        .testTarget(name: "RTPTests", dependencies: ["TestSupport", "RTP"], path: "Tests/RTPTests"),
        .testTarget(name: "WebRTCTests", dependencies: ["TestSupport", "WebRTC", "MediaLoopback", "LibSRTPReference", "SDP", "RTP", "CNice", "COpenSSL"], path: "Tests/WebRTCTests"),
        .testTarget(name: "EchoTestTests", dependencies: ["EchoTest", "GatewayCore"], path: "Tests/EchoTestTests"),
        .testTarget(
            name: "SampleEventHandlerTests",
            dependencies: ["TestSupport", 
                "SampleEventHandler", "GatewayCore",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/SampleEventHandlerTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)

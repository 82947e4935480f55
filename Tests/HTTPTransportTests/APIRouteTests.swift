import GatewayCore
import Testing

@testable import HTTPTransport

@Suite("APIRouter maps method and path to a route")
struct APIRouteTests {
    let janus = APIRouter(kind: .janus, basePath: "/janus")
    let admin = APIRouter(kind: .admin, basePath: "/admin")

    struct Case: CustomTestStringConvertible, Sendable {
        var method: String
        var path: String
        var maxev: String? = nil
        var expected: APIRoute
        var testDescription: String { "\(method) \(path)\(maxev.map { "?maxev=\($0)" } ?? "")" }
    }

    static let janusCases: [Case] = [
        Case(method: "POST", path: "/janus", expected: .request(.root)),
        Case(method: "POST", path: "/janus/", expected: .request(.root)),
        Case(method: "POST", path: "/janus/12", expected: .request(.session(12))),
        Case(method: "POST", path: "/janus/12/", expected: .request(.session(12))),
        Case(method: "post", path: "/janus/12/34", expected: .request(.handle(12, 34))),
        Case(method: "POST", path: "/janus/9007199254740991", expected: .request(.session(9_007_199_254_740_991))),
        Case(method: "GET", path: "/janus/12", expected: .longPoll(12, maxEvents: 1)),
        Case(method: "GET", path: "/janus/12", maxev: "10", expected: .longPoll(12, maxEvents: 10)),
        Case(method: "GET", path: "/janus/12", maxev: "0", expected: .longPoll(12, maxEvents: 1)),
        Case(method: "GET", path: "/janus/12", maxev: "lots", expected: .longPoll(12, maxEvents: 1)),
        Case(method: "GET", path: "/janus/12/34", expected: .redirect(location: "/janus/12")),
        Case(method: "GET", path: "/janus/info", expected: .info),
        Case(method: "GET", path: "/janus/ping", expected: .ping),
        Case(method: "POST", path: "/janus/info", expected: .badRequest),
        Case(method: "GET", path: "/janus", expected: .notFound),
        Case(method: "GET", path: "/janus/abc", expected: .notFound),
        Case(method: "GET", path: "/janus/0", expected: .notFound),
        Case(method: "POST", path: "/janus/1/2/3", expected: .notFound),
        Case(method: "POST", path: "/janus//2", expected: .notFound),
        Case(method: "POST", path: "/janusx", expected: .notFound),
        Case(method: "POST", path: "/other", expected: .notFound),
        Case(method: "OPTIONS", path: "/janus", expected: .preflight),
        Case(method: "OPTIONS", path: "/janus/12/34", expected: .preflight),
        Case(method: "OPTIONS", path: "/janus/1/2/3", expected: .notFound),
        Case(method: "DELETE", path: "/janus", expected: .error(JanusError(450, "Unsupported method DELETE"))),
        Case(method: "PUT", path: "/janus/12", expected: .error(JanusError(450, "Unsupported method PUT"))),
        Case(method: "POST", path: "/janus/abc", expected: .error(JanusError(457, "Invalid session id 'abc' in path"))),
        Case(method: "POST", path: "/janus/0", expected: .error(JanusError(457, "Invalid session id '0' in path"))),
        Case(method: "POST", path: "/janus/+5", expected: .error(JanusError(457, "Invalid session id '+5' in path"))),
        Case(method: "POST", path: "/janus/12/x1", expected: .error(JanusError(457, "Invalid handle id 'x1' in path"))),
        Case(
            method: "POST", path: "/janus/99999999999999999999",
            expected: .error(JanusError(457, "Invalid session id '99999999999999999999' in path"))),
    ]

    @Test("Janus API routes", arguments: janusCases)
    func janusRoutes(_ c: Case) {
        #expect(janus.route(method: c.method, path: c.path, maxEvents: c.maxev) == c.expected)
    }

    static let adminCases: [Case] = [
        Case(method: "POST", path: "/admin", expected: .request(.root)),
        Case(method: "POST", path: "/admin/5", expected: .request(.session(5))),
        Case(method: "POST", path: "/admin/5/6", expected: .request(.handle(5, 6))),
        Case(method: "GET", path: "/admin/info", expected: .info),
        Case(method: "POST", path: "/admin/info", expected: .error(JanusError(450, "Use GET for the info endpoint"))),
        Case(method: "GET", path: "/admin/5", expected: .error(JanusError(454, "Request payload missing"))),
        Case(method: "GET", path: "/janus/5", expected: .notFound),
        Case(method: "PATCH", path: "/admin", expected: .error(JanusError(450, "Unsupported method PATCH"))),
    ]

    @Test("Admin API routes", arguments: adminCases)
    func adminRoutes(_ c: Case) {
        #expect(admin.route(method: c.method, path: c.path, maxEvents: c.maxev) == c.expected)
    }

    @Test("base paths are normalized: missing leading slash added, trailing slash removed, / mounts at root")
    func basePathNormalization() {
        #expect(APIRouter(kind: .janus, basePath: "janus/").basePath == "/janus")
        let root = APIRouter(kind: .janus, basePath: "/")
        #expect(root.basePath == "")
        #expect(root.route(method: "POST", path: "/12/34") == .request(.handle(12, 34)))
        #expect(root.route(method: "POST", path: "/") == .request(.root))
        #expect(root.route(method: "GET", path: "/12") == .longPoll(12, maxEvents: 1))
    }
}

import Hummingbird
import Logging

/// The web pages served beside the Janus API on its port: `html_folder` at the site root and
/// `javascript_folder` under `/javascript/` (Debian's layout for packaged JavaScript libraries, so
/// `libjs-janus-gateway`'s janus.js is `/javascript/janus-gateway/janus.js`).
///
/// GET and HEAD only, through Hummingbird's `FileMiddleware` (ETag, `If-None-Match`, ranges; a
/// folder answers with its `index.html`; a path containing `..` is refused with 400). Only paths
/// outside the API's base path reach it, so it never hides an API route. Static requests emit no
/// transport event: they are not Janus API requests.
struct StaticFiles: Sendable {
    /// URL prefix of `javascript_folder`.
    static let javascriptPath = "/javascript"

    private typealias Files = FileMiddleware<HTTPTransportRequestContext, LocalFileSystem>
    private let html: Files?
    private let javascript: Files?

    /// `nil` when neither folder is configured.
    init?(settings: HTTPTransportSettings, logger: Logger) {
        guard settings.htmlFolder != nil || settings.javascriptFolder != nil else { return nil }
        html = settings.htmlFolder.map { Files($0, searchForIndexHtml: true, logger: logger) }
        javascript = settings.javascriptFolder.map {
            Files($0, urlBasePath: Self.javascriptPath, searchForIndexHtml: false, logger: logger)
        }
    }

    /// Whether this request is one for the static files: any method on a path outside the API
    /// (methods other than GET and HEAD are answered 405).
    static func wants(_ request: Request, router: APIRouter) -> Bool {
        router.segments(of: request.uri.path) == nil
    }

    /// The file's response; an empty 404 when no configured folder has it; 400 for a path with
    /// `..`, a NUL byte or bad percent-encoding; 405 (`Allow: GET, HEAD`) for other methods.
    /// - Throws: file read errors.
    func serve(_ request: Request, context: HTTPTransportRequestContext) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        // A NUL would end the file name early in the file system call, so that `/a.js%00.html` is
        // served as a.js with the type of .html.
        let path = request.uri.path
        guard !path.contains("\0"), !path.lowercased().contains("%00") else { return Response(status: .badRequest) }
        for files in [html, javascript].compactMap({ $0 }) {
            do {
                return try await files.handle(request, context: context) { _, _ in throw HTTPError(.notFound) }
            } catch let error as HTTPError where error.status == .notFound {
                continue
            } catch let error as any HTTPResponseError {
                return try error.response(from: request, context: context)
            }
        }
        return Response(status: .notFound)
    }
}

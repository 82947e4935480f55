import CCurl
import CShims

/// One POST to the backend, as the worker asks for it.
struct PostRequest {
    /// The backend URL (http or https).
    var url: String
    /// The body and whether it is gzipped.
    var body: PostBody
    /// HTTP basic auth user name, `nil` for none.
    var user: String?
    /// HTTP basic auth password, used with `user`.
    var password: String?
    /// Limit for the whole request (connect, send, answer).
    var timeout: Duration
}

/// Why libcurl could not be set up.
struct CurlSetupError: Error, CustomStringConvertible {
    /// What failed.
    var description: String
}

/// POSTs with one reused libcurl easy handle (keeps the connection to the backend alive).
///
/// Fixed options: no proxy whatever the environment says (`CURLOPT_NOPROXY "*"`), http and
/// https only, no redirects, connect timeout 2 s, no signals (thread-safe timeouts), response
/// body discarded, and a transfer under way is aborted once `shutdown`'s deadline has passed
/// (progress callback), so a shutdown never waits out a 10 s request timeout. Headers: `Content-Type: application/json`, `Content-Encoding: gzip` for a
/// gzipped body, and an empty `Expect:` so curl does not wait for `100 Continue` on large bodies.
///
/// - Important: not thread-safe; the delivery worker thread is its only user.
/// - SeeAlso: libcurl `curl_easy_setopt(3)`, `CURLINFO_RETRY_AFTER(3)`.
final class CurlPoster: @unchecked Sendable {
    // @unchecked Sendable: created by the handler's init, then handed to the worker thread, the
    // only thread that touches it afterwards (and its deinit runs when that thread lets go of it).
    private let handle: UnsafeMutableRawPointer
    private let plainHeaders: UnsafeMutablePointer<curl_slist>
    private let gzipHeaders: UnsafeMutablePointer<curl_slist>
    /// Read by the progress callback through an unretained pointer: this strong reference keeps
    /// it alive as long as the handle.
    private let shutdown: ShutdownSignal

    /// The longest wait for the TCP (and TLS) connection.
    static let connectTimeout: Duration = .seconds(2)

    /// - Parameter shutdown: transfers are aborted once its deadline has passed.
    /// - Throws: `CurlSetupError` when libcurl cannot create a handle or refuses an option.
    init(shutdown: ShutdownSignal) throws(CurlSetupError) {
        guard CurlGlobal.initialized else { throw CurlSetupError(description: "curl_global_init failed") }
        guard let handle = curl_easy_init() else { throw CurlSetupError(description: "curl_easy_init failed") }
        let plain = Self.headerList(["Content-Type: application/json", "Expect:"])
        let gzip = Self.headerList(["Content-Type: application/json", "Content-Encoding: gzip", "Expect:"])
        guard let plain, let gzip else {
            curl_slist_free_all(plain)
            curl_slist_free_all(gzip)
            curl_easy_cleanup(handle)
            throw CurlSetupError(description: "curl_slist_append failed")
        }
        self.handle = handle
        self.plainHeaders = plain
        self.gzipHeaders = gzip
        self.shutdown = shutdown
        let results = [
            cshim_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            cshim_curl_setopt_str(handle, CURLOPT_NOPROXY, "*"),
            cshim_curl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http,https"),
            cshim_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            cshim_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(Self.connectTimeout)),
            cshim_curl_setopt_long(handle, CURLOPT_POST, 1),
            cshim_curl_discard_response_body(handle),
            cshim_curl_set_xferinfo(handle, Self.abortAfterShutdownDeadline, Unmanaged.passUnretained(shutdown).toOpaque()),
        ]
        if let failed = results.first(where: { $0 != CURLE_OK }) {
            throw CurlSetupError(description: "curl_easy_setopt failed: \(Self.text(failed))")
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(plainHeaders)
        curl_slist_free_all(gzipHeaders)
    }

    /// Sends `request` and waits for the answer (at most `request.timeout`).
    func post(_ request: PostRequest) -> PostOutcome {
        var setup = [
            cshim_curl_setopt_str(handle, CURLOPT_URL, request.url),
            cshim_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(Self.milliseconds(request.timeout), 1)),
            cshim_curl_setopt_ptr(handle, CURLOPT_HTTPHEADER, request.body.gzipped ? gzipHeaders : plainHeaders),
            cshim_curl_setopt_str(handle, CURLOPT_USERNAME, request.user),
            cshim_curl_setopt_str(handle, CURLOPT_PASSWORD, request.user == nil ? nil : request.password ?? ""),
        ]
        // CURLAUTH_BASIC is a macro with a cast Swift does not import: bit 0.
        setup.append(cshim_curl_setopt_long(handle, CURLOPT_HTTPAUTH, 1))
        if let failed = setup.first(where: { $0 != CURLE_OK }) {
            return .transportError(code: Int(failed.rawValue), message: Self.text(failed))
        }
        let code = request.body.bytes.withUnsafeBytes { bytes in
            // POSTFIELDS is not copied: the bytes stay valid until curl_easy_perform returns.
            _ = cshim_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count)
            _ = cshim_curl_setopt_ptr(handle, CURLOPT_POSTFIELDS, bytes.baseAddress)
            let code = curl_easy_perform(handle)
            _ = cshim_curl_setopt_ptr(handle, CURLOPT_POSTFIELDS, nil)
            return code
        }
        guard code == CURLE_OK else { return .transportError(code: Int(code.rawValue), message: Self.text(code)) }
        var status = 0
        _ = cshim_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var retryAfter: curl_off_t = 0
        _ = cshim_curl_getinfo_off_t(handle, CURLINFO_RETRY_AFTER, &retryAfter)
        return .http(status: status, retryAfter: retryAfter > 0 ? Int(retryAfter) : nil)
    }

    /// Progress callback: non-zero (abort) once the shutdown deadline has passed. Uses only its
    /// parameters (a C function pointer cannot capture context).
    private static let abortAfterShutdownDeadline: curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else { return 0 }
        return Unmanaged<ShutdownSignal>.fromOpaque(context).takeUnretainedValue().deadlinePassed ? 1 : 0
    }

    private static func headerList(_ lines: [String]) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let longer = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                return nil
            }
            list = longer
        }
        return list
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    private static func text(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}

/// libcurl's process-wide initialization, done once before the first handle.
enum CurlGlobal {
    /// Whether `curl_global_init` succeeded (runs on first access; thread-safe `static let`).
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
}

import CCurl
import CShims
import Foundation

/// One libcurl easy handle reused for every request of one benchmark thread, so the TCP
/// connection is kept alive between requests (HTTP/1.1 keep-alive). Not thread safe: one per thread.
public final class CurlClient {
    /// What one request returned: the HTTP status and the body, or the libcurl error text.
    public enum Outcome: Sendable {
        case response(status: Int, body: [UInt8])
        case failed(String)
    }

    private let handle: UnsafeMutableRawPointer
    private let headers: UnsafeMutablePointer<curl_slist>?
    private let sink = ResponseSink()

    /// Creates a handle set up for loopback JSON requests: no proxy (`CURLOPT_NOPROXY "*"`), no
    /// signals, HTTP only, a 10 s timeout per request unless a request says otherwise.
    /// - Returns: `nil` when libcurl cannot create a handle or refuses an option.
    public init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.headers = curl_slist_append(nil, "Content-Type: application/json")
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        let setup: [CURLcode] = [
            cshim_curl_setopt_str(handle, CURLOPT_NOPROXY, "*"),
            cshim_curl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "http"),
            cshim_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            cshim_curl_setopt_long(handle, CURLOPT_TCP_NODELAY, 1),
            cshim_curl_setopt_ptr(handle, CURLOPT_HTTPHEADER, headers),
            cshim_curl_setopt_write_callback(handle, curlWriteCallback),
            cshim_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, sinkPointer),
        ]
        guard setup.allSatisfy({ $0 == CURLE_OK }) else {
            curl_easy_cleanup(handle)
            curl_slist_free_all(headers)
            return nil
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headers)
    }

    /// POSTs `body` to `url` and waits for the whole reply, at most `timeoutMilliseconds`.
    public func post(_ url: String, body: String, timeoutMilliseconds: Int = 10_000) -> Outcome {
        let bytes = Array(body.utf8)
        guard cshim_curl_setopt_long(handle, CURLOPT_POST, 1) == CURLE_OK,
            cshim_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, bytes.count) == CURLE_OK,
            bytes.withUnsafeBytes({ cshim_curl_setopt_ptr(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) }) == CURLE_OK
        else { return .failed("could not set request options") }
        return perform(url, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// GETs `url` (a long poll, say) and waits for the whole reply, at most `timeoutMilliseconds`.
    public func get(_ url: String, timeoutMilliseconds: Int = 10_000) -> Outcome {
        guard cshim_curl_setopt_long(handle, CURLOPT_HTTPGET, 1) == CURLE_OK else {
            return .failed("could not set request options")
        }
        return perform(url, timeoutMilliseconds: timeoutMilliseconds)
    }

    private func perform(_ url: String, timeoutMilliseconds: Int) -> Outcome {
        sink.bytes.removeAll(keepingCapacity: true)
        guard cshim_curl_setopt_str(handle, CURLOPT_URL, url) == CURLE_OK,
            cshim_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMilliseconds) == CURLE_OK
        else { return .failed("could not set request options") }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { return .failed(String(cString: curl_easy_strerror(code))) }
        var status = 0
        _ = cshim_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .response(status: status, body: sink.bytes)
    }
}

/// Where the write callback puts response bytes; owned by its `CurlClient`, which outlives every
/// transfer that writes into it.
private final class ResponseSink {
    var bytes: [UInt8] = []
}

/// CURLOPT_WRITEFUNCTION: appends the chunk to the `ResponseSink` passed as CURLOPT_WRITEDATA.
private func curlWriteCallback(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let length = size * count
    // Unretained: the CurlClient holding the sink is alive for the whole curl_easy_perform call.
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: length) {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
    }
    return length
}

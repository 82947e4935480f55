/// What one POST attempt came back with, as the delivery worker sees it.
enum PostOutcome: Sendable, Equatable {
    /// The backend answered with HTTP `status`. `retryAfter` is its `Retry-After` header in
    /// seconds (delta-seconds, or an HTTP-date converted by libcurl), `nil` when absent or 0.
    case http(status: Int, retryAfter: Int?)
    /// No HTTP answer at all: connection refused, timeout, empty reply, DNS failure…
    /// `code` is libcurl's `CURLcode`, `message` its text (`curl_easy_strerror`).
    case transportError(code: Int, message: String)
}

/// What the worker does with a batch after one attempt.
enum DeliveryDecision: Sendable, Equatable {
    /// The backend took the batch (2xx).
    case delivered
    /// Try again after this wait (408, 429, 5xx or no answer, with retries left).
    case retry(after: Duration)
    /// The backend refused the batch for good (any other non-2xx status): not retried.
    case rejected(status: Int)
    /// Still failing after `maxRetransmissions` retries: the batch is lost.
    case retriesExhausted
}

/// The sample handler's retry rules: which answers are retried and how long to wait.
///
/// Janus 1.1.2's sampleevh retries only when curl itself fails, and then waits
/// `retransmissions_backoff * 2^n` ms before retry n (n = 0, 1, 2 …), at most
/// `max_retransmissions` times (see `reference/EVENTS.md`, "Retransmission / backoff").
/// We keep that schedule and also treat HTTP answers as RFC 9110 defines them: 408
/// (Request Timeout), 429 (Too Many Requests, RFC 6585 §4) and every 5xx are transient and
/// retried; any other non-2xx answer is final. A `Retry-After` (RFC 9110 §10.2.3) lengthens the
/// wait to at least what the server asked, capped at `retryAfterCap`.
struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt before the batch is lost (`max_retransmissions`, ≥ 0).
    var maxRetransmissions: Int
    /// Wait before the first retry, doubled for each further one (`retransmissions_backoff`), in ms.
    var backoffMilliseconds: Int
    /// The longest `Retry-After` honoured: a server asking for more gets this.
    var retryAfterCap: Duration = .seconds(60)
    /// The longest exponential wait, so a large `max_retransmissions` cannot overflow.
    var backoffCap: Duration = .seconds(300)

    /// Wait before retry number `retry` (0-based): `backoff * 2^retry`, capped at `backoffCap`.
    func backoff(forRetry retry: Int) -> Duration {
        let base = Int64(max(backoffMilliseconds, 0))
        let capMilliseconds = backoffCap.components.seconds * 1000
        // Doubling past 2^40 is above any cap we use; stop shifting before Int64 overflows.
        let shift = min(max(retry, 0), 40)
        let (wait, overflow) = base.multipliedReportingOverflow(by: Int64(1) << Int64(shift))
        return .milliseconds(overflow ? capMilliseconds : min(wait, capMilliseconds))
    }

    /// Decides what follows an attempt, given how many retries the batch has had already.
    func decide(_ outcome: PostOutcome, retriesDone: Int) -> DeliveryDecision {
        var retryAfter: Duration?
        switch outcome {
        case .http(let status, let after):
            switch HTTPStatusClass(status: status) {
            case .success: return .delivered
            case .final: return .rejected(status: status)
            case .transient: retryAfter = after.map { Duration.seconds(max($0, 0)) }
            }
        case .transportError:
            break
        }
        guard retriesDone < maxRetransmissions else { return .retriesExhausted }
        let wait = backoff(forRetry: retriesDone)
        guard let retryAfter else { return .retry(after: wait) }
        return .retry(after: max(wait, min(retryAfter, retryAfterCap)))
    }
}

/// How the handler treats an HTTP status code from its backend.
enum HTTPStatusClass: Sendable, Equatable {
    /// 2xx: delivered.
    case success
    /// 408, 429, 5xx: worth trying again later.
    case transient
    /// Every other status (1xx, 3xx, other 4xx): trying again will not help.
    case final

    init(status: Int) {
        switch status {
        case 200...299: self = .success
        case 408, 429, 500...599: self = .transient
        default: self = .final
        }
    }
}

import Testing

@testable import SampleEventHandler

@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetransmissions: 5, backoffMilliseconds: 100)

    @Test("backoff doubles from retransmissions_backoff: 100, 200, 400, 800, 1600 ms")
    func backoffDoubles() {
        #expect((0..<5).map { policy.backoff(forRetry: $0) } == [100, 200, 400, 800, 1600].map { .milliseconds($0) })
    }

    @Test("backoff stops at the cap instead of overflowing")
    func backoffIsCapped() {
        #expect(policy.backoff(forRetry: 62) == .seconds(300))
        #expect(policy.backoff(forRetry: 1000) == .seconds(300))
    }

    @Test("2xx answers are delivered", arguments: [200, 201, 202, 204, 299])
    func successIsDelivered(status: Int) {
        #expect(policy.decide(.http(status: status, retryAfter: nil), retriesDone: 0) == .delivered)
    }

    @Test("408, 429 and 5xx are retried after the backoff", arguments: [408, 429, 500, 502, 503, 504, 599])
    func transientStatusIsRetried(status: Int) {
        #expect(policy.decide(.http(status: status, retryAfter: nil), retriesDone: 2) == .retry(after: .milliseconds(400)))
    }

    @Test("other non-2xx answers are rejected without retry", arguments: [100, 301, 304, 400, 401, 403, 404, 409, 413, 422])
    func finalStatusIsRejected(status: Int) {
        #expect(policy.decide(.http(status: status, retryAfter: nil), retriesDone: 0) == .rejected(status: status))
    }

    @Test("no answer at all (curl error) is retried")
    func transportErrorIsRetried() {
        let refused = PostOutcome.transportError(code: 7, message: "Couldn't connect to server")
        #expect(policy.decide(refused, retriesDone: 0) == .retry(after: .milliseconds(100)))
    }

    @Test("after max_retransmissions retries the batch is exhausted")
    func retriesRunOut() {
        let refused = PostOutcome.transportError(code: 7, message: "Couldn't connect to server")
        #expect(policy.decide(refused, retriesDone: 4) == .retry(after: .milliseconds(1600)))
        #expect(policy.decide(refused, retriesDone: 5) == .retriesExhausted)
        #expect(policy.decide(.http(status: 503, retryAfter: nil), retriesDone: 5) == .retriesExhausted)
    }

    @Test("max_retransmissions 0 never retries")
    func zeroRetries() {
        let none = RetryPolicy(maxRetransmissions: 0, backoffMilliseconds: 100)
        #expect(none.decide(.http(status: 503, retryAfter: nil), retriesDone: 0) == .retriesExhausted)
    }

    @Test("Retry-After longer than the backoff wins; shorter one does not shorten it")
    func retryAfterLengthensTheWait() {
        #expect(policy.decide(.http(status: 503, retryAfter: 2), retriesDone: 0) == .retry(after: .seconds(2)))
        #expect(policy.decide(.http(status: 429, retryAfter: 1), retriesDone: 4) == .retry(after: .milliseconds(1600)))
    }

    @Test("Retry-After is capped at 60 s")
    func retryAfterIsCapped() {
        #expect(policy.decide(.http(status: 503, retryAfter: 3600), retriesDone: 0) == .retry(after: .seconds(60)))
    }

    @Test("Retry-After on a final status does not make it retried")
    func retryAfterOnFinalStatus() {
        #expect(policy.decide(.http(status: 400, retryAfter: 5), retriesDone: 0) == .rejected(status: 400))
    }
}

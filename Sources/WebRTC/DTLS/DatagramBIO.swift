import COpenSSL

/// The write side of a DTLS association: a custom `BIO_METHOD` whose every write is one datagram,
/// handed straight to the transport's delegate (a memory BIO would glue a whole flight together).
///
/// The BIO's data pointer is the owning `DTLSTransport`, unretained (the transport frees the `SSL`,
/// and with it this BIO, in its `deinit`).
/// - Important: `@unchecked Sendable`: the `BIO_METHOD*` is created once in `init` and never changed.
final class DatagramBIO: @unchecked Sendable {
    /// The process-wide method table (created lazily, thread-safe `static let`).
    static let shared = DatagramBIO()
    /// The `BIO_METHOD*`; lives for the whole process.
    let method: OpaquePointer?

    private init() {
        let method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "swiftgate-dtls-datagram")
        BIO_meth_set_write(method) { bio, data, length in
            guard let bio, let data, length > 0 else { return 0 }
            if let raw = BIO_get_data(bio) {
                let transport = Unmanaged<DTLSTransport>.fromOpaque(raw).takeUnretainedValue()
                transport.emit(UnsafeRawBufferPointer(start: data, count: Int(length)))
            }
            return length
        }
        // Only flush succeeds; there is no MTU to query, no pending data, no peer address.
        BIO_meth_set_ctrl(method) { _, command, _, _ in command == BIO_CTRL_FLUSH ? 1 : 0 }
        BIO_meth_set_create(method) { bio in
            BIO_set_init(bio, 1)
            return 1
        }
        BIO_meth_set_destroy(method) { bio in
            BIO_set_data(bio, nil)
            BIO_set_init(bio, 0)
            return 1
        }
        self.method = method
    }
}

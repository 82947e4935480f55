#ifndef SWIFTGATE_HMAC_SHA1_H
#define SWIFTGATE_HMAC_SHA1_H
// HMAC-SHA1 (RFC 2104) with the keyed inner and outer SHA-1 states computed once, so that each
// tag costs two state copies and no allocation. OpenSSL 3.0's EVP_MAC_init, HMAC_Init_ex (reuse)
// and EVP_MD_CTX_copy_ex all allocate per call; this does not. Used by SRTP (RFC 3711 §4.2.1).
#include <stddef.h>
#include <stdint.h>

/// A keyed HMAC-SHA1: the SHA-1 states after hashing (key ^ ipad) and (key ^ opad).
typedef struct sg_hmac_sha1 sg_hmac_sha1;

/// Allocates and keys an HMAC-SHA1 (call at setup, not per packet). `key` may be any length
/// (keys longer than 64 bytes are hashed first, RFC 2104 §3). Returns NULL if out of memory.
sg_hmac_sha1 *sg_hmac_sha1_new(const uint8_t *key, size_t key_length);

/// Frees what sg_hmac_sha1_new returned (NULL is ignored); wipes the key states first.
void sg_hmac_sha1_free(sg_hmac_sha1 *hmac);

/// HMAC-SHA1 over `first` (first_length bytes) followed by `second` (second_length bytes, may be
/// 0 with second NULL), written as 20 bytes to `out`. Does not allocate; `hmac` is not modified,
/// so one keyed object may serve any number of messages (on one thread at a time or several).
void sg_hmac_sha1_compute(const sg_hmac_sha1 *hmac, const uint8_t *first, size_t first_length,
                          const uint8_t *second, size_t second_length, uint8_t out[20]);

#endif

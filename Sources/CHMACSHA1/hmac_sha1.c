// HMAC-SHA1 over OpenSSL's low-level SHA-1 (RFC 2104): the two keyed states are kept, and each
// message copies them by value on the stack. The SHA1_* functions are deprecated in OpenSSL 3 in
// favour of EVP, whose reuse paths allocate; they are still exported, so we use them here.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "hmac_sha1.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <stdlib.h>
#include <string.h>

struct sg_hmac_sha1 {
    SHA_CTX inner;  // state after absorbing key ^ 0x36 (one 64-byte block)
    SHA_CTX outer;  // state after absorbing key ^ 0x5c
};

sg_hmac_sha1 *sg_hmac_sha1_new(const uint8_t *key, size_t key_length) {
    sg_hmac_sha1 *hmac = malloc(sizeof *hmac);
    if (hmac == NULL) return NULL;
    uint8_t block[SHA_CBLOCK];
    memset(block, 0, sizeof block);
    if (key_length > SHA_CBLOCK) {
        SHA1(key, key_length, block);  // RFC 2104 §3: a long key is replaced by its hash
    } else if (key_length > 0) {
        memcpy(block, key, key_length);
    }
    uint8_t pad[SHA_CBLOCK];
    for (size_t i = 0; i < SHA_CBLOCK; i++) pad[i] = block[i] ^ 0x36;
    SHA1_Init(&hmac->inner);
    SHA1_Update(&hmac->inner, pad, sizeof pad);
    for (size_t i = 0; i < SHA_CBLOCK; i++) pad[i] = block[i] ^ 0x5c;
    SHA1_Init(&hmac->outer);
    SHA1_Update(&hmac->outer, pad, sizeof pad);
    OPENSSL_cleanse(block, sizeof block);
    OPENSSL_cleanse(pad, sizeof pad);
    return hmac;
}

void sg_hmac_sha1_free(sg_hmac_sha1 *hmac) {
    if (hmac == NULL) return;
    OPENSSL_cleanse(hmac, sizeof *hmac);
    free(hmac);
}

void sg_hmac_sha1_compute(const sg_hmac_sha1 *hmac, const uint8_t *first, size_t first_length,
                          const uint8_t *second, size_t second_length, uint8_t out[20]) {
    SHA_CTX context = hmac->inner;
    uint8_t inner_digest[SHA_DIGEST_LENGTH];
    SHA1_Update(&context, first, first_length);
    if (second_length > 0) SHA1_Update(&context, second, second_length);
    SHA1_Final(inner_digest, &context);
    context = hmac->outer;
    SHA1_Update(&context, inner_digest, sizeof inner_digest);
    SHA1_Final(out, &context);
    OPENSSL_cleanse(&context, sizeof context);
}

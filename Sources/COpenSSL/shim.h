// OpenSSL 3: DTLS (RFC 6347) for DTLS-SRTP key exchange (RFC 5764), certificates, digests.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/bio.h>
#include <openssl/srtp.h>
#include <openssl/rand.h>
#include <openssl/pem.h>

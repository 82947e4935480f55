#ifndef SWIFTGATE_CSHIMS_H
#define SWIFTGATE_CSHIMS_H
// Typed wrappers for C functions Swift cannot call: variadic functions and function-like macros.
#include <curl/curl.h>

/// curl_easy_setopt with a long argument.
CURLcode cshim_curl_setopt_long(CURL *handle, CURLoption option, long value);
/// curl_easy_setopt with a pointer argument (strings are copied by libcurl, others are not).
CURLcode cshim_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value);
/// curl_easy_setopt with a NUL-terminated string (libcurl copies it) or NULL to reset the option.
CURLcode cshim_curl_setopt_str(CURL *handle, CURLoption option, const char *value);
/// curl_easy_getinfo for a long result.
CURLcode cshim_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);
/// curl_easy_getinfo for a curl_off_t result (e.g. CURLINFO_RETRY_AFTER, seconds).
CURLcode cshim_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
/// Installs a CURLOPT_WRITEFUNCTION that accepts and drops the response body, so libcurl never
/// writes it to stdout (its default).
CURLcode cshim_curl_discard_response_body(CURL *handle);

/// curl_easy_setopt(CURLOPT_WRITEFUNCTION, callback): `callback` receives each chunk of the response
/// body with the CURLOPT_WRITEDATA pointer and must return size * count to accept it.
CURLcode cshim_curl_setopt_write_callback(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
/// Installs `callback` as CURLOPT_XFERINFOFUNCTION with `context` as its CURLOPT_XFERINFODATA and
/// turns progress reporting on; a non-zero return from `callback` aborts the transfer
/// (CURLE_ABORTED_BY_CALLBACK). libcurl calls it about once a second, and more often while data moves.
CURLcode cshim_curl_set_xferinfo(CURL *handle, curl_xferinfo_callback callback, void *context);

#endif

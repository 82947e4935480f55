#ifndef SWIFTGATE_CSHIMS_H
#define SWIFTGATE_CSHIMS_H
// Typed wrappers for C functions Swift cannot call: variadic functions and function-like macros.
#include <curl/curl.h>

/// curl_easy_setopt with a long argument.
CURLcode cshim_curl_setopt_long(CURL *handle, CURLoption option, long value);
/// curl_easy_setopt with a pointer argument (strings are copied by libcurl, others are not).
CURLcode cshim_curl_setopt_ptr(CURL *handle, CURLoption option, const void *value);
/// curl_easy_getinfo for a long result.
CURLcode cshim_curl_getinfo_long(CURL *handle, CURLINFO info, long *value);

#endif

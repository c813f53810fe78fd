// Typed wrappers for libcurl's variadic calls, which Swift cannot call.
// No logic lives here: each function forwards to exactly one libcurl call.
#ifndef CCURLSHIM_H
#define CCURLSHIM_H
#include <curl/curl.h>

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_write_callback(CURL *handle, CURLoption option,
    size_t (*callback)(char *, size_t, size_t, void *));
CURLcode ccurl_easy_setopt_read_callback(CURL *handle, CURLoption option,
    size_t (*callback)(char *, size_t, size_t, void *));
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLMcode ccurl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);
CURLSHcode ccurl_share_setopt_long(CURLSH *handle, CURLSHoption option, long value);

#endif

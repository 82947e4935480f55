// libcurl: HTTP client used by the sample event handler to POST events.
#include <curl/curl.h>

#ifndef SWIFTGATE_MEDIA_POLL_H
#define SWIFTGATE_MEDIA_POLL_H
// An epoll-backed GPollFunc for a media loop's GMainContext (see media_poll.c). Every function
// but cglib_media_poll_new/free runs on the loop's own thread (or after it ended).
#include <glib.h>

typedef struct cglib_media_poll cglib_media_poll;

/// A new epoll set with no descriptor; NULL when epoll_create1 or malloc fails.
cglib_media_poll *cglib_media_poll_new(void);

/// Closes the epoll descriptor and frees the set (after cglib_media_poll_uninstall).
void cglib_media_poll_free(cglib_media_poll *poll_set);

/// Makes `poll_set` this thread's and the poll function of `context` (call on the loop thread,
/// before the loop runs).
void cglib_media_poll_install(cglib_media_poll *poll_set, GMainContext *context);

/// Restores g_poll as `context`'s poll function and forgets this thread's set.
void cglib_media_poll_uninstall(GMainContext *context);

/// Registers a socket GLib polls on this context (a PeerConnection's selected ICE socket): from
/// the next iteration on, epoll watches it. The caller must remove it before the socket is closed.
/// Returns 0, or -1 when out of memory (the socket then stays with plain poll).
int cglib_media_poll_add(cglib_media_poll *poll_set, int fd);

/// Unregisters a socket (idempotent).
void cglib_media_poll_remove(cglib_media_poll *poll_set, int fd);

/// How many sockets are registered.
int cglib_media_poll_count(const cglib_media_poll *poll_set);

/// How many times poll returned with something ready (for tests and benchmarks).
unsigned long long cglib_media_poll_wakeups(const cglib_media_poll *poll_set);

#endif

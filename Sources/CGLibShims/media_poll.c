// An epoll-backed poll function for a media loop's GMainContext. The sockets a media loop
// carries packets on (one selected ICE socket per PeerConnection) are registered once in an epoll
// set; each loop iteration then polls GLib's other descriptors plus the epoll descriptor, instead
// of making the kernel walk every socket of the context on every wake-up (poll(2) is linear in the
// number of descriptors). Registered sockets keep GLib's semantics: GLib still lists them in the
// array it hands to the poll function, and gets their revents back from epoll_wait.
#include "media_poll.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

enum { FD_NONE = 0, FD_ARMED = 1, FD_PARKED = 2 };

struct cglib_media_poll {
    int epoll_fd;
    int capacity;          // entries in the fd-indexed tables below
    unsigned char *kind;   // FD_NONE, FD_ARMED (in the epoll set) or FD_PARKED (registered, not in it)
    uint32_t *armed;       // epoll events the descriptor is registered with
    uint32_t *wanted;      // epoll events GLib asks for in this iteration
    int *slot;             // index of the descriptor in this iteration's GLib array
    unsigned *seen;        // iteration in which GLib last listed the descriptor
    unsigned char *twice;  // GLib listed the descriptor more than once in this iteration
    int *media;            // the registered descriptors
    int media_count, media_capacity;
    unsigned iteration;
    struct pollfd *others; // GLib's other descriptors plus the epoll descriptor
    int *others_slot;
    int others_capacity;
    unsigned long long wakeups, media_ready;
};

static __thread cglib_media_poll *current;

static uint32_t to_epoll(gushort events) {
    uint32_t out = 0;
    if (events & G_IO_IN) out |= EPOLLIN;
    if (events & G_IO_OUT) out |= EPOLLOUT;
    if (events & G_IO_PRI) out |= EPOLLPRI;
    return out;  // EPOLLERR and EPOLLHUP are always reported
}

static gushort from_epoll(uint32_t events) {
    gushort out = 0;
    if (events & EPOLLIN) out |= G_IO_IN;
    if (events & EPOLLOUT) out |= G_IO_OUT;
    if (events & EPOLLPRI) out |= G_IO_PRI;
    if (events & EPOLLERR) out |= G_IO_ERR;
    if (events & EPOLLHUP) out |= G_IO_HUP;
    return out;
}

static int grow(void **table, size_t element, int old_count, int new_count) {
    void *bigger = realloc(*table, element * (size_t)new_count);
    if (bigger == NULL) return -1;
    memset((char *)bigger + element * (size_t)old_count, 0, element * (size_t)(new_count - old_count));
    *table = bigger;
    return 0;
}

static int ensure_fd_capacity(cglib_media_poll *poll_set, int fd) {
    if (fd < poll_set->capacity) return 0;
    int count = poll_set->capacity ? poll_set->capacity : 256;
    while (count <= fd) count *= 2;
    if (grow((void **)&poll_set->kind, 1, poll_set->capacity, count) ||
        grow((void **)&poll_set->armed, sizeof(uint32_t), poll_set->capacity, count) ||
        grow((void **)&poll_set->wanted, sizeof(uint32_t), poll_set->capacity, count) ||
        grow((void **)&poll_set->slot, sizeof(int), poll_set->capacity, count) ||
        grow((void **)&poll_set->seen, sizeof(unsigned), poll_set->capacity, count) ||
        grow((void **)&poll_set->twice, 1, poll_set->capacity, count))
        return -1;
    poll_set->capacity = count;
    return 0;
}

cglib_media_poll *cglib_media_poll_new(void) {
    cglib_media_poll *poll_set = calloc(1, sizeof *poll_set);
    if (poll_set == NULL) return NULL;
    poll_set->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (poll_set->epoll_fd < 0) {
        free(poll_set);
        return NULL;
    }
    return poll_set;
}

void cglib_media_poll_free(cglib_media_poll *poll_set) {
    if (poll_set == NULL) return;
    close(poll_set->epoll_fd);
    free(poll_set->kind); free(poll_set->armed); free(poll_set->wanted); free(poll_set->slot);
    free(poll_set->seen); free(poll_set->twice); free(poll_set->media);
    free(poll_set->others); free(poll_set->others_slot);
    free(poll_set);
}

int cglib_media_poll_add(cglib_media_poll *poll_set, int fd) {
    if (poll_set == NULL || fd < 0) return -1;
    if (ensure_fd_capacity(poll_set, fd)) return -1;
    if (poll_set->kind[fd] != FD_NONE) return 0;
    if (poll_set->media_count == poll_set->media_capacity) {
        int count = poll_set->media_capacity ? poll_set->media_capacity * 2 : 64;
        int *bigger = realloc(poll_set->media, sizeof(int) * (size_t)count);
        if (bigger == NULL) return -1;
        poll_set->media = bigger;
        poll_set->media_capacity = count;
    }
    poll_set->media[poll_set->media_count++] = fd;
    poll_set->kind[fd] = FD_PARKED;  // armed by the next poll in which GLib lists it
    poll_set->armed[fd] = 0;
    return 0;
}

void cglib_media_poll_remove(cglib_media_poll *poll_set, int fd) {
    if (poll_set == NULL || fd < 0 || fd >= poll_set->capacity || poll_set->kind[fd] == FD_NONE) return;
    if (poll_set->kind[fd] == FD_ARMED) epoll_ctl(poll_set->epoll_fd, EPOLL_CTL_DEL, fd, NULL);
    poll_set->kind[fd] = FD_NONE;
    for (int i = 0; i < poll_set->media_count; i++) {
        if (poll_set->media[i] == fd) {
            poll_set->media[i] = poll_set->media[--poll_set->media_count];
            break;
        }
    }
}

int cglib_media_poll_count(const cglib_media_poll *poll_set) { return poll_set ? poll_set->media_count : 0; }

unsigned long long cglib_media_poll_wakeups(const cglib_media_poll *poll_set) { return poll_set ? poll_set->wakeups : 0; }

static void poll_directly(cglib_media_poll *poll_set, GPollFD *fds, guint count, int fd, int *others);

// Arms what GLib lists, parks what it does not (a parked descriptor must not wake the loop: GLib
// would not dispatch it and epoll, level-triggered, would report it again at once). A descriptor
// epoll refuses is polled directly this time, so it is never left unwatched.
static void sync_registrations(cglib_media_poll *poll_set, GPollFD *fds, guint count, int *others) {
    for (int i = 0; i < poll_set->media_count; i++) {
        int fd = poll_set->media[i];
        if (poll_set->seen[fd] == poll_set->iteration) {
            uint32_t want = poll_set->wanted[fd];
            struct epoll_event event = {.events = want, .data.fd = fd};
            if (poll_set->kind[fd] == FD_PARKED) {
                if (epoll_ctl(poll_set->epoll_fd, EPOLL_CTL_ADD, fd, &event) == 0 ||
                    (errno == EEXIST && epoll_ctl(poll_set->epoll_fd, EPOLL_CTL_MOD, fd, &event) == 0)) {
                    poll_set->kind[fd] = FD_ARMED;
                    poll_set->armed[fd] = want;
                } else {
                    poll_directly(poll_set, fds, count, fd, others);
                }
            } else if (poll_set->armed[fd] != want) {
                if (epoll_ctl(poll_set->epoll_fd, EPOLL_CTL_MOD, fd, &event) == 0) {
                    poll_set->armed[fd] = want;
                } else {
                    epoll_ctl(poll_set->epoll_fd, EPOLL_CTL_DEL, fd, NULL);
                    poll_set->kind[fd] = FD_PARKED;
                    poll_directly(poll_set, fds, count, fd, others);
                }
            }
        } else if (poll_set->kind[fd] == FD_ARMED) {
            epoll_ctl(poll_set->epoll_fd, EPOLL_CTL_DEL, fd, NULL);
            poll_set->kind[fd] = FD_PARKED;
        }
    }
}

// Puts GLib's entries for `fd` among the directly polled descriptors, and forgets that it was
// listed, so epoll's answers cannot touch those entries.
static void poll_directly(cglib_media_poll *poll_set, GPollFD *fds, guint count, int fd, int *others) {
    poll_set->seen[fd] = poll_set->iteration - 1;
    for (guint i = 0; i < count; i++) {
        if (fds[i].fd != fd) continue;
        poll_set->others[*others] = (struct pollfd){.fd = fd, .events = (short)fds[i].events, .revents = 0};
        poll_set->others_slot[(*others)++] = (int)i;
    }
}

static int ensure_others_capacity(cglib_media_poll *poll_set, guint count) {
    if ((int)count <= poll_set->others_capacity) return 0;
    int bigger_count = poll_set->others_capacity ? poll_set->others_capacity : 64;
    while (bigger_count < (int)count) bigger_count *= 2;
    struct pollfd *others = realloc(poll_set->others, sizeof *others * (size_t)bigger_count);
    if (others == NULL) return -1;
    poll_set->others = others;
    int *slots = realloc(poll_set->others_slot, sizeof *slots * (size_t)bigger_count);
    if (slots == NULL) return -1;
    poll_set->others_slot = slots;
    poll_set->others_capacity = bigger_count;
    return 0;
}

static void mark_ready(cglib_media_poll *poll_set, GPollFD *fds, guint count, int fd, gushort revents) {
    if (fd < 0 || fd >= poll_set->capacity || poll_set->seen[fd] != poll_set->iteration) return;
    if (!poll_set->twice[fd]) {
        fds[poll_set->slot[fd]].revents = revents & (fds[poll_set->slot[fd]].events | G_IO_ERR | G_IO_HUP);
        return;
    }
    for (guint i = 0; i < count; i++) {
        if (fds[i].fd == fd) fds[i].revents = revents & (fds[i].events | G_IO_ERR | G_IO_HUP);
    }
}

static gint media_poll_function(GPollFD *fds, guint count, gint timeout) {
    cglib_media_poll *poll_set = current;
    if (poll_set == NULL || poll_set->media_count == 0 || ensure_others_capacity(poll_set, count + 1)) {
        return g_poll(fds, count, timeout);
    }
    poll_set->iteration++;
    int others = 0;
    for (guint i = 0; i < count; i++) {
        int fd = fds[i].fd;
        fds[i].revents = 0;
        if (fd >= 0 && fd < poll_set->capacity && poll_set->kind[fd] != FD_NONE) {
            if (poll_set->seen[fd] == poll_set->iteration) {
                poll_set->wanted[fd] |= to_epoll(fds[i].events);
                poll_set->twice[fd] = 1;
            } else {
                poll_set->seen[fd] = poll_set->iteration;
                poll_set->wanted[fd] = to_epoll(fds[i].events);
                poll_set->slot[fd] = (int)i;
                poll_set->twice[fd] = 0;
            }
            continue;
        }
        poll_set->others[others] = (struct pollfd){.fd = fd, .events = (short)fds[i].events, .revents = 0};
        poll_set->others_slot[others++] = (int)i;
    }
    sync_registrations(poll_set, fds, count, &others);
    poll_set->others[others] = (struct pollfd){.fd = poll_set->epoll_fd, .events = POLLIN, .revents = 0};
    int result = poll(poll_set->others, (nfds_t)others + 1, timeout);
    if (result <= 0) return result;
    poll_set->wakeups++;
    for (int k = 0; k < others; k++) {
        if (poll_set->others[k].revents) fds[poll_set->others_slot[k]].revents = (gushort)poll_set->others[k].revents;
    }
    if (poll_set->others[others].revents & POLLIN) {
        struct epoll_event events[64];
        int ready = epoll_wait(poll_set->epoll_fd, events, 64, 0);
        for (int k = 0; k < ready; k++) mark_ready(poll_set, fds, count, events[k].data.fd, from_epoll(events[k].events));
    }
    int total = 0;
    for (guint i = 0; i < count; i++) total += fds[i].revents != 0;
    return total;
}

void cglib_media_poll_install(cglib_media_poll *poll_set, GMainContext *context) {
    current = poll_set;
    g_main_context_set_poll_func(context, media_poll_function);
}

void cglib_media_poll_uninstall(GMainContext *context) {
    g_main_context_set_poll_func(context, g_poll);
    current = NULL;
}

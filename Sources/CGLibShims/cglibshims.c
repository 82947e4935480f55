#define _GNU_SOURCE
#include "cglibshims.h"
#include <sys/syscall.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <time.h>

void cglib_object_set_bool(gpointer object, const char *property, gboolean value) {
    g_object_set(object, property, value, NULL);
}

void cglib_object_set_uint(gpointer object, const char *property, guint value) {
    g_object_set(object, property, value, NULL);
}

void cglib_object_set_string(gpointer object, const char *property, const char *value) {
    g_object_set(object, property, value, NULL);
}

gboolean cglib_object_get_bool(gpointer object, const char *property) {
    gboolean result = FALSE;
    g_object_get(object, property, &result, NULL);
    return result;
}

guint cglib_object_get_uint(gpointer object, const char *property) {
    guint result = 0;
    g_object_get(object, property, &result, NULL);
    return result;
}

gboolean cglib_object_has_property(gpointer object, const char *property) {
    return g_object_class_find_property(G_OBJECT_GET_CLASS(object), property) != NULL;
}

int cglib_current_thread_id(void) {
    return (int)syscall(SYS_gettid);
}

void cglib_set_current_thread_name(const char *name) {
    char cut[16];
    strncpy(cut, name, sizeof(cut) - 1);
    cut[sizeof(cut) - 1] = '\0';
    pthread_setname_np(pthread_self(), cut);
}

int cglib_thread_join_within(pthread_t thread, unsigned int timeout_ms) {
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_ms / 1000;
    deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000L;
    }
    return pthread_timedjoin_np(thread, NULL, &deadline);
}

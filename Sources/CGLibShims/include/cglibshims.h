#ifndef SWIFTGATE_CGLIBSHIMS_H
#define SWIFTGATE_CGLIBSHIMS_H
// Typed wrappers for GLib/GObject/libnice calls Swift cannot make: variadic functions
// (g_object_set/g_object_get), function-like macros, and the gettid system call.
#include <glib.h>
#include <glib-object.h>
#include <nice/agent.h>
#include <pthread.h>

#include "media_poll.h"

/// g_object_set(object, property, (gboolean)value, NULL).
void cglib_object_set_bool(gpointer object, const char *property, gboolean value);

/// g_object_set(object, property, (guint)value, NULL).
void cglib_object_set_uint(gpointer object, const char *property, guint value);

/// g_object_set(object, property, (const gchar *)value, NULL); GObject copies the string.
void cglib_object_set_string(gpointer object, const char *property, const char *value);

/// g_object_get(object, property, &result, NULL) for a boolean property.
gboolean cglib_object_get_bool(gpointer object, const char *property);

/// g_object_get(object, property, &result, NULL) for a guint property.
guint cglib_object_get_uint(gpointer object, const char *property);

/// Whether the object's class has a property with this name (g_object_class_find_property on
/// G_OBJECT_GET_CLASS(object)); lets callers probe features of the installed libnice.
gboolean cglib_object_has_property(gpointer object, const char *property);

/// The Linux thread id (TID) of the calling thread, as listed in /proc/self/task.
int cglib_current_thread_id(void);

/// Names the calling thread (pthread_setname_np; Linux keeps at most 15 bytes, longer names are cut).
void cglib_set_current_thread_name(const char *name);

/// pthread_timedjoin_np with a relative bound: waits up to `timeout_ms` milliseconds for `thread` to
/// exit and joins it. Returns 0 when joined, ETIMEDOUT when the bound passed, another errno otherwise.
int cglib_thread_join_within(pthread_t thread, unsigned int timeout_ms);

#endif

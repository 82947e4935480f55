#ifndef SWIFTGATE_CGLIBSHIMS_H
#define SWIFTGATE_CGLIBSHIMS_H
// Typed wrappers for GLib/GObject/libnice calls Swift cannot make: variadic functions
// (g_object_set/g_object_get) and function-like macros.
#include <glib.h>
#include <glib-object.h>
#include <nice/agent.h>

/// g_object_set(object, property, (gboolean)value, NULL).
void cglib_object_set_bool(gpointer object, const char *property, gboolean value);

#endif

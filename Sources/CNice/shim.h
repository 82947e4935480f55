// libnice (ICE, RFC 8445) and the GLib main loop it runs on.
#include <glib.h>
#include <glib-object.h>
#include <nice/agent.h>

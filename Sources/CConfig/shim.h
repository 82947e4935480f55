// libconfig: parser for Janus's .jcfg configuration files.
#include <libconfig.h>

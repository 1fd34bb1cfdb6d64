// toml++'s implementation, compiled once into the core when indie is built with
// INDIE_FAST_START (CMakeLists.txt): toml++'s documented "compiled in one translation unit"
// mode, from Debian's headers, instead of loading libtomlplusplus.so at every start.
#ifdef INDIE_TOML_IMPLEMENTATION
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
#endif

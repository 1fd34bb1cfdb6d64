#pragma once
// Loading indie's modules (indie-pdf.so, indie-xml.so): the shared objects that alone link a
// heavy library (pango and cairo, libxml2 and ICU), so that only the commands that need it pay
// for loading it (issue 19).
#include <string_view>

namespace indie {

/// dlopen()s `file` from beside the binary (the build tree), else from where `cmake --install`
/// puts it relative to the binary (INDIE_MODULE_DIR). Throws storage_error saying which
/// feature (`needed_for`, e.g. "PDF output") needs it, and what to do `meanwhile`.
void* load_module(const char* file, std::string_view needed_for, std::string_view meanwhile);

/// The address of `name` in a loaded module; throws storage_error when the module is of another
/// version of indie.
void* module_symbol(void* handle, const char* file, const char* name);

}  // namespace indie

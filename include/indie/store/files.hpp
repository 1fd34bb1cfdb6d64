#pragma once
/// Reading and writing whole files, with errors that name the path.
#include <string>

namespace indie {

/// The file's bytes; `-` reads standard input. Throws invalid_input naming the path.
std::string read_file(const std::string& path);
/// Replaces `path` atomically (temporary file, fsync, rename) with owner-only permissions,
/// creating its directory if needed (unless told not to).
void write_file_atomic(const std::string& path, const std::string& contents,
                       bool create_directories = true);

}  // namespace indie

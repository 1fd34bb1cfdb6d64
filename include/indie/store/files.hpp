#pragma once
/// Reading and writing whole files, with errors that name the path.
#include <cstddef>
#include <string>

namespace indie {

/// What read_file takes at most unless told otherwise: ten years of time entries exported as
/// CSV are about 60 MB.
inline constexpr std::size_t kMaxInputBytes = std::size_t{256} << 20;

/// The file's bytes; `-` reads standard input. Reads at most `max_bytes` (a larger input, or an
/// endless one such as /dev/zero, is refused naming the limit, never read whole first). Throws
/// invalid_input naming the path.
std::string read_file(const std::string& path, std::size_t max_bytes = kMaxInputBytes);

/// Writes `contents` to `path`, whole or not at all: a regular file (or a new one) is replaced
/// atomically (temporary file, fsync, rename) with owner-only permissions, creating its
/// directory if needed (unless told not to); a link to one replaces its target, not the link.
/// What is not a regular file is written into, never replaced: a character device such as
/// /dev/null, a FIFO or a process substitution, a socket; /dev/stdout and /dev/stderr are the
/// process's own. A directory or a block device is refused.
void write_file_atomic(const std::string& path, const std::string& contents,
                       bool create_directories = true);

/// An exclusive lock on `path` (created if missing, mode 0600), held until destroyed: what two
/// processes must not do at once (read, change and write the config file) waits for it.
/// Throws conflict, naming what holds it, when it is not free within `wait_ms`.
class FileLock {
 public:
  FileLock(const std::string& path, int wait_ms);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace indie

#include "indie/store/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

#include "indie/core/error.hpp"

namespace indie {

namespace {

std::string size_text(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0)
    return fmt::format("{} MiB", bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

// Reads `fd` to its end, or throws once more than `max_bytes` came.
std::string read_capped(int fd, const std::string& name, std::size_t max_bytes) {
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw invalid_input(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    }
    if (n == 0) return out;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes)
      throw invalid_input(
          fmt::format("{} is larger than indie reads ({}); give the file it should be, or split it",
                      name, size_text(max_bytes)));
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

void write_all(int fd, const std::string& contents, const std::string& path) {
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string read_file(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return read_capped(STDIN_FILENO, "standard input", max_bytes);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw invalid_input(fmt::format("{} is a directory; give a file", path));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw invalid_input(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  struct stat st {};
  // A regular file says its size: one above the limit is refused before a byte is read.
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<std::size_t>(st.st_size) > max_bytes) {
    ::close(fd);
    throw invalid_input(
        fmt::format("{} is larger than indie reads ({}); give the file it should "
                    "be, or split it",
                    path, size_text(max_bytes)));
  }
  try {
    std::string out = read_capped(fd, path, max_bytes);
    ::close(fd);
    return out;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

void write_file_atomic(const std::string& path, const std::string& contents,
                       bool create_directories) {
  // The process's own streams, whatever they are (a terminal, a pipe, a file): /dev/stdout is a
  // link into /proc, and replacing it would replace the link, not write the output.
  if (path == "/dev/stdout" || path == "/dev/stderr") {
    write_all(path == "/dev/stdout" ? STDOUT_FILENO : STDERR_FILENO, contents, path);
    return;
  }
  std::filesystem::path p(path);
  std::error_code ec;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode))
      throw invalid_input(fmt::format("cannot write {}: it is a directory", path));
    if (S_ISBLK(st.st_mode))
      throw invalid_input(
          fmt::format("cannot write {}: it is a block device (a disk); give a file", path));
    if (!S_ISREG(st.st_mode)) {
      // A character device (/dev/null), a FIFO or a process substitution, a socket: written
      // into as it is. Renaming a file over it would replace the system's /dev/null, or leave
      // the reader of the FIFO with nothing (issue 35.3).
      const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd < 0)
        throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
      try {
        write_all(fd, contents, path);
      } catch (...) {
        ::close(fd);
        throw;
      }
      ::close(fd);
      return;
    }
    // A link to a regular file: the file is replaced, the link stays.
    if (std::filesystem::is_symlink(p, ec)) {
      const auto target = std::filesystem::canonical(p, ec);
      if (!ec) p = target;
    }
  }
  const std::string target = p.string();
  if (create_directories && !p.parent_path().empty()) {
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec)
      throw storage_error(fmt::format("cannot create the directory {}: {}",
                                      p.parent_path().string(), ec.message()));
  }
  // A fresh temporary file beside the target (same file system, so rename is atomic), made
  // with O_EXCL by mkostemp: a symlink or file planted at a predictable name is never followed
  // or overwritten. Mode 0600: the file may hold client data.
  std::string tmp = target + ".XXXXXX";
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  try {
    write_all(fd, contents, path);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(tmp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
}

FileLock::FileLock(const std::string& path, int wait_ms) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY, 0600);
  if (fd_ < 0)
    throw storage_error(fmt::format("cannot open the lock {}: {}", path, std::strerror(errno)));
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int err = errno;
      ::close(fd_);
      throw storage_error(fmt::format("cannot lock {}: {}", path, std::strerror(err)));
    }
    if (std::chrono::steady_clock::now() >= until) {
      ::close(fd_);
      throw conflict(fmt::format(
          "another indie is changing the same file (it holds {}); try again when it is done",
          path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace indie

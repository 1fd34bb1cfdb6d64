#include "indie/store/files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "indie/core/error.hpp"

namespace indie {

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw invalid_input(fmt::format("{} is a directory; give a file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw invalid_input(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file_atomic(const std::string& path, const std::string& contents,
                       bool create_directories) {
  const std::filesystem::path p(path);
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec))
    throw invalid_input(fmt::format("cannot write {}: it is a directory", path));
  if (create_directories && !p.parent_path().empty()) {
    std::filesystem::create_directories(p.parent_path(), ec);
    if (ec)
      throw storage_error(fmt::format("cannot create the directory {}: {}",
                                      p.parent_path().string(), ec.message()));
  }
  // A fresh temporary file beside the target (same file system, so rename is atomic), made
  // with O_EXCL by mkostemp: a symlink or file planted at a predictable name is never followed
  // or overwritten. Mode 0600: the file may hold client data.
  std::string tmp = path + ".XXXXXX";
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  std::size_t done = 0;
  while (done < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw storage_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
}

}  // namespace indie

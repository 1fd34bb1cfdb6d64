#pragma once
/// Typed errors thrown by every layer and caught once, in main().
#include <stdexcept>
#include <string>

namespace indie {

enum class ErrorKind {
  invalid_input,      ///< the user gave a value indie cannot accept
  not_found,          ///< a named client, project, key … does not exist
  conflict,           ///< the request clashes with what is stored (duplicate, has history …)
  currency_mismatch,  ///< two amounts in different currencies were combined
  storage,            ///< the database cannot be opened, read or written
  config,             ///< the configuration file is missing or malformed
  usage,              ///< the command line itself is wrong (exit code 2)
};

/// An error whose message says what went wrong and what to do next.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message)
      : std::runtime_error(std::move(message)), kind_(kind) {}
  ErrorKind kind() const { return kind_; }
  /// 2 for usage errors, 1 for everything else (documented in man/indie.1).
  int exit_code() const { return kind_ == ErrorKind::usage ? 2 : 1; }

 private:
  ErrorKind kind_;
};

inline Error invalid_input(std::string m) { return {ErrorKind::invalid_input, std::move(m)}; }
inline Error not_found(std::string m) { return {ErrorKind::not_found, std::move(m)}; }
inline Error conflict(std::string m) { return {ErrorKind::conflict, std::move(m)}; }
inline Error storage_error(std::string m) { return {ErrorKind::storage, std::move(m)}; }
inline Error config_error(std::string m) { return {ErrorKind::config, std::move(m)}; }
inline Error usage_error(std::string m) { return {ErrorKind::usage, std::move(m)}; }

}  // namespace indie

#pragma once
/// Loading and saving clients and projects.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/client.hpp"
#include "indie/store/store.hpp"

namespace indie {

/// What a client listing shows on a terminal. The views borrow the row being read and are valid
/// only inside the callback.
struct ClientSummary {
  std::string_view handle, name, country, currency, language, vat_treatment, email;
  int payment_terms = 0;
  bool terms_end_of_month = false;
};

class ClientRepo {
 public:
  explicit ClientRepo(Store& store) : store_(store) {}

  /// Inserts and returns the new id; throws conflict when the handle is taken.
  std::int64_t insert(const Client& client);
  void update(const Client& client);
  /// By handle (case-insensitive) or numeric id.
  std::optional<Client> find(std::string_view ref);
  /// Like find, but throws not_found naming the closest handles.
  Client get(std::string_view ref);
  std::vector<Client> list(bool include_archived);
  /// Calls `fn` for each client in handle order without building a list: one Client is reused,
  /// so a 10,000-client listing allocates almost nothing.
  void for_each(bool include_archived, const std::function<void(const Client&)>& fn);
  /// Like for_each, reading only the summary's columns and copying nothing: the terminal
  /// listing of 10,000 clients.
  void for_each_summary(bool include_archived, const std::function<void(const ClientSummary&)>& fn);
  std::vector<std::string> handles();
  /// Clients whose handle, name or legal name is `name` (case-insensitive), for imports that
  /// name clients as another tool wrote them.
  std::vector<std::int64_t> ids_named(std::string_view name);
  /// What stops a client from being deleted ("2 projects"), or empty when nothing does.
  std::string history(std::int64_t client_id);
  void remove(std::int64_t client_id);

 private:
  Store& store_;
};

class ProjectRepo {
 public:
  explicit ProjectRepo(Store& store) : store_(store) {}

  std::int64_t insert(const Project& project);
  void update(const Project& project);
  /// `client/project` (handles, case-insensitive) or a numeric id.
  std::optional<Project> find(std::string_view ref);
  Project get(std::string_view ref);
  /// All projects, or a client's when client_id is set.
  std::vector<Project> list(std::optional<std::int64_t> client_id, bool include_archived);
  std::vector<std::string> paths();
  /// The paths (client/project) of the projects whose handle is `handle`, in order.
  std::vector<std::string> paths_with_handle(std::string_view handle);
  /// Projects whose handle or name is `name` (case-insensitive), of one client when given.
  struct Match {
    std::int64_t id = 0;
    std::string path;
  };
  std::vector<Match> named(std::string_view name, std::optional<std::int64_t> client_id);
  std::string history(std::int64_t project_id);
  void remove(std::int64_t project_id);

 private:
  Store& store_;
};

}  // namespace indie

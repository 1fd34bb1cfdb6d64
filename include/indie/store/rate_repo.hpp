#pragma once
/// Exchange rates in the database: ECB imports, hand-set rates, and the path a conversion takes.
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "indie/core/fx.hpp"
#include "indie/store/store.hpp"

namespace indie {

class Statement;

class RateRepo {
 public:
  explicit RateRepo(Store& store);
  ~RateRepo();

  struct ImportResult {
    std::size_t days = 0, rates = 0, added = 0;  ///< rates read; added: not stored before
  };
  /// Stores every rate of an ECB CSV file (see read_ecb_csv) as `source`; rates already stored
  /// for a currency and day are kept, so importing the same or an overlapping file again adds
  /// only the new days. The caller holds the transaction.
  ImportResult import_ecb(std::string_view text, std::string_view file_name,
                          std::string_view source);
  /// The same for rates already read (the ECB's XML, read by the render layer's XML module).
  ImportResult import_ecb_rates(std::vector<EcbRate> rates, std::size_t days,
                                std::string_view source);

  /// Stores a rate unless one is already stored for that pair and day (a rate typed at issue
  /// does not overwrite an imported ECB rate); true when it was added.
  bool add(const FxQuote& quote);
  /// Stores a rate, replacing one for the same pair and day; returns the one it replaced.
  std::optional<FxQuote> set(const FxQuote& quote);
  /// The rate of base -> quote on `date`, else the last one before it.
  std::optional<FxQuote> latest(std::string_view base, std::string_view quote, Date date);
  /// How `from` becomes `to` on `date`: a direct rate, the inverse one, or two through EUR,
  /// whichever was published last (ties: the shortest). Throws not_found saying what to import
  /// or set when there is none on or before `date`.
  FxPath path(std::string_view from, std::string_view to, Date date);

  struct Filter {
    std::optional<std::string> currency;  ///< as base or quote
    std::optional<Date> from, to;
    bool latest_only = false;  ///< only the newest rate of each pair (within from..to)
  };
  void for_each(const Filter& filter, const std::function<void(const FxQuote&)>& fn);

 private:
  Store& store_;
  std::unique_ptr<Statement> latest_;  // reused: a report looks up thousands of days
};

}  // namespace indie

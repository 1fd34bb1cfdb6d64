#pragma once
/// Supplier invoices read in from e-invoices: the file as received, the figures read from it,
/// and the transactions that paid it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indie/core/bill.hpp"
#include "indie/store/store.hpp"

namespace indie {

struct BillFileInfo {
  std::string name;    ///< the file's name as imported, e.g. facture-2026-11.pdf
  std::string sha256;  ///< of the bytes as received
  std::string bytes;   ///< the PDF, or the XML
  bool from_pdf = false;
};

/// A bill as stored: what was read, and what indie adds.
struct BillRecord {
  std::int64_t id = 0;
  Bill bill;
  std::string file_name, file_sha256, category, note, imported_at;
  bool from_pdf = false;
  std::int64_t paid_minor = 0;  ///< paid so far, in the bill's currency
};

struct BillPayment {
  std::int64_t tx_id = 0;
  std::string account;
  Date date{};
  std::int64_t amount_minor = 0;  ///< in the bill's currency, > 0 for an invoice paid
};

class BillRepo {
 public:
  explicit BillRepo(Store& store) : store_(store) {}

  /// The bill already imported from this supplier with this number and kind, if any.
  std::optional<std::int64_t> find(std::string_view supplier_key, bool credit_note,
                                   std::string_view number);
  std::int64_t insert(const Bill& bill, const BillFileInfo& file, std::string_view category,
                      std::string_view note, std::string_view imported_at);
  /// Every bill issued between `from` and `to`, by issue date (lines and VAT not loaded).
  std::vector<BillRecord> list(Date from, Date to);
  /// One bill, whole; throws not_found naming how to list them.
  BillRecord get(std::int64_t id);
  std::string file(std::int64_t id);
  std::vector<BillPayment> payments(std::int64_t id);
  /// Links an account's transaction to the bill it pays (`amount_minor` in the bill's
  /// currency). Throws conflict when the transaction already pays a bill.
  void link_payment(std::int64_t bill_id, std::int64_t tx_id, std::int64_t amount_minor);
  void set_category(std::int64_t id, std::string_view category, std::string_view note);
  /// Removes a bill that was not paid (the database refuses a paid one).
  void remove(std::int64_t id);

 private:
  Store& store_;
};

}  // namespace indie

#pragma once
/// What the books read: receipts (payments, refunds, reversals and sales recorded in an account)
/// with the split of the invoices they pay.
#include <vector>

#include "indie/core/des.hpp"
#include "indie/core/expenses.hpp"
#include "indie/core/receipts.hpp"
#include "indie/core/vat_return.hpp"
#include "indie/store/store.hpp"

namespace indie {

class BooksRepo {
 public:
  explicit BooksRepo(Store& store) : store_(store) {}

  /// Every receipt dated between `from` and `to` (both included), in the order received: by
  /// date, then as recorded. `business` is the activity of lines that have none.
  std::vector<ReceiptSource> receipts(Date from, Date to, Activity business);
  /// The invoices and credit notes issued between `from` and `to` under EU reverse charge, with
  /// their services (lines other than bic-sales) excluding VAT in EUR cents, in issue order.
  std::vector<DesDocument> des_documents(Date from, Date to);
  /// Money spent between `from` and `to`: transactions below 0 other than transfers between
  /// accounts and money paid back to clients (those are not expenses), by date.
  std::vector<ExpenseSource> expenses(Date from, Date to);
  /// Invoices and credit notes issued between `from` and `to`, split by activity and VAT rate,
  /// in EUR at each one's own rate (credit notes below 0).
  std::vector<IssuedShares> issued_shares(Date from, Date to, Activity business);

 private:
  Store& store_;
};

}  // namespace indie

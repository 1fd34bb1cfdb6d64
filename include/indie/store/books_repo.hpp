#pragma once
/// What the books read: receipts (payments, refunds, reversals and sales recorded in an account)
/// with the split of the invoices they pay.
#include <vector>

#include "indie/core/des.hpp"
#include "indie/core/receipts.hpp"
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

 private:
  Store& store_;
};

}  // namespace indie

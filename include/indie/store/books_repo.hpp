#pragma once
/// What the books read: receipts (payments, refunds, reversals and sales recorded in an account)
/// with the split of the invoices they pay.
#include <vector>

#include "indie/core/receipts.hpp"
#include "indie/store/store.hpp"

namespace indie {

class BooksRepo {
 public:
  explicit BooksRepo(Store& store) : store_(store) {}

  /// Every receipt dated between `from` and `to` (both included), in the order received: by
  /// date, then as recorded. `business` is the activity of lines that have none.
  std::vector<ReceiptSource> receipts(Date from, Date to, Activity business);

 private:
  Store& store_;
};

}  // namespace indie

#pragma once
/// Loading and saving invoices, credit notes, their lines and payments, and exchange rates.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/invoice.hpp"
#include "indie/store.hpp"

namespace indie {

class Statement;

struct Invoice {
  std::int64_t id = 0;
  InvoiceKind kind = InvoiceKind::invoice;
  std::int64_t client_id = 0;
  std::string client_handle;
  std::string currency = "EUR";
  Language language = Language::fr;
  bool issued = false;
  std::optional<std::string> number;
  std::string series;
  std::int64_t seq = 0;
  std::optional<Date> issue_date, due_date;
  ServicePeriod period;
  std::string po_number, notes;
  std::optional<std::int64_t> credited_id;  ///< credit notes: the invoice they credit
  std::string reason;                       ///< credit notes: why
  bool releases_time = false;
  std::string vat_category = "E";  ///< S, E, AE or O
  std::int64_t net_minor = 0, vat_minor = 0, gross_minor = 0;
  std::string eur_rate, eur_rate_date, eur_rate_source;
  std::optional<std::int64_t> vat_eur_minor;
  std::string seller, buyer;           ///< JSON snapshots, frozen at issue
  std::vector<std::string> mentions;   ///< frozen at issue
  std::string created_at;

  const Currency& cur() const { return indie::currency(currency, true); }
  /// "F2026-0007", or "draft 12".
  std::string label() const { return number ? *number : "draft " + std::to_string(id); }
};

/// One row of `invoice list`: an invoice and what happened to it since. The views borrow the row
/// being read and are valid only inside the callback.
struct InvoiceListing {
  std::int64_t id = 0;
  InvoiceKind kind = InvoiceKind::invoice;
  bool issued = false;
  std::string_view number;                  ///< empty for a draft
  std::string_view client_handle, currency;
  std::string_view issue_date, due_date;    ///< ISO 8601 as stored; empty when not set
  std::int64_t net_minor = 0, vat_minor = 0, gross_minor = 0;
  std::int64_t credited_minor = 0;          ///< TTC of its issued credit notes
  std::int64_t paid_minor = 0;              ///< what its payments settled
  std::optional<std::int64_t> credited_id;  ///< credit notes: the invoice they credit
};

enum class PaymentMethod { transfer, card, cash, check, paypal, other };
PaymentMethod parse_payment_method(std::string_view text);
std::string_view to_string(PaymentMethod m);

struct Payment {
  std::int64_t id = 0;
  std::int64_t invoice_id = 0;
  Date date{};
  std::int64_t amount_minor = 0;  ///< in the invoice's currency
  PaymentMethod method = PaymentMethod::transfer;
  std::string account;
  std::int64_t received_minor = 0;
  std::string received_currency;
  std::string rate;  ///< payment currency -> invoice currency, when they differ
  std::optional<std::int64_t> fx_gain_minor;
  std::string fx_currency;
  std::string note;
  std::string created_at;
};

struct InvoiceFilter {
  std::optional<std::int64_t> client_id;
  std::optional<Date> from, to;  ///< issue date (drafts: creation date), both included
  std::optional<InvoiceKind> kind;
};

class InvoiceRepo {
 public:
  explicit InvoiceRepo(Store& store);
  ~InvoiceRepo();

  std::int64_t insert(const Invoice& invoice);
  /// Saves a draft's fields, or issues it (the triggers refuse anything on an issued one).
  void update(const Invoice& invoice);
  /// Deletes a draft, its lines and links, and gives its time entries back.
  void remove_draft(std::int64_t id);
  std::optional<Invoice> find(std::int64_t id);
  std::optional<Invoice> find_number(std::string_view number);
  /// By number (F2026-0007, case-insensitive) or draft id; throws not_found saying how to list.
  Invoice get(std::string_view ref);

  std::vector<InvoiceLine> lines(std::int64_t invoice_id);
  std::int64_t insert_line(std::int64_t invoice_id, const InvoiceLine& line, std::int64_t net_minor);
  void update_line(const InvoiceLine& line, std::int64_t net_minor);
  /// Removes a line (its time entries become unbilled) and renumbers the ones after it.
  void remove_line(std::int64_t invoice_id, const InvoiceLine& line);
  /// Links `entries` to `line_id` and marks them as on `invoice_id`.
  void bill_entries(std::int64_t invoice_id, std::int64_t line_id, const std::vector<std::int64_t>& entries);
  /// The time entries a line bills.
  std::vector<std::int64_t> line_entries(std::int64_t line_id);
  /// Issued: sets invoice_number on the entries of `invoice_id` (triggers then lock them).
  void lock_entries(std::int64_t invoice_id, const std::string& number);
  /// A full credit with --release-time: the entries become unbilled again.
  void release_entries(std::int64_t invoice_id);

  /// The next sequence number of `series`: max + 1, read inside the issuing transaction.
  std::int64_t next_seq(const std::string& series);
  /// The latest issue date in `series`, to keep numbers in date order.
  std::optional<Date> last_issue_date(const std::string& series);

  /// Issued credit notes of `invoice_id`, oldest first.
  std::vector<Invoice> credit_notes(std::int64_t invoice_id);
  std::int64_t credited_minor(std::int64_t invoice_id);
  std::int64_t paid_minor(std::int64_t invoice_id);

  std::int64_t insert_payment(const Payment& payment);
  std::vector<Payment> payments(std::int64_t invoice_id);
  /// Received EUR (payments credited in EUR, or their EUR value) between two dates, included.
  std::int64_t received_eur_minor(Date from, Date to);

  /// Invoices with their credited and paid amounts, in issue order (drafts last), reading only
  /// what a listing shows.
  void for_each_listing(const InvoiceFilter& filter, const std::function<void(const InvoiceListing&)>& fn);

  /// What each issued invoice still had due on `as_of` (credit notes and payments up to that
  /// day), for those with something due: client handle, currency, due date, amount due.
  struct Receivable {
    std::string client;
    std::string currency;
    Date due_date{};
    std::int64_t due_minor = 0;
    std::string number;
    Date issue_date{};
    std::string eur_rate;  ///< frozen at issue; empty for EUR invoices
  };
  std::vector<Receivable> receivables(Date as_of);

  /// A payment with what its exchange result needs to know about its invoice.
  struct SettledPayment {
    Date date{};
    std::string number, client, currency;  ///< the invoice's
    Date issue_date{};
    std::string eur_rate;                  ///< the invoice's, frozen at issue
    std::int64_t amount_minor = 0;         ///< what it settled, in the invoice's currency
    std::int64_t received_minor = 0;
    std::string received_currency;
  };
  /// The time entries an invoice's lines bill, in time order: for its timesheet annex.
  struct BilledTime {
    Instant start{}, end{};
    std::string project;  ///< the project's name
    std::string note;
  };
  std::vector<BilledTime> billed_time(std::int64_t invoice_id);

  /// Payments between two days (both included), in date order.
  std::vector<SettledPayment> payments(Date from, Date to);


 private:
  Store& store_;
  // Reused row after row: a 10,000-line draft prepared them 30,000 times and took a second.
  std::unique_ptr<Statement> insert_line_, link_, mark_;
};

}  // namespace indie

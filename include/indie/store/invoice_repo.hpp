#pragma once
/// Loading and saving invoices, credit notes, their lines and payments, and exchange rates.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indie/core/invoice.hpp"
#include "indie/core/statement.hpp"
#include "indie/store/store.hpp"

namespace indie {

class Statement;

class InvoiceRepo {
 public:
  explicit InvoiceRepo(Store& store);
  ~InvoiceRepo();

  std::int64_t insert(const Invoice& invoice);
  /// Saves a draft's fields, or issues it (the triggers refuse anything on an issued one),
  /// with the document it was issued as, sealed with it in the record.
  void update(const Invoice& invoice, const IssuedDocument* document = nullptr);
  /// The document an invoice was issued as; none for a draft or one issued before schema 10.
  std::optional<IssuedDocument> document(std::int64_t invoice_id);
  /// The issued invoice whose document has this SHA-256, if any.
  std::optional<std::int64_t> invoice_with_document(std::string_view sha256);
  /// Deletes a draft, its lines and links, and gives its time entries back.
  void remove_draft(std::int64_t id);
  std::optional<Invoice> find(std::int64_t id);
  std::optional<Invoice> find_number(std::string_view number);
  /// By number (F2026-0007, case-insensitive) or draft id; throws not_found saying how to list.
  Invoice get(std::string_view ref);

  std::vector<InvoiceLine> lines(std::int64_t invoice_id);
  std::int64_t insert_line(std::int64_t invoice_id, const InvoiceLine& line,
                           std::int64_t net_minor);
  void update_line(const InvoiceLine& line, std::int64_t net_minor);
  /// Writes the activity issuing resolved for a line (before the invoice becomes final).
  void set_line_activity(std::int64_t line_id, Activity activity);
  /// Removes a line (its time entries become unbilled) and renumbers the ones after it.
  void remove_line(std::int64_t invoice_id, const InvoiceLine& line);
  /// Links `entries` to `line_id` and marks them as on `invoice_id`.
  void bill_entries(std::int64_t invoice_id, std::int64_t line_id,
                    const std::vector<std::int64_t>& entries);
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
  /// What a client's statement of account lists: its issued invoices and credit notes and the
  /// money recorded on them, up to `as_of` (build_statement orders them).
  std::vector<StatementItem> statement_items(std::int64_t client_id, Date as_of);
  /// An invoice's payments, refunds and reversals, in date order.
  std::vector<Payment> payments(std::int64_t invoice_id);
  std::optional<Payment> payment(std::int64_t id);
  /// The reversal that undid payment `payment_id`, if any.
  std::optional<std::int64_t> reversed_by(std::int64_t payment_id);
  /// Invoices with their credited and paid amounts, in issue order (drafts last), reading only
  /// what a listing shows.
  void for_each_listing(const InvoiceFilter& filter,
                        const std::function<void(const InvoiceListing&)>& fn);

  /// What each issued invoice still had due on `as_of`, for those with something due.
  std::vector<Receivable> receivables(Date as_of);

  std::vector<TimesheetEntry> billed_time(std::int64_t invoice_id);

  /// Payments between two days (both included), in date order.
  std::vector<SettledPayment> payments(Date from, Date to);

 private:
  Store& store_;
  // Reused row after row: a 10,000-line draft prepared them 30,000 times and took a second.
  std::unique_ptr<Statement> insert_line_, link_, mark_;
};

}  // namespace indie

// Schema versions 13 and on: the French obligations beyond the invoice (issues 15 and 16): the
// books, and e-invoicing with supplier invoices read in.
#include <array>

#include "migrations.hpp"

namespace indie {
namespace {

// v13: the books (issue 15). A project and an invoice line may say what activity they are
// (bnc, bic-services, bic-sales; NULL: the project's, then business.activity); issuing writes
// each line's resolved activity, so the URSSAF split of an issued invoice never changes. A bank
// or cash transaction may be a receipt of the receipts journal (a sale not invoiced through
// indie), with its activity and payment method: then, like a payment, it is final. An expense
// may carry its deductible VAT (rate and amount, in the account's currency).
constexpr std::string_view kV13 = R"sql(
ALTER TABLE project ADD COLUMN activity TEXT CHECK (activity IS NULL OR activity IN ('bnc', 'bic-services', 'bic-sales'));
ALTER TABLE invoice_line ADD COLUMN activity TEXT CHECK (activity IS NULL OR activity IN ('bnc', 'bic-services', 'bic-sales'));
ALTER TABLE account_tx ADD COLUMN receipt INTEGER NOT NULL DEFAULT 0 CHECK (receipt IN (0, 1));
ALTER TABLE account_tx ADD COLUMN activity TEXT CHECK (activity IS NULL OR activity IN ('bnc', 'bic-services', 'bic-sales'));
ALTER TABLE account_tx ADD COLUMN method TEXT CHECK (method IS NULL OR method IN ('transfer', 'card', 'cash', 'check', 'paypal', 'other'));
ALTER TABLE account_tx ADD COLUMN vat_rate TEXT;
ALTER TABLE account_tx ADD COLUMN vat_minor INTEGER;
CREATE INDEX account_tx_receipt ON account_tx (date) WHERE receipt = 1;
CREATE INDEX payment_date ON payment (date);
CREATE TRIGGER account_tx_receipt_final BEFORE UPDATE ON account_tx
WHEN OLD.receipt = 1 AND (NEW.receipt IS NOT OLD.receipt OR NEW.date IS NOT OLD.date
  OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.account_id IS NOT OLD.account_id
  OR NEW.activity IS NOT OLD.activity OR NEW.method IS NOT OLD.method OR NEW.payee IS NOT OLD.payee
  OR NEW.id IS NOT OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'a receipt of the receipts journal is final: record the opposite amount as a new receipt (indie account tx add ACCOUNT -AMOUNT --receipt)');
END;
CREATE TRIGGER account_tx_receipt_no_delete BEFORE DELETE ON account_tx WHEN OLD.receipt = 1
BEGIN
  SELECT RAISE(ABORT, 'a receipt of the receipts journal is final: record the opposite amount as a new receipt (indie account tx add ACCOUNT -AMOUNT --receipt)');
END;
)sql";

// v14: e-invoicing (issue 16). A client may have a delivery address (goods) and an address in
// the French e-invoicing directory. Supplier invoices are read in from e-invoices. A bill keeps the
// file as received (the original a supplier's e-invoice is, to keep for ten years, CGI art. L102 B)
// and the figures read from it; neither changes once imported. Paying one links the account's
// transaction that paid it.
constexpr std::string_view kV14 = R"sql(
ALTER TABLE client ADD COLUMN delivery_address TEXT NOT NULL DEFAULT '';
ALTER TABLE client ADD COLUMN einvoice_address TEXT NOT NULL DEFAULT '';
CREATE TABLE bill (
  id                   INTEGER PRIMARY KEY,
  supplier_key         TEXT    NOT NULL,  -- VAT number, else SIREN, else legal id, else name
  supplier             TEXT    NOT NULL,
  supplier_siren       TEXT    NOT NULL DEFAULT '',
  supplier_vat         TEXT    NOT NULL DEFAULT '',
  supplier_country     TEXT    NOT NULL DEFAULT '',
  buyer                TEXT    NOT NULL DEFAULT '',
  buyer_siren          TEXT    NOT NULL DEFAULT '',
  buyer_vat            TEXT    NOT NULL DEFAULT '',
  number               TEXT    NOT NULL,
  kind                 TEXT    NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
  type_code            TEXT    NOT NULL,
  preceding            TEXT    NOT NULL DEFAULT '',
  issue_date           TEXT    NOT NULL CHECK (length(issue_date) = 10),
  due_date             TEXT    CHECK (due_date IS NULL OR length(due_date) = 10),
  currency             TEXT    NOT NULL,
  net_minor            INTEGER NOT NULL,  -- BT-109
  vat_minor            INTEGER NOT NULL,  -- BT-110
  total_minor          INTEGER NOT NULL,  -- BT-112
  prepaid_minor        INTEGER NOT NULL,  -- BT-113
  payable_minor        INTEGER NOT NULL,  -- BT-115
  tax_currency         TEXT    NOT NULL DEFAULT '',
  vat_accounting_minor INTEGER,           -- BT-111, in tax_currency
  syntax               TEXT    NOT NULL CHECK (syntax IN ('CII', 'UBL')),
  from_pdf             INTEGER NOT NULL CHECK (from_pdf IN (0, 1)),
  file_name            TEXT    NOT NULL,
  file_sha256          TEXT    NOT NULL,
  file                 BLOB    NOT NULL,
  category             TEXT    NOT NULL DEFAULT '',
  note                 TEXT    NOT NULL DEFAULT '',
  imported_at          TEXT    NOT NULL,
  UNIQUE (supplier_key, kind, number)
) STRICT;
CREATE INDEX bill_issue_date ON bill (issue_date);
CREATE TABLE bill_line (
  bill_id      INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  line_id      TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  quantity     TEXT    NOT NULL,
  unit         TEXT    NOT NULL,
  net_minor    INTEGER NOT NULL,
  vat_category TEXT    NOT NULL,
  vat_rate     TEXT    NOT NULL,
  PRIMARY KEY (bill_id, position)
) STRICT, WITHOUT ROWID;
CREATE TABLE bill_vat (
  bill_id     INTEGER NOT NULL REFERENCES bill (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  category    TEXT    NOT NULL,
  rate        TEXT    NOT NULL,
  basis_minor INTEGER NOT NULL,
  vat_minor   INTEGER NOT NULL,
  exemption   TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (bill_id, position)
) STRICT, WITHOUT ROWID;
CREATE TABLE bill_payment (
  bill_id      INTEGER NOT NULL REFERENCES bill (id) ON DELETE RESTRICT,
  tx_id        INTEGER NOT NULL UNIQUE REFERENCES account_tx (id) ON DELETE RESTRICT,
  amount_minor INTEGER NOT NULL,  -- in the bill's currency
  PRIMARY KEY (bill_id, tx_id)
) STRICT;
CREATE TRIGGER bill_as_received BEFORE UPDATE ON bill
WHEN NEW.id IS NOT OLD.id
  OR NEW.number IS NOT OLD.number OR NEW.supplier_key IS NOT OLD.supplier_key
  OR NEW.issue_date IS NOT OLD.issue_date OR NEW.currency IS NOT OLD.currency
  OR NEW.net_minor IS NOT OLD.net_minor OR NEW.vat_minor IS NOT OLD.vat_minor
  OR NEW.total_minor IS NOT OLD.total_minor OR NEW.payable_minor IS NOT OLD.payable_minor
  OR NEW.file IS NOT OLD.file OR NEW.kind IS NOT OLD.kind
BEGIN
  SELECT RAISE(ABORT, 'a bill stays as the supplier sent it: only its category and note can change; ask the supplier for a credit note to correct it');
END;
CREATE TRIGGER bill_line_as_received BEFORE UPDATE ON bill_line
BEGIN
  SELECT RAISE(ABORT, 'a bill stays as the supplier sent it: ask the supplier for a credit note to correct it');
END;
CREATE TRIGGER bill_vat_as_received BEFORE UPDATE ON bill_vat
BEGIN
  SELECT RAISE(ABORT, 'a bill stays as the supplier sent it: ask the supplier for a credit note to correct it');
END;
CREATE TRIGGER bill_paid_kept BEFORE DELETE ON bill
WHEN EXISTS (SELECT 1 FROM bill_payment WHERE bill_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'this bill has been paid: a paid bill is kept (a supplier''s invoice is kept ten years)');
END;
CREATE TRIGGER account_tx_pays_bill BEFORE DELETE ON account_tx
WHEN EXISTS (SELECT 1 FROM bill_payment WHERE tx_id = OLD.id)
BEGIN
  SELECT RAISE(ABORT, 'this transaction pays a bill (indie bill show): it is kept with the bill');
END;
)sql";

constexpr auto kObligations = std::to_array<std::string_view>({kV13, kV14});

}  // namespace

std::span<const std::string_view> obligations_migrations() { return kObligations; }

}  // namespace indie

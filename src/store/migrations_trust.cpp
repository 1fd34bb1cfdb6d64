// Schema versions 7 to 12: trust (issues 14 and 18): the tamper-evident record, credit notes
// that close to the cent, money going back, the document kept at issue, terms, deposits.
#include <array>

#include "migrations.hpp"

namespace indie {
namespace {

// v7: the tamper-evident record, and payments become records too (issue 18.6).
// Each issued invoice, credit note and payment is sealed once, in the transaction that makes it
// final: `content` is the SHA-256 of its rows (invoice, lines and their links to time entries,
// or payment), `billed_time` that of the time entries an invoice bills, and `hash` chains the
// row to the one before (doc/storage.md, "The record"). Triggers keep the record append-only
// and refuse any change to a payment; `indie verify` recomputes the chain, which tells a change
// made by any program, even one that first dropped these triggers.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE record (
  seq         INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('invoice', 'payment')),  -- 'invoice' covers credit notes
  ref_id      INTEGER NOT NULL,
  content     TEXT    NOT NULL CHECK (length(content) = 64),
  billed_time TEXT    CHECK (billed_time IS NULL OR length(billed_time) = 64),
  hash        TEXT    NOT NULL CHECK (length(hash) = 64),
  UNIQUE (kind, ref_id)
) STRICT;
CREATE TRIGGER record_append_only BEFORE INSERT ON record
WHEN (NEW.seq <> -1 AND NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM record))
  OR EXISTS (SELECT 1 FROM record WHERE kind = NEW.kind AND ref_id = NEW.ref_id)
BEGIN
  SELECT RAISE(ABORT, 'the record of issued invoices and payments is append-only: an entry is added at the end, once');
END;
CREATE TRIGGER record_no_update BEFORE UPDATE ON record
BEGIN
  SELECT RAISE(ABORT, 'the record of issued invoices and payments cannot change');
END;
CREATE TRIGGER record_no_delete BEFORE DELETE ON record
BEGIN
  SELECT RAISE(ABORT, 'the record of issued invoices and payments cannot be removed');
END;
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN
  SELECT RAISE(ABORT, 'a recorded payment is final and cannot change');
END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
BEGIN
  SELECT RAISE(ABORT, 'a recorded payment is final and cannot be removed');
END;
CREATE TRIGGER payment_no_replace BEFORE INSERT ON payment
WHEN NEW.id <> -1 AND EXISTS (SELECT 1 FROM payment WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'a recorded payment is final and cannot be replaced');
END;
-- REPLACE INTO time_entry stays unguarded (see v6): a trigger on every insert, even one that
-- stops at `NEW.id <> -1`, made a 300,000-entry import 27 % slower (1.80 s -> 2.30 s). The
-- record's billed_time hash makes such a rewrite of billed time show in `indie verify`.
)sql";

// v8: credit notes that close to the cent (issue 14.4). A closing note fixes the VAT of its lines
// to exactly what remains of each rate; a credit of part of a line's quantity fixes its total
// so that the parts add up to the line. NULL: computed, as before (net_minor keeps the total
// either way).
constexpr std::string_view kV8 = R"sql(
ALTER TABLE invoice_line ADD COLUMN vat_fixed INTEGER;
ALTER TABLE invoice_line ADD COLUMN net_fixed INTEGER;
-- The service date or period given for the whole invoice (issue 14.2): lines without their own
-- were done then. The printed period (period_from, period_to) spans it and the lines'.
ALTER TABLE invoice ADD COLUMN service_from TEXT CHECK (service_from IS NULL OR length(service_from) = 10);
ALTER TABLE invoice ADD COLUMN service_to TEXT CHECK (service_to IS NULL OR length(service_to) = 10);
)sql";

// v9: money going back (issue 14.5, 14.8). A payment row is now one of three kinds: a payment
// received (amount > 0), a refund paid back to the client after a credit note (amount < 0), or
// the reversal of a payment or refund recorded by mistake (the exact opposite of the row it
// names, once). Nothing is ever updated or deleted: a correction is a new row. SQLite cannot
// change a CHECK constraint in place, so the table is rebuilt
// (https://sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes";
// Store::migrate turns foreign keys off around it and checks them before committing). Rows keep
// their ids, so the record's seals still match.
constexpr std::string_view kV9 = R"sql(
CREATE TABLE payment_v9 (
  id                INTEGER PRIMARY KEY,
  invoice_id        INTEGER NOT NULL REFERENCES invoice (id) ON DELETE RESTRICT,
  kind              TEXT    NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund', 'reversal')),
  reverses          INTEGER UNIQUE REFERENCES payment (id) ON DELETE RESTRICT,
  date              TEXT    NOT NULL,
  amount_minor      INTEGER NOT NULL CHECK (amount_minor <> 0),
  method            TEXT    NOT NULL CHECK (method IN ('transfer', 'card', 'cash', 'check', 'paypal', 'other')),
  account           TEXT,
  received_minor    INTEGER NOT NULL CHECK (received_minor <> 0),
  received_currency TEXT    NOT NULL CHECK (length(received_currency) = 3),
  rate              TEXT,
  fx_gain_minor     INTEGER,
  fx_currency       TEXT,
  note              TEXT    NOT NULL DEFAULT '',
  created_at        TEXT    NOT NULL,
  CHECK ((received_minor > 0) = (amount_minor > 0)),
  CHECK (kind <> 'payment' OR amount_minor > 0),
  CHECK (kind <> 'refund' OR amount_minor < 0),
  CHECK ((kind = 'reversal') = (reverses IS NOT NULL))
) STRICT;
INSERT INTO payment_v9 (id, invoice_id, date, amount_minor, method, account, received_minor,
                        received_currency, rate, fx_gain_minor, fx_currency, note, created_at)
  SELECT id, invoice_id, date, amount_minor, method, account, received_minor, received_currency,
         rate, fx_gain_minor, fx_currency, note, created_at FROM payment;
DROP TABLE payment;
ALTER TABLE payment_v9 RENAME TO payment;
CREATE INDEX payment_invoice ON payment (invoice_id);
CREATE TRIGGER payment_on_issued BEFORE INSERT ON payment
WHEN (SELECT state = 'issued' AND kind = 'invoice' FROM invoice WHERE id = NEW.invoice_id) IS NOT 1
BEGIN
  SELECT RAISE(ABORT, 'payments are recorded on issued invoices only; issue the draft first: indie invoice issue ID');
END;
-- A reversal is the exact opposite of one payment or refund of the same invoice.
CREATE TRIGGER payment_reversal_exact BEFORE INSERT ON payment
WHEN NEW.kind = 'reversal' AND NOT EXISTS (
  SELECT 1 FROM payment r WHERE r.id = NEW.reverses AND r.kind <> 'reversal'
    AND r.invoice_id = NEW.invoice_id AND r.amount_minor = -NEW.amount_minor
    AND r.received_minor = -NEW.received_minor AND r.received_currency = NEW.received_currency)
BEGIN
  SELECT RAISE(ABORT, 'a reversal is the exact opposite of one payment or refund of the same invoice');
END;
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
BEGIN
  SELECT RAISE(ABORT, 'a recorded payment is final and cannot change');
END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
BEGIN
  SELECT RAISE(ABORT, 'a recorded payment is final and cannot be removed');
END;
CREATE TRIGGER payment_no_replace BEFORE INSERT ON payment
WHEN NEW.id <> -1 AND EXISTS (SELECT 1 FROM payment WHERE id = NEW.id)
BEGIN
  SELECT RAISE(ABORT, 'a recorded payment is final and cannot be replaced');
END;
)sql";

// v10: the document as issued (issue 14.1). Issuing an invoice or a credit note renders its PDF
// once and keeps the bytes here; `indie invoice render NUMBER` gives them back, byte for byte,
// and `indie invoice verify` tells whether a file is that document. Like the invoice, the row
// is final: added once, in the issuing transaction, never changed or removed. The record's seal
// of the invoice covers the bytes' SHA-256 (src/store/record_repo.cpp).
constexpr std::string_view kV10 = R"sql(
CREATE TABLE invoice_document (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoice (id) ON DELETE RESTRICT,
  format     TEXT    NOT NULL CHECK (format IN ('pdf', 'facturx')),
  bytes      BLOB    NOT NULL,
  sha256     TEXT    NOT NULL CHECK (length(sha256) = 64),
  created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX invoice_document_sha256 ON invoice_document (sha256);
CREATE TRIGGER invoice_document_once BEFORE INSERT ON invoice_document
WHEN (SELECT state FROM invoice WHERE id = NEW.invoice_id) IS NOT 'issued'
  OR EXISTS (SELECT 1 FROM invoice_document WHERE invoice_id = NEW.invoice_id)
BEGIN
  SELECT RAISE(ABORT, 'the document of an issued invoice is stored once, when it is issued');
END;
CREATE TRIGGER invoice_document_no_update BEFORE UPDATE ON invoice_document
BEGIN
  SELECT RAISE(ABORT, 'the document of an issued invoice is final and cannot change');
END;
CREATE TRIGGER invoice_document_no_delete BEFORE DELETE ON invoice_document
BEGIN
  SELECT RAISE(ABORT, 'the document of an issued invoice is final and cannot be removed');
END;
)sql";

// v11: payment terms "N days end of month" (issue 14.15; Code de commerce L441-10 allows 45 days
// end of month between businesses). A client's terms gain the end-of-month flag; an invoice keeps
// the terms it was issued with ("45eom"), so its document says them as agreed, not as a count of
// days between two dates.
constexpr std::string_view kV11 = R"sql(
ALTER TABLE client ADD COLUMN terms_eom INTEGER NOT NULL DEFAULT 0 CHECK (terms_eom IN (0, 1));
ALTER TABLE invoice ADD COLUMN payment_terms TEXT;
)sql";

// v12: deposits (issue 14.1). What the client paid before the invoice was issued (an acompte,
// recorded as a payment in the issuing transaction) is frozen on the invoice: its document
// prints "Acompte versé" and a "Net à payer" of the total less it.
constexpr std::string_view kV12 = R"sql(
ALTER TABLE invoice ADD COLUMN deposit_minor INTEGER CHECK (deposit_minor IS NULL OR deposit_minor > 0);
ALTER TABLE invoice ADD COLUMN deposit_date TEXT CHECK (deposit_date IS NULL OR length(deposit_date) = 10);
)sql";

constexpr auto kTrust = std::to_array<std::string_view>({kV7, kV8, kV9, kV10, kV11, kV12});

}  // namespace

std::span<const std::string_view> trust_migrations() { return kTrust; }

}  // namespace indie

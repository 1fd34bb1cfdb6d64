#include "migrations.hpp"

#include <array>

namespace indie {
namespace {

// STRICT tables: SQLite refuses a value of the wrong type, so no REAL can slip into an amount.
// Amounts are INTEGER minor units; dates are ISO 8601 text in UTC.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE client (
  id            INTEGER PRIMARY KEY,
  handle        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(handle) BETWEEN 1 AND 32),
  name          TEXT    NOT NULL CHECK (name <> ''),
  legal_name    TEXT    NOT NULL DEFAULT '',
  address       TEXT    NOT NULL DEFAULT '',
  country       TEXT    NOT NULL DEFAULT '' CHECK (country = '' OR length(country) = 2),
  email         TEXT    NOT NULL DEFAULT '',
  siren         TEXT    NOT NULL DEFAULT '',
  vat_number    TEXT    NOT NULL DEFAULT '',
  currency      TEXT    NOT NULL CHECK (length(currency) = 3),
  language      TEXT    NOT NULL CHECK (language IN ('fr', 'en')),
  payment_terms INTEGER NOT NULL CHECK (payment_terms BETWEEN 0 AND 365),
  vat_treatment TEXT    NOT NULL
                CHECK (vat_treatment IN ('domestic', 'eu-business', 'non-eu-business', 'consumer')),
  notes         TEXT    NOT NULL DEFAULT '',
  created_at    TEXT    NOT NULL,
  archived_at   TEXT
) STRICT;

CREATE TABLE project (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE RESTRICT,
  handle      TEXT    NOT NULL COLLATE NOCASE CHECK (length(handle) BETWEEN 1 AND 32),
  name        TEXT    NOT NULL CHECK (name <> ''),
  currency    TEXT    NOT NULL CHECK (length(currency) = 3),
  rate_minor  INTEGER CHECK (rate_minor >= 0),          -- NULL: no rate set
  rate_unit   TEXT    CHECK (rate_unit IN ('h', 'd')),
  billable    INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
  notes       TEXT    NOT NULL DEFAULT '',
  created_at  TEXT    NOT NULL,
  archived_at TEXT,
  UNIQUE (client_id, handle),
  CHECK ((rate_minor IS NULL) = (rate_unit IS NULL))
) STRICT;
CREATE INDEX project_client ON project (client_id);
)sql";

// Time tracking. Instants are INTEGER Unix seconds (UTC): exact, compact (a million entries
// must fit well under 150 MB) and compared without parsing. A running timer has no end; a
// partial unique index makes a second one impossible. An entry is on an invoice once
// invoice_id is set, and locked once invoice_number is (the invoice was issued): triggers
// then refuse any change, whatever program writes to the file.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE client ADD COLUMN rounding TEXT;   -- NULL: the config's time.rounding
ALTER TABLE project ADD COLUMN rounding TEXT;  -- NULL: the client's

CREATE TABLE time_entry (
  id             INTEGER PRIMARY KEY,
  project_id     INTEGER NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
  start_utc      INTEGER NOT NULL,
  end_utc        INTEGER CHECK (end_utc IS NULL OR end_utc > start_utc),
  zone           TEXT    NOT NULL,
  note           TEXT    NOT NULL DEFAULT '',
  tags           TEXT    NOT NULL DEFAULT '',   -- comma-separated
  source_key     INTEGER,                       -- imports: fingerprint of the source row
  invoice_id     INTEGER,
  invoice_number TEXT,
  CHECK (invoice_number IS NULL OR invoice_id IS NOT NULL)
) STRICT;
-- Covers the time-range reports (start, end, project) without touching the table; a filter on
-- a project or client scans this narrow index. (A second index on project_id cost a fifth of
-- every insert and served only those filters.)
CREATE INDEX time_entry_start ON time_entry (start_utc, end_utc, project_id);
CREATE UNIQUE INDEX time_entry_source ON time_entry (source_key) WHERE source_key IS NOT NULL;
CREATE UNIQUE INDEX time_entry_one_timer ON time_entry ((end_utc IS NULL)) WHERE end_utc IS NULL;
-- Entries over a day are rare; overlap checks find them here instead of scanning all.
CREATE INDEX time_entry_long ON time_entry (start_utc) WHERE end_utc - start_utc > 86400;
-- The longest entry of at most a day that indie ever saved: an overlap check only needs to
-- look back that far. It only grows, which keeps it a safe bound after edits and deletions.
-- (Kept by TimeRepo rather than a trigger: a trigger per insert tripled the cost of imports.)
CREATE TABLE time_stats (max_span INTEGER NOT NULL) STRICT;
INSERT INTO time_stats VALUES (0);

CREATE TRIGGER time_entry_locked_update BEFORE UPDATE ON time_entry
WHEN OLD.invoice_number IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'this time entry is billed on an issued invoice and cannot change; correct the invoice with a credit note');
END;
CREATE TRIGGER time_entry_locked_delete BEFORE DELETE ON time_entry
WHEN OLD.invoice_number IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'this time entry is billed on an issued invoice and cannot be removed; correct the invoice with a credit note');
END;
)sql";

constexpr auto kMigrations = std::to_array<std::string_view>({kV1, kV2});

}  // namespace

std::span<const std::string_view> migrations() { return kMigrations; }

}  // namespace indie

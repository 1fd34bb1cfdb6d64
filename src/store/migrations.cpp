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

constexpr auto kMigrations = std::to_array<std::string_view>({kV1});

}  // namespace

std::span<const std::string_view> migrations() { return kMigrations; }

}  // namespace indie

#pragma once
/// An issued invoice or credit note as a UN/CEFACT Cross Industry Invoice (CII D16B), in the
/// EN 16931 profile that Factur-X carries and French platforms take (RESEARCH §4.5): what
/// `indie invoice render NUMBER --to cii` writes. Made from the same frozen data as the
/// document (seller and buyer snapshots, lines, totals, mentions), so the two always agree.
#include <string>

#include "indie/render/invoice_document.hpp"

namespace indie {

/// The CII XML of an issued invoice or credit note. Throws invalid_input for a draft.
std::string cii_invoice(const DocumentInput& in);

}  // namespace indie

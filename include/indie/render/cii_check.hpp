#pragma once
/// The rules an e-invoice is checked against before it leaves, natively (no Java): the EN 16931
/// arithmetic and mandatory-field rules (BR-*, BR-CO-*) and the French BR-FR rules that concern
/// the invoices indie makes, on the same data the CII is written from. The tests run the
/// official validators too (tests/einvoice/); these are the ones a user meets when issuing.
#include <string>
#include <vector>

#include "indie/render/invoice_document.hpp"

namespace indie {

struct RuleFailure {
  std::string rule;     ///< "BR-FR-12"
  std::string message;  ///< what is wrong and what to do
};

/// The rules `in` breaks; empty when its e-invoice would pass. A draft is checked as it would be
/// issued today.
std::vector<RuleFailure> check_einvoice(const DocumentInput& in);

}  // namespace indie

#pragma once
// Inside the PDF module: the XML invoice attached to a Factur-X PDF.
#include <cstddef>
#include <string>

namespace indie {

/// The bytes of the PDF's factur-x.xml (or zugferd-invoice.xml, xrechnung.xml), at most `cap`
/// bytes once decoded. Throws invalid_input saying what the PDF is instead.
std::string embedded_einvoice(const std::string& pdf_bytes, std::size_t cap);

}  // namespace indie

#pragma once
/// The ECB's euro reference rates in XML (eurofxref-daily.xml, eurofxref-hist.xml), read through
/// indie's XML module (libxml2, loaded only for this).
#include <functional>
#include <string_view>

#include "indie/core/fx.hpp"

namespace indie {

/// True when `text` starts (after a byte-order mark and blanks) with '<': an XML file.
bool looks_like_xml(std::string_view text);

/// Calls `fn` per rate, in file order; returns the number of days. Throws invalid_input as
/// "<source>:<line>[:<column>]: <what>" for XML that is not well formed, is not the ECB's layout,
/// or holds an unknown currency, a bad date or a rate that is not more than zero.
std::size_t read_ecb_xml(std::string_view text, std::string_view source,
                         const std::function<void(const EcbRate&)>& fn);

}  // namespace indie

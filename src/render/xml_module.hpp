#pragma once
// The XML module (indie-xml.so) as loaded by indie: one handle for every reader.
#include <string>
#include <string_view>

#include "xml_module_abi.h"

namespace indie {

struct XmlModule {
  IndieXmlEcb ecb = nullptr;
  IndieXmlEinvoice einvoice = nullptr;
  IndieXmlFree free = nullptr;
};

/// Loads the module the first time (a storage error names it when it is missing).
const XmlModule& xml_module();

/// Runs one of the module's readers (`pick` chooses it) on `text` and returns its rows, or
/// throws its error as invalid_input: "<source>:<line>[:<column>]: <message>".
std::string run_xml_reader(IndieXmlEcb XmlModule::*pick, std::string_view text,
                           std::string_view source);

}  // namespace indie

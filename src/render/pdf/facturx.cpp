// Factur-X from cairo's PDF (issue 16; Factur-X 1.09 specification §6, ISO 19005-3): qpdf adds
// what PDF/A-3b needs and cairo does not write, and embeds the CII.
// - an sRGB OutputIntent (GTS_PDFA1) with the ICC profile of Debian's icc-profiles-free;
// - one XMP packet (pdfaid part 3, conformance B; dc, xmp and pdf fields equal to the info
//   dictionary's; the Factur-X extension schema and its fx: fields);
// - factur-x.xml as an embedded file (text/xml, ModDate, Size, CheckSum, /F and /UF,
//   /AFRelationship /Alternative), in the /EmbeddedFiles name tree and the catalog's /AF;
// - what cairo 1.16 gets wrong: no /CIDToGIDMap on CID TrueType fonts, /Interpolate true on
//   images, dates without "D:";
// - PDF 1.7, a file identifier, a newline before each endstream, no object streams.
#include "facturx.hpp"

#include <fmt/format.h>

#include <fstream>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <sstream>

#include "indie/core/error.hpp"

namespace indie {
namespace {

constexpr const char* kSrgbProfile = "/usr/share/color/icc/sRGB.icc";

std::string read_profile() {
  std::ifstream in(kSrgbProfile, std::ios::binary);
  if (!in)
    throw storage_error(fmt::format(
        "{} is missing: Factur-X needs its sRGB profile (apt-get install icc-profiles-free)",
        kSrgbProfile));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// "2026-11-21T10:00:00Z" as a PDF date, D:20261121100000Z, and as XMP keeps it.
std::string pdf_date(const std::string& iso) {
  std::string digits;
  for (const char c : iso)
    if (c >= '0' && c <= '9') digits += c;
  digits.resize(14, '0');
  return "D:" + digits + "Z";
}

// The module carries no copy of the core library (only its headers), hence its own escaping.
std::string xml_escape(const std::string& s) {
  std::string out;
  for (const char c : s) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  return out;
}

std::string xmp(const FacturxMeta& m) {
  const std::string date = m.created.empty() ? "2026-01-01T00:00:00Z" : m.created;
  return fmt::format(
      R"(<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>3</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{0}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{1}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{4}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>{2}</xmp:CreatorTool>
<xmp:CreateDate>{3}</xmp:CreateDate>
<xmp:ModifyDate>{3}</xmp:ModifyDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>{2}</pdf:Producer>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
<fx:DocumentType>INVOICE</fx:DocumentType>
<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
<fx:Version>1.0</fx:Version>
<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>fx</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>
<rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)",
      xml_escape(m.title), xml_escape(m.author), xml_escape(m.creator), date,
      xml_escape(m.subject));
}

// cairo 1.16: a CID TrueType font without /CIDToGIDMap, images with /Interpolate true.
void mend_cairo(QPDF& pdf) {
  for (auto& obj : pdf.getAllObjects()) {
    if (obj.isDictionary() && obj.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
        !obj.hasKey("/CIDToGIDMap"))
      obj.replaceKey("/CIDToGIDMap", QPDFObjectHandle::newName("/Identity"));
    if (obj.isStream()) {
      auto dict = obj.getDict();
      if (dict.getKey("/Subtype").isNameAndEquals("/Image") && dict.hasKey("/Interpolate"))
        dict.replaceKey("/Interpolate", QPDFObjectHandle::newBool(false));
    }
  }
}

}  // namespace

std::string make_facturx(const std::string& bytes, const FacturxMeta& meta) {
  try {
    QPDF pdf;
    pdf.processMemoryFile("invoice.pdf", bytes.data(), bytes.size());
    QPDFObjectHandle root = pdf.getRoot();
    mend_cairo(pdf);
    const std::string date = pdf_date(meta.created);

    // The info dictionary, equal to the XMP.
    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(meta.title));
    info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(meta.author));
    info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(meta.subject));
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(meta.creator));
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(meta.creator));
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(info));

    // The sRGB output intent.
    QPDFObjectHandle icc = QPDFObjectHandle::newStream(&pdf, read_profile());
    icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    QPDFObjectHandle intent = QPDFObjectHandle::parse(
        "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
        "/Info (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) >>");
    intent.replaceKey("/DestOutputProfile", icc);
    QPDFObjectHandle intents = QPDFObjectHandle::newArray();
    intents.appendItem(pdf.makeIndirectObject(intent));
    root.replaceKey("/OutputIntents", intents);

    // The XMP packet, uncompressed.
    QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&pdf, xmp(meta));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);

    // factur-x.xml, the alternative representation of the invoice.
    auto ef = QPDFEFStreamObjectHelper::createEFStream(pdf, meta.xml);
    ef.setSubtype("text/xml").setModDate(date);
    auto spec = QPDFFileSpecObjectHelper::createFileSpec(pdf, "factur-x.xml", ef);
    spec.setDescription("Factur-X invoice (CII, EN 16931)");
    spec.getObjectHandle().replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Alternative"));
    QPDFEmbeddedFileDocumentHelper(pdf).replaceEmbeddedFile("factur-x.xml", spec);
    QPDFObjectHandle af = QPDFObjectHandle::newArray();
    af.appendItem(spec.getObjectHandle());
    root.replaceKey("/AF", af);

    QPDFWriter w(pdf);
    w.setOutputMemory();
    w.setMinimumPDFVersion("1.7");
    w.setObjectStreamMode(qpdf_o_disable);
    w.setNewlineBeforeEndstream(true);
    w.setDeterministicID(true);
    w.setCompressStreams(true);
    w.write();
    const auto buffer = w.getBufferSharedPointer();
    return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw storage_error(fmt::format("qpdf could not make the Factur-X file: {}", e.what()));
  }
}

}  // namespace indie

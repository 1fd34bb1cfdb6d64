// indie's own structural check of a Factur-X file, read with qpdf (issue 16): what the
// Factur-X 1.0 specification and PDF/A-3 ask of the PDF around the XML, checked without Java.
// Used by tests/cli/test_einvoice_cii.sh beside Preflight, which checks PDF/A-1b only.
//   indie_facturx_inspect FILE.pdf   -> one line per check ("ok …" or "FAIL …"); exit 1 on a FAIL
#include <cstdio>
#include <exception>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <set>
#include <string>

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

std::string name_of(QPDFObjectHandle h) { return h.isName() ? h.getName() : std::string(); }

std::string data_of(QPDFObjectHandle stream) {
  auto buffer = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void check_fonts(QPDF& pdf) {
  std::set<QPDFObjGen> seen;
  int fonts = 0, embedded = 0;
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle resources = page.getAttribute("/Resources", false);
    if (!resources.isDictionary() || !resources.getKey("/Font").isDictionary()) continue;
    QPDFObjectHandle dict = resources.getKey("/Font");
    for (const auto& key : dict.getKeys()) {
      QPDFObjectHandle font = dict.getKey(key);
      if (!seen.insert(font.getObjGen()).second) continue;
      if (name_of(font.getKey("/Subtype")) == "/Type3") continue;  // drawn, nothing to embed
      ++fonts;
      if (name_of(font.getKey("/Subtype")) == "/Type0")
        font = font.getKey("/DescendantFonts").getArrayItem(0);
      QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
      if (descriptor.isDictionary() &&
          (descriptor.hasKey("/FontFile") || descriptor.hasKey("/FontFile2") ||
           descriptor.hasKey("/FontFile3")))
        ++embedded;
    }
  }
  check(fonts > 0 && embedded == fonts,
        "every font embedded (" + std::to_string(embedded) + " of " + std::to_string(fonts) + ")");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: indie_facturx_inspect FILE.pdf\n");
    return 2;
  }
  try {
    QPDF pdf;
    pdf.processFile(argv[1]);
    QPDFObjectHandle root = pdf.getRoot();
    check(pdf.getPDFVersion() == "1.7", "PDF version 1.7 (is " + pdf.getPDFVersion() + ")");

    QPDFEmbeddedFileDocumentHelper files(pdf);
    const auto embedded = files.getEmbeddedFiles();
    check(embedded.size() == 1, "one embedded file (" + std::to_string(embedded.size()) + ")");
    auto spec = files.getEmbeddedFile("factur-x.xml");
    check(spec != nullptr, "it is named factur-x.xml in the EmbeddedFiles name tree");
    if (spec) {
      QPDFObjectHandle dict = spec->getObjectHandle();
      check(dict.getKey("/F").isString() && dict.getKey("/F").getUTF8Value() == "factur-x.xml" &&
                dict.getKey("/UF").isString() &&
                dict.getKey("/UF").getUTF8Value() == "factur-x.xml",
            "/F and /UF are factur-x.xml");
      const std::string relation = name_of(dict.getKey("/AFRelationship"));
      check(relation == "/Alternative" || relation == "/Data",
            "/AFRelationship /Alternative or /Data (is " + relation + ")");
      QPDFObjectHandle stream = spec->getEmbeddedFileStream();
      const std::string subtype = name_of(stream.getDict().getKey("/Subtype"));
      check(subtype == "/text/xml" || subtype == "/text#2Fxml",
            "MIME type text/xml (is " + subtype + ")");
      QPDFObjectHandle params = stream.getDict().getKey("/Params");
      const std::string xml = data_of(stream);
      check(params.isDictionary() && params.getKey("/ModDate").isString() &&
                params.getKey("/Size").isInteger() &&
                params.getKey("/Size").getIntValue() == static_cast<long long>(xml.size()) &&
                params.getKey("/CheckSum").isString(),
            "/Params with /ModDate, /CheckSum and the right /Size");
      check(contains(xml, "<rsm:CrossIndustryInvoice"), "the attachment is a CII");
      bool listed = false;
      QPDFObjectHandle af = root.getKey("/AF");
      for (int i = 0; af.isArray() && i < af.getArrayNItems(); ++i)
        listed = listed || af.getArrayItem(i).getObjGen() == dict.getObjGen();
      check(listed, "the catalog's /AF lists it");
    }

    QPDFObjectHandle metadata = root.getKey("/Metadata");
    const std::string xmp = metadata.isStream() ? data_of(metadata) : std::string();
    for (const char* part :
         {"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
          "<fx:DocumentType>INVOICE</fx:DocumentType>",
          "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>", "<fx:Version>1.0</fx:Version>",
          "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
          "<pdfaSchema:prefix>fx</pdfaSchema:prefix>"})
      check(contains(xmp, part), std::string("XMP: ") + part);
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    const std::string title = info.isDictionary() && info.getKey("/Title").isString()
                                  ? info.getKey("/Title").getUTF8Value()
                                  : std::string();
    check(!title.empty() && contains(xmp, ">" + title + "<"), "XMP dc:title = the info's /Title");

    QPDFObjectHandle intents = root.getKey("/OutputIntents");
    bool srgb = false;
    for (int i = 0; intents.isArray() && i < intents.getArrayNItems(); ++i) {
      QPDFObjectHandle intent = intents.getArrayItem(i);
      srgb =
          srgb || (name_of(intent.getKey("/S")) == "/GTS_PDFA1" &&
                   intent.getKey("/DestOutputProfile").isStream() &&
                   intent.getKey("/DestOutputProfile").getDict().getKey("/N").isInteger() &&
                   intent.getKey("/DestOutputProfile").getDict().getKey("/N").getIntValue() == 3);
    }
    check(srgb, "an RGB output intent GTS_PDFA1 with its ICC profile");
    check_fonts(pdf);
  } catch (const std::exception& e) {
    check(false, std::string("readable by qpdf: ") + e.what());
  }
  return failures == 0 ? 0 : 1;
}

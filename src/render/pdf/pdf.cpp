// Invoice documents as PDF (and, through pdf_statement.cpp, statements of account): the invoice's
// parts laid out with the pen of pdf_pen.hpp (pango for
// shaping, wrapping and font fallback) on cairo's PDF surface (embedded font subsets, metadata).
//
// The document is laid out twice with the same code: the first pass only measures, to learn
// how many pages there are, so that the second can print "Page N/M" on every page.
#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <vector>

#include "facturx.hpp"
#include "indie/core/error.hpp"
#include "pdf_journal.hpp"
#include "pdf_model.hpp"
#include "pdf_native.hpp"
#include "pdf_pen.hpp"
#include "pdf_statement.hpp"

namespace indie {
namespace {

using nlohmann::ordered_json;
using namespace pdf;

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

// ---- the parts of an invoice -----------------------------------------------------------------

void seller_and_facts(Pen& pen, const ordered_json& doc, cairo_surface_t* logo) {
  const auto& seller = doc["seller"];
  const auto& d = doc["document"];
  const auto& labels = doc["labels"];
  const double left_width = kContentWidth * 0.52;
  double y_left = kTop;
  if (logo != nullptr) {
    const double w = cairo_image_surface_get_width(logo), h = cairo_image_surface_get_height(logo);
    const double scale = std::min({150.0 / w, 56.0 / h, 1.0});
    if (cairo_t* cr = pen.cr()) {
      cairo_save(cr);
      cairo_translate(cr, kMargin, y_left);
      cairo_scale(cr, scale, scale);
      cairo_set_source_surface(cr, logo, 0, 0);
      cairo_paint(cr);
      cairo_restore(cr);
    }
    y_left += h * scale + 8;
  }
  const auto put = [&](const std::string& s, const Style& st) {
    y_left += pen.text(kMargin, y_left, left_width, s, st) + (s.empty() ? 0 : 1);
  };
  put(str(seller, "name"), {11, true});
  for (const auto& l : seller["address_lines"]) put(l.get<std::string>(), {9});
  std::string ids;
  if (const auto siren = str(seller, "siren_text"); !siren.empty())
    ids = fmt::format("{} {}", str(labels, "siren"), siren);
  if (const auto siret = str(seller, "siret_text"); !siret.empty())
    ids += fmt::format(" · {} {}", str(labels, "siret"), siret);
  put(ids, {8.5, false, kMuted});
  if (const auto vat = str(seller, "vat_number"); !vat.empty())
    put(fmt::format("{} {}", str(labels, "vat_number"), vat), {8.5, false, kMuted});
  put(str(seller, "email"), {8.5, false, kMuted});
  put(str(seller, "phone"), {8.5, false, kMuted});

  // Right: the title and the facts, as label/value pairs.
  const double right_x = kMargin + kContentWidth * 0.55, right_w = kContentWidth * 0.45;
  double y_right = kTop;
  y_right +=
      pen.text(right_x, y_right, right_w, str(d, "title"), {22, true, kAccent, Align::right}) + 6;
  std::vector<std::pair<std::string, std::string>> facts;
  const bool statement = str(d, "kind") == "statement";
  const bool journal = str(d, "kind") == "journal";
  if (const auto number = str(d, "number"); !number.empty())
    facts.emplace_back(str(labels, "number"), number);
  else if (!statement && !journal)
    facts.emplace_back("", str(labels, "draft_notice"));
  if (journal) facts.emplace_back(str(labels, "books_period"), str(d, "books_period", "text"));
  if (statement) {
    facts.emplace_back(str(labels, "as_of"), str(d, "as_of", "text"));
    if (const auto v = str(d, "since", "text"); !v.empty())
      facts.emplace_back(str(labels, "since"), v);
  }
  if (const auto v = str(d, "issue_date", "text"); !v.empty())
    facts.emplace_back(str(labels, "issue_date"), v);
  if (const auto v = str(d, "period", "text"); !v.empty())
    facts.emplace_back(str(labels, "period"), v);
  if (const auto v = str(d, "due_date", "text"); !v.empty())
    facts.emplace_back(str(labels, "due_date"), v);
  if (const auto v = str(d, "po_number"); !v.empty())
    facts.emplace_back(str(labels, "po_number"), v);
  if (const auto v = str(d, "operation_text"); !v.empty())
    facts.emplace_back(str(labels, "operation"), v);
  if (const auto v = str(d, "delivery_address"); !v.empty())
    facts.emplace_back(str(labels, "delivery_address"), v);
  for (const auto& [name, value] : facts) {
    const double label_w = right_w * 0.45;
    const double h1 = pen.text(right_x, y_right, label_w, name, {8.5, false, kMuted, Align::right});
    const double h2 =
        pen.text(right_x + label_w + 6, y_right, right_w - label_w - 6, value,
                 {9, name == str(labels, "number") || name.empty(), kInk, Align::right});
    y_right += std::max(h1, h2) + 1.5;
  }
  pen.y = std::max(y_left, y_right) + 14;
}

void client_block(Pen& pen, const ordered_json& doc) {
  const auto& client = doc["client"];
  const auto& labels = doc["labels"];
  const double x = kMargin + kContentWidth * 0.52, w = kContentWidth * 0.48, pad = 8;
  std::vector<std::pair<std::string, Style>> rows;
  rows.emplace_back(str(labels, "client"), Style{7.5, true, kMuted});
  rows.emplace_back(str(client, "name"), Style{10.5, true});
  for (const auto& l : client["address_lines"]) rows.emplace_back(l.get<std::string>(), Style{9});
  if (const auto siren = str(client, "siren_text"); !siren.empty())
    rows.emplace_back(fmt::format("{} {}", str(labels, "siren"), siren), Style{8.5, false, kMuted});
  if (const auto vat = str(client, "vat_number"); !vat.empty())
    rows.emplace_back(fmt::format("{} {}", str(labels, "vat_number"), vat),
                      Style{8.5, false, kMuted});
  double h = 0;
  for (const auto& [s, st] : rows) h += pen.measure(w - 2 * pad, s, st) + 1.5;
  if (cairo_t* cr = pen.cr()) {
    cairo_set_source_rgb(cr, kRule.r, kRule.g, kRule.b);
    cairo_set_line_width(cr, 0.7);
    cairo_rectangle(cr, x, pen.y, w, h + 2 * pad);
    cairo_stroke(cr);
  }
  double yy = pen.y + pad;
  for (const auto& [s, st] : rows) yy += pen.text(x + pad, yy, w - 2 * pad, s, st) + 1.5;
  pen.y += h + 2 * pad + 14;

  const auto& d = doc["document"];
  if (truthy(d, "credits")) {
    const auto& c = d["credits"];
    pen.line(kMargin, kContentWidth,
             fmt::format("{} {} {} {}", str(labels, "credits"), str(c, "number"), str(labels, "of"),
                         str(c, "issue_date", "text")),
             {9.5, true});
    if (const auto reason = str(d, "reason"); !reason.empty())
      pen.line(kMargin, kContentWidth,
               fmt::format("{}{}{}", str(labels, "reason"), colon(doc), reason), {9});
    pen.y += 6;
  }
}

void lines_table(Pen& pen, const ordered_json& doc) {
  const auto& labels = doc["labels"];
  std::vector<Column> columns;
  columns.push_back({0, str(labels, "description"), Align::left,
                     [](const ordered_json& l) { return str(l, "description"); },
                     [](const ordered_json& l) { return str(l, "period", "text"); }});
  columns.push_back({42,
                     str(labels, "quantity"),
                     Align::right,
                     [](const ordered_json& l) { return str(l, "quantity", "text"); },
                     {}});
  columns.push_back({34,
                     str(labels, "unit"),
                     Align::left,
                     [](const ordered_json& l) { return str(l, "unit"); },
                     {}});
  columns.push_back({78,
                     str(labels, "unit_price"),
                     Align::right,
                     [](const ordered_json& l) { return str(l, "unit_price", "text"); },
                     {}});
  if (doc.value("has_discount", false))
    columns.push_back({46,
                       str(labels, "discount"),
                       Align::right,
                       [](const ordered_json& l) {
                         const auto t = str(l, "discount", "text");
                         return t.empty() ? t : t + " %";
                       },
                       {}});
  if (doc.value("vat_charged", false))
    columns.push_back({40,
                       str(labels, "vat_rate"),
                       Align::right,
                       [](const ordered_json& l) { return str(l, "vat_rate", "text") + " %"; },
                       {}});
  columns.push_back({82,
                     str(labels, "line_total"),
                     Align::right,
                     [](const ordered_json& l) { return str(l, "net", "text"); },
                     {}});
  Table table(pen, std::move(columns));
  table.header();
  for (const auto& l : doc["lines"]) table.row(l);
  pen.y += 8;
}

void totals_block(Pen& pen, const ordered_json& doc) {
  const auto& labels = doc["labels"];
  const auto& totals = doc["totals"];
  // A row is a name and a value, or (the VAT table) three cells: rate, base, VAT.
  struct Row {
    std::string name, value;
    Style style;
    bool shaded = false;
    std::string middle = {};
  };
  const Style small{8.5, false, kMuted};
  std::vector<Row> rows;
  rows.push_back({str(labels, "net"), str(totals, "net", "text"), {9}});
  // With VAT: a small table of its rates (Taux | Base HT | TVA) under "Total HT", its total,
  // then "Total TTC" (issue 14.10); without (franchise, reverse charge, outside the EU): the
  // reason, right under "Total HT", and no VAT row of 0.00 (issue 14.9).
  if (doc.value("vat_charged", false)) {
    rows.push_back(
        {str(labels, "rate"), str(labels, "vat"), small, false, str(labels, "vat_base")});
    for (const auto& v : doc["vat"])
      rows.push_back({str(v, "rate", "text") + " %", str(v, "amount", "text"), small, false,
                      str(v, "base", "text")});
    rows.push_back({str(labels, "vat"), str(totals, "vat", "text"), {9}});
    rows.push_back({str(labels, "gross"), str(totals, "gross", "text"), {10, true}});
  } else if (doc.contains("vat_note") && doc["vat_note"].is_string()) {
    rows.push_back({doc["vat_note"].get<std::string>(), "", small});
  }
  if (truthy(totals, "deposit")) {
    // The day in figures keeps the row on one line: 02/11/2026, or 2026-11-02 in English.
    std::string name = str(labels, "deposit");
    if (const auto d = str(totals, "deposit_date", "iso"); d.size() == 10)
      name += " (" +
              (str(doc, "language") == "fr"
                   ? d.substr(8, 2) + "/" + d.substr(5, 2) + "/" + d.substr(0, 4)
                   : d) +
              ")";
    rows.push_back({name, "-" + str(totals, "deposit", "text"), {9}});
  }
  if (truthy(totals, "due"))
    rows.push_back({str(labels, "due"), str(totals, "due", "text"), {11, true, kAccent}, true});
  if (truthy(totals, "vat_eur"))
    rows.push_back({str(labels, "vat_eur"), str(totals, "vat_eur", "text"), small});

  const double w = kContentWidth * 0.5, x = kMargin + kContentWidth - w, pad = 3.5;
  // Each row laid out once: the block is measured whole (it never splits), then drawn.
  struct Cells {
    LayoutPtr name, middle, value;
    double height;
  };
  std::vector<Cells> cells;
  double h = 0;
  for (const auto& r : rows) {
    Style right = r.style;
    right.align = Align::right;
    const bool three = !r.middle.empty();
    // A row without a value (the reason there is no VAT) takes the block's whole width.
    const double name_width = r.value.empty() ? w : three ? w * 0.24 : w * 0.62;
    Cells c{pen.layout(name_width - pad, r.name, r.style),
            three ? pen.layout(w * 0.38 - pad, r.middle, right) : nullptr,
            pen.layout(w * 0.38 - pad, r.value, right), 0};
    c.height = std::max(Pen::height(c.name.get()), Pen::height(c.value.get())) + 2 * pad;
    h += c.height;
    cells.push_back(std::move(c));
  }
  pen.need(h);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Cells& c = cells[i];
    if (rows[i].shaded) pen.shade(x, pen.y, w, c.height, kShade);
    if (rows[i].name == str(labels, "gross")) pen.rule(x, w, kAccent, 1);
    pen.draw(c.name.get(), x + pad, pen.y + pad, rows[i].style.color);
    if (c.middle) pen.draw(c.middle.get(), x + w * 0.24, pen.y + pad, rows[i].style.color);
    pen.draw(c.value.get(), x + w * 0.62, pen.y + pad, rows[i].style.color);
    pen.y += c.height;
  }
  pen.y += 14;
}

// The EPC QR code ("GiroCode") of `payload`, `size` points wide, at (x, top): dark modules as
// filled squares, error correction M as the standard asks. Returns false if it cannot encode.
bool draw_qr(Pen& pen, const std::string& payload, double x, double top, double size) {
  QRcode* code = QRcode_encodeString(payload.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == nullptr) return false;
  if (cairo_t* cr = pen.cr(); cr != nullptr) {
    const double module = size / code->width;
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < code->width; ++row)
      for (int col = 0; col < code->width; ++col)
        if ((code->data[row * code->width + col] & 1) != 0)
          cairo_rectangle(cr, x + col * module, top + row * module, module, module);
    cairo_fill(cr);
  }
  QRcode_free(code);
  return true;
}

// How to pay (issue 14.14): the due date in bold, the reference to quote, the IBAN by fours and
// the BIC, and, for an issued invoice in euros, the EPC QR code a banking app reads.
void payment_block(Pen& pen, const ordered_json& doc) {
  if (!truthy(doc, "payment")) return;
  const auto& labels = doc["labels"];
  const auto& p = doc["payment"];
  const auto& d = doc["document"];
  struct Line {
    std::string text;
    Style style;
  };
  std::vector<Line> lines;
  if (const auto due = str(d, "due_date", "text"); !due.empty())
    lines.push_back({fmt::format("{}{}{}", str(labels, "due_date"), colon(doc), due), {9.5, true}});
  if (const auto terms = str(d, "payment_terms"); !terms.empty())
    lines.push_back({fmt::format("{}{}{}", str(labels, "payment_terms"), colon(doc), terms), {9}});
  if (const auto ref = str(p, "reference"); !ref.empty())
    lines.push_back({fmt::format("{}{}{}", str(labels, "reference"), colon(doc), ref), {9}});
  if (const auto iban = str(p, "iban_text"); !iban.empty()) {
    std::string s = fmt::format("{} — {} {}", str(p, "method"), str(labels, "iban"), iban);
    if (const auto bic = str(p, "bic"); !bic.empty())
      s += fmt::format(" · {} {}", str(labels, "bic"), bic);
    lines.push_back({s, {9}});
  }
  if (lines.empty()) return;
  const std::string qr = str(p, "epc_qr");
  constexpr double kQr = 64;
  pen.need(qr.empty() ? 40 : kQr + 24);
  const double top = pen.y;
  const double text_width = qr.empty() ? kContentWidth : kContentWidth - kQr - 16;
  pen.line(kMargin, text_width, str(labels, "payment"), {7.5, true, kMuted}, 2);
  for (const auto& l : lines) pen.line(kMargin, text_width, l.text, l.style);
  if (!qr.empty()) {
    const double x = kMargin + kContentWidth - kQr;
    if (draw_qr(pen, qr, x, top, kQr)) {
      pen.text(x - 20, top + kQr + 2, kQr + 20, str(labels, "scan_to_pay"),
               {7, false, kMuted, Align::right});
      pen.y = std::max(pen.y, top + kQr + 14);
    }
  }
  pen.y += 8;
}

void notes_block(Pen& pen, const ordered_json& doc) {
  const auto notes = str(doc["document"], "notes");
  if (notes.empty()) return;
  pen.line(kMargin, kContentWidth, str(doc["labels"], "notes"), {7.5, true, kMuted}, 2);
  pen.line(kMargin, kContentWidth, notes, {9});
  pen.y += 8;
}

// The legal mentions close the document, at the foot of its last page.
void mentions_block(Pen& pen, const ordered_json& doc) {
  const Style st{7.5, false, kMuted};
  double h = 6;
  for (const auto& m : doc["mentions"])
    h += pen.measure(kContentWidth, m.get<std::string>(), st) + 1.5;
  if (h <= 6) return;
  pen.need(h);
  pen.y = std::max(pen.y, kContentBottom - h);
  pen.rule(kMargin, kContentWidth, kRule, 0.5);
  pen.y += 6;
  for (const auto& m : doc["mentions"]) pen.line(kMargin, kContentWidth, m.get<std::string>(), st);
}

void timesheet_annex(Pen& pen, const ordered_json& doc) {
  if (!truthy(doc, "timesheet")) return;
  const auto& labels = doc["labels"];
  const auto& ts = doc["timesheet"];
  pen.on_new_page = nullptr;
  pen.next_page();
  pen.line(kMargin, kContentWidth, str(labels, "timesheet"), {18, true, kAccent}, 4);
  const auto number = str(doc["document"], "number");
  pen.line(kMargin, kContentWidth,
           fmt::format("{} {}", str(labels, "timesheet_of"),
                       number.empty() ? str(labels, "draft") : number),
           {9, false, kMuted}, 10);
  Table table(pen, {{70,
                     str(labels, "date"),
                     Align::left,
                     [](const ordered_json& e) { return str(e, "date", "iso"); },
                     {}},
                    {70,
                     str(labels, "time"),
                     Align::left,
                     [](const ordered_json& e) { return str(e, "start") + "–" + str(e, "end"); },
                     {}},
                    {110,
                     str(labels, "project"),
                     Align::left,
                     [](const ordered_json& e) { return str(e, "project"); },
                     {}},
                    {0,
                     str(labels, "description"),
                     Align::left,
                     [](const ordered_json& e) { return str(e, "note"); },
                     {}},
                    {55,
                     str(labels, "duration"),
                     Align::right,
                     [](const ordered_json& e) { return str(e, "duration", "text"); },
                     {}}});
  table.header();
  for (const auto& e : ts["entries"]) table.row(e);
  const ordered_json total = {{"date", {{"iso", str(labels, "total")}}},
                              {"start", ""},
                              {"end", ""},
                              {"project", ""},
                              {"note", ""},
                              {"duration", {{"text", str(ts, "total", "text")}}}};
  Table totals(
      pen, {{70, "", Align::left, [](const ordered_json& e) { return str(e, "date", "iso"); }, {}},
            {0, "", Align::left, [](const ordered_json&) { return std::string(); }, {}},
            {55,
             "",
             Align::right,
             [](const ordered_json& e) { return str(e, "duration", "text"); },
             {}}});
  totals.row(total, true);
}

// The draft mark, across the page and over what is on it: translucent, so the page stays
// readable and no shaded box hides part of it.
void draft_mark(Pen& pen, const std::string& mark) {
  cairo_t* cr = pen.cr();
  if (mark.empty() || cr == nullptr) return;
  const LayoutPtr l = pen.layout(0, mark, {80, true});
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  const double scale = std::min(1.0, kPageWidth * 0.95 / (static_cast<double>(w) / PANGO_SCALE));
  cairo_save(cr);
  cairo_translate(cr, kPageWidth / 2, kPageHeight / 2);
  cairo_rotate(cr, -0.5);
  cairo_scale(cr, scale, scale);
  cairo_move_to(cr, -static_cast<double>(w) / PANGO_SCALE / 2,
                -static_cast<double>(h) / PANGO_SCALE / 2);
  cairo_set_source_rgba(cr, 0.85, 0.25, 0.25, 0.16);
  pango_cairo_show_layout(cr, l.get());
  cairo_restore(cr);
}

// Every page ends with who issued it and "Page N/M", then the draft mark.
void footer(Pen& pen, const ordered_json& doc, int pages) {
  if (pen.cr() == nullptr) return;  // the measuring pass: nothing of it moves the flow
  // The seller's legal identity on every page (issue 14.13), then the number and the page.
  const std::string identity = str(doc["seller"], "identity");
  std::string right = str(doc["document"], "number");
  if (!right.empty()) right += " · ";
  right += fmt::format("{} {}/{}", str(doc["labels"], "page"), pen.page(), pages);
  const double saved = pen.y;
  pen.y = kFooterTop - 4;
  pen.rule(kMargin, kContentWidth, kRule, 0.5);
  pen.y = saved;
  // A long identity wraps onto a second line; the page number keeps the first line's end.
  pen.text(kMargin, kFooterTop, kContentWidth * 0.78, identity, {7, false, kMuted});
  pen.text(kMargin + kContentWidth * 0.78, kFooterTop, kContentWidth * 0.22, right,
           {7, false, kMuted, Align::right});
  draft_mark(pen, str(doc["document"], "draft_mark"));
}

// One whole pass over the document; returns the number of pages.
int lay_out(const ordered_json& doc, PangoContext* context, cairo_t* cr, int pages,
            cairo_surface_t* logo) {
  Pen pen(context, cr);
  pen.on_page_end = [&pen, &doc, pages] { footer(pen, doc, pages); };
  seller_and_facts(pen, doc, logo);
  if (str(doc["document"], "kind") == "journal") {
    const std::string title =
        fmt::format("{} {}", str(doc["document"], "title"), str(doc["document"], "period_label"));
    pen.on_new_page = [&pen, title] {
      pen.text(kMargin, pen.y, kContentWidth, title, {8, false, kMuted});
      pen.y += 16;
    };
    journal_tables(pen, doc);
    pen.end_page();
    return pen.page();
  }
  client_block(pen, doc);
  const std::string continued =
      fmt::format("{} {} ({})", str(doc["document"], "title"), str(doc["document"], "number"),
                  str(doc["client"], "name"));
  // Continuation pages say what they continue; the table repeats its own header.
  pen.on_new_page = [&pen, continued] {
    pen.text(kMargin, pen.y, kContentWidth, continued, {8, false, kMuted});
    pen.y += 16;
  };
  if (str(doc["document"], "kind") == "statement") {
    statement_tables(pen, doc);
    pen.end_page();
    return pen.page();
  }
  lines_table(pen, doc);
  totals_block(pen, doc);
  payment_block(pen, doc);
  notes_block(pen, doc);
  mentions_block(pen, doc);
  timesheet_annex(pen, doc);
  pen.end_page();
  return pen.page();
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A logo is decoded only after its file and header are checked: a FIFO would block for ever,
// and a 49 KB PNG declaring 20000 x 20000 pixels takes 1.6 GB and seconds to decode.
constexpr std::uintmax_t kMaxLogoBytes = 5 * 1024 * 1024;
constexpr std::uint32_t kMaxLogoPixels = 4000;  // per side: 64 MB decoded at most

struct LogoBytes {
  std::string bytes;
};

template <class Fail>
LogoBytes read_logo(const std::string& path, const Fail& fail) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) throw fail(ec.message());
  if (!std::filesystem::is_regular_file(status)) throw fail("it is not a regular file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw fail(ec.message());
  if (size > kMaxLogoBytes)
    throw fail(fmt::format("it is {} bytes; a logo may be at most 5 MB", size));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw fail(std::strerror(errno));
  LogoBytes out{std::string(std::istreambuf_iterator<char>(in), {})};
  // The PNG signature, then the IHDR chunk: width and height, 4 bytes each, big-endian.
  const std::string_view b = out.bytes;
  if (b.size() < 24 || b.substr(0, 8) != "\x89PNG\r\n\x1A\n" || b.substr(12, 4) != "IHDR")
    throw fail("it is not a PNG image");
  const auto be32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(b[at + k]);
    return v;
  };
  const std::uint32_t width = be32(16), height = be32(20);
  if (width == 0 || height == 0 || width > kMaxLogoPixels || height > kMaxLogoPixels)
    throw fail(fmt::format("it is {} x {} pixels; a logo may be at most {} x {} (scale it down)",
                           width, height, kMaxLogoPixels, kMaxLogoPixels));
  return out;
}

struct PngReader {
  const std::string& bytes;
  std::size_t at;
};

cairo_status_t read_png_chunk(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes.data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

PdfDocument render_pdf_natively(const ordered_json& doc, const PdfOptions& options) {
  // The logo first: a bad one stops the render before anything is written.
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> logo;
  if (!options.logo.empty()) {
    const auto fail = [&](const std::string& why) {
      return invalid_input(fmt::format(
          "business.logo: cannot read {}: {}. Fix the path with: indie config set business.logo "
          "FILE.png, or go without: indie config set business.logo \"\"",
          options.logo, why));
    };
    const LogoBytes png = read_logo(options.logo, fail);
    PngReader reader{png.bytes, 0};
    logo.reset(cairo_image_surface_create_from_png_stream(read_png_chunk, &reader));
    // cairo says "out of memory" for a file that is not a PNG at all.
    if (cairo_surface_status(logo.get()) != CAIRO_STATUS_SUCCESS)
      throw fail("it is not a PNG image");
  }

  // Text is measured in points (72 per inch), without hinting, so both passes and every
  // output agree on every line break.
  PangoFontMap* font_map = pango_cairo_font_map_new();
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map), 72);
  PangoContext* context = pango_font_map_create_context(font_map);
  cairo_font_options_t* font_options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, font_options);
  cairo_font_options_destroy(font_options);

  const int pages = lay_out(doc, context, nullptr, 0, logo.get());

  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(append_to_string, &out, kPageWidth, kPageHeight);
  const auto& d = doc["document"];
  const std::string title =
      str(d, "kind") == "statement" ? fmt::format("{} {}", str(d, "title"), str(d, "as_of", "iso"))
      : str(d, "kind") == "journal" ? fmt::format("{} {}", str(d, "title"), str(d, "period_label"))
      : str(d, "number").empty()
          ? fmt::format("{} ({})", str(d, "title"), str(doc["labels"], "draft"))
          : fmt::format("{} {}", str(d, "title"), str(d, "number"));
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                 str(doc["seller"], "name").c_str());
  const std::string client_name = str(doc["client"], "name");
  const std::string subject =
      client_name.empty() ? title : fmt::format("{} – {}", title, client_name);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, options.creator.c_str());
  if (!options.created_at.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   options.created_at.c_str());
  cairo_t* cr = cairo_create(surface);
  pango_cairo_update_context(cr, context);
  lay_out(doc, context, cr, pages, logo.get());
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  g_object_unref(context);
  g_object_unref(font_map);
  if (status != CAIRO_STATUS_SUCCESS)
    throw storage_error(fmt::format("PDF: {}", cairo_status_to_string(status)));
  // A model that carries its e-invoice is made a Factur-X file (facturx.cpp).
  if (const auto fx = doc.find("facturx"); fx != doc.end() && fx->is_object()) {
    FacturxMeta meta;
    meta.xml = str(*fx, "xml");
    meta.title = title;
    meta.author = str(doc["seller"], "name");
    meta.subject = subject;
    meta.created = options.created_at;
    meta.creator = options.creator;
    out = make_facturx(out, meta);
  }
  return {std::move(out), pages};
}

}  // namespace indie

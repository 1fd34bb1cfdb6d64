// The year's chart (indie report year --to svg|png): bars of receipts and expenses month by
// month, the running total of receipts excluding VAT as a line, and the thresholds it is
// measured against as dashed lines. Drawn once with cairo, onto an SVG or an image surface.
#include "chart.hpp"

#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "indie/core/error.hpp"
#include "pdf_model.hpp"

namespace indie {
using pdf::str;
namespace {

using nlohmann::ordered_json;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

constexpr double kWidth = 800, kHeight = 450, kLeft = 70, kRight = 20, kTop = 50, kBottom = 50;

void text(cairo_t* cr, double x, double y, const std::string& s, double size, bool bold = false,
          double align = 0) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr, s.c_str(), &ext);
  cairo_move_to(cr, x - ext.x_advance * align, y);
  cairo_show_text(cr, s.c_str());
}

// Amounts become coordinates here, and only here: a point on the page, never money again.
double cents(const ordered_json& v) { return v.is_number() ? v.get<double>() : 0.0; }

void draw(cairo_t* cr, const ordered_json& doc) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const auto& months = doc["months"];
  // The scale: bars (a month's receipts or expenses) on the left axis, the running total and the
  // thresholds on the same one, so that a threshold crossed is seen crossed.
  double top = 1;
  for (const auto& m : months)
    top = std::max({top, cents(m["receipts"]), cents(m["expenses"]), cents(m["cumulative_net"])});
  for (const auto& t : doc["thresholds"]) top = std::max(top, cents(t["limit"]));
  top *= 1.08;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto y_of = [&](double v) { return kTop + plot_h - v / top * plot_h; };
  cairo_set_source_rgb(cr, 0.12, 0.31, 0.47);
  text(cr, kLeft, 28, str(doc, "title"), 16, true);
  // Gridlines, in whole thousands of euros.
  const double step = std::pow(10, std::floor(std::log10(top / 100 / 4))) * 100;
  const double grid = std::ceil(top / 5 / step) * step;
  cairo_set_line_width(cr, 0.5);
  for (double v = 0; v <= top; v += grid) {
    cairo_set_source_rgb(cr, 0.85, 0.87, 0.9);
    cairo_move_to(cr, kLeft, y_of(v));
    cairo_line_to(cr, kLeft + plot_w, y_of(v));
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    text(cr, kLeft - 6, y_of(v) + 4, fmt::format("{:.0f}", v / 100), 10, false, 1);
  }
  const double slot = plot_w / 12, bar = slot * 0.32;
  for (std::size_t i = 0; i < months.size(); ++i) {
    const auto& m = months[i];
    const double x = kLeft + slot * static_cast<double>(i) + slot * 0.16;
    cairo_set_source_rgb(cr, 0.18, 0.55, 0.34);
    const double r = std::max(0.0, cents(m["receipts"]));
    cairo_rectangle(cr, x, y_of(r), bar, y_of(0) - y_of(r));
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.8, 0.33, 0.26);
    const double e = std::max(0.0, cents(m["expenses"]));
    cairo_rectangle(cr, x + bar, y_of(e), bar, y_of(0) - y_of(e));
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    text(cr, kLeft + slot * (static_cast<double>(i) + 0.5), kHeight - kBottom + 16, str(m, "label"),
         10, false, 0.5);
  }
  // The running total.
  cairo_set_source_rgb(cr, 0.12, 0.31, 0.47);
  cairo_set_line_width(cr, 2);
  for (std::size_t i = 0; i < months.size(); ++i) {
    const double x = kLeft + slot * (static_cast<double>(i) + 0.5);
    const double y = y_of(cents(months[i]["cumulative_net"]));
    if (i == 0)
      cairo_move_to(cr, x, y);
    else
      cairo_line_to(cr, x, y);
  }
  cairo_stroke(cr);
  // The thresholds, dashed, with their names.
  const double dash[] = {6, 4};
  for (const auto& t : doc["thresholds"]) {
    const double y = y_of(cents(t["limit"]));
    cairo_set_source_rgb(cr, 0.55, 0.2, 0.55);
    cairo_set_line_width(cr, 1);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, kLeft, y);
    cairo_line_to(cr, kLeft + plot_w, y);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    text(cr, kLeft + plot_w - 4, y - 4, str(t, "label"), 9, false, 1);
  }
  // The legend.
  const auto key = [&](double x, double r, double g, double b, const std::string& label) {
    cairo_set_source_rgb(cr, r, g, b);
    cairo_rectangle(cr, x, kHeight - 22, 10, 10);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    text(cr, x + 14, kHeight - 13, label, 10);
  };
  const auto& labels = doc["labels"];
  key(kLeft, 0.18, 0.55, 0.34, str(labels, "receipts"));
  key(kLeft + 150, 0.8, 0.33, 0.26, str(labels, "expenses"));
  key(kLeft + 300, 0.12, 0.31, 0.47, str(labels, "cumulative"));
}

}  // namespace

std::string render_chart_natively(const ordered_json& doc, const std::string& format) {
  std::string out;
  cairo_surface_t* surface = nullptr;
  if (format == "svg")
    surface = cairo_svg_surface_create_for_stream(append, &out, kWidth, kHeight);
  else if (format == "png")
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kWidth) * 2,
                                         static_cast<int>(kHeight) * 2);
  else
    throw invalid_input(fmt::format("a chart is svg or png, not {}", format));
  cairo_t* cr = cairo_create(surface);
  if (format == "png") cairo_scale(cr, 2, 2);  // sharp on a screen of today
  draw(cr, doc);
  cairo_destroy(cr);
  if (format == "png") cairo_surface_write_to_png_stream(surface, append, &out);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw storage_error(
        fmt::format("cairo could not draw the chart: {}", cairo_status_to_string(status)));
  return out;
}

}  // namespace indie

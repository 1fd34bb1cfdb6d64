#include "pdf_pen.hpp"

#include <algorithm>

namespace indie::pdf {

constexpr const char* kFamily = "DejaVu Sans,Liberation Sans,sans-serif";

LayoutPtr Pen::layout(double width, const std::string& s, const Style& st) {
  if (s.empty()) return nullptr;  // takes no room and draws nothing
  LayoutPtr l(pango_layout_new(context_));
  pango_layout_set_font_description(l.get(), font(st.size, st.bold));
  pango_layout_set_width(l.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l.get(), st.align == Align::right    ? PANGO_ALIGN_RIGHT
                                      : st.align == Align::center ? PANGO_ALIGN_CENTER
                                                                  : PANGO_ALIGN_LEFT);
  pango_layout_set_text(l.get(), s.data(), static_cast<int>(s.size()));
  return l;
}

double Pen::height(PangoLayout* l) {
  if (l == nullptr) return 0;
  int w = 0, h = 0;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Pen::draw(PangoLayout* l, double x, double top, const Rgb& color) {
  if (cr_ == nullptr || l == nullptr) return;
  cairo_set_source_rgb(cr_, color.r, color.g, color.b);
  cairo_move_to(cr_, x, top);
  pango_cairo_show_layout(cr_, l);
}

double Pen::measure(double width, const std::string& s, const Style& st) {
  return height(layout(width, s, st).get());
}

double Pen::text(double x, double top, double width, const std::string& s, const Style& st) {
  const LayoutPtr l = layout(width, s, st);
  draw(l.get(), x, top, st.color);
  return height(l.get());
}

void Pen::line(double x, double width, const std::string& s, const Style& st, double after) {
  if (s.empty()) return;
  const LayoutPtr l = layout(width, s, st);
  const double h = height(l.get());
  need(h);
  draw(l.get(), x, y, st.color);
  y += h + after;
}

void Pen::rule(double x, double width, const Rgb& color, double thickness) {
  if (cr_ == nullptr) return;
  cairo_set_source_rgb(cr_, color.r, color.g, color.b);
  cairo_set_line_width(cr_, thickness);
  cairo_move_to(cr_, x, y);
  cairo_line_to(cr_, x + width, y);
  cairo_stroke(cr_);
}

void Pen::shade(double x, double top, double width, double h, const Rgb& color) {
  if (cr_ == nullptr) return;
  cairo_set_source_rgb(cr_, color.r, color.g, color.b);
  cairo_rectangle(cr_, x, top, width, h);
  cairo_fill(cr_);
}

void Pen::need(double h) {
  if (y + h > kContentBottom && y > kTop + 1) next_page();
}

void Pen::next_page() {
  end_page();
  ++page_;
  y = kTop;
  if (on_new_page) on_new_page();
}

void Pen::end_page() {
  if (on_page_end) on_page_end();
  if (cr_ != nullptr) cairo_show_page(cr_);
}

const PangoFontDescription* Pen::font(double size, bool bold) {
  for (const auto& f : fonts_)
    if (f.size == size && f.bold == bold) return f.description.get();
  PangoFontDescription* d = pango_font_description_from_string(kFamily);
  pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
  pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  fonts_.push_back({size, bold, std::unique_ptr<PangoFontDescription, FontFree>(d)});
  return d;
}

namespace {
Style aligned(Style s, Align a) {
  s.align = a;
  return s;
}
}  // namespace

Table::Table(Pen& pen, std::vector<Column> columns) : pen_(pen), columns_(std::move(columns)) {
  double fixed = 0;
  for (const auto& c : columns_) fixed += c.width;
  for (auto& c : columns_)
    if (c.width == 0) c.width = kContentWidth - fixed;
}

void Table::header() {
  constexpr double pad = 4;
  std::vector<LayoutPtr> cells;
  double h = 0;
  for (const auto& c : columns_) {
    cells.push_back(pen_.layout(c.width - 2 * pad, c.heading, {8, true, kAccent, c.align}));
    h = std::max(h, Pen::height(cells.back().get()));
  }
  pen_.need(h + 2 * pad + 20);  // a heading never ends a page alone
  pen_.shade(kMargin, pen_.y, kContentWidth, h + 2 * pad, kShade);
  double x = kMargin;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    pen_.draw(cells[i].get(), x + pad, pen_.y + pad, kAccent);
    x += columns_[i].width;
  }
  pen_.y += h + 2 * pad;
}

void Table::row(const nlohmann::ordered_json& item, bool bold) {
  constexpr double pad = 3.2;
  const Style main{8.5, bold, kInk}, sub{7.5, false, kMuted};
  // Each cell is laid out once: measured here, drawn below, after any page break.
  struct Cell {
    LayoutPtr main, sub;
  };
  std::vector<Cell> cells;
  double h = 0;
  for (const auto& c : columns_) {
    Cell cell{pen_.layout(c.width - 2 * pad, c.cell(item), aligned(main, c.align)),
              c.sub ? pen_.layout(c.width - 2 * pad, c.sub(item), aligned(sub, c.align)) : nullptr};
    h = std::max(h, Pen::height(cell.main.get()) + Pen::height(cell.sub.get()));
    cells.push_back(std::move(cell));
  }
  if (pen_.y + h + 2 * pad > kContentBottom) {
    pen_.next_page();
    header();
  }
  double x = kMargin;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    pen_.draw(cells[i].main.get(), x + pad, pen_.y + pad, main.color);
    pen_.draw(cells[i].sub.get(), x + pad, pen_.y + pad + Pen::height(cells[i].main.get()),
              sub.color);
    x += columns_[i].width;
  }
  pen_.y += h + 2 * pad;
  pen_.rule(kMargin, kContentWidth, kRule, 0.4);
}

}  // namespace indie::pdf

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
  if (h <= kContentBottom - kTop) {  // fits on a page: never split
    need(h);
    draw(l.get(), x, y, st.color);
    y += h + after;
    return;
  }
  // Taller than a page: as many lines as fit on each page, then the next page.
  const std::vector<double> bottoms = line_bottoms(l.get());
  double done = 0;
  std::size_t next = 0;
  while (next < bottoms.size()) {
    double to = done;
    while (next < bottoms.size() && bottoms[next] - done <= kContentBottom - y)
      to = bottoms[next++];
    if (to == done) {  // not even one line fits here
      if (y > kTop + 1) {
        next_page();
        continue;
      }
      to = bottoms[next++];  // a line taller than a page: drawn, clipped
    }
    draw_part(l.get(), x, y, done, to, st.color);
    y += to - done;
    done = to;
    if (next < bottoms.size()) next_page();
  }
  y += after;
}

std::vector<double> Pen::line_bottoms(PangoLayout* l) {
  std::vector<double> out;
  if (l == nullptr) return out;
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    int top = 0, bottom = 0;
    pango_layout_iter_get_line_yrange(it, &top, &bottom);
    out.push_back(static_cast<double>(bottom) / PANGO_SCALE);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

void Pen::draw_part(PangoLayout* l, double x, double top, double from, double to,
                    const Rgb& color) {
  if (cr_ == nullptr || l == nullptr || to <= from) return;
  cairo_save(cr_);
  cairo_rectangle(cr_, 0, top, kPageWidth, to - from);
  cairo_clip(cr_);
  draw(l, x, top - from, color);
  cairo_restore(cr_);
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
  std::vector<Cell> cells;
  double h = 0;
  for (const auto& c : columns_) {
    Cell cell{pen_.layout(c.width - 2 * pad, c.cell(item), aligned(main, c.align)),
              c.sub ? pen_.layout(c.width - 2 * pad, c.sub(item), aligned(sub, c.align)) : nullptr};
    h = std::max(h, Pen::height(cell.main.get()) + Pen::height(cell.sub.get()));
    cells.push_back(std::move(cell));
  }
  // What a fresh page leaves for a row, below the repeated header (measured once per row).
  if (h + 2 * pad > kContentBottom - kTop - 40) {
    split_row(cells, main, sub);
    return;
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

// A row taller than a page: each cell's lines go on from page to page, broken between lines,
// with the header repeated; the muted second line follows the last part of its cell.
void Table::split_row(const std::vector<Cell>& cells, const Style& main, const Style& sub) {
  constexpr double pad = 3.2;
  struct Progress {
    std::vector<double> bottoms;
    std::size_t next = 0;
    double done = 0;
    bool sub_drawn = false;
  };
  std::vector<Progress> progress;
  for (const auto& c : cells) progress.push_back({Pen::line_bottoms(c.main.get())});
  const auto finished = [&] {
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (progress[i].next < progress[i].bottoms.size() || (cells[i].sub && !progress[i].sub_drawn))
        return false;
    return true;
  };
  for (int guard = 0; !finished() && guard < 100000; ++guard) {
    const double room = kContentBottom - pen_.y - 2 * pad;
    double used = 0;
    double x = kMargin;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      Progress& p = progress[i];
      double to = p.done;
      while (p.next < p.bottoms.size() && p.bottoms[p.next] - p.done <= room)
        to = p.bottoms[p.next++];
      if (to == p.done && p.next < p.bottoms.size() && pen_.y <= kTop + 40)
        to = p.bottoms[p.next++];  // one line taller than a page: drawn, clipped
      pen_.draw_part(cells[i].main.get(), x + pad, pen_.y + pad, p.done, to, main.color);
      double part = to - p.done;
      p.done = to;
      if (p.next == p.bottoms.size() && cells[i].sub && !p.sub_drawn) {
        const double sub_h = Pen::height(cells[i].sub.get());
        if (part + sub_h <= room) {
          pen_.draw(cells[i].sub.get(), x + pad, pen_.y + pad + part, sub.color);
          part += sub_h;
          p.sub_drawn = true;
        }
      }
      used = std::max(used, part);
      x += columns_[i].width;
    }
    pen_.y += used + 2 * pad;
    if (finished()) break;
    pen_.next_page();
    header();
  }
  pen_.rule(kMargin, kContentWidth, kRule, 0.4);
}

}  // namespace indie::pdf

#pragma once
// A small flow layout on an A4 page for the PDF documents: a pen that lays text out with pango,
// draws it with cairo at a running y, and starts a new page when the flow reaches the bottom;
// and tables whose header repeats on every page. With no cairo context it only measures.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace indie::pdf {

// A4 in PostScript points, and the page's frame.
constexpr double kPageWidth = 595.276, kPageHeight = 841.890;
constexpr double kMargin = 45, kTop = 45;
constexpr double kFooterTop = kPageHeight - 42;     // the footer line (seller, page N/M)
constexpr double kContentBottom = kFooterTop - 14;  // nothing of the flow goes below
constexpr double kContentWidth = kPageWidth - 2 * kMargin;

struct Rgb {
  double r, g, b;
};
constexpr Rgb kInk{0.13, 0.13, 0.13}, kMuted{0.40, 0.40, 0.40}, kAccent{0.12, 0.31, 0.47},
    kRule{0.80, 0.83, 0.87}, kShade{0.93, 0.95, 0.97};

enum class Align { left, right, center };

struct Style {
  double size = 9;
  bool bold = false;
  Rgb color = kInk;
  Align align = Align::left;
};

struct Unref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;

class Pen {
 public:
  /// `cr` null: measure only (the first pass, which counts the pages).
  Pen(PangoContext* context, cairo_t* cr) : context_(context), cr_(cr) {}

  double y = kTop;
  int page() const { return page_; }
  cairo_t* cr() const { return cr_; }

  /// `s` laid out `width` wide (<= 0: on one line, unwrapped); null for an empty text, which
  /// height() counts as 0 and draw() skips.
  LayoutPtr layout(double width, const std::string& s, const Style& st);
  static double height(PangoLayout* l);
  /// Draws a laid-out text at (x, top), when drawing.
  void draw(PangoLayout* l, double x, double top, const Rgb& color);
  /// The height of `s` laid out `width` wide.
  double measure(double width, const std::string& s, const Style& st);
  /// Lays out `s` in a box `width` wide at (x, top), draws it when drawing, returns its height.
  double text(double x, double top, double width, const std::string& s, const Style& st);
  /// Writes a paragraph in the flow and moves below it, on a new page if it does not fit; one
  /// taller than a page goes on over as many pages as it needs, broken between its lines.
  void line(double x, double width, const std::string& s, const Style& st, double after = 1.5);
  /// The bottoms of a laid-out text's lines, from its top, in points: where it may break.
  static std::vector<double> line_bottoms(PangoLayout* l);
  /// Draws the part of a laid-out text from `from` to `to` (points from its top) at (x, top):
  /// what lies outside is clipped, so a text can be continued on the next page.
  void draw_part(PangoLayout* l, double x, double top, double from, double to, const Rgb& color);
  /// A horizontal rule at y.
  void rule(double x, double width, const Rgb& color, double thickness = 0.6);
  void shade(double x, double top, double width, double height, const Rgb& color);
  /// Starts a new page unless `height` still fits on this one.
  void need(double height);
  void next_page();
  /// Closes the current page: calls on_page_end (footers, marks), then shows it when drawing.
  void end_page();

  std::function<void()> on_new_page;  ///< after a page starts: what it continues
  std::function<void()> on_page_end;  ///< before a page ends: its footer

 private:
  const PangoFontDescription* font(double size, bool bold);
  struct FontFree {
    void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
  };
  struct Font {
    double size;
    bool bold;
    std::unique_ptr<PangoFontDescription, FontFree> description;
  };

  PangoContext* context_;
  cairo_t* cr_;
  std::vector<Font> fonts_;  // one description per size and weight, made once
  int page_ = 1;
};

/// A column of a table: its width, heading, alignment and the cell's text.
struct Column {
  double width;  ///< points; 0 = what the others leave
  std::string heading;
  Align align;
  std::function<std::string(const nlohmann::ordered_json&)> cell;
  std::function<std::string(const nlohmann::ordered_json&)>
      sub;  ///< a second, muted line (a line's period)
};

/// Rows that do not split across pages unless one is taller than a page (a very long
/// description), which then goes on over the next pages, broken between lines; a page break
/// repeats the header. Nothing is ever cut (issue 35.1).
class Table {
 public:
  Table(Pen& pen, std::vector<Column> columns);
  void header();
  void row(const nlohmann::ordered_json& item, bool bold = false);

 private:
  struct Cell {
    LayoutPtr main, sub;
  };
  void split_row(const std::vector<Cell>& cells, const Style& main, const Style& sub);

  Pen& pen_;
  std::vector<Column> columns_;
};

}  // namespace indie::pdf

#pragma once
// Inside the PDF module: the year's chart as SVG or PNG, drawn with cairo.
#include <nlohmann/json.hpp>
#include <string>

namespace indie {
std::string render_chart_natively(const nlohmann::ordered_json& chart, const std::string& format);
}

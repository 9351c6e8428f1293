#include "text/clean.hpp"

#include <regex>

#include "layout/patterns.hpp"

#include "util/normalize.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

namespace {

}  // namespace

bool is_page_number(std::string_view trimmed, const ReportLayout& layout) {
  const std::string s(trimmed);
  for (const auto& p : layout.patterns->page_numbers)
    if (std::regex_match(s, p.re)) return true;
  return false;
}

bool is_separator(std::string_view trimmed) {
  if (trimmed.size() < 3) return false;
  int dashes = 0;
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    const char c = trimmed[i];
    if (c == '-' || c == '*' || c == '_' || c == '=') ++dashes;
    else if (c != '\t' && c != ' ') return false;
  }
  return dashes >= 3;
}

Lines clean_lines(const Lines& raw, const ReportLayout& layout, std::vector<Noise>& set_aside) {
  Lines out;
  out.reserve(raw.size());
  const auto& patterns = *layout.patterns;
  for (const auto& line : raw) {
    std::string text = line.text;
    // Footers first: they can contain a watermark glued behind them.
    for (const auto& p : patterns.page_footers) {
      std::smatch m;
      while (std::regex_search(text, m, p.re)) {
        set_aside.push_back({NoiseKind::page_footer, m.str(), Origin::at_line(line.number)});
        text.erase(static_cast<std::size_t>(m.position()), static_cast<std::size_t>(m.length()));
      }
    }
    for (const auto& mark : layout.watermarks) {
      std::size_t pos;
      while ((pos = text.find(mark)) != std::string::npos) {
        set_aside.push_back({NoiseKind::watermark, mark, Origin::at_line(line.number)});
        text.erase(pos, mark.size());
      }
    }
    out.push_back({line.number, std::move(text)});
  }
  return out;
}

}  // namespace budgetxl::text

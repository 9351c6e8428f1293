#include "text/clean.hpp"

#include <regex>

#include "text/normalize.hpp"

namespace budgetxl::text {

namespace {

struct CompiledPatterns {
  std::vector<std::regex> footers;
  std::vector<std::regex> page_numbers;
};

const CompiledPatterns& compiled(const ReportLayout& layout) {
  // Layouts live for the whole run; compile once per layout object.
  static thread_local const ReportLayout* cached_for = nullptr;
  static thread_local CompiledPatterns cached;
  if (cached_for != &layout) {
    cached = {};
    for (const auto& p : layout.page_footer_patterns) cached.footers.emplace_back(p);
    for (const auto& p : layout.page_number_patterns) cached.page_numbers.emplace_back(p);
    cached_for = &layout;
  }
  return cached;
}

}  // namespace

bool is_page_number(std::string_view trimmed, const ReportLayout& layout) {
  const std::string s(trimmed);
  for (const auto& re : compiled(layout).page_numbers)
    if (std::regex_match(s, re)) return true;
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
  const auto& patterns = compiled(layout);
  for (const auto& line : raw) {
    std::string text = line.text;
    // Footers first: they can contain a watermark glued behind them.
    for (const auto& re : patterns.footers) {
      std::smatch m;
      while (std::regex_search(text, m, re)) {
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

#include "finish/form_values.hpp"

#include "util/normalize.hpp"

namespace budgetxl {

using namespace budgetxl::util;

int year_of_line(std::string_view text) {
  std::string key = label_key(strip_html(text));
  std::string bare;
  for (char c : key)
    if (c != '(' && c != ')') bare += c;
  // "2024年度"
  if (bare.size() != 4 + 6) return 0;  // 4 digits + "年度" (2 × 3 bytes)
  for (int k = 0; k < 4; ++k)
    if (bare[k] < '0' || bare[k] > '9') return 0;
  if (bare.substr(4) != "年度") return 0;
  return std::stoi(bare.substr(0, 4));
}

void split_code_name(const std::string& s, std::string& code, std::string& name) {
  code.clear();
  name = s;
  const std::size_t dash = s.find('-');
  if (dash == std::string::npos || dash == 0 || dash > 12) return;
  for (std::size_t k = 0; k < dash; ++k)
    if (s[k] < '0' || s[k] > '9') return;
  code = s.substr(0, dash);
  name = trim(s.substr(dash + 1));
}

}  // namespace budgetxl

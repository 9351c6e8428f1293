#include "budgetxl/limits.hpp"

#include <stdexcept>

namespace budgetxl {

const std::vector<LimitInfo>& limit_infos() {
  static const std::vector<LimitInfo> infos = {
      {"zip-entries", &ReadLimits::max_zip_entries, "entries in a workbook's zip archive"},
      {"part-bytes", &ReadLimits::max_part_bytes, "one workbook part (XML), uncompressed"},
      {"workbook-bytes", &ReadLimits::max_workbook_bytes, "all parts of a workbook read, uncompressed"},
      {"xml-depth", &ReadLimits::max_xml_depth, "nested XML elements in a part"},
      {"xml-token-bytes", &ReadLimits::max_xml_token_bytes, "one XML tag with its attributes, comment or processing instruction"},
      {"cells", &ReadLimits::max_cells, "stored cells of a workbook"},
      {"rows", &ReadLimits::max_rows, "rows holding a cell, all sheets together"},
      {"shared-strings", &ReadLimits::max_shared_strings, "shared strings of a workbook"},
      {"merges", &ReadLimits::max_merges, "merged ranges of a workbook"},
      {"cell-bytes", &ReadLimits::max_string_bytes, "one cell's value"},
      {"text-bytes", &ReadLimits::max_total_text_bytes, "all values of a workbook together"},
      {"report-bytes", &ReadLimits::max_text_bytes, "a text report (all its files together)"},
      {"line-bytes", &ReadLimits::max_line_bytes, "one line of a text report"},
  };
  return infos;
}

void set_limit(ReadLimits& limits, std::string_view assignment) {
  std::string known;
  for (const auto& info : limit_infos()) known += (known.empty() ? "" : "、") + std::string(info.name);
  const auto eq = assignment.find('=');
  const std::string_view name = assignment.substr(0, eq);
  const LimitInfo* found = nullptr;
  for (const auto& info : limit_infos())
    if (name == info.name) found = &info;
  if (eq == std::string_view::npos || found == nullptr)
    throw std::invalid_argument("--limit " + std::string(assignment) + "：应为 名称=数值，名称为 " + known);
  std::string_view value = assignment.substr(eq + 1);
  std::uint64_t unit = 1;
  if (!value.empty()) {
    switch (value.back()) {
      case 'K': case 'k': unit = std::uint64_t{1} << 10; break;
      case 'M': case 'm': unit = std::uint64_t{1} << 20; break;
      case 'G': case 'g': unit = std::uint64_t{1} << 30; break;
      default: break;
    }
    if (unit != 1) value.remove_suffix(1);
  }
  std::uint64_t n = 0;
  bool ok = !value.empty() && value.size() <= 12;
  for (const char c : value) {
    if (c < '0' || c > '9') ok = false;
    else n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (!ok || n == 0) throw std::invalid_argument("--limit " + std::string(assignment) + "：数值应为正整数，可带 K、M 或 G");
  limits.*(found->member) = n * unit;
}

std::string limit_text(std::uint64_t value) {
  const auto with = [&](std::uint64_t unit, const char* name) {
    return std::to_string(value / unit) + " " + name + "（" + std::to_string(value) + " 字节）";
  };
  if (value >= (std::uint64_t{1} << 30) && value % (std::uint64_t{1} << 30) == 0) return with(std::uint64_t{1} << 30, "GiB");
  if (value >= (std::uint64_t{1} << 20) && value % (std::uint64_t{1} << 20) == 0) return with(std::uint64_t{1} << 20, "MiB");
  if (value >= (std::uint64_t{1} << 10) && value % (std::uint64_t{1} << 10) == 0) return with(std::uint64_t{1} << 10, "KiB");
  return std::to_string(value) + " 字节";
}

}  // namespace budgetxl

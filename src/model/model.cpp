// Small pieces of the model: names of enums, origins, findings, codes, table look-ups.
#include <fmt/format.h>

#include <algorithm>
#include <cassert>

#include "budgetxl/codes.hpp"
#include "budgetxl/finding.hpp"
#include "budgetxl/origin.hpp"
#include "budgetxl/report.hpp"
#include "budgetxl/rules.hpp"

namespace budgetxl {

std::string cell_reference(std::uint32_t row, std::uint32_t column) {
  std::string letters;
  for (std::uint32_t c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

std::string Origin::place() const { return line ? fmt::format("第{}行", line) : str(); }

std::string Origin::str() const {
  if (!sheet.empty()) {
    if (column == 0) return fmt::format("{}!{}", sheet, row);
    return fmt::format("{}!{}", sheet, cell_reference(row, column));
  }
  if (line == 0) return "";
  if (field == 0) return fmt::format("line {}", line);
  return fmt::format("line {} field {}", line, field);
}

const char* severity_title(Severity s) {
  switch (s) {
    case Severity::info: return "提示";
    case Severity::warning: return "警告";
    case Severity::error: return "错误";
  }
  return "";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "";
}

void Findings::add(std::string rule, Severity severity, std::string message, Origin where) {
  const Rule* known = find_rule(rule);
  assert(known && "finding rule missing from the rule table (src/model/rules.cpp)");
  assert((!known || known->severity == severity) && "finding severity differs from the rule table");
  items_.push_back({std::move(rule), known ? known->severity : severity, std::move(message), std::move(where), {}});
}

void Findings::add_checked(std::string rule, std::string message, Origin where, std::vector<Evidence> evidence) {
  const Rule* known = find_rule(rule);
  assert(known && "check rule missing from the rule table (src/model/rules.cpp)");
  items_.push_back({std::move(rule), known ? known->severity : Severity::error, std::move(message), std::move(where), std::move(evidence)});
}

std::size_t Findings::count(const std::string& rule) const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [&](const Finding& f) { return f.rule == rule; }));
}

bool Findings::has_errors() const {
  return std::any_of(items_.begin(), items_.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

CodeLevel code_level(std::string_view code) {
  if (code.empty() || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return CodeLevel::none;
  switch (code.size()) {
    case 3: return CodeLevel::lei;
    case 5: return CodeLevel::kuan;
    case 7: return CodeLevel::xiang;
    default: return CodeLevel::none;
  }
}

std::string parent_code(std::string_view code) {
  switch (code_level(code)) {
    case CodeLevel::kuan: return std::string(code.substr(0, 3));
    case CodeLevel::xiang: return std::string(code.substr(0, 5));
    default: return "";
  }
}

const char* code_level_name(CodeLevel level) {
  switch (level) {
    case CodeLevel::lei: return "类";
    case CodeLevel::kuan: return "款";
    case CodeLevel::xiang: return "项";
    default: return "";
  }
}

const char* document_kind_name(DocumentKind k) {
  switch (k) {
    case DocumentKind::department: return "部门";
    case DocumentKind::unit: return "单位";
    default: return "";
  }
}

const char* row_kind_name(RowKind k) {
  switch (k) {
    case RowKind::item: return "item";
    case RowKind::total: return "total";
    case RowKind::group: return "group";
    case RowKind::organisation: return "organisation";
  }
  return "";
}

const char* block_kind_name(BlockKind k) {
  switch (k) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::table: return "table";
    case BlockKind::form: return "form";
  }
  return "";
}

const char* part_kind_name(PartKind k) {
  switch (k) {
    case PartKind::cover: return "cover";
    case PartKind::contents: return "contents";
    case PartKind::overview: return "overview";
    case PartKind::tables: return "tables";
    case PartKind::explanation: return "explanation";
    case PartKind::glossary: return "glossary";
    case PartKind::other: return "other";
  }
  return "";
}

const char* part_kind_title(PartKind k) {
  switch (k) {
    case PartKind::cover: return "封面";
    case PartKind::contents: return "目录";
    case PartKind::overview: return "概况";
    case PartKind::tables: return "预算报表";
    case PartKind::explanation: return "情况说明";
    case PartKind::glossary: return "名词解释";
    case PartKind::other: return "其他";
  }
  return "";
}

const char* noise_kind_name(NoiseKind k) {
  switch (k) {
    case NoiseKind::watermark: return "watermark";
    case NoiseKind::page_footer: return "page_footer";
    case NoiseKind::page_number: return "page_number";
    case NoiseKind::running_header: return "running_header";
    case NoiseKind::separator: return "separator";
    case NoiseKind::appendix: return "appendix";
    case NoiseKind::unplaced: return "unplaced";
  }
  return "";
}

const char* noise_kind_title(NoiseKind k) {
  switch (k) {
    case NoiseKind::watermark: return "水印";
    case NoiseKind::page_footer: return "页脚";
    case NoiseKind::page_number: return "页码";
    case NoiseKind::running_header: return "页眉";
    case NoiseKind::separator: return "分隔线";
    case NoiseKind::appendix: return "附录文件";
    case NoiseKind::unplaced: return "未归位内容";
  }
  return "";
}

bool noise_kind_from_title(std::string_view title, NoiseKind& out) {
  for (NoiseKind k : kNoiseKinds)
    if (title == noise_kind_title(k)) {
      out = k;
      return true;
    }
  return false;
}

std::pair<std::string, std::uint32_t> SourceInfo::locate(std::uint32_t line) const {
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it)
    if (line >= it->first_line) return {it->file, line - it->first_line + 1};
  return {file, line};
}

bool Table::has_column(const std::string& id) const {
  return std::find(absent_columns.begin(), absent_columns.end(), id) == absent_columns.end();
}

bool Table::operator==(const Table& o) const {
  return number == o.number && title == o.title && label_line == o.label_line && entity_label == o.entity_label &&
         entity == o.entity && unit == o.unit && absent_columns == o.absent_columns && rows == o.rows &&
         no_data_note == o.no_data_note;
}

const Table* Report::table(int number) const {
  for (const auto& t : tables)
    if (t.number == number) return &t;
  return nullptr;
}

Table* Report::table(int number) {
  for (auto& t : tables)
    if (t.number == number) return &t;
  return nullptr;
}

}  // namespace budgetxl

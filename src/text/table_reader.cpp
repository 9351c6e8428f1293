#include "text/table_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "layout/match.hpp"
#include "finish/table_rows.hpp"
#include "text/clean.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

using namespace budgetxl::layout;

namespace {

bool has_tab(const std::string& s) { return s.find('\t') != std::string::npos; }

}  // namespace

std::string_view strip_markup(std::string_view trimmed, int* count) {
  std::size_t n = 0;
  while (n < trimmed.size() && trimmed[n] == '#') ++n;
  if (count) *count = static_cast<int>(n);
  if (n == 0) return trimmed;
  std::string_view rest = trimmed.substr(n);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}


std::size_t read_table(const Lines& lines, std::size_t title, const TitleMatch& match, const TableReadContext& ctx,
                       Table& table, Report& report) {
  const TableLayout& layout = *match.layout;
  const ReportLayout& rl = *ctx.report_layout;
  const HeaderKeys hk = header_keys(layout);
  int markup = 0;
  table.number = layout.number;
  table.title = std::string(strip_markup(trim(lines[title].text), &markup));
  table.origin = Origin::at_line(lines[title].number);

  // Column positions as printed: optional columns may be missing from this report.
  std::vector<int> printed;  // printed field index -> layout column
  auto set_printed = [&](bool without_optional) {
    printed.clear();
    table.absent_columns.clear();
    for (std::size_t c = 0; c < layout.columns.size(); ++c) {
      if (without_optional && layout.columns[c].optional) table.absent_columns.push_back(layout.columns[c].id);
      else printed.push_back(static_cast<int>(c));
    }
  };
  set_printed(false);

  auto header_match = [&](const std::vector<std::string>& cells) -> int {  // 0 none, 1 full, 2 without optional
    const auto keys = nonempty_keys(cells);
    if (keys.empty()) return 0;
    for (const auto& h : hk.full)
      if (h == keys) return 1;
    for (const auto& h : hk.without_optional)
      if (h == keys) return 2;
    return 0;
  };

  bool in_header = true;
  bool seen_header = false;
  std::size_t i = title + 1;
  for (; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const std::string t = trim(line.text);
    if (t.empty()) continue;
    if (ctx.starts_other && ctx.starts_other(lines, i)) break;
    const std::string key = label_key(t);
    if (is_no_data_note(key, rl)) {
      table.no_data_note = t;
      ++i;
      break;
    }
    if (is_page_number(t, rl) || is_separator(t)) {
      report.set_aside.push_back({is_separator(t) ? NoiseKind::separator : NoiseKind::page_number, t, Origin::at_line(line.number)});
      continue;
    }
    if (!has_tab(line.text)) {
      std::string label, entity, unit;
      if (in_header && parse_entity_line(t, rl, &label, &entity, &unit)) {
        table.entity_label = label;
        table.entity = entity;
        if (!unit.empty()) table.unit = unit;
        continue;
      }
      if (in_header && parse_unit_line(t, rl, &unit)) {
        table.unit = unit;
        continue;
      }
      // A line without fields: the table is over unless more rows follow it.
      std::size_t next = i + 1;
      while (next < lines.size() && is_blank(lines[next].text)) ++next;
      const bool rows_follow = next < lines.size() && has_tab(lines[next].text) && !(ctx.starts_other && ctx.starts_other(lines, next));
      if (!rows_follow || in_header) {
        if (in_header && rows_follow) {
          report.findings.add("text.unplaced-line", Severity::warning,
                              fmt::format("表{}表头区有无法识别的行：“{}”", layout.number, t), Origin::at_line(line.number));
          report.set_aside.push_back({NoiseKind::unplaced, t, Origin::at_line(line.number)});
          continue;
        }
        break;
      }
      report.findings.add("text.unplaced-line", Severity::warning, fmt::format("表{}中有无法放入表格的行：“{}”", layout.number, t),
                          Origin::at_line(line.number));
      report.set_aside.push_back({NoiseKind::unplaced, t, Origin::at_line(line.number)});
      continue;
    }
    std::vector<std::string> fields = split_tabs(line.text);
    // Header rows (also when a page break repeats them inside the table).
    if (const int h = header_match(fields)) {
      if (in_header) {
        if (h == 2) set_printed(true);  // this report does not print the optional columns
        seen_header = true;
      } else {
        report.set_aside.push_back({NoiseKind::running_header, t, Origin::at_line(line.number)});
      }
      continue;
    }
    if (is_column_numbers(fields)) {
      if (!layout.column_numbers)
        report.findings.add("text.unexpected-column-numbers", Severity::info, fmt::format("表{}有列序号行", layout.number),
                            Origin::at_line(line.number));
      continue;
    }
    if (in_header && !seen_header) {
      // An unknown header wording: accept it when most of its cells are header words of this layout.
      const auto keys = nonempty_keys(fields);
      std::size_t known = 0;
      bool any_amount = false;
      for (const auto& k : keys) {
        known += hk.all_cells.count(k);
        const auto a = parse_amount(k);
        any_amount = any_amount || (a.value && !a.value->is_blank());
      }
      if (!keys.empty() && !any_amount && known * 2 >= keys.size()) {
        report.findings.add("text.header-variant", Severity::info,
                            fmt::format("表{}的表头与标准格式不同：“{}”", layout.number, replace_all(t, "\t", " | ")),
                            Origin::at_line(line.number));
        continue;
      }
    }
    in_header = false;

    // A data row: fields map positionally onto the printed columns.
    while (fields.size() > printed.size() && trim(fields.back()).empty()) fields.pop_back();
    if (fields.size() > printed.size()) {
      std::string extra;
      for (std::size_t f = printed.size(); f < fields.size(); ++f) extra += (extra.empty() ? "" : " | ") + fields[f];
      report.findings.add("text.extra-cells", Severity::warning,
                          fmt::format("表{}此行比表头多出{}个单元格：“{}”", layout.number, fields.size() - printed.size(), extra),
                          Origin::at_line(line.number, static_cast<std::uint32_t>(printed.size() + 1)));
      report.set_aside.push_back({NoiseKind::unplaced, extra, Origin::at_line(line.number, static_cast<std::uint32_t>(printed.size() + 1))});
    }
    Row row;
    row.origin = Origin::at_line(line.number);
    row.cells.resize(layout.columns.size());
    for (std::size_t f = 0; f < printed.size(); ++f) {
      const auto col = static_cast<std::size_t>(printed[f]);
      Cell& cell = row.cells[col];
      cell.origin = Origin::at_line(line.number, static_cast<std::uint32_t>(f + 1));
      const std::string raw = f < fields.size() ? fields[f] : std::string();
      if (layout.columns[col].kind == ColumnKind::amount) {
        AmountParse p = parse_amount(raw);
        if (p.value) {
          cell.amount = *p.value;
        } else {
          cell.text = trim(raw);
          report.findings.add("text.bad-amount", Severity::error,
                              fmt::format("表{}“{}”列：{}", layout.number, layout.columns[col].name, p.error), cell.origin);
        }
      } else {
        cell.text = trim(raw);
      }
    }
    table.rows.push_back(std::move(row));
  }
  return i;
}

}  // namespace budgetxl::text

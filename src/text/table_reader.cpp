#include "text/table_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "text/clean.hpp"
#include "text/normalize.hpp"

namespace budgetxl::text {

namespace {

const char* const kChineseDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// Drops a leading "表一" / "表13" so a title printed with its table number still matches.
std::string_view strip_table_number(std::string_view key) {
  if (!starts_with(key, "表")) return key;
  std::string_view rest = key.substr(3);
  std::size_t n = 0;
  while (true) {
    bool advanced = false;
    if (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') {
      ++n;
      advanced = true;
    }
    for (const char* d : kChineseDigits)
      if (rest.substr(n, 3) == d) {
        n += 3;
        advanced = true;
        break;
      }
    if (!advanced) break;
  }
  return n == 0 ? key : rest.substr(n);
}

// Replaces 4-digit years (19xx/20xx) with "{year}" so header rows match any year.
std::string year_placeholder(const std::string& key) {
  std::string out;
  for (std::size_t i = 0; i < key.size();) {
    if (i + 4 <= key.size() && (key.compare(i, 2, "19") == 0 || key.compare(i, 2, "20") == 0) &&
        std::all_of(key.begin() + static_cast<long>(i), key.begin() + static_cast<long>(i + 4), [](char c) { return c >= '0' && c <= '9'; }) &&
        (i + 4 == key.size() || key[i + 4] < '0' || key[i + 4] > '9') && (i == 0 || key[i - 1] < '0' || key[i - 1] > '9')) {
      out += "{year}";
      i += 4;
    } else {
      out += key[i++];
    }
  }
  return out;
}

std::vector<std::string> nonempty_keys(const std::vector<std::string>& cells) {
  std::vector<std::string> out;
  for (const auto& c : cells) {
    std::string k = year_placeholder(label_key(c));
    if (!k.empty()) out.push_back(std::move(k));
  }
  return out;
}

// Header rows of a layout as key sequences, with and without its optional columns.
struct HeaderKeys {
  std::vector<std::vector<std::string>> full, without_optional;
  std::set<std::string> all_cells;
};

HeaderKeys header_keys(const TableLayout& layout) {
  HeaderKeys hk;
  auto add = [&](const std::vector<std::string>& row) {
    hk.full.push_back(nonempty_keys(row));
    std::vector<std::string> reduced;
    for (std::size_t c = 0; c < row.size(); ++c)
      if (!layout.columns[c].optional) reduced.push_back(row[c]);
    hk.without_optional.push_back(nonempty_keys(reduced));
    for (const auto& k : hk.full.back()) hk.all_cells.insert(k);
  };
  for (const auto& row : layout.header) add(row);
  for (const auto& row : layout.header_variants) add(row);
  return hk;
}

bool is_column_numbers(const std::vector<std::string>& cells) {
  int expected = 1;
  for (const auto& c : cells) {
    const std::string t = trim(c);
    if (t.empty()) continue;
    if (t != std::to_string(expected)) return false;
    ++expected;
  }
  return expected > 3;
}

bool has_tab(const std::string& s) { return s.find('\t') != std::string::npos; }

bool is_no_data_note(const std::string& key, const ReportLayout& layout) {
  for (const auto& n : layout.no_data_notes)
    if (key == label_key(n)) return true;
  return false;
}

bool key_in(const std::string& key, const std::vector<std::string>& list) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return label_key(s) == key; });
}

// Decides organisation rows of 表十二/十三: the leading rows that each repeat the total of all
// project rows below them (department, then unit; real reports print the unit twice).
void classify_project_rows(Table& table, const TableLayout& layout, const Report& report) {
  const int total_col = layout.column_index("total");
  std::vector<std::size_t> items;
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    if (table.rows[r].kind == RowKind::item) items.push_back(r);
  if (items.empty() || total_col < 0) return;
  auto total_of = [&](std::size_t r) { return table.rows[r].cells[static_cast<std::size_t>(total_col)].amount; };
  std::size_t block = 0;
  for (std::size_t k = items.size() - 1; k >= 1; --k) {
    Amount rest;
    for (std::size_t r = k; r < items.size(); ++r) rest += total_of(items[r]);
    bool same = true;
    for (std::size_t r = 0; r < k; ++r) same = same && total_of(items[r]) == total_of(items[0]);
    if (same && !rest.is_blank() && rest == total_of(items[0])) {
      block = k;
      break;
    }
  }
  // Where the figures do not add up, fall back to names: the entity and the units of 表十一.
  std::set<std::string> org_names{label_key(report.meta.entity), label_key(table.entity)};
  if (const Table* t11 = report.table(11))
    for (const auto& row : t11->rows)
      if (row.kind == RowKind::organisation) org_names.insert(label_key(row.cells[0].text));
  org_names.erase("");
  if (block == 0)
    while (block < items.size() - 1 && org_names.count(label_key(table.rows[items[block]].cells[0].text))) ++block;
  for (std::size_t r = 0; r < block; ++r) {
    table.rows[items[r]].kind = RowKind::organisation;
    table.rows[items[r]].level = static_cast<int>(r) + 1;
  }
  for (std::size_t r = block; r < items.size(); ++r) {
    Row& row = table.rows[items[r]];
    if (org_names.count(label_key(row.cells[0].text)) && block > 0) {
      row.kind = RowKind::organisation;  // a unit row further down, in a multi-unit department
      row.level = static_cast<int>(block);
    } else {
      row.level = static_cast<int>(block) + 1;
    }
  }
}

void classify_row(Row& row, const TableLayout& layout, const std::vector<int>& text_cols) {
  auto text_at = [&](int col) { return col < 0 ? std::string() : label_key(row.cells[static_cast<std::size_t>(col)].text); };
  for (int col : text_cols)
    if (key_in(text_at(col), layout.total_labels)) {
      row.kind = RowKind::total;
      return;
    }
  switch (layout.shape) {
    case TableShape::code: {
      const CodeLevel level = code_level(row.cells[0].text);
      row.kind = RowKind::item;
      row.level = static_cast<int>(level);
      return;
    }
    case TableShape::economic:
      row.kind = row.cells[1].text.empty() ? RowKind::group : RowKind::item;
      row.level = row.kind == RowKind::group ? 1 : 2;
      return;
    case TableShape::organisation:
      row.kind = RowKind::organisation;
      row.level = 2;
      return;
    default:
      row.kind = RowKind::item;
      return;
  }
}

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

std::optional<TitleMatch> match_table_title(std::string_view line, const Layouts& layouts) {
  if (line.find('\t') != std::string_view::npos) {
    // A title never shares its line with other fields, but PDFs leave trailing tabs behind.
    const std::string t = trim(line);
    if (t.find('\t') != std::string::npos) return std::nullopt;
  }
  int markup = 0;
  const std::string trimmed = trim(line);
  const std::string key = label_key(strip_markup(trimmed, &markup));
  if (key.size() > 200) return std::nullopt;
  std::string_view rest = strip_table_number(key);
  const int year = leading_year(rest);
  if (year != 0) {
    rest.remove_prefix(4);
    if (starts_with(rest, "年度")) rest.remove_prefix(6);
    else if (starts_with(rest, "年")) rest.remove_prefix(3);
  }
  for (const auto& layout : layouts.tables()) {
    if (rest == label_key(layout.title) || key_in(std::string(rest), layout.title_variants))
      return TitleMatch{&layout, year};
  }
  return std::nullopt;
}

int match_label_line(std::string_view line, const Layouts& layouts) {
  const std::string key = label_key(line);
  if (key.empty() || key.size() > 40) return 0;
  for (const auto& layout : layouts.tables())
    if (key_in(key, layout.label_lines)) return layout.number;
  return 0;
}

bool parse_entity_line(std::string_view line, const ReportLayout& layout, std::string* label, std::string* entity,
                       std::string* unit) {
  const std::string t = trim(line);
  for (const auto& l : layout.entity_labels) {
    if (!starts_with(t, l)) continue;
    std::string rest = t.substr(l.size());
    if (starts_with(rest, "：")) rest = rest.substr(3);
    else if (starts_with(rest, ":")) rest = rest.substr(1);
    else continue;
    // A merged line carries "单位：万元" at its end.
    std::string unit_text;
    for (const auto& u : layout.unit_labels)
      for (const char* colon : {"：", ":"}) {
        const std::string marker = u + colon;
        const std::size_t pos = rest.rfind(marker);
        if (pos != std::string::npos && pos > 0 && pos + marker.size() < rest.size() + 1) {
          const std::string candidate = trim(rest.substr(pos + marker.size()));
          if (!candidate.empty() && candidate.size() <= 12) {
            unit_text = candidate;
            rest = rest.substr(0, pos);
          }
        }
      }
    *label = l;
    *entity = trim(rest);
    *unit = unit_text;
    return true;
  }
  return false;
}

namespace {

bool parse_unit_line(const std::string& trimmed, const ReportLayout& layout, std::string* unit) {
  for (const auto& u : layout.unit_labels)
    for (const char* colon : {"：", ":"}) {
      const std::string marker = u + colon;
      if (starts_with(trimmed, marker) && trimmed.size() - marker.size() <= 12) {
        *unit = trim(trimmed.substr(marker.size()));
        return !unit->empty();
      }
    }
  return false;
}

}  // namespace

std::size_t read_table(const Lines& lines, std::size_t title, const TitleMatch& match, const TableReadContext& ctx,
                       Table& table, Report& report) {
  const TableLayout& layout = *match.layout;
  const ReportLayout& rl = *ctx.report_layout;
  const HeaderKeys hk = header_keys(layout);
  int markup = 0;
  table.number = layout.number;
  table.title = std::string(strip_markup(trim(lines[title].text), &markup));
  table.origin = Origin::at_line(lines[title].number);

  std::vector<int> text_cols;
  for (std::size_t c = 0; c < layout.columns.size(); ++c)
    if (layout.columns[c].kind != ColumnKind::amount) text_cols.push_back(static_cast<int>(c));

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
    classify_row(row, layout, text_cols);
    if (layout.shape == TableShape::code && row.kind == RowKind::item && row.level == 0)
      report.findings.add("text.bad-code", Severity::warning,
                          fmt::format("表{}科目编码“{}”不是3、5或7位的功能分类编码", layout.number, row.cells[0].text), row.origin);
    if (!layout.label_column.empty() && row.kind != RowKind::total) {
      const std::string label = row.cells[static_cast<std::size_t>(layout.column_index(layout.label_column))].text;
      const std::string k = label_key(label);
      bool known = k.empty();
      for (const auto& fl : layout.fixed_labels) known = known || k == label_key(fl.text) || key_in(k, fl.variants);
      if (!known && layout.shape != TableShape::economic)
        report.findings.add("text.unknown-label", Severity::info, fmt::format("表{}的行名称“{}”不在标准格式中", layout.number, label),
                            row.origin);
    }
    table.rows.push_back(std::move(row));
  }
  if (layout.shape == TableShape::projects) classify_project_rows(table, layout, report);
  return i;
}

}  // namespace budgetxl::text

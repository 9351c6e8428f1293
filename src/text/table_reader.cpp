#include "text/table_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
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

// A row that lost its leading empty fields (a continuation page with a narrower grid): its label
// first, then amounts where the layout has text fields ("合计→156,211,123→…" under 类 款 项 名称).
// Puts the amounts back under the last amount fields; false when the row is not such a row.
bool realign_short_row(std::vector<std::string>& fields, const std::vector<PrintedField>& printed, const TableLayout& layout) {
  auto is_amount_field = [&](std::size_t f) {
    return layout.columns[static_cast<std::size_t>(printed[f].column)].kind == ColumnKind::amount;
  };
  if (fields.size() < 2 || fields.size() >= printed.size() || is_amount_field(0) || is_amount_field(1)) return false;
  const std::string label = trim(fields[0]);
  if (label.empty() || parse_amount(label).value) return false;
  bool any = false;
  for (std::size_t f = 1; f < fields.size(); ++f) {
    const auto a = parse_amount(fields[f]);
    if (!a.value) return false;
    any = any || !a.value->is_blank();
  }
  std::size_t trailing = 0;  // amount fields at the end of the row
  while (trailing < printed.size() && is_amount_field(printed.size() - 1 - trailing)) ++trailing;
  const std::size_t amounts = fields.size() - 1;
  if (!any || amounts > trailing) return false;
  std::vector<std::string> out(printed.size());
  out[0] = fields[0];
  for (std::size_t k = 0; k < amounts; ++k) out[printed.size() - trailing + k] = fields[1 + k];
  fields = std::move(out);
  return true;
}

// The number a label starts with: "十八、住房保障支出" -> 18, "3. 国有资本经营预算" -> 3; else 0.
int leading_ordinal(const std::string& label) {
  static const char* const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::size_t i = 0;
  int value = 0, pending = 0;
  bool any = false;
  for (;;) {
    bool matched = false;
    for (int d = 0; d < 9; ++d)
      if (label.compare(i, 3, digits[d]) == 0) {
        pending = d + 1;
        i += 3;
        matched = any = true;
        break;
      }
    if (!matched && label.compare(i, 3, "十") == 0) {
      value += (pending ? pending : 1) * 10;
      pending = 0;
      i += 3;
      matched = any = true;
    }
    if (!matched) break;
  }
  if (any) return label.compare(i, 3, "、") == 0 ? value + pending : 0;
  int n = 0;
  while (i < label.size() && label[i] >= '0' && label[i] <= '9' && n < 1000) n = n * 10 + (label[i++] - '0');
  return i > 0 && i < label.size() && (label[i] == '.' || label.compare(i, 3, "、") == 0) ? n : 0;
}

// A short row of a two-sided table whose label continues the numbering of a later label column
// ("十八、住房保障支出→4,716.51" after "→→十七、国土海洋气象等支出→→→"): it lost its leading empty fields; it
// goes under that column.
bool realign_by_numbering(std::vector<std::string>& fields, const std::vector<PrintedField>& printed,
                          const TableLayout& layout, const std::vector<int>& last_ordinal) {
  if (layout.shape != TableShape::two_sided || fields.empty() || fields.size() >= printed.size()) return false;
  const int o = leading_ordinal(trim(fields[0]));
  if (o <= 1 || last_ordinal[0] == o - 1) return false;
  for (std::size_t f = 1; f + fields.size() <= printed.size(); ++f) {
    if (layout.columns[static_cast<std::size_t>(printed[f].column)].kind == ColumnKind::amount || last_ordinal[f] != o - 1)
      continue;
    std::vector<std::string> out(printed.size());
    for (std::size_t k = 0; k < fields.size(); ++k) out[f + k] = fields[k];
    fields = std::move(out);
    return true;
  }
  return false;
}

// The printed parts of a code as a reader saw them: "301 7".
std::string as_written(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts)
    if (!trim(p).empty()) out += (out.empty() ? "" : " ") + trim(p);
  return out;
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


std::size_t read_table(const Lines& lines, std::size_t title, const TitleMatch& match, const TableReadContext& ctx,
                       Table& table, Report& report) {
  const TableLayout& layout = *match.layout;
  const ReportLayout& rl = *ctx.report_layout;
  const HeaderKeys hk = header_keys(layout);
  int markup = 0;
  table.number = layout.number;
  if (!layout.unit.empty()) table.unit = layout.unit;  // until the table's own unit line says otherwise
  table.title = std::string(strip_markup(trim(lines[title].text), &markup));
  table.origin = Origin::at_line(lines[title].number);

  // Fields as printed: optional columns may be missing from this report.
  std::vector<PrintedField> printed;  // printed field index -> layout column (and code part)
  auto set_printed = [&](bool without_optional) {
    table.absent_columns.clear();
    for (const auto& c : layout.columns)
      if (without_optional && c.optional) table.absent_columns.push_back(c.id);
    printed = layout.printed_fields(table);
  };
  set_printed(false);

  std::vector<bool> header_rows_seen(layout.header.size(), false);  // rows of layout.header matched
  auto header_match = [&](const std::vector<std::string>& cells) -> int {  // 0 none, 1 full, 2 without optional
    const auto keys = nonempty_keys(cells);
    if (keys.empty()) return 0;
    for (int variant = 1; variant <= 2; ++variant) {
      const auto& rows = variant == 1 ? hk.full : hk.without_optional;
      for (std::size_t r = 0; r < rows.size(); ++r)
        if (rows[r] == keys) {
          if (r < header_rows_seen.size()) header_rows_seen[r] = true;
          return variant;
        }
    }
    return 0;
  };
  // Optional columns that only header rows this report does not print name (Shanghai's 部门 财务
  // 收支预算总表 prints 预算数 alone, its 单位 one also 基本支出 and 项目支出 below it): absent.
  auto drop_unnamed_optional_columns = [&] {
    bool dropped = false;
    for (const std::string& id : layout.unnamed_optional_columns(header_rows_seen))
      if (table.has_column(id)) {
        table.absent_columns.push_back(id);
        dropped = true;
      }
    if (dropped) printed = layout.printed_fields(table);
  };

  bool in_header = true;
  bool seen_header = false;
  std::vector<int> last_ordinal(layout.fields.size(), 0);  // per printed field: the last "十七、" seen
  // A line without fields inside the rows, held until the next row shows whether it is the start
  // of a row a page break cut ("十七、国土海洋气象等支" / page number / "→→出→→→").
  std::optional<Line> pending;
  auto unplaced = [&](const Line& l) {
    report.findings.add("text.unplaced-line", Severity::warning, fmt::format("表{}中有无法放入表格的行：“{}”", layout.number, l.text),
                        Origin::at_line(l.number));
    report.set_aside.push_back({NoiseKind::unplaced, l.text, Origin::at_line(l.number)});
  };
  auto is_text_field = [&](std::size_t f) {
    return f < printed.size() && layout.columns[static_cast<std::size_t>(printed[f].column)].kind != ColumnKind::amount;
  };
  // The row in `fields` (line i) takes the pending text back, as one of two cuts:
  //  - its only text is the end of a name ("→→出→→→"): the pending text is that name's start;
  //  - it is short, and the line after it ends the text of the cell before it
  //    ("计算机设备维修和保" / "分散自行组织→2.00" / "养服务"): the row goes under the last fields.
  auto join_cut_row = [&](std::vector<std::string>& fields, std::size_t& at) -> bool {
    std::vector<std::size_t> texts;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const std::string v = trim(fields[f]);
      if (v.empty()) continue;
      if (!is_text_field(f) && parse_amount(v).value) continue;
      texts.push_back(f);
    }
    if (texts.size() == 1 && is_text_field(texts[0]) && code_points(trim(fields[texts[0]])) <= 6) {
      fields[texts[0]] = pending->text + trim(fields[texts[0]]);
      return true;
    }
    std::size_t next = at + 1;
    while (next < lines.size() && is_blank(lines[next].text)) ++next;
    if (next >= lines.size() || has_tab(lines[next].text) || fields.size() + 1 > printed.size()) return false;
    const std::string rest = trim(lines[next].text);
    if (rest.empty() || code_points(rest) > 20 || (ctx.starts_other && ctx.starts_other(lines, next))) return false;
    const std::size_t cell = printed.size() - fields.size() - 1;  // the field before the row's fields
    if (!is_text_field(cell)) return false;
    std::vector<std::string> out(printed.size());
    out[cell] = pending->text + rest;
    for (std::size_t f = 0; f < fields.size(); ++f) out[cell + 1 + f] = fields[f];
    fields = std::move(out);
    at = next;
    return true;
  };
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
      // The label line printed below the title ("收支预算总表" / "公开表一").
      if (in_header && !seen_header && table.label_line.empty() && match_label_line(t, *ctx.layouts) == layout.number) {
        table.label_line = t;
        continue;
      }
      // A title or an entity name wrapped onto the next line: "…会议费、培训费" / "支出预算表",
      // "部门名称：江苏省人大" / "单位:万元" / "常委会办公厅".
      if (in_header && !seen_header && t.size() <= 60) {
        const std::string joined = label_key(table.title + t);
        const bool title_goes_on = table.entity.empty() && std::any_of(layout.title_keys.begin(), layout.title_keys.end(),
                                                                       [&](const std::string& k) { return ends_with(joined, k); });
        if (title_goes_on || !table.entity.empty()) {
          std::string& target = title_goes_on ? table.title : table.entity;
          target += t;
          report.findings.add("text.line-joined", Severity::info,
                              fmt::format("表{}的{}分两行印出，已接上：“{}”", layout.number, title_goes_on ? "标题" : "单位名称", target),
                              Origin::at_line(line.number));
          continue;
        }
      }
      // A line without fields: the table is over unless more rows follow it.
      // (A page number between does not end the table: the rows go on on the next page.)
      std::size_t next = i + 1;
      while (next < lines.size() && (is_blank(lines[next].text) || is_page_number(trim(lines[next].text), rl))) ++next;
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
      // Perhaps the start of a row a page break cut: the next row may take it back.
      if (pending) unplaced(*pending);
      pending = Line{line.number, t};
      continue;
    }
    std::vector<std::string> fields = split_tabs(line.text);
    if (pending && !in_header) {
      if (join_cut_row(fields, i)) {
        report.findings.add("text.row-joined", Severity::warning,
                            fmt::format("表{}一行被分页截断，已接上：“{}”", layout.number, pending->text), Origin::at_line(pending->number));
      } else {
        unplaced(*pending);
      }
      pending.reset();
    }
    // "编制部门：X→单位：元": the entity and unit line in fields of its own.
    if (in_header && !seen_header) {
      std::string joined;
      for (const auto& f : fields)
        if (!trim(f).empty()) joined += (joined.empty() ? "" : " ") + trim(f);
      std::string label, entity, unit;
      if (parse_entity_line(joined, rl, &label, &entity, &unit)) {
        table.entity_label = label;
        table.entity = entity;
        if (!unit.empty()) table.unit = unit;
        continue;
      }
    }
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
    if (in_header && seen_header) drop_unnamed_optional_columns();
    in_header = false;

    // A data row: fields map positionally onto the printed columns.
    while (fields.size() > printed.size() && trim(fields.back()).empty()) fields.pop_back();
    if (realign_short_row(fields, printed, layout) || realign_by_numbering(fields, printed, layout, last_ordinal))
      report.findings.add("text.row-realigned", Severity::info,
                          fmt::format("表{}此行缺少前面的空单元格（续页表格较窄），已按金额列和编号对齐：“{}”", layout.number,
                                      replace_all(t, "\t", " | ")),
                          Origin::at_line(line.number));
    for (std::size_t f = 0; f < fields.size() && f < last_ordinal.size(); ++f)
      if (const int o = leading_ordinal(trim(fields[f]))) last_ordinal[f] = o;
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
    // A code printed in parts: its fields, joined once the row is read.
    std::vector<std::vector<std::string>> parts(layout.columns.size());
    for (std::size_t f = 0; f < printed.size(); ++f) {
      const auto col = static_cast<std::size_t>(printed[f].column);
      Cell& cell = row.cells[col];
      const std::string raw = f < fields.size() ? fields[f] : std::string();
      if (printed[f].part >= 0) {
        if (printed[f].part == 0) cell.origin = Origin::at_line(line.number, static_cast<std::uint32_t>(f + 1));
        parts[col].push_back(raw);
        continue;
      }
      cell.origin = Origin::at_line(line.number, static_cast<std::uint32_t>(f + 1));
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
    for (std::size_t c = 0; c < parts.size(); ++c) {
      if (parts[c].empty()) continue;
      bool restored = false;
      row.cells[c].text = layout.columns[c].join_parts(parts[c], &restored);
      if (restored)
        report.findings.add("table.code-zero-restored", Severity::warning,
                            fmt::format("表{}科目编码“{}”的一段少了开头的0，已读作“{}”", layout.number,
                                        as_written(parts[c]), row.cells[c].text),
                            row.cells[c].origin);
    }
    table.rows.push_back(std::move(row));
  }
  if (pending) unplaced(*pending);
  return i;
}

}  // namespace budgetxl::text

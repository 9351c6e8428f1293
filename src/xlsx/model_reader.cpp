#include "xlsx/model_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <map>
#include <optional>

#include "layout/match.hpp"
#include "budgetxl/errors.hpp"
#include "finish/finish.hpp"
#include "finish/prose.hpp"
#include "util/normalize.hpp"
#include "xlsx/form_sheet_reader.hpp"
#include "xlsx/header_match.hpp"
#include "xlsx/sheet_tables.hpp"

namespace budgetxl::xlsx {

namespace {

using util::label_key;
using util::trim;

// The column a printed field (index into layout.fields) belongs to.
const ColumnLayout& column_of(const TableLayout& layout, std::size_t field) {
  return layout.columns[static_cast<std::size_t>(layout.fields[field].column)];
}

class Mapper {
 public:
  Mapper(const Workbook& wb, const std::string& name, const Layouts& layouts) : wb_(wb), layouts_(layouts) {
    report_.source = {name, "xlsx", "", "", {}};
  }

  Report run() {
    read_cover();
    std::vector<std::pair<const Sheet*, SheetTable>> table_sheets;
    std::vector<const Sheet*> prose_sheets;
    for (const auto& sheet : wb_.sheets) {
      if (sheet.name == schema::kCoverSheet || sheet.name == schema::kSetAsideSheet || sheet.name == schema::kFormSummarySheet ||
          sheet.name == schema::kCheckSheet)
        continue;  // 校验结果 is what check found, written again from the figures read
      if (util::starts_with(sheet.name, schema::kFormSheetPrefix)) {
        read_form(sheet);
        continue;
      }
      if (prose_kind(sheet.name)) {  // a prose sheet may list the tables' titles
        prose_sheets.push_back(&sheet);
        continue;
      }
      const auto tables = find_sheet_tables(sheet, layouts_);
      for (const SheetTable& t : tables) table_sheets.emplace_back(&sheet, t);
      if (tables.empty() && is_form_sheet(sheet, layouts_.forms())) {  // a form under any sheet name
        read_form(sheet);
        continue;
      }
      if (tables.empty() && !row_empty_sheet(sheet))
        report_.findings.add("xlsx.unknown-sheet", Severity::warning, fmt::format("工作表“{}”不是报告的一部分，未读取", sheet.name),
                             Origin::at_cell(sheet.name, 1, 1));
    }
    for (const auto& [sheet, found] : table_sheets) {
      table_index_.emplace(sheet->name, static_cast<int>(report_.tables.size()));  // a sheet's first table
      if (found.by_header)
        report_.findings.add("xlsx.table-by-header", Severity::info,
                             fmt::format("工作表“{}”没有可识别的表格标题，按表头读作表{}（{}）", sheet->name, found.layout->number,
                                         found.layout->title),
                             Origin::at_cell(sheet->name, 1, 1));
      report_.tables.push_back(read_table(*sheet, *found.layout, found.first_row, found.last_row));
    }
    for (const Sheet* sheet : prose_sheets) read_prose(*sheet);
    if (const Sheet* other = wb_.find(schema::kSetAsideSheet)) read_set_aside(*other);
    place_unlinked_tables();
    finish_report(report_, layouts_);
    return std::move(report_);
  }

 private:
  static bool row_empty_sheet(const Sheet& sheet) { return sheet.cells.empty(); }

  std::optional<PartKind> prose_kind(const std::string& name) const {
    for (PartKind k : {PartKind::cover, PartKind::contents, PartKind::overview, PartKind::tables, PartKind::explanation,
                       PartKind::glossary, PartKind::other}) {
      const std::string title = k == PartKind::cover ? schema::kCoverTextSheet : part_kind_title(k);
      if (name == title) return k;
      // Repeated parts get a number: "其他2".
      if (util::starts_with(name, title)) {
        const std::string rest = name.substr(title.size());
        if (!rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')'; }))
          return k;
      }
    }
    return std::nullopt;
  }

  void read_cover() {
    const Sheet* cover = wb_.find(schema::kCoverSheet);
    if (!cover) {
      report_.findings.add("xlsx.no-cover", Severity::info, "工作簿没有“封面”工作表，名称和年度取自表格");
      return;
    }
    for (std::uint32_t r = 1; r <= cover->max_row; ++r) {
      const std::string label = label_key(cell_text(*cover, r, 1));
      std::string value;
      for (std::uint32_t c = 2; c <= cover->max_col && value.empty(); ++c) value = cell_text(*cover, r, c);
      const auto& entity_labels = layouts_.report().entity_labels;
      const auto entity_label = std::find_if(entity_labels.begin(), entity_labels.end(),
                                             [&](const ReportLayout::EntityLabel& e) { return label_key(e.label) == label; });
      if (entity_label != entity_labels.end()) {  // report.json's entity labels say the kind
        report_.meta.entity = value;
        report_.meta.kind = entity_label->kind;
      } else if (label == label_key(schema::kCoverEntityName)) {
        report_.meta.entity = value;
      } else if (label == label_key(schema::kCoverDocumentKind)) {
        if (util::starts_with(value, "部门")) report_.meta.kind = DocumentKind::department;
        else if (util::starts_with(value, "单位")) report_.meta.kind = DocumentKind::unit;
      } else if (label == schema::kCoverYear) {
        report_.meta.year = util::leading_year(label_key(value));
      } else if (label == schema::kCoverAmountUnit && !value.empty()) {
        report_.meta.amount_unit = value;
      } else if (label == schema::kCoverTitle) {
        report_.meta.title = value;
      }
    }
  }

  // The table standing in rows first_row..last_row of the sheet: its title, label, entity and unit
  // rows, its header (the template's exact rows, else matched column by column), its rows.
  Table read_table(const Sheet& sheet, const TableLayout& layout, std::uint32_t first_row, std::uint32_t last_row) {
    Table table;
    table.number = layout.number;
    if (!layout.unit.empty()) table.unit = layout.unit;  // until the sheet's unit cell says otherwise
    table.origin = Origin::at_cell(sheet.name, first_row, 1);
    const layout::HeaderKeys hk = layout::header_keys(layout);
    const ReportLayout& rl = layouts_.report();
    const std::size_t nfield = layout.fields.size();
    std::vector<std::uint32_t> pos(nfield, 0);  // printed field (layout.fields) -> sheet column
    code_columns_.assign(nfield, {});
    std::uint32_t r = first_row;
    bool title_found = false, header_found = false;
    header_rows_seen_.assign(layout.header.size(), false);
    std::vector<std::uint32_t> unmatched;  // rows before the first row of figures that are none of these
    std::vector<std::uint32_t> header_rows;  // rows matching a template header row exactly
    std::vector<std::uint32_t> continued;    // rows after those that read as more header
    for (; r <= last_row; ++r) {
      const auto cells = row_texts(sheet, r);
      if (std::all_of(cells.begin(), cells.end(), [](const std::string& s) { return s.empty(); })) continue;
      if (!header_found) {
        bool consumed = false;
        for (std::uint32_t c = 0; c < cells.size() && !consumed; ++c) {
          const std::string& t = cells[c];
          if (t.empty()) continue;
          if (!title_found) {
            auto m = layout::match_table_title(t, layouts_);
            if (!m) m = layout::match_table_title_loose(t, layouts_);
            if (m && m->layout == &layout) {
              table.title = t;
              title_found = consumed = true;
              break;
            }
          }
          if (!title_found && layout::match_label_line(t, layouts_)) {
            table.label_line = t;  // "预算公开表1", printed above the title
            consumed = true;
            break;
          }
          std::string label, entity, unit;
          if (layout::parse_entity_line(t, rl, &label, &entity, &unit)) {
            table.entity_label = label;
            table.entity = entity;
            if (!unit.empty()) table.unit = unit;
            consumed = true;
          } else if (layout::parse_unit_line(t, rl, &unit)) {
            table.unit = unit;
            consumed = true;
          } else if (!title_found && table.entity.empty() && unmatched.empty() && util::ends_with(t, "表") &&
                     std::count_if(cells.begin(), cells.end(), [](const std::string& s) { return !s.empty(); }) == 1) {
            // A title in a wording the template does not know: the sheet's name said the table.
            table.title = t;
            title_found = consumed = true;
          }
        }
        // The entity and unit share a row: keep reading the rest of it.
        if (consumed) {
          for (const auto& t : cells) {
            std::string unit;
            if (layout::parse_unit_line(t, rl, &unit)) table.unit = unit;
          }
          unmatched.clear();
          continue;
        }
      }
      if (match_header(cells, hk, layout, pos, table)) {
        header_found = true;
        header_rows.push_back(r);
        continue;
      }
      if (layout::is_column_numbers(cells)) continue;
      if (!looks_like_data(sheet, r, layout, rl)) {
        if (!header_found) {
          unmatched.push_back(r);
          continue;
        }
        // Under the template's header, a row of header words goes on with the header as a person
        // wrote it ("类 | 款 | 项" under 科目编码).
        if (continued.size() < 3 && is_header_words(cells, hk, layout)) {
          continued.push_back(r);
          continue;
        }
      }
      break;  // the first data row
    }
    unmatched.insert(unmatched.end(), continued.begin(), continued.end());
    bool all_placed = true;
    for (std::size_t k = 0; k < nfield; ++k)
      if (pos[k] == 0 && table.has_column(column_of(layout, k).id) && !column_of(layout, k).optional) all_placed = false;
    // The template's own header rows, all fields placed: budgetxl's workbooks and the official
    // templates. Otherwise the header is matched column by column, as people write it.
    const bool exact = header_found && all_placed && continued.empty();
    if (exact) {
      // Optional columns only unprinted header rows name (a 部门 table's fewer rows).
      for (const std::string& id : layout.unnamed_optional_columns(header_rows_seen_))
        if (table.has_column(id)) table.absent_columns.push_back(id);
      for (std::uint32_t u : unmatched)
        report_.findings.add("xlsx.unplaced-cell", Severity::warning, fmt::format("表{}表头之前有无法识别的内容", layout.number),
                             Origin::at_cell(sheet.name, u, 0));
      // Fields the header did not place follow their left neighbour.
      for (std::size_t k = 0; k < nfield; ++k)
        if (pos[k] == 0 && table.has_column(column_of(layout, k).id)) pos[k] = k == 0 ? 1 : pos[k - 1] + 1;
    } else {
      table.absent_columns.clear();
      std::fill(pos.begin(), pos.end(), 0);
      match_header_by_columns(sheet, layout, table, unmatched, header_rows, r, last_row, pos);
    }
    if (!title_found)
      report_.findings.add("xlsx.no-title", Severity::warning, fmt::format("表{}没有标题行", layout.number),
                           Origin::at_cell(sheet.name, first_row, 1));

    for (; r <= last_row; ++r) {
      if (row_empty(sheet, r)) continue;
      const auto cells = row_texts(sheet, r);
      std::string first;
      for (const auto& t : cells)
        if (!t.empty()) {
          first = t;
          break;
        }
      if (layout::is_no_data_note(label_key(first), rl)) {
        table.no_data_note = first;
        break;
      }
      if (is_note_row(cells, first)) {  // "注：…" under a table people made: prose after it, as in a text report
        const Origin at = Origin::at_cell(sheet.name, r, 0);
        notes_[report_.tables.size()].push_back(prose_block(first, at));
        report_.findings.add("xlsx.table-note", Severity::info, fmt::format("表{}下方的注释作为表后的正文读取：“{}”", layout.number, first), at);
        continue;
      }
      if (match_header(cells, hk, layout, pos, table)) continue;  // a header repeated further down
      if (!exact && header_keys_.count(layout::nonempty_keys(cells))) continue;
      table.rows.push_back(read_row(sheet, r, layout, pos, table));
    }
    return table;
  }

  // A row of one cell that starts as a note does ("注：", "说明：", "备注：", "数据来源：").
  static bool is_note_row(const std::vector<std::string>& cells, const std::string& first) {
    if (std::count_if(cells.begin(), cells.end(), [](const std::string& t) { return !t.empty(); }) != 1) return false;
    const std::string key = label_key(first);
    for (const char* p : {"注:", "说明:", "备注:", "数据来源:", "资料来源:"})
      if (util::starts_with(key, p)) return true;
    return false;
  }

  // Is every filled cell a word of a header (the template's, a column's name, 类/款/项, 栏次)?
  bool is_header_words(const std::vector<std::string>& cells, const layout::HeaderKeys& hk, const TableLayout& layout) const {
    int filled = 0;
    for (const auto& t : cells) {
      if (t.empty()) continue;
      ++filled;
      const std::string key = layout::year_placeholder(label_key(t));
      if (hk.all_cells.count(key)) continue;
      bool known = false;
      for (const char* w : {"类", "款", "项", "栏次", "行次", "金额", "预算数", "合计", "小计"}) known = known || key == w;
      for (const auto& c : layout.columns) known = known || key == label_key(c.name);
      for (const auto& [id, name] : layouts_.vocabulary().columns) known = known || key == label_key(name);
      if (!known) return false;
    }
    return filled >= 1;
  }

  // The header as people write it: the rows above the first row of figures, matched column by
  // column (header_match.hpp). No row is lost: a header nothing in the template matches is read
  // by column order, an error; every doubtful column is a finding at its header cell.
  void match_header_by_columns(const Sheet& sheet, const TableLayout& layout, Table& table, const std::vector<std::uint32_t>& unmatched,
                               const std::vector<std::uint32_t>& header_rows, std::uint32_t data_row, std::uint32_t last_row,
                               std::vector<std::uint32_t>& pos) {
    const std::size_t nfield = layout.fields.size();
    std::vector<std::uint32_t> rows = unmatched;
    rows.insert(rows.end(), header_rows.begin(), header_rows.end());
    std::sort(rows.begin(), rows.end());
    header_keys_.clear();
    HeaderBlock block;
    if (!rows.empty()) {
      block.first_row = rows.front();
      for (std::uint32_t h = rows.front(); h <= rows.back(); ++h) {
        block.rows.push_back(row_texts(sheet, h));
        if (const auto keys = layout::nonempty_keys(block.rows.back()); !keys.empty()) header_keys_.insert(keys);
      }
    }
    std::vector<bool> has_data(sheet.max_col + 1, false);
    for (const SheetCell& cell : sheet.cells)
      if (cell.row >= data_row && cell.row <= last_row && cell.col <= sheet.max_col && !cell_text(sheet, cell.row, cell.col).empty())
        has_data[cell.col] = true;
    const HeaderMatch m = match_header_columns(sheet, block, layout, layouts_.vocabulary(), table, has_data);
    const Origin at_header = Origin::at_cell(sheet.name, block.first_row ? block.first_row : data_row, 1);
    if (m.by_text == 0) {
      report_.findings.add("xlsx.no-header", Severity::error, fmt::format("表{}找不到表头，按列顺序读取", layout.number), at_header);
      for (std::size_t k = 0; k < nfield; ++k) pos[k] = static_cast<std::uint32_t>(k + 1);
      for (std::uint32_t h : rows)
        report_.findings.add("xlsx.unplaced-cell", Severity::warning,
                             fmt::format("表{}此行没有金额，当作表头跳过：“{}”", layout.number, row_summary(sheet, h)),
                             Origin::at_cell(sheet.name, h, 0));
      return;
    }
    for (std::size_t k = 0; k < nfield; ++k) {
      const ColumnLayout& col = column_of(layout, k);
      const std::string field_name = layout.fields[k].part >= 0 ? col.name + col.parts[static_cast<std::size_t>(layout.fields[k].part)].name : col.name;
      const FieldMatch& f = m.fields[k];
      if (!table.has_column(col.id)) continue;
      if (!f.columns.empty()) {
        pos[k] = f.columns.front();
        if (f.columns.size() > 1) code_columns_[k] = f.columns;
      }
      const Origin at = f.columns.empty() ? at_header : Origin::at_cell(sheet.name, block.first_row ? block.first_row : data_row, f.columns.front());
      switch (f.how) {
        case FieldMatch::How::similar:
          if (f.columns.empty()) break;  // the other parts of a code typed whole
          report_.findings.add("xlsx.header-similar", Severity::info,
                               fmt::format("表{}“{}”栏按相近的表头“{}”读取", layout.number, field_name, f.header), at);
          break;
        case FieldMatch::How::position:
          report_.findings.add("xlsx.header-guessed", Severity::warning,
                               fmt::format("表{}“{}”栏的表头“{}”与格式不符，按位置读取，请核对", layout.number, field_name, f.header), at);
          break;
        case FieldMatch::How::none:
          // An optional column left out is simply not printed; any other is said.
          if (col.optional) {
            if (layout.fields[k].part <= 0) table.absent_columns.push_back(col.id);
          } else {
            report_.findings.add("xlsx.column-missing", Severity::warning,
                                 fmt::format("表{}没有“{}”栏，该栏读作空白", layout.number, field_name), at);
          }
          break;
        default:
          break;
      }
    }
    if (m.guessed + m.unclaimed > m.by_text)
      report_.findings.add("xlsx.no-header", Severity::error,
                           fmt::format("表{}的表头大多与格式不符，按最接近的栏目读取，请逐栏核对", layout.number), at_header);
  }

  bool match_header(const std::vector<std::string>& cells, const layout::HeaderKeys& hk, const TableLayout& layout,
                    std::vector<std::uint32_t>& pos, Table& table) {
    const auto keys = layout::nonempty_keys(cells);
    if (keys.empty()) return false;
    const std::size_t rows = hk.full.size();
    for (std::size_t k = 0; k < rows; ++k) {
      for (int variant = 0; variant < 2; ++variant) {
        if ((variant == 0 ? hk.full[k] : hk.without_optional[k]) != keys) continue;
        if (k < header_rows_seen_.size()) header_rows_seen_[k] = true;
        if (variant == 1 && hk.full[k] != keys) {
          table.absent_columns.clear();
          for (const auto& c : layout.columns)
            if (c.optional) table.absent_columns.push_back(c.id);
        }
        // The k-th template row's non-empty cells sit where this row's non-empty cells sit.
        const auto& tmpl = k < layout.header.size() ? layout.header[k] : layout.header_variants[k - layout.header.size()];
        std::vector<std::size_t> tmpl_cols;
        for (std::size_t c = 0; c < tmpl.size(); ++c)
          if (!label_key(tmpl[c]).empty() && (variant == 0 || !column_of(layout, c).optional)) tmpl_cols.push_back(c);
        std::vector<std::uint32_t> sheet_cols;
        for (std::uint32_t c = 0; c < cells.size(); ++c)
          if (!label_key(cells[c]).empty()) sheet_cols.push_back(c + 1);
        for (std::size_t i = 0; i < tmpl_cols.size() && i < sheet_cols.size(); ++i)
          if (pos[tmpl_cols[i]] == 0) pos[tmpl_cols[i]] = sheet_cols[i];
        return true;
      }
    }
    return false;
  }

  const std::vector<std::string>& rl_blank() const { return layouts_.report().blank_markers; }

  // A workbook people made has tables but no prose sheet linking them (budgetxl's own has both):
  // the tables no part names make a part of tables, in sheet order, so that the report written
  // from the workbook prints them.
  void place_unlinked_tables() {
    std::vector<bool> linked(report_.tables.size(), false);
    for (const Part& p : report_.parts)
      for (const Block& b : p.blocks)
        if (b.kind == BlockKind::table && b.index >= 0 && static_cast<std::size_t>(b.index) < linked.size())
          linked[static_cast<std::size_t>(b.index)] = true;
    Part part{PartKind::tables, "", {}, Origin{}};
    for (std::size_t t = 0; t < linked.size(); ++t)
      if (!linked[t]) push_table(part, static_cast<int>(t), report_.tables[t].origin);
    if (!part.blocks.empty()) report_.parts.push_back(std::move(part));
  }

  // A table's block, then the notes that stood under it in its sheet.
  void push_table(Part& part, int index, const Origin& at) {
    part.blocks.push_back(Block{BlockKind::table, "", 0, index, 0, at});
    if (auto it = notes_.find(static_cast<std::size_t>(index)); it != notes_.end()) {
      part.blocks.insert(part.blocks.end(), it->second.begin(), it->second.end());
      notes_.erase(it);
    }
  }
  std::map<std::size_t, std::vector<Block>> notes_;  // by table index: "注：…" rows under it
  std::vector<bool> header_rows_seen_;  // rows of the layout's header matched in the sheet being read
  // For the table being read: the 类 | 款 | 项 columns of a code typed in parts where the layout
  // prints one column (per printed field; empty for the others), and the header rows' keys, so
  // that a header repeated further down is not read as a row.
  std::vector<std::vector<std::uint32_t>> code_columns_;
  std::set<std::vector<std::string>> header_keys_;

  // Does row r hold a figure (a number cell, or text that reads as a non-blank amount)?
  static bool has_figure(const Sheet& sheet, std::uint32_t r) {
    for (auto [it, end] = row_cells(sheet, r); it != end; ++it) {
      const CellValue* v = &it->value;
      if (v->type == CellValue::Type::number) return true;
      if (v->type == CellValue::Type::string)
        if (const auto a = parse_amount(trim(v->text)); a.value && !a.value->is_blank() && trim(v->text).size() >= 2) return true;
    }
    return false;
  }

  static std::string row_summary(const Sheet& sheet, std::uint32_t r) {
    std::string s;
    for (auto [it, end] = row_cells(sheet, r); it != end && s.size() < 120; ++it)
      if (const std::string t = cell_text(sheet, r, it->col); !t.empty()) s += (s.empty() ? "" : " | ") + t;
    return s;
  }

  Row read_row(const Sheet& sheet, std::uint32_t r, const TableLayout& layout, const std::vector<std::uint32_t>& pos, const Table& table) {
    Row row;
    row.origin = Origin::at_cell(sheet.name, r, 0);
    row.cells.resize(layout.columns.size());
    std::vector<bool> used(sheet.max_col + 1, false);
    std::vector<std::vector<std::string>> parts(layout.columns.size());  // a code printed in parts
    for (std::size_t k = 0; k < layout.fields.size(); ++k) {
      const PrintedField& field = layout.fields[k];
      const auto c = static_cast<std::size_t>(field.column);
      if (!table.has_column(layout.columns[c].id) || pos[k] == 0) continue;
      used[pos[k]] = true;
      Cell& cell = row.cells[c];
      if (field.part <= 0) cell.origin = Origin::at_cell(sheet.name, r, pos[k]);
      if (k < code_columns_.size() && code_columns_[k].size() > 1) {  // 类 | 款 | 项 typed in columns
        std::vector<std::string> printed;
        for (std::uint32_t col : code_columns_[k]) {
          used[col] = true;
          printed.push_back(cell_text(sheet, r, col));
        }
        ColumnLayout national = layout.columns[c];
        national.parts.assign(national_code_parts().begin(), national_code_parts().begin() + static_cast<long>(printed.size()));
        bool restored = false;
        cell.text = national.join_parts(printed, &restored);
        if (restored)
          report_.findings.add("table.code-zero-restored", Severity::warning,
                               fmt::format("表{}科目编码的一段少了开头的0，已读作“{}”", layout.number, cell.text), cell.origin);
        continue;
      }
      const CellValue* v = sheet.at(r, pos[k]);
      if (field.part >= 0) {
        parts[c].push_back(cell_text(sheet, r, pos[k]));
        continue;
      }
      if (layout.columns[c].kind != ColumnKind::amount) {
        cell.text = cell_text(sheet, r, pos[k]);
        continue;
      }
      if (v && v->formula && v->text.empty()) {  // never calculated: no figure to read, and not a zero
        report_.findings.add("xlsx.formula-without-value", Severity::warning,
                             fmt::format("表{}“{}”列的公式没有计算结果，已读作空白；请在 Excel 中重新计算并保存", layout.number,
                                         layout.columns[c].name),
                             cell.origin);
        continue;
      }
      if (!v || v->type == CellValue::Type::empty) continue;
      if (v->type == CellValue::Type::number) {
        auto p = parse_amount_rounded(v->text);
        if (p.value) cell.amount = *p.value;
        else cell.text = v->text;
        continue;
      }
      const std::string t = trim(v->text);
      if (t.empty()) continue;  // a cell holding only spaces is blank
      auto p = v->type == CellValue::Type::string ? parse_amount(t) : AmountParse{};
      if (!p.value && std::any_of(rl_blank().begin(), rl_blank().end(), [&](const std::string& m) { return m == t; })) {
        report_.findings.add("xlsx.none-as-blank", Severity::info,
                             fmt::format("表{}“{}”列的“{}”表示无，已读作空白", layout.number, layout.columns[c].name, t), cell.origin);
        continue;
      }
      if (p.value) {
        cell.amount = *p.value;
        report_.findings.add("xlsx.number-as-text", Severity::info,
                             fmt::format("表{}“{}”列的金额“{}”是文本，已按数字读取", layout.number, layout.columns[c].name, t), cell.origin);
      } else {
        cell.text = t;
        report_.findings.add("xlsx.bad-amount", Severity::error,
                             fmt::format("表{}“{}”列：{}", layout.number, layout.columns[c].name,
                                         p.error.empty() ? "不是金额：“" + t + "”" : p.error),
                             cell.origin);
      }
    }
    for (std::size_t c = 0; c < parts.size(); ++c)
      if (!parts[c].empty()) {
        bool restored = false;
        row.cells[c].text = layout.columns[c].join_parts(parts[c], &restored);
        if (restored)  // "205 | 2 | 3" typed as numbers: the zeros the columns stand for put back
          report_.findings.add("table.code-zero-restored", Severity::warning,
                               fmt::format("表{}科目编码的一段少了开头的0，已读作“{}”", layout.number, row.cells[c].text),
                               row.cells[c].origin);
      }
    for (auto [it, end] = row_cells(sheet, r); it != end; ++it)
      if (const std::uint32_t c = it->col; (c >= used.size() || !used[c]) && !cell_text(sheet, r, c).empty())
        report_.findings.add("xlsx.extra-cell", Severity::warning,
                             fmt::format("表{}此单元格不在任何栏目下：“{}”", layout.number, cell_text(sheet, r, c)), Origin::at_cell(sheet.name, r, c));
    return row;
  }

  void read_prose(const Sheet& sheet) {
    Part part;
    part.kind = *prose_kind(sheet.name);
    part.origin = Origin::at_cell(sheet.name, 1, 1);
    for (std::uint32_t r = 1; r <= sheet.max_row; ++r) {
      std::string t;
      std::uint32_t col = 0;
      for (std::uint32_t c = 1; c <= sheet.max_col && t.empty(); ++c) {
        t = cell_text(sheet, r, c);
        col = c;
      }
      if (t.empty()) continue;
      const Origin at = Origin::at_cell(sheet.name, r, col);
      // A paragraph longer than a cell holds goes on in the rows below: every piece but the last
      // is exactly full (schema::kCellTextMax code points).
      if (const CellValue* v = sheet.at(r, col); v && schema::is_full_piece(v->text)) {
        std::string whole = v->text;
        while (r < sheet.max_row) {
          const CellValue* next = sheet.at(r + 1, col);
          ++r;
          if (!next) break;
          whole += next->text;
          if (!schema::is_full_piece(next->text)) break;
        }
        t = util::trim(whole);
      }
      if (util::starts_with(t, kBlockLinkPrefix)) {
        const std::string target = t.substr(std::string(kBlockLinkPrefix).size());
        if (auto it = table_index_.find(target); it != table_index_.end()) {
          push_table(part, it->second, at);
          continue;
        }
        // The sheet was renamed since the link was written: "表N …" still names the table.
        if (const int n = table_number_from_name(target); n > 0 && report_.table(n)) {
          push_table(part, static_cast<int>(report_.table(n) - report_.tables.data()), at);
          continue;
        }
        if (auto it = form_index_.find(target); it != form_index_.end()) {
          part.blocks.push_back(Block{BlockKind::form, "", 0, it->second, 0, at});
          continue;
        }
      }
      part.blocks.push_back(prose_block(t, at));
    }
    // Every part but the cover opens with its heading line (第N部分 …, 目录).
    if (part.kind != PartKind::cover && !part.blocks.empty()) part.heading = part.blocks.front().text;
    report_.parts.push_back(std::move(part));
  }

  // 其他材料: 类别 | 位置 | 内容, one item a row; a row without 类别 and 位置 continues the text
  // above (long text is split over rows).
  void read_set_aside(const Sheet& sheet) {
    std::uint32_t kind_col = 0, text_col = 0, place_col = 0, r = 1;
    for (; r <= std::min<std::uint32_t>(sheet.max_row, 5) && !text_col; ++r)
      for (std::uint32_t c = 1; c <= sheet.max_col; ++c) {
        const std::string k = label_key(cell_text(sheet, r, c));
        if (k == schema::kSetAsideKind) kind_col = c;
        else if (k == schema::kSetAsidePlace) place_col = c;
        else if (k == schema::kSetAsideText) text_col = c;
      }
    if (!kind_col || !text_col) {
      report_.findings.add("xlsx.no-header", Severity::error, "“其他材料”找不到“类别”“内容”表头，未读取",
                           Origin::at_cell(sheet.name, 1, 1));
      return;
    }
    for (; r <= sheet.max_row; ++r) {
      const std::string kind = cell_text(sheet, r, kind_col);
      const std::string place = place_col ? cell_text(sheet, r, place_col) : "";
      const CellValue* v = sheet.at(r, text_col);
      const std::string text = v ? v->text : "";
      if (kind.empty() && place.empty()) {
        if (text.empty()) continue;
        if (!report_.set_aside.empty()) {
          report_.set_aside.back().text += text;
          continue;
        }
      }
      Noise noise;
      noise.text = text;
      noise.origin = Origin::at_cell(sheet.name, r, text_col);
      if (!noise_kind_from_title(kind, noise.kind)) {
        noise.kind = NoiseKind::unplaced;
        report_.findings.add("xlsx.unknown-set-aside-kind", Severity::warning,
                             fmt::format("“其他材料”的类别“{}”无法识别，按未归位内容保存", kind), Origin::at_cell(sheet.name, r, kind_col));
      }
      report_.set_aside.push_back(std::move(noise));
    }
  }

  void read_form(const Sheet& sheet) {
    const std::size_t before = report_.forms.size();
    read_form_sheet(sheet, layouts_.forms(), report_);
    if (report_.forms.size() > before) form_index_[sheet.name] = static_cast<int>(before);
  }

  const Workbook& wb_;
  const Layouts& layouts_;
  Report report_;
  std::map<std::string, int> table_index_;
  std::map<std::string, int> form_index_;
};

}  // namespace

Report workbook_to_report(const Workbook& workbook, const std::string& name, const Layouts& layouts) {
  return Mapper(workbook, name, layouts).run();
}

std::string cover_family(const Workbook& workbook) {
  const Sheet* cover = workbook.find(schema::kCoverSheet);
  if (!cover) return "";
  for (std::uint32_t r = 1; r <= cover->max_row; ++r) {
    if (label_key(cell_text(*cover, r, 1)) != label_key(schema::kCoverFamily)) continue;
    std::string value;
    for (std::uint32_t c = 2; c <= cover->max_col && value.empty(); ++c) value = cell_text(*cover, r, c);
    // "山西省（shanxi）": the id in the last brackets (full or half width).
    const std::string v = util::nfkc(value);
    const std::size_t open = v.rfind('('), close = v.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open) return util::trim(v);
    return util::trim(v.substr(open + 1, close - open - 1));
  }
  return "";
}

const Layouts& best_family(const Workbook& workbook, const LayoutFamilies& families) {
  const Layouts* best = families.all().front().get();
  // Most tables found by title first; between equals (a title in the national wording fits every
  // family), the one whose headers name most columns.
  std::pair<std::size_t, int> best_fit{0, 0};
  for (const auto& family : families.all()) {
    std::set<int> seen;
    int header_fit = 0;
    for (const Sheet& sheet : workbook.sheets)
      for (const SheetTable& t : find_sheet_tables(sheet, *family)) {
        header_fit += t.header_fit;
        if (!t.by_header) seen.insert(t.layout->number);  // a header alone fits many families
      }
    if (const std::pair<std::size_t, int> fit{seen.size(), header_fit}; fit > best_fit) {
      best = family.get();
      best_fit = fit;
    }
  }
  return *best;
}

void require_workbook_content(const Report& report, const xlsx::Workbook& book, const Layouts& layouts) {
  const bool prose = std::any_of(report.parts.begin(), report.parts.end(), [](const Part& p) { return !p.blocks.empty(); });
  if (!report.tables.empty() || !report.forms.empty() || prose) return;
  std::string sheets;
  for (const auto& s : book.sheets) sheets += (sheets.empty() ? "" : "、") + s.name;
  throw InputError(report.source.file + ": 不是预算公开工作簿：没有找到" + layouts.family_title() + "报表格式（" + layouts.family() +
                   "）的表格、绩效目标表或文字部分" + (sheets.empty() ? "（工作簿中没有工作表）" : "（工作表：" + sheets + "）") +
                   "；若是其他省份的报表，请用 --family 指定格式");
}

Report read_workbook_report(const std::string& path, const Layouts& layouts) {
  return workbook_to_report(read_workbook(path), path, layouts);
}

}  // namespace budgetxl::xlsx

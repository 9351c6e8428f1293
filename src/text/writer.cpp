#include "text/writer.hpp"

#include "finish/prose.hpp"
#include "layout/match.hpp"
#include "util/normalize.hpp"
#include "text/form_writer.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

namespace {

std::string join_tabs(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += '\t';
    out += cells[i];
  }
  return out;
}

int year_of(const Table& table, int fallback) {
  const int y = leading_year(label_key(table.title));
  return y ? y : fallback;
}

}  // namespace

std::string write_table_text(const Table& table, int year, const Layouts& layouts) {
  const TableLayout& layout = layouts.table(table.number);
  const std::vector<PrintedField> printed = layout.printed_fields(table);
  std::vector<std::size_t> field_index;  // printed field -> index in layout.fields (header cells)
  for (const PrintedField& p : printed)
    for (std::size_t k = 0; k < layout.fields.size(); ++k)
      if (layout.fields[k].column == p.column && layout.fields[k].part == p.part) field_index.push_back(k);
  const std::string year_text = std::to_string(year_of(table, year));

  std::string out;
  auto line = [&](const std::string& s) {
    out += s;
    out += '\n';
  };
  if (!table.label_line.empty()) {
    line(table.label_line);
    line("");
  }
  // The title as the report wrote it, when the text reader knows it for this table; a title in
  // other words (a workbook a person made: "2025年部门支出总表") is printed in the official wording.
  const auto known = table.title.empty() ? std::nullopt : layout::match_table_title(table.title, layouts);
  const bool labelled = !table.label_line.empty() && layout::match_label_line(table.label_line, layouts) == layout.number;
  line((known && known->layout == &layout) || (labelled && !table.title.empty()) ? table.title
                                                                                 : (year_text == "0" ? "" : year_text + "年") + layout.title);
  line("");
  if (!table.entity_label.empty()) {
    line(table.entity_label + "：" + table.entity);
    line("");
  }
  line(layouts.report().unit_labels.front() + "：" + table.unit);
  line("");
  for (const auto& header_row : layout.header) {
    std::vector<std::string> cells;
    for (std::size_t k : field_index) cells.push_back(replace_all(header_row[k], "{year}", year_text));
    line(join_tabs(cells));
  }
  if (layout.column_numbers) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < printed.size(); ++i) cells.push_back(std::to_string(i + 1));
    line(join_tabs(cells));
  }
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (const PrintedField& p : printed) {
      const auto c = static_cast<std::size_t>(p.column);
      const Cell& cell = row.cells[c];
      if (p.part >= 0) cells.push_back(layout.columns[c].split_parts(cell.text)[static_cast<std::size_t>(p.part)]);
      else if (layout.columns[c].kind == ColumnKind::amount && cell.text.empty()) cells.push_back(cell.amount.to_string());
      else cells.push_back(cell.text);
    }
    line(join_tabs(cells));
  }
  if (!table.no_data_note.empty()) {
    line("");
    line(table.no_data_note);
  }
  return out;
}

std::string write_text_report(const Report& report, const Layouts& layouts) {
  std::string out;
  for (const auto& part : report.parts) {
    for (std::size_t b = 0; b < part.blocks.size(); ++b) {
      const Block& block = part.blocks[b];
      switch (block.kind) {
        case BlockKind::heading:
        case BlockKind::paragraph:
          out += prose_line(block);
          out += '\n';
          break;
        case BlockKind::table:
          out += write_table_text(report.tables.at(static_cast<std::size_t>(block.index)), report.meta.year, layouts);
          break;
        case BlockKind::form:
          out += write_form_text(report.forms.at(static_cast<std::size_t>(block.index)), layouts.forms());
          break;
      }
      // Paragraphs and tables are separated by a blank line, as in the corpus; the contents' entries
      // are not, so that the blank line after them still ends them when the text is read again.
      if (part.kind != PartKind::contents || b + 1 == part.blocks.size()) out += '\n';
    }
  }
  // Appended documents (财政厅文件 …) are not part of the report but were in the file: they follow
  // it, line by line, and are set aside again when read. Page furniture (watermarks, footers, page
  // numbers) is not written: the written report is clean.
  for (const Noise& n : report.set_aside)
    if (n.kind == NoiseKind::appendix) {
      out += n.text;
      out += '\n';
    }
  return out;
}

}  // namespace budgetxl::text

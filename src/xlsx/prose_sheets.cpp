// The sheets that are not tables: the cover (metadata, counts, sheet list, findings), one sheet per
// prose part (one block per row, tables and forms as links) and the material kept aside.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "finish/prose.hpp"
#include "util/normalize.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/styles.hpp"

namespace budgetxl::xlsx::detail {

namespace {

constexpr double kProseWidth = 100;

Style paragraph_style() {
  Style s;
  s.wrap = true;
  s.valign = VAlign::top;
  return s;
}

// Writes text into column `col` from `row` on, continuing on the next rows when it is longer than
// a cell may hold; sets the row heights it needs. Returns the next free row.
std::uint32_t write_long_text(SheetWriter& out, std::uint32_t row, std::uint16_t col, const std::string& value,
                              const Style& style, double width) {
  for (const std::string& piece : cell_pieces(value)) {
    out.text(row, col, piece, style);
    const int lines = wrapped_lines(piece, width);
    const double height = lines * kLineHeight * style.size / kFontSize;
    if (lines > 1 || style.size > kFontSize) out.row_height(row, std::min(height, 409.0));  // Excel's limit
    ++row;
  }
  return row;
}


// A4 landscape with these margins: a single 100-character column fits the page without scaling,
// which matters to LibreOffice (it does not scale a sheet whose only column is wider than the page).
constexpr PageSetup kProsePage{.left = 0.6, .right = 0.6, .top = 0.6, .bottom = 0.6};

// The part heading gets a row of its own unless the first block already is that line (the text
// reader keeps the heading line as the part's first block; the workbook reader takes the first
// row of a prose sheet as the heading).
bool heading_needs_row(const Part& part) {
  if (part.heading.empty()) return false;
  return part.blocks.empty() || part.blocks.front().text != part.heading;
}

}  // namespace

void write_prose_sheets(lxw_workbook* wb, Styles& styles, const Report& report, const std::vector<std::string>& table_sheets,
                        const std::vector<std::string>& form_sheets, std::vector<std::string>& used) {
  for (const Part& part : report.parts) {
    // A part of tables alone (a report whose file holds only its tables) still gets its sheet of
    // links, so that the part comes back when the workbook is read.
    if (part.blocks.empty()) continue;
    const std::string wanted = part.kind == PartKind::cover ? schema::kCoverTextSheet : part_kind_title(part.kind);
    std::string name;
    lxw_worksheet* ws = add_sheet(wb, wanted, used, name);
    SheetWriter out(ws, name, styles);
    out.column_width(0, kProseWidth);
    set_page(out, kProsePage);

    std::uint32_t row = 0;
    Style part_heading = paragraph_style();
    part_heading.bold = true;
    part_heading.size = 12;
    const double part_heading_width = kProseWidth * kFontSize / part_heading.size;
    if (heading_needs_row(part)) row = write_long_text(out, row, 0, part.heading, part_heading, part_heading_width);
    for (const Block& block : part.blocks) {
      switch (block.kind) {
        case BlockKind::heading: {
          Style s = paragraph_style();
          s.bold = true;
          if (block.level <= 1) {
            row = write_long_text(out, row, 0, prose_line(block), part_heading, part_heading_width);
            break;
          }
          row = write_long_text(out, row, 0, prose_line(block), s, kProseWidth);
          break;
        }
        case BlockKind::paragraph:
          row = write_long_text(out, row, 0, prose_line(block), paragraph_style(), kProseWidth);
          break;
        case BlockKind::table:
        case BlockKind::form: {
          const auto& targets = block.kind == BlockKind::table ? table_sheets : form_sheets;
          const bool known = block.index >= 0 && static_cast<std::size_t>(block.index) < targets.size() &&
                             !targets[static_cast<std::size_t>(block.index)].empty();
          Style s = paragraph_style();
          if (known) {
            const std::string& target = targets[static_cast<std::size_t>(block.index)];
            s.link = true;
            out.link(row, 0, target, schema::kBlockLinkPrefix + target, s);
          } else if (block.kind == BlockKind::form && block.index >= 0 &&
                     static_cast<std::size_t>(block.index) < report.forms.size()) {
            const Form& form = report.forms[static_cast<std::size_t>(block.index)];
            out.text(row, 0, fmt::format("{}{}：{}", schema::kBlockLinkPrefix, form_kind_title(form.kind()), form.project_name()), s);
          } else {
            out.text(row, 0, block.text, s);
          }
          ++row;
          break;
        }
      }
    }
  }
}

void write_set_aside_sheet(lxw_workbook* wb, Styles& styles, const Report& report, std::vector<std::string>& used) {
  std::string name;
  lxw_worksheet* ws = add_sheet(wb, schema::kSetAsideSheet, used, name);
  SheetWriter out(ws, name, styles);
  write_list_heading(out, {schema::kSetAsideKind, schema::kSetAsidePlace, schema::kSetAsideText}, {12, 18, kProseWidth});
  Style cell = paragraph_style();
  cell.border = true;
  std::uint32_t row = 1;
  for (const Noise& noise : report.set_aside) {
    const std::uint32_t first = row;
    row = write_long_text(out, row, 2, noise.text, cell, kProseWidth);
    // Kind and place on the item's first row only: a row without them continues the text above.
    for (std::uint32_t r = first; r < row; ++r) {
      out.text(r, 0, r == first ? noise_kind_title(noise.kind) : "", cell);
      out.text(r, 1, r == first ? noise.origin.str() : "", cell);
    }
  }
  set_page(out, kProsePage);
}

void write_cover_sheet(SheetWriter& out, const Report& report, const Layouts& layouts,
                       const std::vector<std::string>& sheet_names) {
  const ReportLayout& report_layout = layouts.report();
  const std::string& family_title = layouts.family_title();
  out.column_width(0, 26);
  out.column_width(1, 10);
  out.column_width(2, 22);
  out.column_width(3, 80);

  Style title;
  title.bold = true;
  title.size = kTitleFontSize;
  title.align = Align::left;
  const std::string heading = !report.meta.title.empty() ? report.meta.title
                              : report.meta.year > 0     ? fmt::format("{}年度预算公开", report.meta.year)
                                                         : "预算公开";
  out.merge(0, 0, 0, 3, report.meta.entity.empty() ? heading : report.meta.entity + "  " + heading, title);
  out.row_height(0, 24);

  Style label;
  label.bold = true;
  label.border = true;
  Style value;
  value.border = true;
  value.wrap = true;
  Style section;
  section.bold = true;
  section.size = 12;

  std::uint32_t row = 2;
  auto pair = [&](const std::string& l, const std::string& v) {
    out.text(row, 0, l, label);
    out.merge(row, 1, row, 3, v, value);
    ++row;
  };
  auto count = [&](const std::string& l, std::size_t n) {
    out.text(row, 0, l, label);
    Style s = value;
    s.align = Align::left;
    out.merge(row, 1, row, 3, "", s);
    out.number(row, 1, static_cast<double>(n), s);
    ++row;
  };

  out.text(row++, 0, "基本信息", section);
  // The first entity label of report.json for the document's kind: read back, it says the kind.
  const auto& labels = report_layout.entity_labels;
  const auto of_kind = std::find_if(labels.begin(), labels.end(), [&](const ReportLayout::EntityLabel& e) { return e.kind == report.meta.kind; });
  const std::string entity_label = of_kind != labels.end() ? of_kind->label : schema::kCoverEntityName;
  pair(entity_label, report.meta.entity);
  const std::string kind = document_kind_name(report.meta.kind);
  pair(schema::kCoverDocumentKind, kind.empty() ? "未识别" : kind + "预算");
  pair(schema::kCoverYear, report.meta.year > 0 ? std::to_string(report.meta.year) : "未识别");
  pair(schema::kCoverAmountUnit, report.meta.amount_unit);
  pair(schema::kCoverTitle, report.meta.title);
  pair(schema::kCoverFamily, family_title + "（" + layouts.family() + "）");  // the family these sheets follow
  pair("来源文件", source_file_name(report));  // not the folders: the workbook travels without them
  const std::string format = report.source.format == "text"   ? "文本"
                             : report.source.format == "xlsx" ? "Excel 工作簿"
                                                              : report.source.format;
  pair("来源格式", format);
  std::string encoding = report.source.encoding;
  if (!report.source.line_ending.empty()) encoding += encoding.empty() ? report.source.line_ending : "，" + report.source.line_ending;
  pair("编码", encoding);
  ++row;

  out.text(row++, 0, "内容统计", section);
  count("表格", report.tables.size());
  std::size_t no_data = 0;
  for (const Table& t : report.tables) no_data += t.no_data_note.empty() ? 0 : 1;
  count("其中：本表无数据", no_data);
  std::size_t rows = 0;
  for (const Table& t : report.tables) rows += t.rows.size();
  count("表格行", rows);
  count("绩效目标表", report.forms.size());
  count("其他材料（未计入报告）", report.set_aside.size());
  std::map<NoiseKind, std::size_t> by_kind;
  for (const Noise& n : report.set_aside) ++by_kind[n.kind];
  for (const auto& [k, n] : by_kind) count(fmt::format("  {}", noise_kind_title(k)), n);
  std::map<Severity, std::size_t> by_severity;
  for (const Finding& f : report.findings.items()) ++by_severity[f.severity];
  count("发现问题", report.findings.items().size());
  for (Severity s : {Severity::error, Severity::warning, Severity::info})
    count(fmt::format("  {}", severity_title(s)), by_severity[s]);
  ++row;

  out.text(row++, 0, "工作表", section);
  Style link = value;
  link.link = true;
  for (std::size_t i = 1; i < sheet_names.size(); ++i) {
    out.text(row, 0, std::to_string(i), label);
    out.merge(row, 1, row, 3, "", link);
    out.link(row, 1, sheet_names[i], sheet_names[i], link);
    ++row;
  }
  ++row;

  out.text(row++, 0, "发现问题", section);
  Style head = label;
  head.align = Align::center;
  const char* const headings[] = {"规则", "级别", "位置", "说明"};
  for (std::uint16_t c = 0; c < 4; ++c) out.text(row, c, headings[c], head);
  ++row;
  if (report.findings.items().empty()) {
    out.merge(row, 0, row, 3, "无", value);
    ++row;
  }
  for (const Finding& f : report.findings.items()) {
    out.text(row, 0, f.rule, value);
    out.text(row, 1, severity_title(f.severity), value);
    out.text(row, 2, f.where.str(), value);
    const std::string message = code_points(f.message) > schema::kCellTextMax
                                    ? split_code_points(f.message, schema::kCellTextMax).front()
                                    : f.message;
    out.text(row, 3, message, value);
    const int lines = std::max({wrapped_lines(f.rule, 26), wrapped_lines(f.where.str(), 22), wrapped_lines(message, 80)});
    if (lines > 1) out.row_height(row, std::min(lines * kLineHeight, 409.0));
    ++row;
  }

  set_page(out, {});
}

}  // namespace budgetxl::xlsx::detail

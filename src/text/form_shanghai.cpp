// The Shanghai project form (财政项目支出绩效目标填报表): a title, the year line, rows of labels each
// followed by its value (项目名称 … 计划完成日期), the money of the project (left) and of the year
// (right) with their breakdowns, the 项目总目标 / 年度总体目标 headings with the goals below them, and
// one indicator table whose columns are found by its header row (一级, 二级, 三级, 年度(/项目)指标值);
// an empty 一级 or 二级 cell repeats the one above.
#include <fmt/format.h>

#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text::forms {

using namespace budgetxl::util;

namespace {

// The tab fields of the indicator columns, from the header row; 0 when a column is not printed.
struct IndicatorColumns {
  std::uint32_t level1 = 0, level2 = 0, name = 0, value = 0;
};

IndicatorColumns header_columns(const std::vector<FCell>& cells, const FormBlock* block) {
  IndicatorColumns cols;
  if (!block) return cols;
  std::uint32_t* slots[] = {&cols.level1, &cols.level2, &cols.name, &cols.value};
  for (const FCell& c : cells)
    for (std::size_t k = 0; k < block->columns.size() && k < 4; ++k)
      if (label_key(c.text) == label_key(block->columns[k]) && !*slots[k]) *slots[k] = c.field;
  return cols;
}

}  // namespace

std::size_t read_shanghai_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report) {
  const FormLayouts& L = layouts.forms();
  const FormGrids& grids = L.grid(FormKind::project_shanghai);
  const FormBlock* block = grids.block("indicator_table");
  Form out;
  ShanghaiProjectForm& form = out.body.emplace<ShanghaiProjectForm>();
  out.amount_unit = grids.amount_unit;
  out.title = trim(replace_all(lines[i].text, "\t", " "));
  out.origin = Origin::at_line(lines[i].number);

  enum class Zone { head, fields, goals, indicators } zone = Zone::head;
  std::uint32_t annual_field = 0;            // field of 年度资金申请总额: the year's half starts there
  std::uint32_t goal_fields[2] = {0, 0};     // fields of the 项目总目标 / 年度总体目标 headings
  IndicatorColumns cols;
  std::string level1, level2;
  auto unplaced_line = [&](const Line& line) {
    add_finding(report, "form.unplaced-line", Severity::warning, "绩效目标表中无法归位的内容：“" + excerpt(line.text) + "”", line);
  };

  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const Line& line = lines[j];
    if (const Step step = form_step(lines, j, layouts, report); step != Step::read) {
      if (step == Step::end) break;
      continue;
    }
    if (zone == Zone::head && out.year == 0 && read_year_line(lines, j, out)) continue;
    // Every line of the form is a row of cells: a line without a tab is the prose after it.
    if (!contains(line.text, "\t")) break;
    const auto cells = cells_of(line);
    if (cells.empty()) continue;

    // The indicator header: two or more of its column headers.
    const IndicatorColumns header = header_columns(cells, block);
    if ((header.level1 != 0) + (header.level2 != 0) + (header.name != 0) + (header.value != 0) >= 2) {
      if (zone == Zone::indicators) {
        add_finding(report, "form.repeated-header", Severity::info, "绩效指标表头重复出现", line);
        continue;
      }
      zone = Zone::indicators;
      cols = header;
      continue;
    }

    if (zone == Zone::indicators) {
      Indicator ind;
      bool any = false;
      for (const FCell& c : cells) {
        if (L.is_header_label(c.text)) continue;  // 绩效指标, the table's heading
        if (c.field == cols.level1) {
          level1 = c.text;
          level2.clear();
        } else if (c.field == cols.level2) {
          level2 = c.text;
        } else if (c.field == cols.name) {
          ind.name = c.text;
          ind.origin = Origin::at_line(line.number, c.field);
        } else if (c.field == cols.value) {
          ind.value = c.text;
        } else {
          add_finding(report, "form.extra-cell", Severity::warning,
                      fmt::format("绩效指标行多出的单元格未能归入指标：“{}”", excerpt(c.text)), line, c.field);
          continue;
        }
        any = true;
      }
      if (!any) continue;
      if (ind.origin.line == 0) ind.origin = Origin::at_line(line.number);
      ind.level1 = level1;
      ind.level2 = level2;
      L.classify(ind);
      form.indicators.push_back(std::move(ind));
      continue;
    }

    if (zone == Zone::goals) {
      // The goal texts under their headings, by field: the 年度总体目标 column and right of it is the year's.
      bool placed = false;
      for (const FCell& c : cells) {
        if (L.shanghai_fields.match_exact(c.text)) continue;
        const bool annual = goal_fields[1] && c.field >= goal_fields[1];
        std::string& goal = annual ? form.goal_annual : form.goal_total;
        if (!goal.empty()) goal += ' ';
        goal += c.text;
        placed = true;
      }
      if (placed) continue;
    }

    // A row of labels, each followed by its value.
    const FormLabel* current = nullptr;
    bool any_label = false;
    for (const FCell& c : cells) {
      if (const FormLabel* l = L.shanghai_fields.match_exact(c.text)) {
        current = l;
        any_label = true;
        if (l->id == "annual_total") annual_field = c.field;
        if (l->id == "goal_total_heading") goal_fields[0] = c.field;
        if (l->id == "goal_annual_heading") goal_fields[1] = c.field;
        if (l->id == "goal" || l->id == "goal_total_heading" || l->id == "goal_annual_heading") zone = Zone::goals;
        continue;
      }
      const std::string id = current ? current->id : "";
      if (std::string* t = shanghai_text_field(form, id); t && t->empty()) {
        *t = c.text;
      } else if (Amount* a = shanghai_amount_field(form, id, annual_field && c.field > annual_field); a && a->is_blank()) {
        *a = form_amount(c.text, line, c.field, report);
      } else {
        add_finding(report, "form.unplaced-cell", Severity::warning,
                    "绩效目标表中无法归位的内容：“" + excerpt(c.text) + "”", line, c.field);
      }
      current = nullptr;  // one value per label
    }
    if (!any_label) unplaced_line(line);
    else if (zone == Zone::head) zone = Zone::fields;
  }

  report.forms.push_back(std::move(out));
  return j;
}

}  // namespace budgetxl::text::forms

// The department overall form (整体支出绩效目标申报表): basic information, duties and strategy,
// the 年度预算情况 grid (by source and by direction), 年度重点任务, the annual goal and a single
// indicator table (no 实施期/年度 halves).
#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text::forms {

using namespace budgetxl::util;

std::size_t read_overall_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report) {
  const FormLayouts& L = layouts.forms();
  Form out;
  OverallForm& form = out.body.emplace<OverallForm>();
  out.amount_unit = L.grid(FormKind::department_overall).amount_unit;
  out.title = trim(replace_all(lines[i].text, "\t", " "));
  out.origin = Origin::at_line(lines[i].number);

  enum class Zone { head, fields, budget, tasks, indicators } zone = Zone::head;
  IndicatorTableReader indicators(L, false);
  std::uint32_t direction_field = 0;      // field of 按资金方向划分 in the budget header
  std::uint32_t task_field = 0;           // field of 重点任务 in the key-task header
  std::string* last_text = nullptr;

  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const Line& line = lines[j];
    if (const Step step = form_step(lines, j, layouts, report); step != Step::read) {
      if (step == Step::end) break;
      continue;
    }
    if (out.year == 0 && read_year_line(lines, j, out)) continue;
    const auto cells = cells_of(line);
    if (cells.empty()) continue;

    // Labels of the form's sections may stand in the first cell or, indented, later.
    const FormLabel* label = nullptr;
    std::size_t label_at = 0;
    for (std::size_t k = 0; k < cells.size() && !label; ++k) {
      const auto m = L.overall_fields.match_prefix(cells[k].text);
      if (m && m->rest.empty()) {
        label = m->label;
        label_at = k;
      }
    }
    const std::string id = label ? label->id : "";
    if (id == "budget") {
      zone = Zone::budget;
      for (const auto& c : cells)
        if (contains(label_key(c.text), "按资金方向")) direction_field = c.field;
      continue;
    }
    if (id == "key_tasks") {
      zone = Zone::tasks;
      for (const auto& c : cells)
        if (label_key(c.text) == "重点任务") task_field = c.field;
      continue;
    }
    if (id == "indicators") {
      zone = Zone::indicators;
      continue;
    }
    if (id == "duties" || id == "strategy" || id == "goal") {
      zone = Zone::fields;
      std::string* t = id == "duties" ? &form.duties : id == "strategy" ? &form.strategy : &form.goal;
      for (std::size_t k = label_at + 1; k < cells.size(); ++k) {
        if (!t->empty()) *t += ' ';
        *t += cells[k].text;
      }
      last_text = t;
      continue;
    }
    if (zone == Zone::indicators) {
      if (!indicators.read(line, report, nullptr, &form.indicators))
        add_finding(report, "form.unplaced-line", Severity::warning,
                    "整体绩效目标表中无法归位的内容：“" + excerpt(line.text) + "”", line);
      continue;
    }
    if (zone == Zone::budget && !label) {
      // (label, amount) pairs; a pair at or right of the direction header is 按资金方向划分.
      for (std::size_t k = 0; k < cells.size(); ++k) {
        BudgetLine b;
        b.label = cells[k].text;
        b.origin = Origin::at_line(line.number, cells[k].field);
        const bool direction = direction_field != 0 && cells[k].field >= direction_field;
        if (k + 1 < cells.size()) {
          const AmountParse p = parse_amount(cells[k + 1].text);
          if (p.value) {
            b.amount = *p.value;
            ++k;
          }
        }
        (direction ? form.budget_by_direction : form.budget_by_source).push_back(std::move(b));
      }
      continue;
    }
    if (zone == Zone::tasks && !label) {
      KeyTask t;
      t.origin = Origin::at_line(line.number);
      for (const auto& c : cells) {
        if (task_field != 0 && c.field >= task_field) {
          if (!t.task.empty()) t.task += ' ';
          t.task += c.text;
        } else {
          if (!t.function.empty()) t.function += ' ';
          t.function += c.text;
        }
      }
      form.key_tasks.push_back(std::move(t));
      continue;
    }
    // Basic information: label/value pairs anywhere on the line.
    bool placed = false;
    const FormLabel* current = nullptr;
    for (const auto& c : cells) {
      const auto m = L.overall_fields.match_prefix(c.text);
      std::string value;
      if (m) {
        current = m->label;
        placed = true;
        value = m->rest;
      } else {
        value = c.text;
      }
      if (value.empty() || !current) continue;
      const std::string& cid = current->id;
      std::string* slot = overall_info_field(form, cid);
      if (slot && slot->empty()) *slot = value;
      else
        add_finding(report, "form.unplaced-cell", Severity::warning,
                    "整体绩效目标表中无法归位的内容：“" + excerpt(value) + "”", line, c.field);
    }
    if (placed) {
      zone = Zone::fields;
      continue;
    }
    if (last_text && zone == Zone::fields) {  // a text field continued on the next line
      for (const auto& c : cells) {
        if (!last_text->empty()) *last_text += ' ';
        *last_text += c.text;
      }
      continue;
    }
    add_finding(report, "form.unplaced-line", Severity::warning,
                "整体绩效目标表中无法归位的内容：“" + excerpt(line.text) + "”", line);
  }

  split_code_name(form.department, form.department_code, form.department_name);
  report.forms.push_back(std::move(out));
  return j;
}

}  // namespace budgetxl::text::forms

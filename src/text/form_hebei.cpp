// The project form of the Hebei layout (项目绩效目标表, report 004): a heading, the unit line
// ("543001 承德市自然资源和规划局本级"), 单位：万元, labelled rows for the code, name and money,
// the spending plan by month-end, the goal, and an indicator table with fixed columns
// (一级, 二级, 三级, 绩效指标描述, 指标值, 指标值确定依据) whose 一级 cell is merged downwards.
#include <regex>

#include "layout/patterns.hpp"
#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text::forms {

using namespace budgetxl::util;

namespace {

std::string heading_text(std::string_view text) {
  std::string t = trim(strip_html(text));
  std::size_t k = 0;
  while (k < t.size() && (t[k] == '#' || t[k] == ' ')) ++k;
  return trim(t.substr(k));
}

// "3 月底", "12月底"
bool is_month_end(const std::string& s) {
  const std::string k = label_key(s);
  if (!ends_with(k, "月底") || k.size() < 7) return false;
  for (std::size_t i = 0; i + 6 < k.size(); ++i)
    if (k[i] < '0' || k[i] > '9') return false;
  return true;
}

std::string field_text(const std::vector<std::string>& fields, std::size_t i) {
  return i < fields.size() ? trim(fields[i]) : std::string();
}

}  // namespace

std::size_t read_hebei_form(const Lines& lines, std::size_t i, const Layouts& layouts, Report& report) {
  const FormLayouts& L = layouts.forms();
  Form out;
  HebeiForm& form = out.body.emplace<HebeiForm>();
  out.amount_unit = L.grid(FormKind::project_hebei).amount_unit;
  out.title = heading_text(lines[i].text);
  out.origin = Origin::at_line(lines[i].number);

  enum class Zone { head, funds, plan, indicators } zone = Zone::head;
  std::vector<std::pair<std::uint32_t, std::string>> plan_labels;  // field -> "3 月底"
  std::string level1;

  std::size_t j = i + 1;
  for (; j < lines.size(); ++j) {
    const Line& line = lines[j];
    if (const Step step = form_step(lines, j, layouts, report); step != Step::read) {
      if (step == Step::end) break;
      continue;
    }
    const std::string clean = strip_html(line.text);
    const std::vector<std::string> fields = split_tabs(clean);
    const auto cells = cells_of(line);
    if (cells.empty()) continue;

    std::smatch m;
    if (zone == Zone::head && form.unit_code.empty() && std::regex_match(clean, m, L.hebei_unit_line->re)) {
      form.unit_code = m[1].str();
      form.unit = m[2].str();
      continue;
    }
    const auto first = L.hebei_fields.match_prefix(cells[0].text);
    const std::string id = first ? first->label->id : "";

    if (id == "amount_unit") {
      continue;  // the unit line ("单位：万元") of the form's amounts
    }
    if (id == "project_code" || id == "project_name") {
      const FormLabel* current = nullptr;
      for (const auto& c : cells) {
        const auto lm = L.hebei_fields.match_prefix(c.text);
        std::string value = lm ? lm->rest : c.text;
        if (lm) current = lm->label;
        if (value.empty() || !current) continue;
        if (current->id == "project_code" && form.project_code.empty()) form.project_code = value;
        else if (current->id == "project_name" && form.project_name.empty()) form.project_name = value;
        else
          add_finding(report, "form.unplaced-cell", Severity::warning, "项目行多出的内容：“" + excerpt(value) + "”", line,
                      c.field);
      }
      continue;
    }
    if (id == "funds") {
      zone = Zone::funds;
      const FormLabel* current = nullptr;
      for (std::size_t k = 1; k < cells.size(); ++k) {
        const auto lm = L.hebei_fields.match_prefix(cells[k].text);
        std::string value = lm ? lm->rest : cells[k].text;
        if (lm) current = lm->label;
        if (value.empty() || !current) continue;
        Amount* slot = current->id == "budget"         ? &form.budget
                       : current->id == "fiscal_funds" ? &form.fiscal_funds
                       : current->id == "other_funds"  ? &form.other_funds
                                                       : nullptr;
        if (slot && slot->is_blank()) *slot = form_amount(value, line, cells[k].field, report);
        else
          add_finding(report, "form.unplaced-cell", Severity::warning, "预算规模行多出的内容：“" + excerpt(value) + "”",
                      line, cells[k].field);
      }
      continue;
    }
    if (id == "spending_plan") {
      zone = Zone::plan;
      plan_labels.clear();
      for (std::size_t k = 1; k < cells.size(); ++k) {
        if (is_month_end(cells[k].text)) {
          plan_labels.emplace_back(cells[k].field, cells[k].text);
          SpendingStep s;
          s.label = cells[k].text;
          s.origin = Origin::at_line(line.number, cells[k].field);
          form.spending_plan.push_back(std::move(s));
        }
      }
      continue;
    }
    if (id == "goal") {
      zone = Zone::head;
      for (const auto& c : cells) {
        const auto lm = L.hebei_fields.match_prefix(c.text);
        const std::string value = lm ? lm->rest : c.text;
        if (value.empty()) continue;
        if (!form.goal.empty()) form.goal += ' ';
        form.goal += value;
      }
      continue;
    }
    // The indicator header.
    {
      int header = 0;
      for (const auto& c : cells)
        if (L.is_header_cell(c.text)) ++header;
      if (header >= 3) {
        if (zone == Zone::indicators)
          add_finding(report, "form.repeated-header", Severity::info, "绩效指标表头重复出现", line);
        zone = Zone::indicators;
        continue;
      }
    }
    if (zone == Zone::funds) {  // 资金用途: the line after 预算规模及资金用途
      std::string use;
      for (const auto& c : cells) use += (use.empty() ? "" : " ") + c.text;
      if (form.fund_use.empty()) form.fund_use = use;
      else form.fund_use += " " + use;
      continue;
    }
    if (zone == Zone::plan) {
      // A "12 月底→100%" row of its own, or the values under the month-end labels.
      if (is_month_end(cells[0].text)) {
        for (std::size_t k = 0; k < cells.size(); ++k) {
          if (!is_month_end(cells[k].text)) continue;
          SpendingStep s;
          s.label = cells[k].text;
          s.origin = Origin::at_line(line.number, cells[k].field);
          if (k + 1 < cells.size() && !is_month_end(cells[k + 1].text)) s.value = cells[k + 1].text;
          form.spending_plan.push_back(std::move(s));
        }
        continue;
      }
      for (const auto& c : cells) {
        std::size_t best = plan_labels.size();
        for (std::size_t p = 0; p < plan_labels.size(); ++p)
          if (plan_labels[p].first <= c.field) best = p;  // the label at or left of the value
        const std::size_t step = form.spending_plan.size() - plan_labels.size() + best;
        if (best < plan_labels.size() && form.spending_plan[step].value.empty()) {
          form.spending_plan[step].value = c.text;
        } else {
          add_finding(report, "form.unplaced-cell", Severity::warning,
                      "资金支出计划中无法对应月份的数值：“" + excerpt(c.text) + "”", line, c.field);
        }
      }
      continue;
    }
    if (zone == Zone::indicators) {
      // Fixed columns: 一级, 二级, 三级, 绩效指标描述, 指标值, 指标值确定依据.
      Indicator ind;
      const std::string l1 = field_text(fields, 0);
      if (!l1.empty()) level1 = l1;
      ind.level1 = level1;
      ind.level2 = field_text(fields, 1);
      ind.name = field_text(fields, 2);
      ind.description = field_text(fields, 3);
      ind.value = field_text(fields, 4);
      ind.basis = field_text(fields, 5);
      std::string beyond;
      for (std::size_t k = 6; k < fields.size(); ++k)
        if (!trim(fields[k]).empty()) beyond += (beyond.empty() ? "" : " ") + trim(fields[k]);
      if (!ind.value.empty() && ind.value == ind.description && ind.name == ind.description && !ind.basis.empty() &&
          ind.basis != ind.value) {
        // Shifted right: the description printed twice and the value standing in the 依据 column.
        add_finding(report, "form.shifted-row", Severity::info,
                    "绩效指标行右移：指标值“" + excerpt(ind.basis) + "”位于指标值确定依据列", line);
        ind.value = ind.basis;
        ind.basis = beyond;
        beyond.clear();
      }
      if (!beyond.empty())
        add_finding(report, "form.extra-cell", Severity::warning, "绩效指标行多出的内容：“" + excerpt(beyond) + "”", line);
      if (ind.name.empty() && ind.description.empty() && ind.value.empty()) {
        add_finding(report, "form.unplaced-line", Severity::warning,
                    "绩效目标表中无法归位的内容：“" + excerpt(line.text) + "”", line);
        continue;
      }
      ind.origin = Origin::at_line(line.number, 3);
      L.classify(ind);
      form.indicators.push_back(std::move(ind));
      continue;
    }
    add_finding(report, "form.unplaced-line", Severity::warning,
                "绩效目标表中无法归位的内容：“" + excerpt(line.text) + "”", line);
  }

  report.forms.push_back(std::move(out));
  return j;
}

}  // namespace budgetxl::text::forms

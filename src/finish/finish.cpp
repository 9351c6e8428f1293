#include <map>
#include "finish/finish.hpp"

#include <fmt/format.h>

#include "finish/form_links.hpp"
#include "finish/table_rows.hpp"
#include "util/normalize.hpp"

namespace budgetxl {

namespace {

// Where a row's code stands: its cell (a text field, a sheet cell), else the row.
Origin code_origin(const Row& row, const TableLayout& layout) {
  const Origin& cell = row.cells[static_cast<std::size_t>(layout.first_column(ColumnKind::code))].origin;
  return cell.empty() ? row.origin : cell;
}


using util::excerpt;
using util::label_key;

void finish_tables(Report& report, const Layouts& layouts) {
  for (std::size_t t = 0; t < report.tables.size(); ++t) {
    Table& table = report.tables[t];
    const TableLayout& layout = layouts.table(table.number);
    for (std::size_t e = 0; e < t; ++e)
      if (report.tables[e].number == table.number) {
        report.findings.add("table.duplicate", Severity::warning, fmt::format("表{}出现了不止一次", table.number), table.origin);
        break;
      }
    const int label_col = layout.label_column.empty() ? -1 : layout.column_index(layout.label_column);
    for (Row& row : table.rows) {
      classify_row(row, layout);
      const std::string& code =
          layout.first_column(ColumnKind::code) < 0 ? std::string() : row.cells[static_cast<std::size_t>(layout.first_column(ColumnKind::code))].text;
      if (layout.shape == TableShape::code && row.kind == RowKind::item && row.level == 0 &&
          !key_in(label_key(code), layouts.report().none_labels))
        report.findings.add("table.bad-code", Severity::warning,
                            fmt::format("表{}科目编码“{}”不是3、5或7位的功能分类编码", layout.number,
                                        row.cells[static_cast<std::size_t>(layout.first_column(ColumnKind::code))].text),
                            code_origin(row, layout));
      if (label_col >= 0 && row.kind != RowKind::total && layout.shape != TableShape::economic) {
        const std::string& label = row.cells[static_cast<std::size_t>(label_col)].text;
        const std::string k = label_key(label);
        bool known = k.empty();
        for (const auto& fl : layout.fixed_labels) known = known || k == label_key(fl.text) || key_in(k, fl.variants);
        if (!known)
          report.findings.add("table.unknown-label", Severity::info, fmt::format("表{}的行名称“{}”不在标准格式中", layout.number, label),
                              row.origin);
      }
    }
    if (layout.shape == TableShape::projects) classify_project_rows(table, layout, report, layouts);
  }
  if (report.tables.empty()) return;  // a forms-only report (or part) has no tables to miss
  for (const auto& layout : layouts.tables())
    if (!report.table(layout.number))
      report.findings.add("table.missing", Severity::warning, fmt::format("未找到表{}（{}）", layout.number, layout.title));
}

// Tables whose units disagree (the template's own unit for a table, like Shanghai's 三公 table in
// 万元, aside): said, never converted.
void check_units(Report& report, const Layouts& layouts) {
  std::map<std::string, std::string> tables_by_unit;
  for (const Table& t : report.tables) {
    const TableLayout* l = layouts.find_table(t.number);
    if (!l || !l->unit.empty() || t.unit.empty()) continue;
    tables_by_unit[t.unit] += fmt::format("{}表{}", tables_by_unit[t.unit].empty() ? "" : "、", t.number);
  }
  if (tables_by_unit.size() < 2) return;
  std::string said;
  for (const auto& [unit, tables] : tables_by_unit) said += fmt::format("{}{}：{}", said.empty() ? "" : "；", unit, tables);
  report.findings.add("report.mixed-units", Severity::warning, "各表的金额单位不一致（" + said + "），未作换算", Origin{});
}

void finish_meta(Report& report) {
  // The report's unit is that of its first table (Shanghai: 元, though its 三公 table is in 万元).
  if (!report.tables.empty() && !report.tables.front().unit.empty()) report.meta.amount_unit = report.tables.front().unit;
  for (const Table& t : report.tables) {
    if (report.meta.entity.empty() && !t.entity.empty()) report.meta.entity = t.entity;
    if (report.meta.year == 0) report.meta.year = util::leading_year(label_key(t.title));
  }
  // "某某局2025年收支预算总表": a year after the entity's name.
  for (const Table& t : report.tables)
    if (report.meta.year == 0) report.meta.year = util::first_year(label_key(t.title));
  if (report.meta.entity.empty()) report.findings.add("report.no-entity", Severity::warning, "未找到部门（单位）名称");
  // No year on the cover or in the titles: the first part heading that names one ("第二部分 2018年度部门预算表").
  for (const Part& p : report.parts)
    if (report.meta.year == 0 && p.kind != PartKind::contents) report.meta.year = util::first_year(label_key(p.heading));
  if (report.tables.empty())
    report.findings.add("report.no-tables", Severity::warning, "报告中没有预算表；表格若另成一个文件，请一并读取");
  if (report.meta.year == 0) report.findings.add("report.no-year", Severity::warning, "未找到预算年度");
}

// Records in a project form what it misses, with a finding naming the project (or the form's title).
auto missing_part(Form& form, Report& report) {
  return [&form, &report](const char* id, const char* rule, Severity sev, const std::string& what) {
    form.missing.push_back(id);
    const std::string& name = form.project_name().empty() ? form.title : form.project_name();
    report.findings.add(rule, sev, "绩效目标表“" + excerpt(name) + "”" + what, form.origin);
  };
}

void check_project(Form& form, Report& report) {
  const ProjectForm& p = form.as<ProjectForm>();
  const auto missing = missing_part(form, report);
  if (p.project_name.empty()) missing("project_name", "form.missing-project-name", Severity::error, "缺少项目名称");
  if (form.year == 0) missing("year", "form.missing-year", Severity::info, "缺少年度行");
  if (p.period_funds.total.is_blank()) missing("period_total", "form.missing-amount", Severity::warning, "缺少实施期资金总额");
  if (p.annual_funds.total.is_blank()) missing("annual_total", "form.missing-amount", Severity::warning, "缺少年度资金总额");
  if (p.goal_period.empty() && p.goal_annual.empty()) missing("goal", "form.missing-goal", Severity::warning, "缺少总体目标");
  std::size_t indicators = 0;
  for (const auto& r : p.indicator_rows)
    if (!r.period.empty() || !r.annual.empty()) ++indicators;
  if (indicators == 0) missing("indicators", "form.missing-indicators", Severity::warning, "没有绩效指标");
  if (!p.has_footer) missing("footer", "form.missing-footer", Severity::info, "缺少填报人信息（负责人、填报日期等）");
  for (int h = 0; h < 2; ++h) {
    const Funding& f = h == 0 ? p.period_funds : p.annual_funds;
    if (f.total.is_blank()) continue;
    const Amount sum = f.central + f.provincial + f.local + f.self_raised + f.other;
    if (!sum.is_blank() && sum.minor() != f.total.minor())
      report.findings.add("form.funds-sum", Severity::warning,
                          std::string("绩效目标表“") + excerpt(p.project_name) + "”" + (h == 0 ? "实施期" : "年度") + "资金来源合计 " +
                              sum.to_string(0, true) + " 不等于资金总额 " + f.total.to_string(0, true),
                          form.origin);
  }
}

void check_overall(Form& form, Report& report) {
  const OverallForm& o = form.as<OverallForm>();
  auto missing = [&](const char* id, const std::string& what) {
    form.missing.push_back(id);
    report.findings.add("form.overall-missing", Severity::warning, "整体支出绩效目标表缺少" + what, form.origin);
  };
  if (o.department.empty()) missing("department", "部门名称");
  if (o.budget_by_source.empty()) missing("budget", "年度预算情况");
  if (o.indicators.empty()) missing("indicators", "年度绩效指标");
  form.missing.push_back("footer");  // the official overall form has no footer
  report.findings.add("form.missing-footer", Severity::info, "整体支出绩效目标表没有填报人信息（负责人、填报日期等）", form.origin);
}

void check_hebei(Form& form, Report& report) {
  const HebeiForm& h = form.as<HebeiForm>();
  auto missing = [&](const char* id, const std::string& what) {
    form.missing.push_back(id);
    report.findings.add("form.hebei-missing", Severity::warning, "项目绩效目标表“" + excerpt(form.title) + "”缺少" + what, form.origin);
  };
  if (h.project_name.empty()) missing("project_name", "项目名称");
  if (h.project_code.empty()) missing("project_code", "项目编码");
  if (h.budget.is_blank()) missing("budget", "预算数");
  if (h.indicators.empty()) missing("indicators", "绩效指标");
  if (!h.budget.is_blank() && !h.fiscal_funds.is_blank() && (h.fiscal_funds + h.other_funds).minor() != h.budget.minor())
    report.findings.add("form.funds-sum", Severity::warning,
                        "项目绩效目标表“" + excerpt(h.project_name) + "”财政资金与其他资金之和不等于预算数", form.origin);
}

void check_department_text(Form& form, Report& report) {
  const DepartmentText& d = form.as<DepartmentText>();
  if (d.overall_goal.empty()) {
    form.missing.push_back("overall_goal");
    report.findings.add("form.text-missing", Severity::warning, "部门整体绩效目标缺少总体绩效目标", form.origin);
  }
  if (d.sub_goals.empty()) {
    form.missing.push_back("sub_goals");
    report.findings.add("form.text-missing", Severity::warning, "部门整体绩效目标缺少分项绩效目标", form.origin);
  }
}

// 财政项目支出绩效目标填报表: the official form has no footer, so none is missed.
void check_shanghai(Form& form, Report& report) {
  const ShanghaiProjectForm& s = form.as<ShanghaiProjectForm>();
  const auto missing = missing_part(form, report);
  if (s.project_name.empty()) missing("project_name", "form.missing-project-name", Severity::error, "缺少项目名称");
  if (form.year == 0) missing("year", "form.missing-year", Severity::info, "缺少年度行");
  if (s.total.is_blank()) missing("project_total", "form.missing-amount", Severity::warning, "缺少项目资金总额");
  if (s.annual_total.is_blank()) missing("annual_total", "form.missing-amount", Severity::warning, "缺少年度资金申请总额");
  if (s.goal_total.empty() && s.goal_annual.empty())
    missing("goal", "form.missing-goal", Severity::warning, "缺少项目总目标和年度总体目标");
  if (form.indicator_count() == 0) missing("indicators", "form.missing-indicators", Severity::warning, "没有绩效指标");
  const struct {
    const char* half;
    const Amount& total;
    Amount sum;
  } halves[] = {{"项目资金", s.total, s.fiscal + s.other}, {"年度资金", s.annual_total, s.appropriation + s.carryover + s.annual_other}};
  for (const auto& h : halves)
    if (!h.total.is_blank() && !h.sum.is_blank() && h.sum.minor() != h.total.minor())
      report.findings.add("form.funds-sum", Severity::warning,
                          "绩效目标表“" + excerpt(s.project_name) + "”" + h.half + "来源合计 " + h.sum.to_string(2, true) +
                              " 不等于总额 " + h.total.to_string(2, true),
                          form.origin);
}

// An earlier form of the same kind for the same project.
void find_duplicate(std::size_t k, Report& report) {
  Form& form = report.forms[k];
  const std::string key = label_key(form.project_name());
  if (key.empty()) return;
  for (std::size_t e = 0; e < k; ++e) {
    const Form& o = report.forms[e];
    if (o.kind() == form.kind() && label_key(o.project_name()) == key) {
      form.duplicate_of = static_cast<int>(e);
      report.findings.add("form.duplicate", Severity::warning,
                          fmt::format("项目“{}”的绩效目标表重复出现（与第{}份相同）", excerpt(form.project_name()), e + 1), form.origin);
      return;
    }
  }
}

void finish_forms(Report& report) {
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    Form& form = report.forms[k];
    form.missing.clear();
    form.duplicate_of = -1;
    switch (form.kind()) {
      case FormKind::project: check_project(form, report); break;
      case FormKind::department_overall: check_overall(form, report); break;
      case FormKind::project_hebei: check_hebei(form, report); break;
      case FormKind::department_text: check_department_text(form, report); break;
      case FormKind::project_shanghai: check_shanghai(form, report); break;
    }
    if (form_kind_is_project(form.kind())) find_duplicate(k, report);
  }
}

}  // namespace

void finish_report(Report& report, const Layouts& layouts) {
  report.meta.family = layouts.family();
  finish_tables(report, layouts);
  finish_meta(report);
  check_units(report, layouts);
  finish_forms(report);
  link_forms_to_projects(report, layouts);
}

}  // namespace budgetxl

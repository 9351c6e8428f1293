// The performance target forms as worksheets: a summary sheet 绩效目标汇总 linking to one sheet per
// form, each laid out like the official form (label/value grid with merged cells; the Shanxi
// indicator table with its 实施期 and 年度 halves side by side). Every field value stands right of
// (or below) its label cell, so a workbook reader can find it by the label.
#include <algorithm>
#include <utility>

#include "util/normalize.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/styles.hpp"

namespace budgetxl::xlsx::detail {

namespace {

// The cell formats of the form sheets.
constexpr Style kTitle{.bold = true, .align = Align::center, .size = kTitleFontSize};
constexpr Style kPlain{};
constexpr Style kLabel{.bold = true, .border = true, .wrap = true, .align = Align::center};
constexpr Style kHeader{.bold = true, .border = true, .wrap = true, .align = Align::center, .fill = kHeaderFill};
constexpr Style kText{.border = true, .wrap = true};
constexpr Style kCenter{.border = true, .wrap = true, .align = Align::center};
constexpr Style kLink{.border = true, .link = true};
// Amounts: 元 as whole numbers (#,##0), 万元 with two decimals (#,##0.00), right-aligned.
constexpr Style kYuan{.border = true, .number = NumberFormat::whole_amount, .align = Align::right};
constexpr Style kWan{.border = true, .number = NumberFormat::amount, .align = Align::right};

// A4 landscape, one page wide, centred like the official forms: the two halves of the indicator
// table stay on one printed page.
constexpr PageSetup kFormPage{.centered = true};

// A form sheet: the checked sheet writer with what the form layouts need on top.
class FormSheet {
 public:
  explicit FormSheet(SheetWriter& out) : out_(out) {}
  SheetWriter& out() { return out_; }

  void text(std::uint32_t r, std::uint16_t c, const std::string& s, const Style& style) { out_.text(r, c, cell(s), style); }
  void merge(std::uint32_t r1, std::uint16_t c1, std::uint32_t r2, std::uint16_t c2, const std::string& s,
             const Style& style) {
    out_.merge(r1, c1, r2, c2, cell(s), style);
  }
  // A numeric amount; blank stays blank. `wan` chooses #,##0.00 (万元) over #,##0 (元).
  void amount(std::uint32_t r, std::uint16_t c, const Amount& a, bool wan) {
    const Style& style = wan ? kWan : kYuan;
    if (a.is_blank()) out_.blank(r, c, style);
    else out_.number(r, c, a.to_double(), style);
  }
  void width(std::uint16_t c, double w) { out_.column_width(c, w); }
  // Tall enough for `s` wrapped in a merged cell about `chars` characters wide.
  void fit(std::uint32_t r, const std::string& s, double chars) {
    const double n = static_cast<double>(util::display_width(s)) / 2.0;
    const double lines = std::max(1.0, std::min(400.0, n / std::max(chars, 1.0) + 1.0));
    if (lines > 1.0) out_.row_height(r, std::min(409.0, kLineHeight * lines));
  }

 private:
  // The first piece of a text longer than a cell holds.
  static std::string cell(const std::string& s) {
    return code_points(s) <= kMaxCellCodePoints ? s : split_code_points(s, kMaxCellCodePoints).front();
  }
  SheetWriter& out_;
};

std::string level_tag(const Indicator& i) {
  std::string s = indicator_class_title(i.standard_class);
  const char* t = indicator_type_title(i.standard_type);
  if (*t) s += std::string(s.empty() ? "" : "-") + t;
  return s;
}

// Merges runs of equal non-empty values in column `col` over rows [first, first + values.size()).
void merge_runs(FormSheet& sh, std::uint32_t first, std::uint16_t col, const std::vector<std::string>& values,
                const Style& style) {
  std::size_t k = 0;
  while (k < values.size()) {
    std::size_t e = k;
    while (e + 1 < values.size() && !values[k].empty() && values[e + 1] == values[k]) ++e;
    sh.merge(first + static_cast<std::uint32_t>(k), col, first + static_cast<std::uint32_t>(e), col, values[k], style);
    k = e + 1;
  }
}

void write_project(FormSheet& sh, const Form& form) {
  const ProjectForm& f = form.as<ProjectForm>();
  const double widths[] = {16, 12, 14, 28, 14, 14, 28, 14, 14, 14};
  for (std::uint16_t c = 0; c < 10; ++c) sh.width(c, widths[c]);
  sh.merge(0, 0, 0, 7, form.title, kTitle);
  sh.merge(1, 0, 1, 7, form.year_line, kTitle);
  std::uint32_t r = 2;
  sh.text(r, 0, "项目名称", kLabel);
  sh.merge(r, 1, r, 7, f.project_name, kText);
  ++r;
  sh.text(r, 0, "主管部门及代码", kLabel);
  sh.merge(r, 1, r, 3, f.department, kText);
  sh.text(r, 4, "实施单位", kLabel);
  sh.merge(r, 5, r, 7, f.unit, kText);
  ++r;
  sh.text(r, 0, "项目属性", kLabel);
  sh.merge(r, 1, r, 3, f.attribute, kText);
  sh.text(r, 4, "项目期", kLabel);
  sh.merge(r, 5, r, 7, f.duration, kText);
  ++r;
  // 项目资金（元）: six rows, 实施期 on the left, 年度 on the right.
  sh.merge(r, 0, r + 5, 0, "项目资金（元）", kLabel);
  const char* labels[] = {"其中：中央财政资金", "省级财政资金", "市县（区）财政资金", "单位自筹", "其他资金"};
  const Amount Funding::*parts[] = {&Funding::central, &Funding::provincial, &Funding::local, &Funding::self_raised,
                                    &Funding::other};
  sh.merge(r, 1, r, 2, "实施期资金总额", kLabel);
  sh.amount(r, 3, f.period_funds.total, false);
  sh.merge(r, 4, r, 5, "年度资金总额", kLabel);
  sh.amount(r, 6, f.annual_funds.total, false);
  sh.text(r, 7, "", kText);
  for (int k = 0; k < 5; ++k) {
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k);
    sh.merge(row, 1, row, 2, labels[k], kLabel);
    sh.amount(row, 3, f.period_funds.*parts[k], false);
    sh.merge(row, 4, row, 5, labels[k], kLabel);
    sh.amount(row, 6, f.annual_funds.*parts[k], false);
    sh.text(row, 7, "", kText);
  }
  r += 6;
  const std::pair<const char*, const std::string*> texts[] = {{"项目概况", &f.overview},
                                                              {"立项依据", &f.basis},
                                                              {"项目设立必要性", &f.necessity},
                                                              {"保证项目实施的制度、措施", &f.measures},
                                                              {"项目实施计划", &f.plan}};
  for (const auto& [label, value] : texts) {
    sh.text(r, 0, label, kLabel);
    sh.merge(r, 1, r, 7, *value, kText);
    sh.fit(r, *value, 120);
    ++r;
  }
  sh.merge(r, 0, r + 1, 0, "总体目标", kLabel);
  sh.merge(r, 1, r, 3, "实施期目标", kLabel);
  sh.merge(r, 4, r, 7, "年度目标", kLabel);
  sh.merge(r + 1, 1, r + 1, 3, f.goal_period, kText);
  sh.merge(r + 1, 4, r + 1, 7, f.goal_annual, kText);
  sh.fit(r + 1, f.goal_period.size() > f.goal_annual.size() ? f.goal_period : f.goal_annual, 50);
  r += 2;
  // Indicator table: 绩效指标 | 一级 | 二级 三级 指标值 (实施期) | 二级 三级 指标值 (年度) | standard levels.
  const std::uint32_t header = r;
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
                         schema::kPeriodStandardLevelColumn, schema::kAnnualStandardLevelColumn};
  for (std::uint16_t c = 0; c < 9; ++c) sh.text(header, static_cast<std::uint16_t>(c + 1), heads[c], kHeader);
  const std::size_t n = f.indicator_rows.size();
  sh.merge(header, 0, header + static_cast<std::uint32_t>(n), 0, "绩效指标", kLabel);
  std::vector<std::string> level1;
  for (const auto& row : f.indicator_rows) level1.push_back(row.period.level1);
  merge_runs(sh, header + 1, 1, level1, kCenter);
  for (std::size_t k = 0; k < n; ++k) {
    const IndicatorRow& ir = f.indicator_rows[k];
    const std::uint32_t row = header + 1 + static_cast<std::uint32_t>(k);
    sh.text(row, 2, ir.period.level2, kCenter);
    sh.text(row, 3, ir.period.name, kText);
    sh.text(row, 4, ir.period.value, kCenter);
    sh.text(row, 5, ir.annual.level2, kCenter);
    sh.text(row, 6, ir.annual.name, kText);
    sh.text(row, 7, ir.annual.value, kCenter);
    sh.text(row, 8, level_tag(ir.period), kCenter);
    sh.text(row, 9, level_tag(ir.annual), kCenter);
  }
  r = header + static_cast<std::uint32_t>(n) + 1;
  const std::pair<const char*, const std::string*> footer[] = {
      {"负责人", &f.responsible}, {"经办人", &f.handler}, {"联系电话", &f.phone}, {"填报日期", &f.filled_date}};
  // The footer row only when the form has one, so that a reader can tell (Form::has_footer).
  const bool footer_shown = f.has_footer || !f.responsible.empty() || !f.handler.empty() || !f.phone.empty() ||
                            !f.filled_date.empty();
  std::uint16_t c = 0;
  for (const auto& [label, value] : footer) {
    if (!footer_shown) break;
    sh.text(r, c, label, kLabel);
    sh.text(r, static_cast<std::uint16_t>(c + 1), *value, kText);
    c = static_cast<std::uint16_t>(c + 2);
  }
}

void write_overall(FormSheet& sh, const Form& form) {
  const OverallForm& f = form.as<OverallForm>();
  const double widths[] = {16, 26, 16, 26, 16, 14, 14, 14};
  for (std::uint16_t c = 0; c < 8; ++c) sh.width(c, widths[c]);
  sh.merge(0, 0, 0, 7, form.title, kTitle);
  sh.merge(1, 0, 1, 7, form.year_line, kTitle);
  std::uint32_t r = 2;
  sh.merge(r, 0, r + 3, 0, "部门基本信息", kLabel);
  sh.text(r, 1, "部门名称", kLabel);
  sh.merge(r, 2, r, 7, f.department, kText);
  const std::pair<const char*, const std::string*> basics[] = {
      {"内设机构部门数", &f.internal_departments}, {"所属预算单位数", &f.budget_units},
      {"核定的人员编制数", &f.staff_quota},        {"实际在职人员总数", &f.staff_actual},
      {"其中:在编人员数", &f.staff_on_quota},      {"其他人员数", &f.staff_other}};
  for (int k = 0; k < 6; ++k) {
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k / 2);
    const auto col = static_cast<std::uint16_t>(1 + 2 * (k % 2));
    sh.text(row, col, basics[k].first, kLabel);
    if (k % 2 == 0) sh.text(row, static_cast<std::uint16_t>(col + 1), *basics[k].second, kText);
    else sh.merge(row, static_cast<std::uint16_t>(col + 1), row, 7, *basics[k].second, kText);
  }
  r += 4;
  for (const auto& [label, value] : {std::pair<const char*, const std::string*>{"部门职责", &f.duties},
                                     {"部门战略目标", &f.strategy}}) {
    sh.text(r, 0, label, kLabel);
    sh.merge(r, 1, r, 7, *value, kText);
    sh.fit(r, *value, 120);
    ++r;
  }
  const std::size_t budget_rows = std::max(f.budget_by_source.size(), f.budget_by_direction.size());
  sh.merge(r, 0, r + static_cast<std::uint32_t>(budget_rows), 0, "年度预算情况", kLabel);
  sh.text(r, 1, "按资金来源划分", kHeader);
  sh.text(r, 2, "资金总额(万元)", kHeader);
  sh.text(r, 3, "按资金方向划分", kHeader);
  sh.text(r, 4, "资金总额(万元)", kHeader);
  for (std::size_t k = 0; k < budget_rows; ++k) {
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k);
    const BudgetLine none;
    const BudgetLine& s = k < f.budget_by_source.size() ? f.budget_by_source[k] : none;
    const BudgetLine& d = k < f.budget_by_direction.size() ? f.budget_by_direction[k] : none;
    sh.text(row, 1, s.label, kText);
    sh.amount(row, 2, s.amount, true);
    sh.text(row, 3, d.label, kText);
    sh.amount(row, 4, d.amount, true);
  }
  r += static_cast<std::uint32_t>(budget_rows) + 1;
  sh.merge(r, 0, r + static_cast<std::uint32_t>(f.key_tasks.size()), 0, "年度重点任务", kLabel);
  sh.merge(r, 1, r, 3, "核心职能", kHeader);
  sh.merge(r, 4, r, 7, "重点任务", kHeader);
  for (std::size_t k = 0; k < f.key_tasks.size(); ++k) {
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k);
    sh.merge(row, 1, row, 3, f.key_tasks[k].function, kText);
    sh.merge(row, 4, row, 7, f.key_tasks[k].task, kText);
    sh.fit(row, f.key_tasks[k].function.size() > f.key_tasks[k].task.size() ? f.key_tasks[k].function
                                                                             : f.key_tasks[k].task,
           40);
  }
  r += static_cast<std::uint32_t>(f.key_tasks.size()) + 1;
  sh.text(r, 0, "年度绩效目标", kLabel);
  sh.merge(r, 1, r, 7, f.goal, kText);
  sh.fit(r, f.goal, 120);
  ++r;
  sh.merge(r, 0, r + static_cast<std::uint32_t>(f.indicators.size()), 0, "年度绩效指标", kLabel);
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "指标值", schema::kStandardLevelColumn};
  for (std::uint16_t c = 0; c < 5; ++c) sh.text(r, static_cast<std::uint16_t>(c + 1), heads[c], kHeader);
  std::vector<std::string> level1;
  for (const auto& i : f.indicators) level1.push_back(i.level1);
  merge_runs(sh, r + 1, 1, level1, kCenter);
  for (std::size_t k = 0; k < f.indicators.size(); ++k) {
    const Indicator& i = f.indicators[k];
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k);
    sh.text(row, 2, i.level2, kCenter);
    sh.text(row, 3, i.name, kText);
    sh.text(row, 4, i.value, kCenter);
    sh.text(row, 5, level_tag(i), kCenter);
  }
}

void write_hebei(FormSheet& sh, const Form& form) {
  const HebeiForm& f = form.as<HebeiForm>();
  const double widths[] = {14, 18, 26, 34, 14, 22, 14, 14};
  for (std::uint16_t c = 0; c < 8; ++c) sh.width(c, widths[c]);
  sh.merge(0, 0, 0, 7, form.title, kTitle);
  sh.merge(1, 0, 1, 5, (f.unit_code.empty() ? "" : f.unit_code + " ") + f.unit, kPlain);
  sh.merge(1, 6, 1, 7, "单位：万元", kPlain);
  std::uint32_t r = 2;
  sh.text(r, 0, "项目编码", kLabel);
  sh.merge(r, 1, r, 2, f.project_code, kText);
  sh.text(r, 3, "项目名称", kLabel);
  sh.merge(r, 4, r, 7, f.project_name, kText);
  ++r;
  sh.merge(r, 0, r + 1, 0, "预算规模及资金用途", kLabel);
  sh.text(r, 1, "预算数", kLabel);
  sh.amount(r, 2, f.budget, true);
  sh.text(r, 3, "其中：财政资金", kLabel);
  sh.amount(r, 4, f.fiscal_funds, true);
  sh.text(r, 5, "其他资金", kLabel);
  sh.amount(r, 6, f.other_funds, true);
  sh.text(r, 7, "", kText);
  sh.merge(r + 1, 1, r + 1, 7, f.fund_use, kText);
  sh.fit(r + 1, f.fund_use, 110);
  r += 2;
  sh.merge(r, 0, r + 1, 0, "资金支出计划（%）", kLabel);
  const std::size_t plan_columns = std::max<std::size_t>(7, f.spending_plan.size());
  for (std::size_t k = 0; k < plan_columns; ++k) {
    const auto col = static_cast<std::uint16_t>(1 + k);
    const SpendingStep* s = k < f.spending_plan.size() ? &f.spending_plan[k] : nullptr;
    sh.text(r, col, s ? s->label : "", kHeader);
    sh.text(r + 1, col, s ? s->value : "", kCenter);
  }
  r += 2;
  sh.text(r, 0, "绩效目标", kLabel);
  sh.merge(r, 1, r, 7, f.goal, kText);
  sh.fit(r, f.goal, 110);
  ++r;
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
                         schema::kStandardLevelColumn};
  for (std::uint16_t c = 0; c < 7; ++c) sh.text(r, c, heads[c], kHeader);
  std::vector<std::string> level1;
  for (const auto& i : f.indicators) level1.push_back(i.level1);
  merge_runs(sh, r + 1, 0, level1, kCenter);
  for (std::size_t k = 0; k < f.indicators.size(); ++k) {
    const Indicator& i = f.indicators[k];
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k);
    sh.text(row, 1, i.level2, kCenter);
    sh.text(row, 2, i.name, kText);
    sh.text(row, 3, i.description, kText);
    sh.text(row, 4, i.value, kCenter);
    sh.text(row, 5, i.basis, kText);
    sh.text(row, 6, level_tag(i), kCenter);
  }
}

void write_department_text(FormSheet& sh, const Form& form) {
  const DepartmentText& f = form.as<DepartmentText>();
  sh.width(0, 18);
  sh.width(1, 14);
  for (std::uint16_t c = 2; c < 8; ++c) sh.width(c, 16);
  sh.merge(0, 0, 0, 7, form.title, kTitle);
  std::uint32_t r = 1;
  sh.text(r, 0, "总体绩效目标", kLabel);
  sh.merge(r, 1, r, 7, f.overall_goal, kText);
  sh.fit(r, f.overall_goal, 100);
  ++r;
  sh.merge(r, 0, r + static_cast<std::uint32_t>(f.sub_goals.size() * 3) - (f.sub_goals.empty() ? 0 : 1), 0,
           "分项绩效目标", kLabel);
  for (const auto& g : f.sub_goals) {
    sh.merge(r, 1, r, 7, g.heading, kHeader);
    sh.text(r + 1, 1, "绩效目标", kLabel);
    sh.merge(r + 1, 2, r + 1, 7, g.goal, kText);
    sh.fit(r + 1, g.goal, 90);
    sh.text(r + 2, 1, "绩效指标", kLabel);
    sh.merge(r + 2, 2, r + 2, 7, g.indicators, kText);
    sh.fit(r + 2, g.indicators, 90);
    r += 3;
  }
  if (f.sub_goals.empty()) ++r;
  const std::uint32_t first = r;
  for (const auto& s : f.safeguards) {
    sh.merge(r, 1, r, 7, s, kText);
    sh.fit(r, s, 100);
    ++r;
  }
  if (r == first) sh.merge(r++, 1, first, 7, "", kText);
  sh.merge(first, 0, r - 1, 0, "工作保障措施", kLabel);
}

std::string form_label(const Form& f) {
  if (!f.project_name().empty()) return f.project_name();
  if (const auto* o = f.get_if<OverallForm>()) return o->department_name.empty() ? "部门整体支出" : o->department_name + "整体支出";
  if (f.kind() == FormKind::department_text) return "部门整体绩效目标";
  return f.title;
}

// 实施单位 of the summary: the unit of a project form, else the department.
std::string unit_of(const Form& f) {
  if (const auto* p = f.get_if<ProjectForm>()) return p->unit.empty() ? p->department : p->unit;
  if (const auto* h = f.get_if<HebeiForm>()) return h->unit;
  if (const auto* o = f.get_if<OverallForm>()) return o->department;
  return "";
}

void write_summary(FormSheet& sh, const Report& report, const std::vector<std::string>& names) {
  const char* heads[] = {"序号", "类型", "项目名称", "实施单位", "金额单位", "实施期资金总额/预算数", "年度资金总额",
                         "指标数", "表十二项目", "表十二行", "对应方式", "工作表"};
  const double widths[] = {6, 18, 40, 26, 8, 16, 16, 8, 40, 8, 10, 30};
  sh.merge(0, 0, 0, 11, "绩效目标表汇总", kTitle);
  for (std::uint16_t c = 0; c < 12; ++c) {
    sh.text(1, c, heads[c], kHeader);
    sh.width(c, widths[c]);
  }
  const Table* t12 = report.table(12);
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    const auto r = static_cast<std::uint32_t>(k + 2);
    sh.out().number(r, 0, static_cast<double>(k + 1), kCenter);
    sh.text(r, 1, form_kind_title(f.kind()), kCenter);
    sh.text(r, 2, form_label(f), kText);
    sh.text(r, 3, unit_of(f), kText);
    sh.text(r, 4, f.amount_unit, kCenter);
    const bool wan = f.amount_unit == "万元";
    if (const auto* p = f.get_if<ProjectForm>()) {
      sh.amount(r, 5, p->period_funds.total, false);
      sh.amount(r, 6, p->annual_funds.total, false);
    } else if (const auto* h = f.get_if<HebeiForm>()) {
      sh.amount(r, 5, h->budget, true);
      sh.amount(r, 6, Amount::blank(), true);
    } else {
      Amount total;
      if (const auto* o = f.get_if<OverallForm>())
        for (const auto& b : o->budget_by_source)
          if (util::label_key(b.label) == "合计") total = b.amount;
      sh.amount(r, 5, total, wan || f.kind() == FormKind::department_overall);
      sh.amount(r, 6, Amount::blank(), true);
    }
    if (f.kind() == FormKind::department_text) sh.text(r, 7, "", kCenter);
    else sh.out().number(r, 7, static_cast<double>(f.indicator_count()), kCenter);
    sh.text(r, 8, f.linked_project, kText);
    // 表十二行: the linked row's position among 表十二's rows (1-based).
    if (f.table12_row >= 0 && t12) sh.out().number(r, 9, f.table12_row + 1, kCenter);
    else sh.text(r, 9, "", kCenter);
    sh.text(r, 10, f.link == "name" ? "名称" : f.link == "amount" ? "金额" : "", kCenter);
    sh.out().link(r, 11, names[k], names[k], kLink);
  }
  worksheet_freeze_panes(sh.out().sheet(), 2, 0);
}

}  // namespace

std::string wanted_form_sheet_name(const Form& form, std::size_t sequence) {
  std::string name = schema::kFormSheetPrefix;
  name += std::to_string(sequence);
  name += ' ';
  return name + form_label(form);
}

std::vector<std::string> write_form_sheets(lxw_workbook* wb, Styles& styles, const Report& report,
                                           std::vector<std::string>& used) {
  std::vector<std::string> names;
  if (report.forms.empty()) return names;
  std::string summary_name;
  lxw_worksheet* summary = add_sheet(wb, schema::kFormSummarySheet, used, summary_name);
  // Every form sheet is added before the summary is written, so that it can link to them.
  std::vector<lxw_worksheet*> sheets;
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    names.emplace_back();
    sheets.push_back(add_sheet(wb, wanted_form_sheet_name(report.forms[k], k + 1), used, names.back()));
  }

  SheetWriter summary_out(summary, summary_name, styles);
  FormSheet summary_sheet(summary_out);
  write_summary(summary_sheet, report, names);
  set_page(summary_out, kFormPage);

  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    SheetWriter out(sheets[k], names[k], styles);
    FormSheet sh(out);
    set_page(out, kFormPage);
    switch (f.kind()) {
      case FormKind::project: write_project(sh, f); break;
      case FormKind::department_overall: write_overall(sh, f); break;
      case FormKind::project_hebei: write_hebei(sh, f); break;
      case FormKind::department_text: write_department_text(sh, f); break;
    }
  }
  return names;
}

}  // namespace budgetxl::xlsx::detail

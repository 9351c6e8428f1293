// The performance target forms as worksheets: a summary sheet 绩效目标汇总 linking to one sheet per
// form, each laid out like the official form (label/value grid with merged cells; the Shanxi
// indicator table with its 实施期 and 年度 halves side by side). Every field value stands right of
// (or below) its label cell, so a workbook reader can find it by the label.
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>
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

// Sheet rows a text takes in a form sheet: one per piece of schema::kCellTextMax code points, and
// an empty last piece when the text divides evenly, so that only a continued cell is full.
std::uint32_t rows_for(std::string_view s) {
  return static_cast<std::uint32_t>(code_points(s) / schema::kCellTextMax + 1);
}

// The rows a row of the form takes: as many as its longest text needs.
std::uint32_t rows_for(std::initializer_list<std::string_view> texts) {
  std::uint32_t rows = 1;
  for (std::string_view t : texts) rows = std::max(rows, rows_for(t));
  return rows;
}

// A form sheet: the checked sheet writer with what the form layouts need on top. A row of the form
// is usually one sheet row; it takes more when a text in it is longer than a cell holds: that text
// goes down the rows in pieces, in the same columns, and every other cell of the row is merged down
// over them (see schema::kCellTextMax; the form sheet reader joins the pieces again).
class FormSheet {
 public:
  explicit FormSheet(SheetWriter& out) : out_(out) {}
  SheetWriter& out() { return out_; }

  // Writes `s` into columns [c1, c2] of the `rows` sheet rows from r on (rows_for(s) when 0): one
  // piece per row, the last piece's cell merged down to the last row. Returns the rows taken.
  std::uint32_t text(std::uint32_t r, std::uint16_t c1, std::uint16_t c2, const std::string& s, const Style& style,
                     std::uint32_t rows = 0) {
    const std::vector<std::string> parts = cell_pieces(s);
    if (rows == 0) rows = static_cast<std::uint32_t>(parts.size());
    if (parts.size() > rows) throw OutputError(out_.where(r, c1) + "：文字超出了为它留出的行");
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const std::uint32_t top = r + static_cast<std::uint32_t>(k);
      const std::uint32_t bottom = k + 1 == parts.size() ? r + rows - 1 : top;
      out_.merge(top, c1, bottom, c2, parts[k], style);
    }
    return rows;
  }
  // A numeric amount over `rows` sheet rows; blank stays blank. `wan` chooses #,##0.00 (万元) over
  // #,##0 (元).
  void amount(std::uint32_t r, std::uint16_t c, const Amount& a, bool wan, std::uint32_t rows = 1) {
    const Style& style = wan ? kWan : kYuan;
    number_cell(r, c, rows, a.is_blank() ? std::nullopt : std::optional<double>(a.to_double()), style);
  }
  // A number (nullopt: blank) in column c of the `rows` sheet rows from r on.
  void number_cell(std::uint32_t r, std::uint16_t c, std::uint32_t rows, std::optional<double> value,
                   const Style& style) {
    if (rows > 1) out_.merge(r, c, r + rows - 1, c, "", style);
    if (value) out_.number(r, c, *value, style);
    else out_.blank(r, c, style);
  }
  void width(std::uint16_t c, double w) { out_.column_width(c, w); }
  // Each sheet row from r on tall enough for its piece of `s` wrapped in a merged cell about `chars`
  // characters wide.
  void fit(std::uint32_t r, const std::string& s, double chars) { fit(r, s, "", chars); }
  // The same for two texts side by side: each row fits the longer of its two pieces.
  void fit(std::uint32_t r, const std::string& a, const std::string& b, double chars) {
    const std::vector<std::string> pa = cell_pieces(a), pb = cell_pieces(b);
    for (std::size_t k = 0; k < std::max(pa.size(), pb.size()); ++k) {
      const std::string& x = k < pa.size() ? pa[k] : std::string();
      const std::string& y = k < pb.size() ? pb[k] : std::string();
      fit_row(r + static_cast<std::uint32_t>(k), x.size() > y.size() ? x : y, chars);
    }
  }

 private:
  void fit_row(std::uint32_t r, const std::string& s, double chars) {
    const double n = static_cast<double>(util::display_width(s)) / 2.0;
    const double lines = std::max(1.0, std::min(400.0, n / std::max(chars, 1.0) + 1.0));
    if (lines > 1.0) out_.row_height(r, std::min(409.0, kLineHeight * lines));
  }
  SheetWriter& out_;
};

std::string level_tag(const Indicator& i) {
  std::string s = indicator_class_title(i.standard_class);
  const char* t = indicator_type_title(i.standard_type);
  if (*t) s += std::string(s.empty() ? "" : "-") + t;
  return s;
}

// Where each row of a table of the form starts, rows[k] sheet rows each, from `first` on; the last
// element is the row after the table.
std::vector<std::uint32_t> starts(std::uint32_t first, const std::vector<std::uint32_t>& rows) {
  std::vector<std::uint32_t> at{first};
  for (std::uint32_t n : rows) at.push_back(at.back() + n);
  return at;
}

// The 一级 column of an indicator table: a run of rows with the same value is one merged cell, as
// on the printed form; a value longer than a cell holds is written in its own row instead.
void merge_runs(FormSheet& sh, const std::vector<std::uint32_t>& at, std::uint16_t col,
                const std::vector<std::string>& values, const Style& style) {
  std::size_t k = 0;
  while (k < values.size()) {
    std::size_t e = k;
    if (rows_for(values[k]) == 1)
      while (e + 1 < values.size() && !values[k].empty() && values[e + 1] == values[k]) ++e;
    sh.text(at[k], col, col, values[k], style, at[e + 1] - at[k]);
    k = e + 1;
  }
}

void write_project(FormSheet& sh, const Form& form) {
  const ProjectForm& f = form.as<ProjectForm>();
  const double widths[] = {16, 12, 14, 28, 14, 14, 28, 14, 14, 14};
  for (std::uint16_t c = 0; c < 10; ++c) sh.width(c, widths[c]);
  std::uint32_t r = sh.text(0, 0, 7, form.title, kTitle);
  r += sh.text(r, 0, 7, form.year_line, kTitle);
  std::uint32_t h = rows_for({f.project_name});
  sh.text(r, 0, 0, "项目名称", kLabel, h);
  sh.text(r, 1, 7, f.project_name, kText, h);
  r += h;
  h = rows_for({f.department, f.unit});
  sh.text(r, 0, 0, "主管部门及代码", kLabel, h);
  sh.text(r, 1, 3, f.department, kText, h);
  sh.text(r, 4, 4, "实施单位", kLabel, h);
  sh.text(r, 5, 7, f.unit, kText, h);
  r += h;
  h = rows_for({f.attribute, f.duration});
  sh.text(r, 0, 0, "项目属性", kLabel, h);
  sh.text(r, 1, 3, f.attribute, kText, h);
  sh.text(r, 4, 4, "项目期", kLabel, h);
  sh.text(r, 5, 7, f.duration, kText, h);
  r += h;
  // 项目资金（元）: six rows, 实施期 on the left, 年度 on the right.
  sh.text(r, 0, 0, "项目资金（元）", kLabel, 6);
  const char* labels[] = {"其中：中央财政资金", "省级财政资金", "市县（区）财政资金", "单位自筹", "其他资金"};
  const Amount Funding::*parts[] = {&Funding::central, &Funding::provincial, &Funding::local, &Funding::self_raised,
                                    &Funding::other};
  sh.text(r, 1, 2, "实施期资金总额", kLabel);
  sh.amount(r, 3, f.period_funds.total, false);
  sh.text(r, 4, 5, "年度资金总额", kLabel);
  sh.amount(r, 6, f.annual_funds.total, false);
  sh.text(r, 7, 7, "", kText);
  for (int k = 0; k < 5; ++k) {
    const std::uint32_t row = r + 1 + static_cast<std::uint32_t>(k);
    sh.text(row, 1, 2, labels[k], kLabel);
    sh.amount(row, 3, f.period_funds.*parts[k], false);
    sh.text(row, 4, 5, labels[k], kLabel);
    sh.amount(row, 6, f.annual_funds.*parts[k], false);
    sh.text(row, 7, 7, "", kText);
  }
  r += 6;
  const std::pair<const char*, const std::string*> texts[] = {{"项目概况", &f.overview},
                                                              {"立项依据", &f.basis},
                                                              {"项目设立必要性", &f.necessity},
                                                              {"保证项目实施的制度、措施", &f.measures},
                                                              {"项目实施计划", &f.plan}};
  for (const auto& [label, value] : texts) {
    h = rows_for({*value});
    sh.text(r, 0, 0, label, kLabel, h);
    sh.text(r, 1, 7, *value, kText, h);
    sh.fit(r, *value, 120);
    r += h;
  }
  h = rows_for({f.goal_period, f.goal_annual});
  sh.text(r, 0, 0, "总体目标", kLabel, 1 + h);
  sh.text(r, 1, 3, "实施期目标", kLabel);
  sh.text(r, 4, 7, "年度目标", kLabel);
  sh.text(r + 1, 1, 3, f.goal_period, kText, h);
  sh.text(r + 1, 4, 7, f.goal_annual, kText, h);
  sh.fit(r + 1, f.goal_period, f.goal_annual, 50);
  r += 1 + h;
  // Indicator table: 绩效指标 | 一级 | 二级 三级 指标值 (实施期) | 二级 三级 指标值 (年度) | standard levels.
  const std::uint32_t header = r;
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
                         schema::kPeriodStandardLevelColumn, schema::kAnnualStandardLevelColumn};
  for (std::uint16_t c = 1; c <= 9; ++c) sh.text(header, c, c, heads[c - 1], kHeader);
  std::vector<std::string> level1;
  std::vector<std::uint32_t> heights;
  for (const auto& row : f.indicator_rows) {
    level1.push_back(row.period.level1);
    heights.push_back(rows_for({row.period.level1, row.period.level2, row.period.name, row.period.value,
                                row.annual.level2, row.annual.name, row.annual.value}));
  }
  const std::vector<std::uint32_t> at = starts(header + 1, heights);
  sh.text(header, 0, 0, "绩效指标", kLabel, at.back() - header);
  merge_runs(sh, at, 1, level1, kCenter);
  for (std::size_t k = 0; k < f.indicator_rows.size(); ++k) {
    const IndicatorRow& ir = f.indicator_rows[k];
    const std::uint32_t row = at[k];
    h = heights[k];
    sh.text(row, 2, 2, ir.period.level2, kCenter, h);
    sh.text(row, 3, 3, ir.period.name, kText, h);
    sh.text(row, 4, 4, ir.period.value, kCenter, h);
    sh.text(row, 5, 5, ir.annual.level2, kCenter, h);
    sh.text(row, 6, 6, ir.annual.name, kText, h);
    sh.text(row, 7, 7, ir.annual.value, kCenter, h);
    sh.text(row, 8, 8, level_tag(ir.period), kCenter, h);
    sh.text(row, 9, 9, level_tag(ir.annual), kCenter, h);
  }
  r = at.back();
  const std::pair<const char*, const std::string*> footer[] = {
      {"负责人", &f.responsible}, {"经办人", &f.handler}, {"联系电话", &f.phone}, {"填报日期", &f.filled_date}};
  // The footer row only when the form has one, so that a reader can tell (Form::has_footer).
  const bool footer_shown = f.has_footer || !f.responsible.empty() || !f.handler.empty() || !f.phone.empty() ||
                            !f.filled_date.empty();
  if (!footer_shown) return;
  h = rows_for({f.responsible, f.handler, f.phone, f.filled_date});
  std::uint16_t c = 0;
  for (const auto& [label, value] : footer) {
    sh.text(r, c, c, label, kLabel, h);
    sh.text(r, static_cast<std::uint16_t>(c + 1), static_cast<std::uint16_t>(c + 1), *value, kText, h);
    c = static_cast<std::uint16_t>(c + 2);
  }
}

void write_overall(FormSheet& sh, const Form& form) {
  const OverallForm& f = form.as<OverallForm>();
  const double widths[] = {16, 26, 16, 26, 16, 14, 14, 14};
  for (std::uint16_t c = 0; c < 8; ++c) sh.width(c, widths[c]);
  std::uint32_t r = sh.text(0, 0, 7, form.title, kTitle);
  r += sh.text(r, 0, 7, form.year_line, kTitle);
  // 部门基本信息: 部门名称, then the six counts two by two.
  const std::pair<const char*, const std::string*> basics[] = {
      {"内设机构部门数", &f.internal_departments}, {"所属预算单位数", &f.budget_units},
      {"核定的人员编制数", &f.staff_quota},        {"实际在职人员总数", &f.staff_actual},
      {"其中:在编人员数", &f.staff_on_quota},      {"其他人员数", &f.staff_other}};
  std::vector<std::uint32_t> heights = {rows_for({f.department})};
  for (int k = 0; k < 6; k += 2) heights.push_back(rows_for({*basics[k].second, *basics[k + 1].second}));
  std::vector<std::uint32_t> at = starts(r, heights);
  sh.text(r, 0, 0, "部门基本信息", kLabel, at.back() - r);
  sh.text(at[0], 1, 1, "部门名称", kLabel, heights[0]);
  sh.text(at[0], 2, 7, f.department, kText, heights[0]);
  for (int k = 0; k < 6; k += 2) {
    const std::size_t row = 1 + static_cast<std::size_t>(k / 2);
    const std::uint32_t h = heights[row];
    sh.text(at[row], 1, 1, basics[k].first, kLabel, h);
    sh.text(at[row], 2, 2, *basics[k].second, kText, h);
    sh.text(at[row], 3, 3, basics[k + 1].first, kLabel, h);
    sh.text(at[row], 4, 7, *basics[k + 1].second, kText, h);
  }
  r = at.back();
  for (const auto& [label, value] : {std::pair<const char*, const std::string*>{"部门职责", &f.duties},
                                     {"部门战略目标", &f.strategy}}) {
    const std::uint32_t h = rows_for({*value});
    sh.text(r, 0, 0, label, kLabel, h);
    sh.text(r, 1, 7, *value, kText, h);
    sh.fit(r, *value, 120);
    r += h;
  }
  // 年度预算情况: (label, amount) by source on the left, by direction on the right.
  // 年度预算情况: (label, amount) by source on the left, by direction on the right.
  const BudgetLine none;
  auto line = [&](const std::vector<BudgetLine>& lines, std::size_t k) -> const BudgetLine& {
    return k < lines.size() ? lines[k] : none;
  };
  heights.clear();
  for (std::size_t k = 0; k < std::max(f.budget_by_source.size(), f.budget_by_direction.size()); ++k)
    heights.push_back(rows_for({line(f.budget_by_source, k).label, line(f.budget_by_direction, k).label}));
  at = starts(r + 1, heights);
  sh.text(r, 0, 0, "年度预算情况", kLabel, at.back() - r);
  sh.text(r, 1, 1, "按资金来源划分", kHeader);
  sh.text(r, 2, 2, "资金总额(万元)", kHeader);
  sh.text(r, 3, 3, "按资金方向划分", kHeader);
  sh.text(r, 4, 4, "资金总额(万元)", kHeader);
  for (std::size_t k = 0; k < heights.size(); ++k) {
    const BudgetLine& s = line(f.budget_by_source, k);
    const BudgetLine& d = line(f.budget_by_direction, k);
    sh.text(at[k], 1, 1, s.label, kText, heights[k]);
    sh.amount(at[k], 2, s.amount, true, heights[k]);
    sh.text(at[k], 3, 3, d.label, kText, heights[k]);
    sh.amount(at[k], 4, d.amount, true, heights[k]);
  }
  r = at.back();
  // 年度重点任务: 核心职能 → 重点任务.
  heights.clear();
  for (const KeyTask& t : f.key_tasks) heights.push_back(rows_for({t.function, t.task}));
  at = starts(r + 1, heights);
  sh.text(r, 0, 0, "年度重点任务", kLabel, at.back() - r);
  sh.text(r, 1, 3, "核心职能", kHeader);
  sh.text(r, 4, 7, "重点任务", kHeader);
  for (std::size_t k = 0; k < f.key_tasks.size(); ++k) {
    const KeyTask& t = f.key_tasks[k];
    sh.text(at[k], 1, 3, t.function, kText, heights[k]);
    sh.text(at[k], 4, 7, t.task, kText, heights[k]);
    sh.fit(at[k], t.function, t.task, 40);
  }
  r = at.back();
  std::uint32_t h = rows_for({f.goal});
  sh.text(r, 0, 0, "年度绩效目标", kLabel, h);
  sh.text(r, 1, 7, f.goal, kText, h);
  sh.fit(r, f.goal, 120);
  r += h;
  // 年度绩效指标.
  std::vector<std::string> level1;
  heights.clear();
  for (const auto& i : f.indicators) {
    level1.push_back(i.level1);
    heights.push_back(rows_for({i.level1, i.level2, i.name, i.value}));
  }
  at = starts(r + 1, heights);
  sh.text(r, 0, 0, "年度绩效指标", kLabel, at.back() - r);
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "指标值", schema::kStandardLevelColumn};
  for (std::uint16_t c = 1; c <= 5; ++c) sh.text(r, c, c, heads[c - 1], kHeader);
  merge_runs(sh, at, 1, level1, kCenter);
  for (std::size_t k = 0; k < f.indicators.size(); ++k) {
    const Indicator& i = f.indicators[k];
    h = heights[k];
    sh.text(at[k], 2, 2, i.level2, kCenter, h);
    sh.text(at[k], 3, 3, i.name, kText, h);
    sh.text(at[k], 4, 4, i.value, kCenter, h);
    sh.text(at[k], 5, 5, level_tag(i), kCenter, h);
  }
}

void write_hebei(FormSheet& sh, const Form& form) {
  const HebeiForm& f = form.as<HebeiForm>();
  const double widths[] = {14, 18, 26, 34, 14, 22, 14, 14};
  for (std::uint16_t c = 0; c < 8; ++c) sh.width(c, widths[c]);
  std::uint32_t r = sh.text(0, 0, 7, form.title, kTitle);
  const std::string unit_line = (f.unit_code.empty() ? "" : f.unit_code + " ") + f.unit;
  std::uint32_t h = rows_for({unit_line});
  sh.text(r, 0, 5, unit_line, kPlain, h);
  sh.text(r, 6, 7, "单位：万元", kPlain, h);
  r += h;
  h = rows_for({f.project_code, f.project_name});
  sh.text(r, 0, 0, "项目编码", kLabel, h);
  sh.text(r, 1, 2, f.project_code, kText, h);
  sh.text(r, 3, 3, "项目名称", kLabel, h);
  sh.text(r, 4, 7, f.project_name, kText, h);
  r += h;
  // 预算规模及资金用途: the amounts, and the use of the funds below them.
  h = rows_for({f.fund_use});
  sh.text(r, 0, 0, "预算规模及资金用途", kLabel, 1 + h);
  sh.text(r, 1, 1, "预算数", kLabel);
  sh.amount(r, 2, f.budget, true);
  sh.text(r, 3, 3, "其中：财政资金", kLabel);
  sh.amount(r, 4, f.fiscal_funds, true);
  sh.text(r, 5, 5, "其他资金", kLabel);
  sh.amount(r, 6, f.other_funds, true);
  sh.text(r, 7, 7, "", kText);
  sh.text(r + 1, 1, 7, f.fund_use, kText, h);
  sh.fit(r + 1, f.fund_use, 110);
  r += 1 + h;
  // 资金支出计划（%）: the month-end labels, their values below.
  const std::size_t plan_columns = std::max<std::size_t>(7, f.spending_plan.size());
  std::uint32_t label_rows = 1, value_rows = 1;
  for (const SpendingStep& s : f.spending_plan) {
    label_rows = std::max(label_rows, rows_for(s.label));
    value_rows = std::max(value_rows, rows_for(s.value));
  }
  sh.text(r, 0, 0, "资金支出计划（%）", kLabel, label_rows + value_rows);
  for (std::size_t k = 0; k < plan_columns; ++k) {
    const auto col = static_cast<std::uint16_t>(1 + k);
    const SpendingStep* s = k < f.spending_plan.size() ? &f.spending_plan[k] : nullptr;
    sh.text(r, col, col, s ? s->label : "", kHeader, label_rows);
    sh.text(r + label_rows, col, col, s ? s->value : "", kCenter, value_rows);
  }
  r += label_rows + value_rows;
  h = rows_for({f.goal});
  sh.text(r, 0, 0, "绩效目标", kLabel, h);
  sh.text(r, 1, 7, f.goal, kText, h);
  sh.fit(r, f.goal, 110);
  r += h;
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
                         schema::kStandardLevelColumn};
  for (std::uint16_t c = 0; c < 7; ++c) sh.text(r, c, c, heads[c], kHeader);
  std::vector<std::string> level1;
  std::vector<std::uint32_t> heights;
  for (const auto& i : f.indicators) {
    level1.push_back(i.level1);
    heights.push_back(rows_for({i.level1, i.level2, i.name, i.description, i.value, i.basis}));
  }
  const std::vector<std::uint32_t> at = starts(r + 1, heights);
  merge_runs(sh, at, 0, level1, kCenter);
  for (std::size_t k = 0; k < f.indicators.size(); ++k) {
    const Indicator& i = f.indicators[k];
    h = heights[k];
    sh.text(at[k], 1, 1, i.level2, kCenter, h);
    sh.text(at[k], 2, 2, i.name, kText, h);
    sh.text(at[k], 3, 3, i.description, kText, h);
    sh.text(at[k], 4, 4, i.value, kCenter, h);
    sh.text(at[k], 5, 5, i.basis, kText, h);
    sh.text(at[k], 6, 6, level_tag(i), kCenter, h);
  }
}

void write_department_text(FormSheet& sh, const Form& form) {
  const DepartmentText& f = form.as<DepartmentText>();
  sh.width(0, 18);
  sh.width(1, 14);
  for (std::uint16_t c = 2; c < 8; ++c) sh.width(c, 16);
  std::uint32_t r = sh.text(0, 0, 7, form.title, kTitle);
  std::uint32_t h = rows_for({f.overall_goal});
  sh.text(r, 0, 0, "总体绩效目标", kLabel, h);
  sh.text(r, 1, 7, f.overall_goal, kText, h);
  sh.fit(r, f.overall_goal, 100);
  r += h;
  // 分项绩效目标: per goal its heading, 绩效目标 and 绩效指标 (one empty row when there is none).
  std::uint32_t sub_goal_rows = 0;
  for (const auto& g : f.sub_goals) sub_goal_rows += rows_for({g.heading}) + rows_for({g.goal}) + rows_for({g.indicators});
  sh.text(r, 0, 0, "分项绩效目标", kLabel, std::max<std::uint32_t>(sub_goal_rows, 1));
  for (const auto& g : f.sub_goals) {
    r += sh.text(r, 1, 7, g.heading, kHeader);
    for (const auto& [label, value] : {std::pair<const char*, const std::string*>{"绩效目标", &g.goal},
                                       {"绩效指标", &g.indicators}}) {
      h = rows_for({*value});
      sh.text(r, 1, 1, label, kLabel, h);
      sh.text(r, 2, 7, *value, kText, h);
      sh.fit(r, *value, 90);
      r += h;
    }
  }
  if (f.sub_goals.empty()) ++r;
  // 工作保障措施: one row per measure (one empty row when there is none).
  const std::uint32_t first = r;
  for (const auto& s : f.safeguards) {
    const std::uint32_t rows = sh.text(r, 1, 7, s, kText);
    sh.fit(r, s, 100);
    r += rows;
  }
  if (r == first) sh.text(r++, 1, 7, "", kText);
  sh.text(first, 0, 0, "工作保障措施", kLabel, r - first);
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
  sh.text(0, 0, 11, "绩效目标表汇总", kTitle);
  for (std::uint16_t c = 0; c < 12; ++c) {
    sh.text(1, c, c, heads[c], kHeader);
    sh.width(c, widths[c]);
  }
  const Table* t12 = report.table(12);
  std::uint32_t r = 2;
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    const std::string label = form_label(f);
    const std::string unit = unit_of(f);
    const std::uint32_t h = rows_for({label, unit, f.amount_unit, f.linked_project});
    sh.number_cell(r, 0, h, static_cast<double>(k + 1), kCenter);
    sh.text(r, 1, 1, form_kind_title(f.kind()), kCenter, h);
    sh.text(r, 2, 2, label, kText, h);
    sh.text(r, 3, 3, unit, kText, h);
    sh.text(r, 4, 4, f.amount_unit, kCenter, h);
    const bool wan = f.amount_unit == "万元";
    if (const auto* p = f.get_if<ProjectForm>()) {
      sh.amount(r, 5, p->period_funds.total, false, h);
      sh.amount(r, 6, p->annual_funds.total, false, h);
    } else if (const auto* hb = f.get_if<HebeiForm>()) {
      sh.amount(r, 5, hb->budget, true, h);
      sh.amount(r, 6, Amount::blank(), true, h);
    } else {
      Amount total;
      if (const auto* o = f.get_if<OverallForm>())
        for (const auto& b : o->budget_by_source)
          if (util::label_key(b.label) == "合计") total = b.amount;
      sh.amount(r, 5, total, wan || f.kind() == FormKind::department_overall, h);
      sh.amount(r, 6, Amount::blank(), true, h);
    }
    if (f.kind() == FormKind::department_text) sh.text(r, 7, 7, "", kCenter, h);
    else sh.number_cell(r, 7, h, static_cast<double>(f.indicator_count()), kCenter);
    sh.text(r, 8, 8, f.linked_project, kText, h);
    // 表十二行: the linked row's position among 表十二's rows (1-based).
    if (f.table12_row >= 0 && t12) sh.number_cell(r, 9, h, f.table12_row + 1, kCenter);
    else sh.text(r, 9, 9, "", kCenter, h);
    sh.text(r, 10, 10, f.link == "name" ? "名称" : f.link == "amount" ? "金额" : "", kCenter, h);
    if (h > 1) sh.text(r, 11, 11, "", kLink, h);
    sh.out().link(r, 11, names[k], names[k], kLink);
    r += h;
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

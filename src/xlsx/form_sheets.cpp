#include "xlsx/form_sheets.hpp"

#include <algorithm>
#include <stdexcept>

#include "util/normalize.hpp"

namespace budgetxl {

namespace {

// A4 landscape, one page wide, like the official forms.
void print_one_page_wide(lxw_worksheet* ws) {
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
}

constexpr const char* kFont = "宋体";
constexpr std::uint8_t kCharset = 134;  // GB2312
constexpr std::size_t kMaxCell = 32000; // code points; Excel keeps 32767 UTF-16 units

// Code points of UTF-8 text, with their UTF-16 length.
std::vector<std::pair<std::string, int>> code_points(const std::string& s) {
  std::vector<std::pair<std::string, int>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n), n == 4 ? 2 : 1);
    i += n;
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

struct Formats {
  lxw_format* title;
  lxw_format* label;
  lxw_format* header;
  lxw_format* text;
  lxw_format* center;
  lxw_format* yuan;
  lxw_format* wan;
  lxw_format* link;
  lxw_format* plain;

  explicit Formats(lxw_workbook* wb) {
    auto make = [&](bool bold, bool border, bool wrap, std::uint8_t align) {
      lxw_format* f = workbook_add_format(wb);
      format_set_font_name(f, kFont);
      format_set_font_charset(f, kCharset);
      format_set_font_size(f, 10);
      if (bold) format_set_bold(f);
      if (border) format_set_border(f, LXW_BORDER_THIN);
      if (wrap) format_set_text_wrap(f);
      format_set_align(f, align);
      format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
      return f;
    };
    title = make(true, false, false, LXW_ALIGN_CENTER);
    format_set_font_size(title, 14);
    plain = make(false, false, false, LXW_ALIGN_LEFT);
    label = make(true, true, true, LXW_ALIGN_CENTER);
    header = make(true, true, true, LXW_ALIGN_CENTER);
    format_set_bg_color(header, 0xF2F2F2);
    text = make(false, true, true, LXW_ALIGN_LEFT);
    center = make(false, true, true, LXW_ALIGN_CENTER);
    yuan = make(false, true, false, LXW_ALIGN_RIGHT);
    format_set_num_format(yuan, "#,##0");
    wan = make(false, true, false, LXW_ALIGN_RIGHT);
    format_set_num_format(wan, "#,##0.00");
    link = make(false, true, false, LXW_ALIGN_LEFT);
    format_set_font_color(link, LXW_COLOR_BLUE);
    format_set_underline(link, LXW_UNDERLINE_SINGLE);
  }
};

void check(lxw_error err, const std::string& sheet, lxw_row_t row, lxw_col_t col) {
  if (err != LXW_NO_ERROR)
    throw OutputError(sheet + "!" + cell_reference(row + 1, col + 1) + "：" + lxw_strerror(err));
}

std::string cell_text(const std::string& s) {
  const auto cps = code_points(s);
  if (cps.size() <= kMaxCell) return s;
  std::string out;
  for (std::size_t k = 0; k < kMaxCell; ++k) out += cps[k].first;
  return out;
}

// A sheet with checked writes; rows and columns zero-based.
class Sheet {
 public:
  Sheet(lxw_worksheet* ws, std::string name, Formats& f) : ws_(ws), name_(std::move(name)), f_(f) {}
  const std::string& name() const { return name_; }
  lxw_worksheet* ws() const { return ws_; }
  Formats& formats() { return f_; }

  void text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* fmt) {
    if (s.empty()) check(worksheet_write_blank(ws_, r, c, fmt), name_, r, c);
    else check(worksheet_write_string(ws_, r, c, cell_text(s).c_str(), fmt), name_, r, c);
  }
  void merge(lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& s, lxw_format* fmt) {
    if (r1 == r2 && c1 == c2) return text(r1, c1, s, fmt);
    check(worksheet_merge_range(ws_, r1, c1, r2, c2, cell_text(s).c_str(), fmt), name_, r1, c1);
  }
  // Numeric amount; blank stays blank. `wan` chooses "#,##0.00" (万元) over "#,##0" (元).
  void amount(lxw_row_t r, lxw_col_t c, const Amount& a, bool wan) {
    lxw_format* fmt = wan ? f_.wan : f_.yuan;
    if (a.is_blank()) check(worksheet_write_blank(ws_, r, c, fmt), name_, r, c);
    else check(worksheet_write_number(ws_, r, c, a.to_double(), fmt), name_, r, c);
  }
  void link(lxw_row_t r, lxw_col_t c, const std::string& sheet, const std::string& shown) {
    const std::string url = "internal:'" + util::replace_all(sheet, "'", "''") + "'!A1";
    check(worksheet_write_url_opt(ws_, r, c, url.c_str(), f_.link, shown.c_str(), nullptr), name_, r, c);
  }
  void width(lxw_col_t c, double w) { worksheet_set_column(ws_, c, c, w, nullptr); }
  // Tall enough for `s` wrapped in a merged cell about `chars` characters wide.
  void fit(lxw_row_t r, const std::string& s, double chars) {
    const double n = static_cast<double>(util::display_width(s)) / 2.0;
    const double lines = std::max(1.0, std::min(400.0, n / std::max(chars, 1.0) + 1.0));
    if (lines > 1.0) worksheet_set_row(ws_, r, std::min(409.0, 13.5 * lines), nullptr);
  }

 private:
  lxw_worksheet* ws_;
  std::string name_;
  Formats& f_;
};

std::string level_tag(const Indicator& i) {
  std::string s = indicator_class_title(i.standard_class);
  const char* t = indicator_type_title(i.standard_type);
  if (*t) s += std::string(s.empty() ? "" : "-") + t;
  return s;
}

// Merges runs of equal non-empty values in column `col` over rows [first, first + values.size()).
void merge_runs(Sheet& sh, lxw_row_t first, lxw_col_t col, const std::vector<std::string>& values, lxw_format* fmt) {
  std::size_t k = 0;
  while (k < values.size()) {
    std::size_t e = k;
    while (e + 1 < values.size() && !values[k].empty() && values[e + 1] == values[k]) ++e;
    sh.merge(first + static_cast<lxw_row_t>(k), col, first + static_cast<lxw_row_t>(e), col, values[k], fmt);
    k = e + 1;
  }
}

void write_project(Sheet& sh, const Form& f) {
  Formats& F = sh.formats();
  const double widths[] = {16, 12, 14, 28, 14, 14, 28, 14, 14, 14};
  for (lxw_col_t c = 0; c < 10; ++c) sh.width(c, widths[c]);
  sh.merge(0, 0, 0, 7, f.title, F.title);
  sh.merge(1, 0, 1, 7, f.year_line, F.title);
  lxw_row_t r = 2;
  sh.text(r, 0, "项目名称", F.label);
  sh.merge(r, 1, r, 7, f.project_name, F.text);
  ++r;
  sh.text(r, 0, "主管部门及代码", F.label);
  sh.merge(r, 1, r, 3, f.department, F.text);
  sh.text(r, 4, "实施单位", F.label);
  sh.merge(r, 5, r, 7, f.unit, F.text);
  ++r;
  sh.text(r, 0, "项目属性", F.label);
  sh.merge(r, 1, r, 3, f.attribute, F.text);
  sh.text(r, 4, "项目期", F.label);
  sh.merge(r, 5, r, 7, f.duration, F.text);
  ++r;
  // 项目资金（元）: six rows, 实施期 on the left, 年度 on the right.
  sh.merge(r, 0, r + 5, 0, "项目资金（元）", F.label);
  const char* labels[] = {"其中：中央财政资金", "省级财政资金", "市县（区）财政资金", "单位自筹", "其他资金"};
  const Amount Funding::*parts[] = {&Funding::central, &Funding::provincial, &Funding::local, &Funding::self_raised,
                                    &Funding::other};
  sh.merge(r, 1, r, 2, "实施期资金总额", F.label);
  sh.amount(r, 3, f.period_funds.total, false);
  sh.merge(r, 4, r, 5, "年度资金总额", F.label);
  sh.amount(r, 6, f.annual_funds.total, false);
  sh.text(r, 7, "", F.text);
  for (int k = 0; k < 5; ++k) {
    const lxw_row_t row = r + 1 + static_cast<lxw_row_t>(k);
    sh.merge(row, 1, row, 2, labels[k], F.label);
    sh.amount(row, 3, f.period_funds.*parts[k], false);
    sh.merge(row, 4, row, 5, labels[k], F.label);
    sh.amount(row, 6, f.annual_funds.*parts[k], false);
    sh.text(row, 7, "", F.text);
  }
  r += 6;
  const std::pair<const char*, const std::string*> texts[] = {{"项目概况", &f.overview},
                                                              {"立项依据", &f.basis},
                                                              {"项目设立必要性", &f.necessity},
                                                              {"保证项目实施的制度、措施", &f.measures},
                                                              {"项目实施计划", &f.plan}};
  for (const auto& [label, value] : texts) {
    sh.text(r, 0, label, F.label);
    sh.merge(r, 1, r, 7, *value, F.text);
    sh.fit(r, *value, 120);
    ++r;
  }
  sh.merge(r, 0, r + 1, 0, "总体目标", F.label);
  sh.merge(r, 1, r, 3, "实施期目标", F.label);
  sh.merge(r, 4, r, 7, "年度目标", F.label);
  sh.merge(r + 1, 1, r + 1, 3, f.goal_period, F.text);
  sh.merge(r + 1, 4, r + 1, 7, f.goal_annual, F.text);
  sh.fit(r + 1, f.goal_period.size() > f.goal_annual.size() ? f.goal_period : f.goal_annual, 50);
  r += 2;
  // Indicator table: 绩效指标 | 一级 | 二级 三级 指标值 (实施期) | 二级 三级 指标值 (年度) | standard levels.
  const lxw_row_t header = r;
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
                         xlsx::schema::kPeriodStandardLevelColumn, xlsx::schema::kAnnualStandardLevelColumn};
  for (lxw_col_t c = 0; c < 9; ++c) sh.text(header, static_cast<lxw_col_t>(c + 1), heads[c], F.header);
  const std::size_t n = f.indicator_rows.size();
  sh.merge(header, 0, header + static_cast<lxw_row_t>(n), 0, "绩效指标", F.label);
  std::vector<std::string> level1;
  for (const auto& row : f.indicator_rows) level1.push_back(row.period.level1);
  merge_runs(sh, header + 1, 1, level1, F.center);
  for (std::size_t k = 0; k < n; ++k) {
    const IndicatorRow& ir = f.indicator_rows[k];
    const lxw_row_t row = header + 1 + static_cast<lxw_row_t>(k);
    sh.text(row, 2, ir.period.level2, F.center);
    sh.text(row, 3, ir.period.name, F.text);
    sh.text(row, 4, ir.period.value, F.center);
    sh.text(row, 5, ir.annual.level2, F.center);
    sh.text(row, 6, ir.annual.name, F.text);
    sh.text(row, 7, ir.annual.value, F.center);
    sh.text(row, 8, level_tag(ir.period), F.center);
    sh.text(row, 9, level_tag(ir.annual), F.center);
  }
  r = header + static_cast<lxw_row_t>(n) + 1;
  const std::pair<const char*, const std::string*> footer[] = {
      {"负责人", &f.responsible}, {"经办人", &f.handler}, {"联系电话", &f.phone}, {"填报日期", &f.filled_date}};
  // The footer row only when the form has one, so that a reader can tell (Form::has_footer).
  const bool footer_shown = f.has_footer || !f.responsible.empty() || !f.handler.empty() || !f.phone.empty() ||
                            !f.filled_date.empty();
  lxw_col_t c = 0;
  for (const auto& [label, value] : footer) {
    if (!footer_shown) break;
    sh.text(r, c, label, F.label);
    sh.text(r, static_cast<lxw_col_t>(c + 1), *value, F.text);
    c = static_cast<lxw_col_t>(c + 2);
  }
}

void write_overall(Sheet& sh, const Form& f) {
  Formats& F = sh.formats();
  const double widths[] = {16, 26, 16, 26, 16, 14, 14, 14};
  for (lxw_col_t c = 0; c < 8; ++c) sh.width(c, widths[c]);
  sh.merge(0, 0, 0, 7, f.title, F.title);
  sh.merge(1, 0, 1, 7, f.year_line, F.title);
  lxw_row_t r = 2;
  sh.merge(r, 0, r + 3, 0, "部门基本信息", F.label);
  sh.text(r, 1, "部门名称", F.label);
  sh.merge(r, 2, r, 7, f.department, F.text);
  const std::pair<const char*, const std::string*> basics[] = {
      {"内设机构部门数", &f.internal_departments}, {"所属预算单位数", &f.budget_units},
      {"核定的人员编制数", &f.staff_quota},        {"实际在职人员总数", &f.staff_actual},
      {"其中:在编人员数", &f.staff_on_quota},      {"其他人员数", &f.staff_other}};
  for (int k = 0; k < 6; ++k) {
    const lxw_row_t row = r + 1 + static_cast<lxw_row_t>(k / 2);
    const lxw_col_t col = static_cast<lxw_col_t>(1 + 2 * (k % 2));
    sh.text(row, col, basics[k].first, F.label);
    if (k % 2 == 0) sh.text(row, static_cast<lxw_col_t>(col + 1), *basics[k].second, F.text);
    else sh.merge(row, static_cast<lxw_col_t>(col + 1), row, 7, *basics[k].second, F.text);
  }
  r += 4;
  for (const auto& [label, value] : {std::pair<const char*, const std::string*>{"部门职责", &f.duties},
                                     {"部门战略目标", &f.strategy}}) {
    sh.text(r, 0, label, F.label);
    sh.merge(r, 1, r, 7, *value, F.text);
    sh.fit(r, *value, 120);
    ++r;
  }
  const std::size_t budget_rows = std::max(f.budget_by_source.size(), f.budget_by_direction.size());
  sh.merge(r, 0, r + static_cast<lxw_row_t>(budget_rows), 0, "年度预算情况", F.label);
  sh.text(r, 1, "按资金来源划分", F.header);
  sh.text(r, 2, "资金总额(万元)", F.header);
  sh.text(r, 3, "按资金方向划分", F.header);
  sh.text(r, 4, "资金总额(万元)", F.header);
  for (std::size_t k = 0; k < budget_rows; ++k) {
    const lxw_row_t row = r + 1 + static_cast<lxw_row_t>(k);
    const BudgetLine none;
    const BudgetLine& s = k < f.budget_by_source.size() ? f.budget_by_source[k] : none;
    const BudgetLine& d = k < f.budget_by_direction.size() ? f.budget_by_direction[k] : none;
    sh.text(row, 1, s.label, F.text);
    sh.amount(row, 2, s.amount, true);
    sh.text(row, 3, d.label, F.text);
    sh.amount(row, 4, d.amount, true);
  }
  r += static_cast<lxw_row_t>(budget_rows) + 1;
  sh.merge(r, 0, r + static_cast<lxw_row_t>(f.key_tasks.size()), 0, "年度重点任务", F.label);
  sh.merge(r, 1, r, 3, "核心职能", F.header);
  sh.merge(r, 4, r, 7, "重点任务", F.header);
  for (std::size_t k = 0; k < f.key_tasks.size(); ++k) {
    const lxw_row_t row = r + 1 + static_cast<lxw_row_t>(k);
    sh.merge(row, 1, row, 3, f.key_tasks[k].function, F.text);
    sh.merge(row, 4, row, 7, f.key_tasks[k].task, F.text);
    sh.fit(row, f.key_tasks[k].function.size() > f.key_tasks[k].task.size() ? f.key_tasks[k].function
                                                                             : f.key_tasks[k].task,
           40);
  }
  r += static_cast<lxw_row_t>(f.key_tasks.size()) + 1;
  sh.text(r, 0, "年度绩效目标", F.label);
  sh.merge(r, 1, r, 7, f.goal, F.text);
  sh.fit(r, f.goal, 120);
  ++r;
  sh.merge(r, 0, r + static_cast<lxw_row_t>(f.indicators.size()), 0, "年度绩效指标", F.label);
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "指标值", xlsx::schema::kStandardLevelColumn};
  for (lxw_col_t c = 0; c < 5; ++c) sh.text(r, static_cast<lxw_col_t>(c + 1), heads[c], F.header);
  std::vector<std::string> level1;
  for (const auto& i : f.indicators) level1.push_back(i.level1);
  merge_runs(sh, r + 1, 1, level1, F.center);
  for (std::size_t k = 0; k < f.indicators.size(); ++k) {
    const Indicator& i = f.indicators[k];
    const lxw_row_t row = r + 1 + static_cast<lxw_row_t>(k);
    sh.text(row, 2, i.level2, F.center);
    sh.text(row, 3, i.name, F.text);
    sh.text(row, 4, i.value, F.center);
    sh.text(row, 5, level_tag(i), F.center);
  }
}

void write_hebei(Sheet& sh, const Form& f) {
  Formats& F = sh.formats();
  const double widths[] = {14, 18, 26, 34, 14, 22, 14, 14};
  for (lxw_col_t c = 0; c < 8; ++c) sh.width(c, widths[c]);
  sh.merge(0, 0, 0, 7, f.title, F.title);
  sh.merge(1, 0, 1, 5, (f.unit_code.empty() ? "" : f.unit_code + " ") + f.unit, F.plain);
  sh.merge(1, 6, 1, 7, "单位：万元", F.plain);
  lxw_row_t r = 2;
  sh.text(r, 0, "项目编码", F.label);
  sh.merge(r, 1, r, 2, f.project_code, F.text);
  sh.text(r, 3, "项目名称", F.label);
  sh.merge(r, 4, r, 7, f.project_name, F.text);
  ++r;
  sh.merge(r, 0, r + 1, 0, "预算规模及资金用途", F.label);
  sh.text(r, 1, "预算数", F.label);
  sh.amount(r, 2, f.budget, true);
  sh.text(r, 3, "其中：财政资金", F.label);
  sh.amount(r, 4, f.fiscal_funds, true);
  sh.text(r, 5, "其他资金", F.label);
  sh.amount(r, 6, f.other_funds, true);
  sh.text(r, 7, "", F.text);
  sh.merge(r + 1, 1, r + 1, 7, f.fund_use, F.text);
  sh.fit(r + 1, f.fund_use, 110);
  r += 2;
  sh.merge(r, 0, r + 1, 0, "资金支出计划（%）", F.label);
  const std::size_t plan_columns = std::max<std::size_t>(7, f.spending_plan.size());
  for (std::size_t k = 0; k < plan_columns; ++k) {
    const lxw_col_t col = static_cast<lxw_col_t>(1 + k);
    const SpendingStep* s = k < f.spending_plan.size() ? &f.spending_plan[k] : nullptr;
    sh.text(r, col, s ? s->label : "", F.header);
    sh.text(r + 1, col, s ? s->value : "", F.center);
  }
  r += 2;
  sh.text(r, 0, "绩效目标", F.label);
  sh.merge(r, 1, r, 7, f.goal, F.text);
  sh.fit(r, f.goal, 110);
  ++r;
  const char* heads[] = {"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", xlsx::schema::kStandardLevelColumn};
  for (lxw_col_t c = 0; c < 7; ++c) sh.text(r, c, heads[c], F.header);
  std::vector<std::string> level1;
  for (const auto& i : f.indicators) level1.push_back(i.level1);
  merge_runs(sh, r + 1, 0, level1, F.center);
  for (std::size_t k = 0; k < f.indicators.size(); ++k) {
    const Indicator& i = f.indicators[k];
    const lxw_row_t row = r + 1 + static_cast<lxw_row_t>(k);
    sh.text(row, 1, i.level2, F.center);
    sh.text(row, 2, i.name, F.text);
    sh.text(row, 3, i.description, F.text);
    sh.text(row, 4, i.value, F.center);
    sh.text(row, 5, i.basis, F.text);
    sh.text(row, 6, level_tag(i), F.center);
  }
}

void write_department_text(Sheet& sh, const Form& f) {
  Formats& F = sh.formats();
  sh.width(0, 18);
  sh.width(1, 14);
  for (lxw_col_t c = 2; c < 8; ++c) sh.width(c, 16);
  sh.merge(0, 0, 0, 7, f.title, F.title);
  lxw_row_t r = 1;
  sh.text(r, 0, "总体绩效目标", F.label);
  sh.merge(r, 1, r, 7, f.overall_goal, F.text);
  sh.fit(r, f.overall_goal, 100);
  ++r;
  sh.merge(r, 0, r + static_cast<lxw_row_t>(f.sub_goals.size() * 3) - (f.sub_goals.empty() ? 0 : 1), 0, "分项绩效目标",
           F.label);
  for (const auto& g : f.sub_goals) {
    sh.merge(r, 1, r, 7, g.heading, F.header);
    sh.text(r + 1, 1, "绩效目标", F.label);
    sh.merge(r + 1, 2, r + 1, 7, g.goal, F.text);
    sh.fit(r + 1, g.goal, 90);
    sh.text(r + 2, 1, "绩效指标", F.label);
    sh.merge(r + 2, 2, r + 2, 7, g.indicators, F.text);
    sh.fit(r + 2, g.indicators, 90);
    r += 3;
  }
  if (f.sub_goals.empty()) ++r;
  const lxw_row_t first = r;
  for (const auto& s : f.safeguards) {
    sh.merge(r, 1, r, 7, s, F.text);
    sh.fit(r, s, 100);
    ++r;
  }
  if (r == first) sh.merge(r++, 1, first, 7, "", F.text);
  sh.merge(first, 0, r - 1, 0, "工作保障措施", F.label);
}

std::string form_label(const Form& f) {
  if (!f.project_name.empty()) return f.project_name;
  if (f.kind == FormKind::department_overall) return f.department_name.empty() ? "部门整体支出" : f.department_name + "整体支出";
  if (f.kind == FormKind::department_text) return "部门整体绩效目标";
  return f.title;
}

}  // namespace

std::string form_sheet_name(const Form& form, std::size_t sequence, const std::vector<std::string>& used) {
  std::string base = xlsx::schema::kFormSheetPrefix;
  base += std::to_string(sequence) + " ";
  std::string name = form_label(form);
  for (const char* bad : {"/", "\\", "?", "*", ":", "[", "]", "'"}) name = util::replace_all(name, bad, "");
  name = util::trim(util::replace_all(util::replace_all(name, "\t", " "), "\n", " "));
  auto fits = [](const std::string& prefix, const std::string& body, const std::string& suffix) {
    int units = 0;
    for (const auto& cp : code_points(prefix + suffix)) units += cp.second;
    std::string out = prefix;
    for (const auto& cp : code_points(body)) {
      if (units + cp.second > 31) break;
      units += cp.second;
      out += cp.first;
    }
    return util::trim(out) + suffix;
  };
  auto taken = [&](const std::string& candidate) {
    const std::string k = lower_ascii(candidate);
    return std::any_of(used.begin(), used.end(), [&](const std::string& u) { return lower_ascii(u) == k; });
  };
  std::string candidate = fits(base, name, "");
  for (int n = 2; taken(candidate) && n < 1000; ++n) candidate = fits(base, name, "(" + std::to_string(n) + ")");
  return candidate;
}

void write_form_sheets(lxw_workbook* wb, const budgetxl::Report& report, std::vector<std::string>& used_sheet_names) {
  if (report.forms.empty()) return;
  Formats F(wb);
  std::string summary_name = kFormSummarySheet;
  for (int n = 2; std::any_of(used_sheet_names.begin(), used_sheet_names.end(),
                              [&](const std::string& u) { return u == summary_name; });
       ++n)
    summary_name = std::string(kFormSummarySheet) + "(" + std::to_string(n) + ")";
  used_sheet_names.push_back(summary_name);
  // Names first, so the summary can link to sheets written after it.
  std::vector<std::string> names;
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    names.push_back(form_sheet_name(report.forms[k], k + 1, used_sheet_names));
    used_sheet_names.push_back(names.back());
  }

  lxw_worksheet* ws = workbook_add_worksheet(wb, summary_name.c_str());
  if (!ws) throw OutputError("无法添加工作表 " + summary_name);
  Sheet sum(ws, summary_name, F);
  const char* heads[] = {"序号", "类型", "项目名称", "实施单位", "金额单位", "实施期资金总额/预算数", "年度资金总额",
                         "指标数", "表十二项目", "表十二行", "对应方式", "工作表"};
  const double widths[] = {6, 18, 40, 26, 8, 16, 16, 8, 40, 8, 10, 30};
  sum.merge(0, 0, 0, 11, "绩效目标表汇总", F.title);
  for (lxw_col_t c = 0; c < 12; ++c) {
    sum.text(1, c, heads[c], F.header);
    sum.width(c, widths[c]);
  }
  const Table* t12 = report.table(12);
  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    const lxw_row_t r = static_cast<lxw_row_t>(k + 2);
    check(worksheet_write_number(ws, r, 0, static_cast<double>(k + 1), F.center), summary_name, r, 0);
    sum.text(r, 1, form_kind_title(f.kind), F.center);
    sum.text(r, 2, form_label(f), F.text);
    sum.text(r, 3, f.unit.empty() ? f.department : f.unit, F.text);
    sum.text(r, 4, f.amount_unit, F.center);
    const bool wan = f.amount_unit == "万元";
    if (f.kind == FormKind::project) {
      sum.amount(r, 5, f.period_funds.total, false);
      sum.amount(r, 6, f.annual_funds.total, false);
    } else if (f.kind == FormKind::project_hebei) {
      sum.amount(r, 5, f.budget, true);
      sum.amount(r, 6, Amount::blank(), true);
    } else {
      Amount total;
      for (const auto& b : f.budget_by_source)
        if (util::label_key(b.label) == "合计") total = b.amount;
      sum.amount(r, 5, total, wan || f.kind == FormKind::department_overall);
      sum.amount(r, 6, Amount::blank(), true);
    }
    if (f.kind == FormKind::department_text) sum.text(r, 7, "", F.center);
    else check(worksheet_write_number(ws, r, 7, static_cast<double>(f.indicator_count()), F.center), summary_name, r, 7);
    sum.text(r, 8, f.linked_project, F.text);
    // 表十二行: the linked row's position among 表十二's rows (1-based).
    if (f.table12_row >= 0 && t12)
      check(worksheet_write_number(ws, r, 9, f.table12_row + 1, F.center), summary_name, r, 9);
    else sum.text(r, 9, "", F.center);
    sum.text(r, 10, f.link == "name" ? "名称" : f.link == "amount" ? "金额" : "", F.center);
    sum.link(r, 11, names[k], names[k]);
  }
  worksheet_freeze_panes(ws, 2, 0);
  print_one_page_wide(ws);

  for (std::size_t k = 0; k < report.forms.size(); ++k) {
    const Form& f = report.forms[k];
    lxw_worksheet* fs = workbook_add_worksheet(wb, names[k].c_str());
    if (!fs) throw OutputError("无法添加工作表 " + names[k]);
    Sheet sh(fs, names[k], F);
    print_one_page_wide(fs);  // the two halves of the indicator table stay on one printed page
    switch (f.kind) {
      case FormKind::project: write_project(sh, f); break;
      case FormKind::department_overall: write_overall(sh, f); break;
      case FormKind::project_hebei: write_hebei(sh, f); break;
      case FormKind::department_text: write_department_text(sh, f); break;
    }
  }
}

}  // namespace budgetxl

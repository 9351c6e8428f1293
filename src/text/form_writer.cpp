#include "text/form_writer.hpp"

#include <initializer_list>
#include <optional>
#include <vector>

#include "layout/form_layouts.hpp"
#include "text/form_common.hpp"
#include "util/normalize.hpp"

namespace budgetxl::text {

using namespace budgetxl::util;

namespace {

class Out {
 public:
  void line(const std::string& s) {
    text_ += s;
    text_ += '\n';
  }
  void blank() { text_ += '\n'; }
  void cells(const std::vector<std::string>& cs) { line(join(cs)); }
  static std::string join(const std::vector<std::string>& cs) {
    std::string s;
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (i) s += '\t';
      s += cs[i];
    }
    return s;
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// A cell never holds a tab or a line break: the reader would split it.
std::string cell(const std::string& s) {
  std::string t = replace_all(replace_all(s, "\t", " "), "\n", " ");
  return replace_all(t, "\r", " ");
}

// 元 amounts as in the Shanxi forms ("865,000"; cents only when there are any).
std::string yuan(const Amount& a) {
  if (a.is_blank()) return "";
  return a.to_string(a.minor() % Amount::kScale == 0 ? 0 : 2, true);
}

// 万元 amounts with two decimals ("15.00").
std::string wan(const Amount& a) { return a.is_blank() ? std::string() : a.to_string(2, false); }

// ---- Indicator rows -------------------------------------------------------------------------------

// Tries layouts of one indicator row, from the most natural one on, and keeps the first one the
// reader reads back to the wanted row; the reader's state then moves on with that line.
class IndicatorRowWriter {
 public:
  IndicatorRowWriter(const FormLayouts& layouts, bool two_halves) : layouts_(layouts), two_halves_(two_halves) {
    reader_.emplace(layouts_, two_halves);
  }

  // Shanxi: "→一级→二级→三级→值→二级→三级→值".
  std::string write(const IndicatorRow& row) {
    const Indicator& p = row.period;
    const Indicator& a = row.annual;
    const bool l1_changed = first_ || p.level1 != prev_.period.level1;
    const bool l2p_changed = l1_changed || p.level2 != prev_.period.level2;
    const bool l2a_changed = l1_changed || a.level2 != prev_.annual.level2 || a.level1 != prev_.annual.level1;
    struct Choice {
      bool l1, l2p, l2a, l1a;
    };
    std::vector<Choice> choices = {{l1_changed, true, true, false}, {l1_changed, l2p_changed, l2a_changed, false}};
    for (int bits = 0; bits < 16; ++bits)
      choices.push_back({(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0});
    std::string fallback;
    for (int pass = 0; pass < 2; ++pass) {
      allow_findings_ = pass == 1;
      for (const auto& c : choices) {
        std::vector<std::string> cells = {"", c.l1 ? p.level1 : "", c.l2p ? p.level2 : "", p.name, p.value};
        if (c.l1a) cells.push_back(a.level1);
        cells.insert(cells.end(), {c.l2a ? a.level2 : "", a.name, a.value});
        for (auto& s : cells) s = cell(s);
        const std::string line = Out::join(cells);
        if (fallback.empty()) fallback = line;
        if (try_line(line, row)) return line;
      }
    }
    commit(fallback);
    prev_ = row;
    first_ = false;
    return fallback;
  }

  // Overall form: "→一级→二级→三级→值".
  std::string write(const Indicator& ind) {
    const bool l1_changed = first_ || ind.level1 != prev_.period.level1;
    const bool l2_changed = l1_changed || ind.level2 != prev_.period.level2;
    const bool choices[][2] = {{l1_changed, true}, {l1_changed, l2_changed}, {false, false}, {true, false},
                               {false, true},      {true, true}};
    std::string fallback;
    IndicatorRow want;
    want.period = ind;
    for (int pass = 0; pass < 2; ++pass) {
      allow_findings_ = pass == 1;
      for (const auto& c : choices) {
        std::vector<std::string> cells = {"", c[0] ? ind.level1 : "", c[1] ? ind.level2 : "", ind.name, ind.value};
        for (auto& s : cells) s = cell(s);
        const std::string line = Out::join(cells);
        if (fallback.empty()) fallback = line;
        if (try_line(line, want)) return line;
      }
    }
    commit(fallback);
    prev_ = want;
    first_ = false;
    return fallback;
  }

 private:
  bool try_line(const std::string& text, const IndicatorRow& want) {
    text::forms::IndicatorTableReader probe = *reader_;
    Report scratch;
    std::vector<IndicatorRow> rows;
    std::vector<Indicator> list;
    const Line line{1, text};
    if (!probe.read(line, scratch, two_halves_ ? &rows : nullptr, two_halves_ ? nullptr : &list)) return false;
    const bool same = two_halves_ ? (rows.size() == 1 && rows[0] == want) : (list.size() == 1 && list[0] == want.period);
    if (!same || (!allow_findings_ && !scratch.findings.items().empty())) return false;
    reader_.emplace(probe);
    prev_ = want;
    first_ = false;
    return true;
  }
  void commit(const std::string& text) {
    Report scratch;
    std::vector<IndicatorRow> rows;
    std::vector<Indicator> list;
    reader_->read(Line{1, text}, scratch, two_halves_ ? &rows : nullptr, two_halves_ ? nullptr : &list);
  }

  const FormLayouts& layouts_;
  std::optional<text::forms::IndicatorTableReader> reader_;  // optional: the reader is not assignable
  bool two_halves_;
  bool allow_findings_ = false;
  bool first_ = true;
  IndicatorRow prev_;
};

// ---- Shanxi project form ----------------------------------------------------------------------

void write_project(Out& out, const Form& form, const FormLayouts& layouts) {
  const ProjectForm& f = form.as<ProjectForm>();
  out.line(cell(form.title));
  out.blank();
  if (!form.year_line.empty()) {
    out.line(cell(form.year_line));
    out.blank();
  }
  out.cells({"项目名称", "", cell(f.project_name), "", "", "", "", ""});
  out.cells({"主管部门及代码", "", cell(f.department), "", "实施单位", "", cell(f.unit), ""});
  out.cells({"项目属性", "", cell(f.attribute), "", "项目期", "", cell(f.duration), ""});
  out.cells({"项目资金（元）", "", "实施期资金总额：", yuan(f.period_funds.total), "年度资金总额：",
             yuan(f.annual_funds.total), "", ""});
  const std::pair<const char*, Amount Funding::*> parts[] = {{"其中：中央财政资金", &Funding::central},
                                                            {"省级财政资金", &Funding::provincial},
                                                            {"市县（区）财政资金", &Funding::local},
                                                            {"单位自筹", &Funding::self_raised},
                                                            {"其他资金", &Funding::other}};
  for (const auto& [label, member] : parts)
    out.cells({"", "", label, yuan(f.period_funds.*member), label, yuan(f.annual_funds.*member), "", ""});
  const std::pair<const char*, const std::string*> texts[] = {{"项目概况", &f.overview},
                                                              {"立项依据", &f.basis},
                                                              {"项目设立必要性", &f.necessity},
                                                              {"保证项目实施的制度、措施", &f.measures},
                                                              {"项目实施计划", &f.plan}};
  for (const auto& [label, value] : texts) out.cells({label, "", cell(*value), "", "", "", "", ""});
  out.cells({"实施期目标", "", "", "", "年度目标", "", "", ""});
  if (f.goal_period.empty() && !f.goal_annual.empty())
    out.cells({"总体目标", "", "", "", "年度目标", cell(f.goal_annual), "", ""});
  else
    out.cells({"总体目标", "", cell(f.goal_period), "", "", cell(f.goal_annual), "", ""});
  out.cells({"绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"});
  IndicatorRowWriter rows(layouts, true);
  for (const auto& r : f.indicator_rows) out.line(rows.write(r));
  if (f.has_footer)
    out.cells({"", "负责人：", cell(f.responsible), "经办人：", cell(f.handler), "联系电话：", cell(f.phone), "填报日期：",
               cell(f.filled_date)});
}

// ---- Overall form ------------------------------------------------------------------------------

void write_overall(Out& out, const Form& form, const FormLayouts& layouts) {
  const OverallForm& f = form.as<OverallForm>();
  out.line(cell(form.title));
  out.blank();
  if (!form.year_line.empty()) {
    out.line(cell(form.year_line));
    out.blank();
  }
  out.cells({"部门基本信息", "部门名称", cell(f.department), "", ""});
  out.cells({"", "内设机构部门数", cell(f.internal_departments), "所属预算单位数", cell(f.budget_units)});
  out.cells({"", "核定的人员编制数", cell(f.staff_quota), "实际在职人员总数", cell(f.staff_actual)});
  out.cells({"", "", "", "其中:在编人员数", cell(f.staff_on_quota)});
  out.cells({"", "", "", "其他人员数", cell(f.staff_other)});
  out.cells({"部门职责", cell(f.duties)});
  out.cells({"部门战略目标", cell(f.strategy)});
  out.cells({"年度预算情况", "按资金来源划分", "资金总额(万元)", "按资金方向划分", "资金总额(万元)"});
  const std::size_t n = std::max(f.budget_by_source.size(), f.budget_by_direction.size());
  for (std::size_t k = 0; k < n; ++k) {
    std::vector<std::string> cs = {""};
    for (const auto* side : {&f.budget_by_source, &f.budget_by_direction}) {
      if (k < side->size()) {
        cs.push_back(cell((*side)[k].label));
        cs.push_back(wan((*side)[k].amount));
      } else {
        cs.insert(cs.end(), {"", ""});
      }
    }
    out.cells(cs);
  }
  out.cells({"年度重点任务", "核心职能", "", "重点任务", ""});
  for (const auto& t : f.key_tasks) out.cells({"", cell(t.function), "", cell(t.task), ""});
  out.cells({"年度绩效目标", cell(f.goal)});
  out.cells({"年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"});
  IndicatorRowWriter rows(layouts, false);
  for (const auto& i : f.indicators) out.line(rows.write(i));
}

// ---- Hebei project form ------------------------------------------------------------------------

void write_hebei(Out& out, const Form& form) {
  const HebeiForm& f = form.as<HebeiForm>();
  out.line("## " + cell(form.title));
  out.blank();
  if (!f.unit_code.empty()) {
    out.line(cell(f.unit_code) + " " + cell(f.unit));
    out.blank();
  }
  out.line("单位：万元");
  out.blank();
  out.cells({"项目编码", cell(f.project_code), "", "项目名称", cell(f.project_name), "", ""});
  out.cells({"预算规模及资金用途", "预算数", wan(f.budget), "其中：财政资金", wan(f.fiscal_funds), "其他资金",
             wan(f.other_funds)});
  if (!f.fund_use.empty()) out.cells({"", cell(f.fund_use), "", "", "", "", ""});
  if (!f.spending_plan.empty()) {
    std::vector<std::string> labels = {"资金支出计划（%）"}, values = {""};
    for (const auto& s : f.spending_plan) {
      labels.push_back(cell(s.label));
      values.push_back(cell(s.value));
    }
    out.cells(labels);
    bool any = false;
    for (const auto& s : f.spending_plan) any = any || !s.value.empty();
    if (any) out.cells(values);
  }
  out.cells({"绩效目标", cell(f.goal), "", "", "", "", ""});
  out.cells({"一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"});
  std::string level1;
  bool first = true;
  for (const auto& i : f.indicators) {
    const bool show = first || i.level1 != level1;
    out.cells({show ? cell(i.level1) : "", cell(i.level2), cell(i.name), cell(i.description), cell(i.value),
               cell(i.basis)});
    level1 = i.level1;
    first = false;
  }
}

// ---- Department text ---------------------------------------------------------------------------

void paragraphs(Out& out, const std::string& text, const std::string& prefix) {
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string p = text.substr(start, end - start);
    out.line((first ? prefix : std::string()) + p);
    out.blank();
    first = false;
    start = end + 1;
  }
}

void write_department_text(Out& out, const Form& form) {
  const DepartmentText& f = form.as<DepartmentText>();
  out.line("## " + cell(form.title.empty() ? std::string(form_kind_title(form.kind())) : form.title));
  out.blank();
  out.line("### 一、总体绩效目标");
  out.blank();
  if (!f.overall_goal.empty()) paragraphs(out, f.overall_goal, "");
  out.line("### 二、分项绩效目标");
  out.blank();
  for (const auto& g : f.sub_goals) {
    out.line("#### " + cell(g.heading));
    out.blank();
    if (!g.goal.empty()) paragraphs(out, g.goal, "绩效目标：");
    if (!g.indicators.empty()) paragraphs(out, g.indicators, "绩效指标：");
  }
  out.line("### 三、工作保障措施");
  out.blank();
  for (const auto& s : f.safeguards) {
    out.line(cell(s));
    out.blank();
  }
}

}  // namespace

std::string write_form_text(const Form& form, const FormLayouts& layouts) {
  Out out;
  switch (form.kind()) {
    case FormKind::project: write_project(out, form, layouts); break;
    case FormKind::department_overall: write_overall(out, form, layouts); break;
    case FormKind::project_hebei: write_hebei(out, form); break;
    case FormKind::department_text: write_department_text(out, form); break;
  }
  return out.take();
}

}  // namespace budgetxl::text

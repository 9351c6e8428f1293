// Performance target forms round-trip exactly: model -> text -> model and model -> workbook -> model,
// for every corpus report and for small synthetic forms whose failures are easy to read.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <filesystem>
#include <functional>

#include "json/forms_json.hpp"
#include "layout/form_layouts.hpp"
#include "finish/form_links.hpp"
#include "budgetxl/roundtrip.hpp"
#include "budgetxl/rules.hpp"
#include "support/test_support.hpp"
#include "text/form_writer.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "util/normalize.hpp"
#include "xlsx/form_sheet_reader.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/workbook_reader.hpp"
#include "xlsx/writer.hpp"

using namespace budgetxl;

namespace {

// Only the forms part of a report difference.
void expect_forms_equal(const Report& first, const Report& second, const std::string& what) {
  const auto diffs = roundtrip::diff_reports(first, second, bxtest::layouts());
  std::size_t shown = 0, n = 0;
  for (const auto& d : diffs) {
    if (d.part != "绩效目标表") continue;
    ++n;
    if (shown++ < 20) ADD_FAILURE() << what << ": " << roundtrip::to_string(d);
  }
  EXPECT_EQ(n, 0u) << what << ": " << n << " form differences";
  ASSERT_EQ(first.forms.size(), second.forms.size()) << what;
  for (std::size_t i = 0; i < first.forms.size(); ++i)
    EXPECT_TRUE(first.forms[i] == second.forms[i]) << what << ": form " << i + 1 << " " << first.forms[i].project_name();
}

Report via_text(const Report& first) {
  const std::string written = text::write_text_report(first, bxtest::layouts());
  return text::read_text(text::decode_bytes(written, "written.txt"), "written.txt", bxtest::layouts());
}

Report via_workbook(const Report& first, const std::string& name) {
  const std::string path = bxtest::temp_dir("form-roundtrip") + "/" + name + ".xlsx";
  xlsx::write_workbook(first, path, bxtest::layouts());
  return xlsx::read_workbook_report(path, bxtest::layouts());
}

// A report holding just these forms, each a block of one part.
Report report_of(std::vector<Form> forms) {
  Report r;
  Part part;
  part.kind = PartKind::other;
  for (std::size_t i = 0; i < forms.size(); ++i) part.blocks.push_back(Block{BlockKind::form, "", 0, static_cast<int>(i), 0, {}});
  r.parts.push_back(std::move(part));
  r.forms = std::move(forms);
  return r;
}

// One form written as text and read back by the text reader.
Form form_via_text(const Form& f) {
  const Report r = text::read_text(text::decode_bytes(text::write_form_text(f, bxtest::layouts().forms()), "form.txt"), "form.txt", bxtest::layouts());
  EXPECT_EQ(r.forms.size(), 1u) << text::write_form_text(f, bxtest::layouts().forms());
  return r.forms.empty() ? Form{} : r.forms.front();
}

// One form written to a workbook and read back by the form sheet reader.
Form form_via_workbook(const Form& f, const std::string& name) {
  const Report r = via_workbook(report_of({f}), name);
  EXPECT_EQ(r.forms.size(), 1u);
  return r.forms.empty() ? Form{} : r.forms.front();
}

std::string dump(const Form& f) { return budgetxl::json::forms_to_json({f}).dump(1); }

// Equal as content: `missing` is what the finishing pass found missing on reading, which a form
// made in a test has not been through.
void expect_same(Form want, Form got, const std::string& what) {
  want.missing.clear();
  got.missing.clear();
  EXPECT_TRUE(want == got) << what << "\nwant: " << dump(want) << "\ngot:  " << dump(got);
}

Indicator indicator(const std::string& l1, const std::string& l2, const std::string& name, const std::string& value) {
  Indicator i;
  i.level1 = l1;
  i.level2 = l2;
  i.name = name;
  i.value = value;
  bxtest::layouts().forms().classify(i);
  return i;
}

Form project_form() {
  Form f;
  f.body.emplace<ProjectForm>();
  f.title = "临汾市市级预算部门（单位）项目支出绩效目标申报表";
  f.year_line = "(2024年度)";
  f.year = 2024;
  f.as<ProjectForm>().project_name = "测试项目";
  f.as<ProjectForm>().department = "210-临汾市规划和自然资源局";
  f.as<ProjectForm>().department_code = "210";
  f.as<ProjectForm>().department_name = "临汾市规划和自然资源局";
  f.as<ProjectForm>().unit = "临汾市自然资源确权登记中心";
  f.as<ProjectForm>().attribute = "一次性项目（1年结束）";
  f.as<ProjectForm>().duration = "1年";
  f.as<ProjectForm>().period_funds.total = Amount::from_units(865000);
  f.as<ProjectForm>().annual_funds.total = Amount::from_units(865000);
  f.as<ProjectForm>().period_funds.local = Amount::from_units(865000);
  f.as<ProjectForm>().annual_funds.local = Amount::from_units(865000);
  f.as<ProjectForm>().period_funds.central = Amount::from_units(0);
  f.as<ProjectForm>().annual_funds.central = Amount::from_units(0);
  f.as<ProjectForm>().overview = "项目概况文字";
  f.as<ProjectForm>().basis = "立项依据文字";
  f.as<ProjectForm>().goal_period = "实施期目标文字";
  f.as<ProjectForm>().goal_annual = "年度目标文字";
  IndicatorRow r;
  r.period = indicator("产出指标", "数量指标", "地价评估项目", "27个");
  r.annual = r.period;
  f.as<ProjectForm>().indicator_rows.push_back(r);
  r.period = indicator("产出指标", "质量指标", "项目验收达标", "达标");
  r.annual = r.period;
  f.as<ProjectForm>().indicator_rows.push_back(r);
  f.as<ProjectForm>().has_footer = true;
  f.as<ProjectForm>().filled_date = "20231124153201";
  return f;
}

}  // namespace

TEST(FormRoundtrip, CorpusThroughText) {
  const auto files = bxtest::corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  for (const auto& path : files) {
    const Report first = bxtest::read_file(path);
    expect_forms_equal(first, via_text(first), path + " (文本)");
  }
}

TEST(FormRoundtrip, CorpusThroughWorkbook) {
  const auto files = bxtest::corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  for (const auto& path : files) {
    const Report first = bxtest::read_file(path);
    expect_forms_equal(first, via_workbook(first, std::filesystem::path(path).stem().string()), path + " (工作簿)");
  }
}

TEST(FormRoundtrip, ProjectForm) {
  const Form f = project_form();
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "project"), "workbook");
}

TEST(FormRoundtrip, BlankAmountsAndNoFooter) {
  Form f = project_form();
  f.as<ProjectForm>().period_funds = Funding{};
  f.as<ProjectForm>().annual_funds = Funding{};
  f.as<ProjectForm>().annual_funds.total = Amount::from_minor(12345);  // 123.45 元, with cents
  f.as<ProjectForm>().annual_funds.other = Amount::from_units(0);
  f.as<ProjectForm>().has_footer = false;
  f.as<ProjectForm>().filled_date.clear();
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "blank-amounts"), "workbook");
}

TEST(FormRoundtrip, OnlyPeriodIndicators) {
  Form f = project_form();
  f.as<ProjectForm>().indicator_rows.clear();
  IndicatorRow r;
  r.period = indicator("产出指标", "数量指标", "实施期才有的指标", "3个");
  r.annual = indicator("产出指标", "数量指标", "", "");
  f.as<ProjectForm>().indicator_rows.push_back(r);
  r.period = indicator("效益指标", "社会效益指标", "群众认可度", "认可");
  r.annual = indicator("效益指标", "社会效益指标", "", "");
  f.as<ProjectForm>().indicator_rows.push_back(r);
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "period-only"), "workbook");
}

TEST(FormRoundtrip, OnlyAnnualGoal) {
  Form f = project_form();
  f.as<ProjectForm>().goal_period.clear();
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "annual-goal"), "workbook");
}

TEST(FormRoundtrip, HebeiThreeColumnSpendingPlan) {
  Form f;
  f.body.emplace<HebeiForm>();
  f.amount_unit = "万元";
  f.title = "1. 2023年测绘地理信息资质单位质量监督检查绩效目标表";
  f.as<HebeiForm>().unit_code = "543001";
  f.as<HebeiForm>().unit = "承德市自然资源和规划局本级";
  f.as<HebeiForm>().project_code = "13080023P000085100062";
  f.as<HebeiForm>().project_name = "2023年测绘地理信息资质单位质量监督检查";
  f.as<HebeiForm>().budget = Amount::from_minor(1500);
  f.as<HebeiForm>().fiscal_funds = Amount::from_minor(1500);
  f.as<HebeiForm>().fund_use = "用于购买第三方服务支出。";
  for (const auto& [label, value] : {std::pair<const char*, const char*>{"6 月底", ""}, {"10 月底", "30%"}, {"12 月底", "100%"}}) {
    SpendingStep s;
    s.label = label;
    s.value = value;
    f.as<HebeiForm>().spending_plan.push_back(s);
  }
  f.as<HebeiForm>().goal = "1. 开展测绘成果质量监督检查工作。";
  for (Indicator i : {indicator("产出指标", "数量指标", "开展质量监督检查次数", "≥1 次"),
                      indicator("产出指标", "质量指标", "完成率", "≥90%"),
                      indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%")}) {
    i.description = i.name + "（描述）";
    i.basis = "年度工作计划";
    f.as<HebeiForm>().indicators.push_back(i);
  }
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "hebei"), "workbook");
}

TEST(FormRoundtrip, OverallForm) {
  Form f;
  f.body.emplace<OverallForm>();
  f.amount_unit = "万元";
  f.title = "县(区)级预算部门（单位）整体支出绩效目标申报表";
  f.year_line = "(2024) 年度";
  f.year = 2024;
  f.as<OverallForm>().department = "261-沁水县自然资源局";
  f.as<OverallForm>().department_code = "261";
  f.as<OverallForm>().department_name = "沁水县自然资源局";
  f.as<OverallForm>().internal_departments = "9个";
  f.as<OverallForm>().budget_units = "0个";
  f.as<OverallForm>().staff_quota = "78人";
  f.as<OverallForm>().staff_actual = "159人";
  f.as<OverallForm>().staff_on_quota = "159人";
  f.as<OverallForm>().duties = "部门职责文字";
  f.as<OverallForm>().strategy = "战略目标文字";
  for (const auto& [label, minor] : {std::pair<const char*, int>{"合 计", 1624399}, {"其中:一般公共预算资金", 1224399}, {"单位资金", 0}}) {
    BudgetLine b;
    b.label = label;
    b.amount = Amount::from_minor(minor);
    f.as<OverallForm>().budget_by_source.push_back(b);
  }
  BudgetLine d;
  d.label = "合 计";
  d.amount = Amount::from_minor(1624399);
  f.as<OverallForm>().budget_by_direction.push_back(d);
  KeyTask t;
  t.function = "负责全县自然资源调查监测评价";
  t.task = "自然资源监管预警实施项目";
  f.as<OverallForm>().key_tasks.push_back(t);
  f.as<OverallForm>().goal = "年度绩效目标文字";
  f.as<OverallForm>().indicators.push_back(indicator("产出指标", "数量指标", "地质灾害宣传乡级数量", "11个"));
  f.as<OverallForm>().indicators.push_back(indicator("产出指标", "数量指标", "上级政策落实情况", "100%"));
  f.as<OverallForm>().indicators.push_back(indicator("满意度指标", "服务对象满意度指标", "群众满意度", ">90%"));
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "overall"), "workbook");
}

TEST(FormRoundtrip, DepartmentText) {
  Form f;
  f.body.emplace<DepartmentText>();
  f.amount_unit = "";
  f.title = "部门整体绩效目标";
  f.as<DepartmentText>().overall_goal = "第一段总体目标。\n第二段总体目标。";
  SubGoal g;
  g.heading = "（一）全民所有自然资源资产所有者职责得以行使";
  g.goal = "目标文字。";
  g.indicators = "指标文字。\n指标第二段。";
  f.as<DepartmentText>().sub_goals.push_back(g);
  g.heading = "（二）国土空间用途管制职责得到履行";
  g.goal.clear();
  g.indicators = "只有指标。";
  f.as<DepartmentText>().sub_goals.push_back(g);
  f.as<DepartmentText>().safeguards = {"（一）完善制度建设。", "（二）严格执行预算。"};
  expect_same(f, form_via_text(f), "text");
  expect_same(f, form_via_workbook(f, "department-text"), "workbook");
}

// A person inserts a blank row and a blank column and types an amount as text: fields are still
// found by their labels, the text amount is read with a finding naming the cell.
TEST(FormRoundtrip, WorkbookEditedByAPerson) {
  const Form f = project_form();
  const std::string path = bxtest::temp_dir("form-roundtrip") + "/edited.xlsx";
  xlsx::write_workbook(report_of({f}), path, bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(path);
  const xlsx::Sheet* original = nullptr;
  for (const auto& s : wb.sheets)
    if (s.name.rfind("绩效1", 0) == 0) original = &s;
  ASSERT_NE(original, nullptr);

  // Insert a blank row before row 4 and a blank column before column B.
  xlsx::Sheet edited = *original;
  auto shift_row = [](std::uint32_t r) { return r >= 4 ? r + 1 : r; };
  auto shift_col = [](std::uint32_t c) { return c >= 2 ? c + 1 : c; };
  for (auto& c : edited.cells) {
    c.row = shift_row(c.row);
    c.col = shift_col(c.col);
  }
  for (auto& m : edited.merges) {
    m.first_row = shift_row(m.first_row);
    m.last_row = shift_row(m.last_row);
    m.first_col = shift_col(m.first_col);
    m.last_col = shift_col(m.last_col);
  }
  edited.max_row += 1;
  edited.max_col += 1;
  // The 实施期资金总额 amount typed as text with a thousands separator.
  bool typed = false;
  for (auto& c : edited.cells)
    if (c.value.type == xlsx::CellValue::Type::number && c.value.text == "865000" && !typed) {
      c.value.type = xlsx::CellValue::Type::string;
      c.value.text = "865,000 ";
      typed = true;
    }
  ASSERT_TRUE(typed);

  Report r;
  xlsx::read_form_sheet(edited, bxtest::layouts().forms(), r);
  ASSERT_EQ(r.forms.size(), 1u);
  expect_same(f, r.forms[0], "edited workbook");
  bool found = false;
  for (const auto& x : r.findings.items())
    if (x.rule == "xlsx.form-number-as-text") {
      found = true;
      EXPECT_EQ(x.where.sheet, edited.name);
    }
  EXPECT_TRUE(found);
}

namespace {

// `n` code points of distinct text: "甲0001乙…", with a blank on either side of every 32000th code
// point so that a cell boundary falls between blanks (which must not be trimmed away); no blank at
// either end.
std::string long_text(std::size_t n, const std::string& tag) {
  std::string s;
  std::size_t cps = 0;
  for (std::size_t k = 0; cps < n; ++k) {
    std::string piece = tag + std::to_string(k % 10000) + "，";
    for (std::size_t i = 0; i < piece.size() && cps < n; i += util::utf8_length(piece, i), ++cps) {
      const bool boundary = (cps % xlsx::schema::kCellTextMax == xlsx::schema::kCellTextMax - 1 ||
                             (cps % xlsx::schema::kCellTextMax == 0 && cps > 0)) &&
                            cps + 1 < n;
      s += boundary ? std::string(" ") : piece.substr(i, util::utf8_length(piece, i));
    }
  }
  return s;
}

// The form as JSON with every long string shortened to its length and ends, for failure messages.
std::string brief(const Form& f) {
  nlohmann::json j = budgetxl::json::forms_to_json({f});
  std::function<void(nlohmann::json&)> shorten = [&](nlohmann::json& v) {
    if (v.is_string() && v.get<std::string>().size() > 120) {
      const std::string t = v.get<std::string>();
      std::size_t head = 0, tail = t.size();
      for (int k = 0; k < 12; ++k) head += util::utf8_length(t, head);
      for (int k = 0; k < 12; ++k)
        while (tail > 0 && (static_cast<unsigned char>(t[--tail]) & 0xC0) == 0x80) {
        }
      v = fmt::format("<{} code points: {}…{}>", util::code_points(t), t.substr(0, head), t.substr(tail));
    } else if (v.is_structured()) {
      for (auto& x : v) shorten(x);
    }
  };
  shorten(j);
  return j.dump(1);
}

// Every cell of every sheet of the workbook holds at most schema::kCellTextMax code points; returns
// how many hold exactly that many (pieces of a continued text).
std::size_t full_cells(const std::string& path) {
  std::size_t full = 0;
  for (const auto& sheet : xlsx::read_workbook(path).sheets)
    for (const auto& cell : sheet.cells) {
      const std::size_t n = util::code_points(cell.value.text);
      EXPECT_LE(n, xlsx::schema::kCellTextMax) << sheet.name << " " << cell.row << "," << cell.col;
      full += n == xlsx::schema::kCellTextMax;
    }
  return full;
}

}  // namespace

// A form field longer than a cell holds (Excel keeps 32767 UTF-16 units) is continued in the rows
// below and read back whole, in every kind of form and wherever the text stands: a label/value
// field, under a heading, in an indicator or task row, in a list, in the title. One text divides
// evenly into full cells (the writer then adds an empty last piece, so the field below it is not
// taken for its continuation); one is exactly one full cell.
TEST(FormRoundtrip, LongTextContinuesOnTheNextRowsAndReadsBackWhole) {
  const std::size_t full = xlsx::schema::kCellTextMax;
  std::vector<Form> forms;

  Form p = project_form();
  p.as<ProjectForm>().project_name = long_text(40000, "项目名称");
  p.as<ProjectForm>().overview = long_text(40000, "项目概况");
  p.as<ProjectForm>().basis = long_text(full, "立项依据");       // exactly one full cell
  p.as<ProjectForm>().necessity = "项目设立必要性文字";           // right below it
  p.as<ProjectForm>().goal_annual = long_text(2 * full, "年度目标");  // divides evenly
  p.as<ProjectForm>().indicator_rows[0].period.name = long_text(33000, "三级指标");
  p.as<ProjectForm>().indicator_rows[1].annual.value = long_text(40000, "指标值");
  p.as<ProjectForm>().responsible = long_text(35000, "负责人");
  forms.push_back(p);

  Form h;
  h.body.emplace<HebeiForm>();
  h.amount_unit = "万元";
  h.title = long_text(40000, "河北标题") + "绩效目标表";
  h.as<HebeiForm>().unit_code = "543001";
  h.as<HebeiForm>().unit = "承德市自然资源和规划局本级";
  h.as<HebeiForm>().project_code = "13080023P000085100062";
  h.as<HebeiForm>().project_name = "2023年测绘地理信息资质单位质量监督检查";
  h.as<HebeiForm>().budget = Amount::from_minor(1500);
  h.as<HebeiForm>().fund_use = long_text(40000, "资金用途");
  SpendingStep step;
  step.label = "12 月底";
  step.value = "100%";
  h.as<HebeiForm>().spending_plan.push_back(step);
  h.as<HebeiForm>().goal = "1. 开展测绘成果质量监督检查工作。";
  for (Indicator i : {indicator("产出指标", "数量指标", "开展质量监督检查次数", "≥1 次"),
                      indicator("产出指标", "质量指标", "完成率", "≥90%")}) {
    i.description = i.name + "（描述）";
    i.basis = "年度工作计划";
    h.as<HebeiForm>().indicators.push_back(i);
  }
  h.as<HebeiForm>().indicators[0].description = long_text(40000, "指标描述");
  forms.push_back(h);

  Form o;
  o.body.emplace<OverallForm>();
  o.amount_unit = "万元";
  o.title = "县(区)级预算部门（单位）整体支出绩效目标申报表";
  o.year_line = "(2024) 年度";
  o.year = 2024;
  o.as<OverallForm>().department = "261-沁水县自然资源局";
  o.as<OverallForm>().department_code = "261";
  o.as<OverallForm>().department_name = "沁水县自然资源局";
  o.as<OverallForm>().staff_quota = long_text(40000, "编制");
  o.as<OverallForm>().duties = long_text(40000, "部门职责");
  o.as<OverallForm>().strategy = "战略目标文字";
  BudgetLine b;
  b.label = "合 计";
  b.amount = Amount::from_minor(1624399);
  o.as<OverallForm>().budget_by_source.push_back(b);
  b.label = long_text(40000, "资金来源");
  b.amount = Amount::from_minor(1224399);
  o.as<OverallForm>().budget_by_source.push_back(b);
  KeyTask t;
  t.function = "负责全县自然资源调查监测评价";
  t.task = long_text(40000, "重点任务");
  o.as<OverallForm>().key_tasks.push_back(t);
  t.function = "第二项职能";
  t.task = "第二项任务";
  o.as<OverallForm>().key_tasks.push_back(t);
  o.as<OverallForm>().goal = "年度绩效目标文字";
  o.as<OverallForm>().indicators.push_back(indicator("产出指标", "数量指标", "地质灾害宣传乡级数量", "11个"));
  o.as<OverallForm>().indicators.push_back(indicator("产出指标", "数量指标", long_text(40000, "三级指标"), "100%"));
  o.as<OverallForm>().indicators.push_back(indicator("满意度指标", "服务对象满意度指标", "群众满意度", ">90%"));
  forms.push_back(o);

  Form d;
  d.body.emplace<DepartmentText>();
  d.amount_unit = "";
  d.title = "部门整体绩效目标";
  d.as<DepartmentText>().overall_goal = long_text(20000, "第一段") + "\n" + long_text(20000, "第二段");
  SubGoal g;
  g.heading = "（一）全民所有自然资源资产所有者职责得以行使";
  g.goal = long_text(40000, "分项目标");
  g.indicators = "指标文字。";
  d.as<DepartmentText>().sub_goals.push_back(g);
  d.as<DepartmentText>().safeguards = {long_text(40000, "保障措施"), "（二）严格执行预算。"};
  forms.push_back(d);

  for (std::size_t k = 0; k < forms.size(); ++k) {
    const std::string path = bxtest::temp_dir("form-roundtrip") + "/long-" + std::to_string(k) + ".xlsx";
    xlsx::write_workbook(report_of({forms[k]}), path, bxtest::layouts());
    EXPECT_GT(full_cells(path), 0u) << "the long texts are continued in more than one cell";
    const Report r = xlsx::read_workbook_report(path, bxtest::layouts());
    ASSERT_EQ(r.forms.size(), 1u) << k;
    Form want = forms[k], got = r.forms[0];
    want.missing.clear();  // what the finishing pass finds missing is not part of the text
    got.missing.clear();
    EXPECT_TRUE(want == got) << "form " << k << "\nwant: " << brief(forms[k]) << "\ngot:  " << brief(r.forms[0]);
    // Nothing about how the workbook was written is in doubt (content findings, such as the missing
    // entity of this bare report, are not the point here).
    for (const auto& finding : r.findings.items())
      if (find_rule(finding.rule)->scope == RuleScope::input) {
        EXPECT_NE(finding.severity, Severity::warning) << finding.rule << " " << finding.message;
      }
  }
}

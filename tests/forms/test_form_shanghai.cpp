// The Shanghai project form (财政项目支出绩效目标填报表), a form layout of the Shanghai family: a
// made-up form ("→" stands for a TAB) read field by field, its checks, its exact round trip through
// the text and the workbook, and the five forms of corpus report 03 against the published PDF.
#include <gtest/gtest.h>

#include <filesystem>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "forms/form_test_util.hpp"
#include "json/forms_json.hpp"
#include "text/form_writer.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "util/normalize.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

const Layouts& shanghai() { return LayoutFamilies::embedded().get("shanghai"); }

std::string tabs(std::string s) { return util::replace_all(std::move(s), "→", "\t"); }

// A form as report 03 prints it; the project's 其他资金 is left blank (blank is not zero), the
// 一级 and 二级 cells are empty where they repeat.
const char* const kForm =
    "财政项目支出绩效目标填报表→→→→→→→\n"
    "（2024年度）→→→→→→→\n"
    "项目名称→→测试项目→→项目性质→经常性项目→项目类别→特定目标类\n"
    "主管部门→→测试主管部门→→实施单位→测试实施单位→→\n"
    "计划开始日期→→2024-01-01→→计划完成日期→2024-12-31→→\n"
    "项目资金（元）→→项目资金总额→→1,234,567.89→年度资金申请总额→→1,000,000.00\n"
    "→→其中：财政资金→→1,234,567.89→其中：当年财政拨款→→900,000.00\n"
    "→→→→→上年结转资金→→100,000.00\n"
    "→→其他资金→→→其他资金→→0.00\n"
    "项目绩效目标→项目总目标→→→→年度总体目标→→\n"
    "→项目总目标文字→→→→年度目标文字→→\n"
    "→一级指标→二级指标→三级指标→→→年度(/项目)指标值→\n"
    "绩效指标→产出指标→数量指标→完成数量→→→=10.00(个)→\n"
    "→→→完成批次→→→≥2.00(批)→\n"
    "→→质量指标→合格率→→→=100.00(%)→\n"
    "→效益指标→社会效益指标→群众受益→→→提高→\n"
    "→满意度指标→服务对象满意度指标→满意度→→→≥90.00(%)→\n";

Report read(const std::string& text) { return formtest::read_forms(formtest::make_lines(tabs(text)), shanghai()); }

Amount yuan(std::int64_t minor) { return Amount::from_minor(minor); }

bool has_rule(const Report& r, const std::string& rule) {
  for (const Finding& f : r.findings.items())
    if (f.rule == rule) return true;
  return false;
}

// The findings about the forms (a snippet has no tables, entity or year: report.* findings).
std::vector<std::string> form_findings(const Report& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings.items())
    if (f.rule.rfind("form.", 0) == 0) out.push_back(f.rule + ": " + f.message);
  return out;
}

std::string dump(const Form& f) { return json::forms_to_json({f}).dump(1); }

// A report holding just these forms, each a block of one part.
Report report_of(const std::vector<Form>& forms) {
  Report r;
  Part part;
  part.kind = PartKind::other;
  for (std::size_t i = 0; i < forms.size(); ++i) part.blocks.push_back(Block{BlockKind::form, "", 0, static_cast<int>(i), 0, {}});
  r.parts.push_back(std::move(part));
  r.forms = forms;
  return r;
}

// The forms of `first` written as text (or to a workbook) and read back, compared by the diff and
// field by field.
void expect_round_trip(const Report& first, const std::string& name) {
  const Report text = text::read_text(text::decode_bytes(text::write_text_report(first, shanghai()), name + ".txt"),
                                      name + ".txt", shanghai());
  const std::string path = bxtest::temp_dir("shanghai-form") + "/" + name + ".xlsx";
  xlsx::write_workbook(first, path, shanghai());
  const Report book = xlsx::read_workbook_report(path, shanghai());
  for (const Report* second : {&text, &book}) {
    const std::string what = name + (second == &text ? " (文本)" : " (工作簿)");
    for (const auto& d : roundtrip::diff_reports(first, *second, shanghai()))
      if (d.part == "绩效目标表") ADD_FAILURE() << what << ": " << roundtrip::to_string(d);
    ASSERT_EQ(second->forms.size(), first.forms.size()) << what;
    for (std::size_t k = 0; k < first.forms.size(); ++k)
      EXPECT_TRUE(first.forms[k] == second->forms[k]) << what << "\nwant: " << dump(first.forms[k]) << "\ngot:  " << dump(second->forms[k]);
  }
}

}  // namespace

TEST(ShanghaiForm, TheFamilyHasTheFormAndItsGrids) {
  const FormGrids& g = shanghai().forms().grid(FormKind::project_shanghai);
  EXPECT_EQ(g.amount_unit, "元");
  EXPECT_EQ(g.amount_decimals, 2);
  EXPECT_FALSE(g.sheet.rows.empty());
  EXPECT_FALSE(g.text.rows.empty());
  ASSERT_NE(g.block("indicator_table"), nullptr);
  EXPECT_EQ(g.block("indicator_table")->columns.size(), 4u);
  // The Shanxi family has no such form: its title is no form start there.
  EXPECT_TRUE(bxtest::layouts().forms().shanghai_title_keys.empty());
  EXPECT_TRUE(formtest::read_forms(formtest::make_lines(tabs(kForm))).forms.empty());
}

TEST(ShanghaiForm, FieldsAmountsAndIndicators) {
  const Report r = read(kForm);
  ASSERT_EQ(r.forms.size(), 1u);
  const Form& form = r.forms[0];
  ASSERT_EQ(form.kind(), FormKind::project_shanghai);
  EXPECT_EQ(form.title, "财政项目支出绩效目标填报表");
  EXPECT_EQ(form.year_line, "（2024年度）");
  EXPECT_EQ(form.year, 2024);
  EXPECT_EQ(form.amount_unit, "元");
  const auto& f = form.as<ShanghaiProjectForm>();
  EXPECT_EQ(f.project_name, "测试项目");
  EXPECT_EQ(form.project_name(), "测试项目");
  EXPECT_EQ(f.nature, "经常性项目");
  EXPECT_EQ(f.category, "特定目标类");
  EXPECT_EQ(f.department, "测试主管部门");
  EXPECT_EQ(f.unit, "测试实施单位");
  EXPECT_EQ(f.start_date, "2024-01-01");
  EXPECT_EQ(f.end_date, "2024-12-31");
  EXPECT_EQ(f.total, yuan(123456789));
  EXPECT_EQ(f.fiscal, yuan(123456789));
  EXPECT_TRUE(f.other.is_blank());  // printed empty: blank, not zero
  EXPECT_EQ(f.annual_total, yuan(100000000));
  EXPECT_EQ(f.appropriation, yuan(90000000));
  EXPECT_EQ(f.carryover, yuan(10000000));
  EXPECT_TRUE(f.annual_other.is_zero());
  EXPECT_EQ(f.goal_total, "项目总目标文字");
  EXPECT_EQ(f.goal_annual, "年度目标文字");
  ASSERT_EQ(f.indicators.size(), 5u);
  EXPECT_EQ(form.indicator_count(), 5u);
  // Row 2 repeats both 一级 and 二级, row 3 the 一级 only.
  EXPECT_EQ(f.indicators[1].level1, "产出指标");
  EXPECT_EQ(f.indicators[1].level2, "数量指标");
  EXPECT_EQ(f.indicators[1].name, "完成批次");
  EXPECT_EQ(f.indicators[1].value, "≥2.00(批)");
  EXPECT_EQ(f.indicators[2].level1, "产出指标");
  EXPECT_EQ(f.indicators[2].level2, "质量指标");
  EXPECT_EQ(f.indicators[2].standard_type, IndicatorType::quality);
  EXPECT_EQ(f.indicators[3].standard_class, IndicatorClass::benefit);
  EXPECT_EQ(f.indicators[4].standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(f.indicators[0].origin.line, 13u);
  EXPECT_EQ(f.indicators[0].origin.field, 4u);
  EXPECT_TRUE(form.missing.empty());
  // The project's money adds up; the year's does too (900,000 + 100,000 + 0).
  EXPECT_EQ(form_findings(r), std::vector<std::string>{});
}

TEST(ShanghaiForm, ChecksOfTheFinishingPass) {
  // No name, no indicators, the year's sources not adding up.
  std::string text = util::replace_all(kForm, "测试项目", "");
  text = text.substr(0, text.find("→一级指标"));
  text = util::replace_all(text, "→→100,000.00", "→→200,000.00");
  const Report r = read(text);
  ASSERT_EQ(r.forms.size(), 1u);
  const std::vector<std::string> want = {"project_name", "indicators"};
  EXPECT_EQ(r.forms[0].missing, want);
  EXPECT_TRUE(has_rule(r, "form.missing-project-name"));
  EXPECT_TRUE(has_rule(r, "form.missing-indicators"));
  EXPECT_TRUE(has_rule(r, "form.funds-sum"));
  EXPECT_FALSE(has_rule(r, "form.missing-footer"));  // the official form has none

  // Without amounts and goals.
  std::string bare = util::replace_all(kForm, "1,234,567.89", "");
  bare = util::replace_all(bare, "1,000,000.00", "");
  bare = util::replace_all(bare, "项目总目标文字", "");
  bare = util::replace_all(bare, "年度目标文字", "");
  const Report b = read(bare);
  ASSERT_EQ(b.forms.size(), 1u);
  const std::vector<std::string> want_bare = {"project_total", "annual_total", "goal"};
  EXPECT_EQ(b.forms[0].missing, want_bare);
  EXPECT_TRUE(has_rule(b, "form.missing-amount"));
  EXPECT_TRUE(has_rule(b, "form.missing-goal"));
}

TEST(ShanghaiForm, WhatCannotBePlacedIsAFinding) {
  std::string text = util::replace_all(kForm, "→→→→→上年结转资金→→100,000.00", "→→→→→上年结转资金→→十万");
  text = util::replace_all(text, "→→→完成批次→→→≥2.00(批)→", "→→→完成批次→→→≥2.00(批)→多出的");
  text = util::replace_all(text, "计划开始日期→→2024-01-01→→", "计划开始日期→→2024-01-01→另一个日期→");
  const Report r = read(text);
  ASSERT_EQ(r.forms.size(), 1u);
  EXPECT_TRUE(has_rule(r, "form.bad-amount"));
  EXPECT_TRUE(has_rule(r, "form.extra-cell"));
  EXPECT_TRUE(has_rule(r, "form.unplaced-cell"));
  EXPECT_TRUE(r.forms[0].as<ShanghaiProjectForm>().carryover.is_blank());
  EXPECT_EQ(r.forms[0].as<ShanghaiProjectForm>().indicators.size(), 5u);
}

TEST(ShanghaiForm, TheProseAfterTheFormIsNotPartOfIt) {
  // A line without a tab, or a section heading, ends the form.
  for (const char* after : {"一段正文。\n", "\n六、其他说明\n"}) {
    const Report r = read(std::string(kForm) + after);
    ASSERT_EQ(r.forms.size(), 1u);
    EXPECT_EQ(r.forms[0].as<ShanghaiProjectForm>().indicators.size(), 5u);
    EXPECT_EQ(form_findings(r), std::vector<std::string>{});
  }
}

TEST(ShanghaiForm, TheTextWriterPrintsTheFormAsPublished) {
  const Report r = read(kForm);
  ASSERT_EQ(r.forms.size(), 1u);
  // Byte for byte, the blank 其他资金 an empty cell again.
  EXPECT_EQ(text::write_form_text(r.forms[0], shanghai().forms()), tabs(kForm));
}

TEST(ShanghaiForm, RoundTripsExactly) {
  Report first = read(kForm);
  ASSERT_EQ(first.forms.size(), 1u);
  // A second form with blanks, a long name and no indicators.
  Form second = first.forms[0];
  auto& s = second.as<ShanghaiProjectForm>();
  s.project_name = "第二个项目（含括号）/名称";
  s.total = Amount::blank();
  s.carryover = Amount::blank();
  s.appropriation = yuan(5);
  s.goal_total.clear();
  s.indicators.resize(1);
  s.indicators[0].level2.clear();
  shanghai().forms().classify(s.indicators[0]);
  first.forms.push_back(second);
  Report report = report_of(first.forms);
  finish_report(report, shanghai());
  expect_round_trip(report, "made-up");
}

TEST(ShanghaiForm, Report03HasFiveFormsAsInThePdf) {
  const fs::path p = fs::path(BUDGETXL_CORPUS_DIR) / "shanghai" / "03-sh-pt-wanli-2023-dept.txt";
  std::error_code ec;
  const std::string path = fs::exists(p, ec) ? p.string() : "";
  SKIP_WITHOUT_CORPUS(path);
  const Report r = io::read_report(path, LayoutFamilies::embedded());
  EXPECT_EQ(r.meta.family, "shanghai");
  ASSERT_EQ(r.forms.size(), 5u);
  const std::vector<std::string> names = {"新建万里街道社区公共服务中心", "就业援助基地补贴", "社区环境整治和建设经费",
                                          "各类工作经费", "公共服务设施运行经费"};
  for (std::size_t k = 0; k < 5; ++k) {
    const Form& f = r.forms[k];
    ASSERT_EQ(f.kind(), FormKind::project_shanghai);
    EXPECT_EQ(f.project_name(), names[k]);
    EXPECT_EQ(f.year, 2023);
    const auto& s = f.as<ShanghaiProjectForm>();
    EXPECT_EQ(s.department, "上海市普陀区人民政府万里街道办事处") << names[k];
    EXPECT_EQ(s.unit, "上海市普陀区人民政府万里街道办事处") << names[k];
    EXPECT_EQ(s.start_date, "2023-01-01") << names[k];
    EXPECT_EQ(s.end_date, "2023-12-31") << names[k];
    EXPECT_TRUE(s.carryover.is_zero()) << names[k];
    EXPECT_FALSE(s.goal_total.empty()) << names[k];
    EXPECT_TRUE(f.missing.empty()) << names[k];
  }
  // p31: 新建万里街道社区公共服务中心, 阶段性项目 / 特定目标类, 4,100,000.00 throughout.
  const auto& a = r.forms[0].as<ShanghaiProjectForm>();
  EXPECT_EQ(r.forms[0].origin.line, 539u);
  EXPECT_EQ(a.nature, "阶段性项目");
  EXPECT_EQ(a.category, "特定目标类");
  EXPECT_EQ(a.total, Amount::from_units(4100000));
  EXPECT_EQ(a.annual_total, Amount::from_units(4100000));
  EXPECT_EQ(a.appropriation, Amount::from_units(4100000));
  EXPECT_TRUE(a.other.is_zero());
  ASSERT_EQ(a.indicators.size(), 5u);
  EXPECT_EQ(a.indicators[0].name, "规划建筑面积");
  EXPECT_EQ(a.indicators[0].value, "≥13459.00(平方米)");
  EXPECT_EQ(a.indicators[2].level1, "产出指标");  // 成本指标 under a 一级 printed once
  EXPECT_EQ(a.indicators[2].level2, "成本指标");
  // p32: 就业援助基地补贴, 经常性项目, 6,351,000.00; 补贴对象生活改善度不低于 80%.
  const auto& b = r.forms[1].as<ShanghaiProjectForm>();
  EXPECT_EQ(b.nature, "经常性项目");
  EXPECT_EQ(b.fiscal, Amount::from_units(6351000));
  EXPECT_EQ(b.goal_annual, "管理各类下拨费用，实报实销");
  ASSERT_EQ(b.indicators.size(), 4u);
  EXPECT_EQ(b.indicators[2].value, "补贴对象生活改善度不低于 80%");
  EXPECT_EQ(b.indicators[2].standard_type, IndicatorType::social);
  // p33: 社区环境整治和建设经费, 4,563,800.00.
  EXPECT_EQ(r.forms[2].as<ShanghaiProjectForm>().annual_total, Amount::from_units(4563800));
  // p34: 各类工作经费, 7595500.00 printed without separators; 43 indicators, the 二级 label printed
  // once for 15 数量指标 (the last 15个居民区全覆盖) and once for the 质量指标 after them.
  const auto& d = r.forms[3].as<ShanghaiProjectForm>();
  EXPECT_EQ(d.total, Amount::from_units(7595500));
  EXPECT_EQ(d.appropriation, Amount::from_units(7595500));
  ASSERT_EQ(d.indicators.size(), 43u);
  EXPECT_EQ(d.indicators[14].name, "15个居民区全覆盖");
  EXPECT_EQ(d.indicators[14].level2, "数量指标");
  EXPECT_EQ(d.indicators[15].level1, "产出指标");
  EXPECT_EQ(d.indicators[15].level2, "质量指标");
  EXPECT_EQ(d.indicators.back().name, "党员群众满意度");
  EXPECT_EQ(d.indicators.back().level1, "满意度指标");
  // p35: 公共服务设施运行经费, 其他运转类; 年度资金申请总额 10,903,043.00 but 当年财政拨款
  // 11,419,043.00 as printed: the sum check says so.
  const Form& e = r.forms[4];
  const auto& es = e.as<ShanghaiProjectForm>();
  EXPECT_EQ(es.category, "其他运转类");
  EXPECT_EQ(es.annual_total, Amount::from_units(10903043));
  EXPECT_EQ(es.appropriation, Amount::from_units(11419043));
  ASSERT_EQ(es.indicators.size(), 9u);
  EXPECT_EQ(es.indicators.back().value, "≥95.00(%)");
  std::size_t sums = 0;
  for (const Finding& x : r.findings.items()) {
    if (x.rule == "form.funds-sum") {
      ++sums;
      EXPECT_EQ(x.where.line, e.origin.line);
    }
    EXPECT_TRUE(x.rule.rfind("form.", 0) != 0 || x.rule == "form.funds-sum") << x.rule << ": " << x.message;
  }
  EXPECT_EQ(sums, 1u);
  expect_round_trip(r, "03");
}

// One small test per layout variant listed in the corpus notes, each built from a few synthetic
// lines of that variant ("→" stands for a TAB).
#include <gtest/gtest.h>

#include "forms/form_test_util.hpp"
#include "util/normalize.hpp"

namespace {

using namespace budgetxl;

std::string tabs(std::string s) { return util::replace_all(std::move(s), "→", "\t"); }

const char* kHeader = "绩效指标→一级指标→二级指标→三级指标→指标值→二级指标→三级指标→指标值";

// A Shanxi project form around the given indicator header and rows; the header is on line 19.
std::string shanxi(const std::string& header, const std::vector<std::string>& rows, bool footer = true) {
  std::string s =
      "测试县县(区)级预算部门（单位）项目支出绩效目标申报表\n"
      "\n"
      "(2024年度)\n"
      "项目名称→→测试项目→→→\n"
      "主管部门及代码→→001-测试局→→实施单位→→测试单位→\n"
      "项目属性→→一次性项目（1年结束）→→项目期→→1年→\n"
      "项目资金（元）→→实施期资金总额：→1,000,000→年度资金总额：→800,000→→\n"
      "→→其中：中央财政资金→0→其中：中央财政资金→0→→\n"
      "→→省级财政资金→0→省级财政资金→0→→\n"
      "→→市县（区）财政资金→1,000,000→市县（区）财政资金→800,000→→\n"
      "→→单位自筹→0→单位自筹→0→→\n"
      "→→其他资金→→其他资金→→→\n"
      "项目概况→→概况文字→→→\n"
      "立项依据→→依据文字→→→\n"
      "项目设立必要性→→必要性文字→→→\n"
      "保证项目实施的制度、措施→→措施文字→→→\n"
      "项目实施计划→→计划文字→→→\n"
      "总体目标→→实施期目标文字→→→年度目标文字→→\n";
  s += header + "\n";
  for (const auto& r : rows) s += r + "\n";
  if (footer) s += "负责人：→经办人：→→联系电话：→→填报日期：→20240101120000\n";
  return tabs(s);
}

Report read(const std::string& text) { return formtest::read_forms(formtest::make_lines(text)); }

// A copy, so that `const Form& f = only(read(…))` outlives the temporary report.
Form only(const Report& r) {
  EXPECT_EQ(r.forms.size(), 1u);
  return r.forms.empty() ? Form() : r.forms.front();
}

const IndicatorRow& row(const Form& f, std::size_t k) {
  static const IndicatorRow none;
  EXPECT_LT(k, f.as<ProjectForm>().indicator_rows.size());
  return k < f.as<ProjectForm>().indicator_rows.size() ? f.as<ProjectForm>().indicator_rows[k] : none;
}

}  // namespace

TEST(FormVariant, CanonicalFields) {
  const Form& f = only(read(shanxi(kHeader, {"→产出指标→数量指标→档案→10个→数量指标→档案→8个"})));
  EXPECT_EQ(f.project_name(), "测试项目");
  EXPECT_EQ(f.as<ProjectForm>().department_code, "001");
  EXPECT_EQ(f.as<ProjectForm>().unit, "测试单位");
  EXPECT_EQ(f.as<ProjectForm>().period_funds.total, Amount::from_units(1000000));
  EXPECT_EQ(f.as<ProjectForm>().annual_funds.local, Amount::from_units(800000));
  EXPECT_TRUE(f.as<ProjectForm>().annual_funds.other.is_blank());
  EXPECT_EQ(f.as<ProjectForm>().goal_period, "实施期目标文字");
  EXPECT_EQ(f.as<ProjectForm>().goal_annual, "年度目标文字");
  EXPECT_EQ(f.as<ProjectForm>().filled_date, "20240101120000");
  EXPECT_EQ(row(f, 0).period.value, "10个");
  EXPECT_EQ(row(f, 0).annual.value, "8个");
  EXPECT_TRUE(f.missing.empty());
}

TEST(FormVariant, H1HeaderLabelMovesDown) {
  const Form& f = only(read(shanxi("一级指标→二级指标→三级指标→指标值→二级指标→三级指标→指标值→→",
                                   {"绩效指标→产出指标→数量指标→档案袋→100000个→数量指标→档案袋→100000个→",
                                    "绩效指标→数量指标→墨粉→170盒→数量指标→墨粉→170盒"})));
  EXPECT_EQ(row(f, 0).period.level1, "产出指标");
  EXPECT_EQ(row(f, 0).annual.name, "档案袋");
  EXPECT_EQ(row(f, 1).period.name, "墨粉");
  EXPECT_EQ(row(f, 1).period.standard_class, IndicatorClass::output);  // 一级 missing, level from 二级
}

TEST(FormVariant, H2ExtraEmptyColumn) {
  const Form& f = only(read(shanxi("绩效指标→一级指标→二级指标→三级指标→指标值→→二级指标→三级指标→指标值→",
                                   {"→产出指标→数量指标→图斑数量→≥2956个→→数量指标→图斑数量→≥2956个→"})));
  EXPECT_EQ(row(f, 0).annual.level2, "数量指标");
  EXPECT_EQ(row(f, 0).annual.value, "≥2956个");
}

TEST(FormVariant, H3DoubledCells) {
  const Form& f = only(read(shanxi("绩效指标→一级指标→→二级指标→→三级指标→→指标值→→→→→→",
                                   {"→产出指标→→数量指标→→档案整理→→30000卷→→→→→→",
                                    "→质量指标→→验收达标→→达标→→验收达标→→达标→→→→"})));
  EXPECT_EQ(row(f, 0).period.name, "档案整理");
  EXPECT_TRUE(row(f, 0).annual.empty());  // C1: 实施期 only
  EXPECT_EQ(row(f, 1).annual.value, "达标");
  EXPECT_EQ(f.annual_indicator_count(), 1u);
  EXPECT_EQ(f.period_indicator_count(), 2u);
}

TEST(FormVariant, H4NoIndicatorRows) {
  const Report r = read(shanxi(kHeader, {}));
  const Form& f = only(r);
  EXPECT_TRUE(f.as<ProjectForm>().has_footer);
  EXPECT_EQ(f.indicator_count(), 0u);
  EXPECT_EQ(r.findings.count("form.missing-indicators"), 1u);
}

TEST(FormVariant, L1FirstLevelMissing) {
  const Form& f = only(read(shanxi(kHeader, {"→产出指标→数量指标→A→1个→数量指标→A→1个",
                                             "→质量指标→合格率→合格→质量指标→合格率→合格→"})));
  EXPECT_EQ(row(f, 1).period.level1, "产出指标");
  EXPECT_EQ(row(f, 1).period.level2, "质量指标");
  EXPECT_EQ(row(f, 1).annual.value, "合格");
}

TEST(FormVariant, L2FirstLevelInLabelColumn) {
  const Form& f = only(read(shanxi(kHeader, {"效益指标→经济效益指标→工作效率→提高→经济效益指标→工作效率→提高→→"})));
  EXPECT_EQ(row(f, 0).period.level1, "效益指标");
  EXPECT_EQ(row(f, 0).annual.standard_type, IndicatorType::economic);
  EXPECT_EQ(row(f, 0).annual.name, "工作效率");
}

TEST(FormVariant, L3SecondLevelInLabelColumn) {
  const Form& f = only(read(shanxi(kHeader, {"社会效益指标→→安全系数→提高→社会效益指标→安全系数→提高→"})));
  EXPECT_EQ(row(f, 0).period.level2, "社会效益指标");
  EXPECT_EQ(row(f, 0).period.name, "安全系数");
  EXPECT_EQ(row(f, 0).annual.value, "提高");
  EXPECT_EQ(row(f, 0).period.standard_class, IndicatorClass::benefit);
}

TEST(FormVariant, L4ThirdLevelInLabelColumn) {
  const Form& f = only(read(shanxi(kHeader, {"→成本指标→成本指标→控制器→≤80000元→成本指标→控制器→≤80000元",
                                             "缓存→→→≤10000元→缓存→→≤10000元→"})));
  EXPECT_EQ(row(f, 1).period.name, "缓存");
  EXPECT_EQ(row(f, 1).period.value, "≤10000元");
  EXPECT_EQ(row(f, 1).annual.level2, "成本指标");
}

TEST(FormVariant, L5ThirdLevelInFirstLevelColumn) {
  const Form& f = only(read(shanxi(kHeader, {"→→成本指标→内页测算→≤56.45万元→成本指标→内页测算→≤56.45万元",
                                             "→外业调查→→≤30万元→外业调查→→≤30万元→",
                                             "→宣传彩页→80000张→宣传彩页→80000张→→→→"})));
  EXPECT_EQ(row(f, 1).period.name, "外业调查");
  EXPECT_EQ(row(f, 1).annual.value, "≤30万元");
  EXPECT_EQ(row(f, 2).annual.name, "宣传彩页");
  EXPECT_EQ(row(f, 2).annual.value, "80000张");
}

TEST(FormVariant, L6SecondLevelDuplicated) {
  const Form& f = only(read(shanxi(kHeader, {"→质量指标→质量指标→按时实施计划→按时→→质量指标→按时实施计划→按时"})));
  EXPECT_EQ(row(f, 0).period.level2, "质量指标");
  EXPECT_EQ(row(f, 0).period.name, "按时实施计划");
  EXPECT_EQ(row(f, 0).annual.value, "按时");
}

TEST(FormVariant, L7RightThenLeftShift) {
  const Form& f = only(read(shanxi(kHeader, {"→→→时效指标→完成时间→→2024年12月→时效指标→完成时间→2024年12月",
                                             "→→验收时间→→2024年8月→验收时间→2024年8月→→→"})));
  EXPECT_EQ(row(f, 0).period.level2, "时效指标");
  EXPECT_EQ(row(f, 0).period.value, "2024年12月");
  EXPECT_EQ(row(f, 1).period.name, "验收时间");
  EXPECT_EQ(row(f, 1).annual.value, "2024年8月");
  EXPECT_EQ(row(f, 1).annual.level2, "时效指标");
}

TEST(FormVariant, L8FirstLevelOnSecondRow) {
  const Form& f = only(read(shanxi(kHeader, {"→经济效益指标→→→经济效益指标→→→→→",
                                             "→效益指标→社会效益指标→群众获得感→增强→社会效益指标→群众获得感→增强"})));
  EXPECT_TRUE(row(f, 0).period.empty());
  EXPECT_EQ(row(f, 0).period.standard_type, IndicatorType::economic);
  EXPECT_EQ(row(f, 1).period.level1, "效益指标");
  EXPECT_EQ(f.annual_indicator_count(), 1u);
}

TEST(FormVariant, L9SecondLevelOnlyOnAnnualHalf) {
  const Form& f = only(read(shanxi(kHeader, {"→产出指标→数量指标→人数→5人→数量指标→人数→5人",
                                             "→→→参保率→100%→质量指标→参保率→100%→→"})));
  EXPECT_EQ(row(f, 1).annual.level2, "质量指标");
  EXPECT_EQ(row(f, 1).period.level2, "质量指标");  // the 二级 cells of both halves stand side by side
}

TEST(FormVariant, L10LabelsKeptAsWritten) {
  const Form& f = only(read(shanxi(kHeader, {"→效益指标→成本指标→不动产证书→≥4元/本→成本指标→不动产证书→≥4元/本"})));
  EXPECT_EQ(row(f, 0).period.level1, "效益指标");  // as written
  EXPECT_EQ(row(f, 0).period.level2, "成本指标");
  EXPECT_EQ(row(f, 0).period.standard_class, IndicatorClass::output);  // the 二级 decides the standard level
  EXPECT_EQ(row(f, 0).period.standard_type, IndicatorType::cost);
}

TEST(FormVariant, C1AnnualHalfOnlyLabel) {
  const Form& f = only(read(shanxi(kHeader, {"→→时效指标→完成时间→2024年→时效指标"})));
  EXPECT_EQ(row(f, 0).period.value, "2024年");
  EXPECT_TRUE(row(f, 0).annual.empty());
  EXPECT_EQ(row(f, 0).annual.level2, "时效指标");
}

TEST(FormVariant, C2HalvesDiffer) {
  const Form& f = only(read(shanxi(kHeader, {"→产出指标→数量指标→面积→500000平方米→数量指标→面积→1500000平方米"})));
  EXPECT_EQ(row(f, 0).period.value, "500000平方米");
  EXPECT_EQ(row(f, 0).annual.value, "1500000平方米");
}

TEST(FormVariant, C3EmptyRowsDoNotCount) {
  const Form& f = only(read(shanxi(kHeader, {"→效益指标→经济效益指标→→→经济效益指标→→",
                                             "→→社会效益指标→稳定→确保→社会效益指标→稳定→确保"})));
  EXPECT_EQ(f.as<ProjectForm>().indicator_rows.size(), 2u);
  EXPECT_EQ(f.annual_indicator_count(), 1u);
}

TEST(FormVariant, C4DuplicatedRowKept) {
  const Form& f = only(read(shanxi(kHeader, {"→→成本指标→治理费→≤50万元→成本指标→治理费→≤50万元",
                                             "→→→治理费→≤50万元→→治理费→≤50万元"})));
  EXPECT_EQ(f.annual_indicator_count(), 2u);
  EXPECT_EQ(row(f, 1).annual.level2, "成本指标");
}

TEST(FormVariant, C5NonStandardSecondLevels) {
  const Form& f = only(read(shanxi(kHeader, {"→满意度指标→服务对象满意度→群众满意度→≥90%→服务对象满意度指→群众满意度→≥90%",
                                             "→→可持续发展影响指标→长效机制→健全→可持续发展影响指标→长效机制→健全"})));
  EXPECT_EQ(row(f, 0).period.standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(row(f, 0).annual.standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(row(f, 0).annual.level2, "服务对象满意度指");
  EXPECT_EQ(row(f, 1).period.standard_type, IndicatorType::sustainable);
}

TEST(FormVariant, C6ValueFormatsKept) {
  const Form& f = only(read(shanxi(kHeader, {"→产出指标→质量指标→合格率→> 95%→质量指标→合格率→≥90百分比",
                                             "→→→1. 档案整理→≤11.4万元→→1. 档案整理→≤11.4万元"})));
  EXPECT_EQ(row(f, 0).period.value, "> 95%");
  EXPECT_EQ(row(f, 0).annual.value, "≥90百分比");
  EXPECT_EQ(row(f, 1).period.name, "1. 档案整理");
}

TEST(FormVariant, C7SeveralSatisfactionRows) {
  const Form& f = only(read(shanxi(kHeader, {"→满意度指标→服务对象满意度指标→群众满意度→≥90%→服务对象满意度指标→群众满意度→≥90%",
                                             "→→→社会满意度→≥95%→→社会满意度→≥95%"})));
  EXPECT_EQ(row(f, 1).annual.standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(row(f, 1).annual.level1, "满意度指标");
}

TEST(FormVariant, BrokenLabelsAndGluedValues) {
  std::string s = shanxi(kHeader, {"→产出指标→数量指标→A→1个→数量指标→A→1个"});
  s = util::replace_all(s, "实施期资金总额：\t1,000,000", "实施期资金总额：69,960");
  s = util::replace_all(s, "\t\t其中：中央财政资金\t0\t其中", "\t\t其中：中央财政资金 0\t其中");
  s = util::replace_all(s, "市县（区）财政资金\t800,000", "市县（区）财政资\t800,000");
  const Form& f = only(read(s));
  EXPECT_EQ(f.as<ProjectForm>().period_funds.total, Amount::from_units(69960));
  EXPECT_EQ(f.as<ProjectForm>().period_funds.central, Amount::from_units(0));
  EXPECT_EQ(f.as<ProjectForm>().annual_funds.central, Amount::from_units(0));
  EXPECT_EQ(f.as<ProjectForm>().annual_funds.local, Amount::from_units(800000));
}

TEST(FormVariant, NoFooterEndsAtNextTitle) {
  const std::string one = shanxi(kHeader, {"→产出指标→数量指标→A→1个→数量指标→A→1个"}, false);
  const Report r = read(one + "\n" + one);
  ASSERT_EQ(r.forms.size(), 2u);
  EXPECT_FALSE(r.forms[0].as<ProjectForm>().has_footer);
  EXPECT_EQ(r.forms[0].indicator_count(), 1u);
  EXPECT_EQ(r.forms[1].duplicate_of, 0);
  EXPECT_EQ(r.findings.count("form.duplicate"), 1u);
  EXPECT_EQ(r.findings.count("form.missing-footer"), 2u);
}

// --- Report 002's variants ---

TEST(FormVariant, V3AnnualHalfWithOwnFirstLevel) {
  const Form& f = only(read(shanxi("绩效指标→一级指标→二级指标→三级指标→指标值→一级指标→二级指标→三级指标→指标值",
                                   {"→产出指标→数量指标→任务→1个→→产出指标→数量指标→任务→1个"})));
  EXPECT_EQ(row(f, 0).annual.level1, "产出指标");
  EXPECT_EQ(row(f, 0).annual.value, "1个");
}

TEST(FormVariant, V4ShiftedLeft) {
  const Form& f = only(read(shanxi(kHeader, {"满意度指标→服务对象满意度→群众满意度→100%→服务对象满意度→群众满意度→100%→→→"})));
  EXPECT_EQ(row(f, 0).period.standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(row(f, 0).annual.value, "100%");
}

TEST(FormVariant, V5HalfBrokenRow) {
  const Form& f = only(read(shanxi(kHeader, {"→→→社会公众投诉率→0%→→→社会公众投诉率"})));
  EXPECT_EQ(row(f, 0).period.value, "0%");
  EXPECT_EQ(row(f, 0).annual.name, "社会公众投诉率");
  EXPECT_TRUE(row(f, 0).annual.value.empty());
}

TEST(FormVariant, V6AnnualHalfWithoutValues) {
  const Report r = read(shanxi("绩效指标→一级指标→二级指标→三级指标→指标值→二级指标→三级指标",
                               {"→产出指标→数量指标→村庄规划编制→38个→数量指标→村庄规划编制"}));
  const Form& f = only(r);
  EXPECT_EQ(row(f, 0).period.value, "38个");
  EXPECT_EQ(row(f, 0).annual.name, "村庄规划编制");
  EXPECT_EQ(r.findings.count("form.annual-values-missing"), 1u);
}

TEST(FormVariant, V9EmptyThirdLevelRows) {
  const Form& f = only(read(shanxi(kHeader, {"→→经济效益→→→经济效益→→"})));
  EXPECT_EQ(f.indicator_count(), 0u);
  EXPECT_EQ(row(f, 0).annual.standard_type, IndicatorType::economic);
}

TEST(FormVariant, V10HtmlCells) {
  const Form& f = only(read(shanxi("绩效指标→→一级指标→→二级指标→→三级指标→→指标值→",
                                   {"→→→→系统图斑 <td colspan=\"2\">约1200个</td> <td colspan=\"2\"></td>→→约1200个→→→"})));
  EXPECT_EQ(row(f, 0).period.name, "系统图斑");
  EXPECT_EQ(row(f, 0).period.value, "约1200个");
}

TEST(FormVariant, V12ExtraValueColumnIsAFinding) {
  const Report r = read(shanxi(kHeader, {"→效益指标→经济效益→节约利用土地→≥100%→经济效益→节约利用土地→≥100%→≥100%"}));
  EXPECT_EQ(only(r).as<ProjectForm>().indicator_rows.front().annual.value, "≥100%");
  EXPECT_EQ(r.findings.count("form.extra-cell"), 1u);
}

TEST(FormVariant, V13HeaderVariants) {
  const Form& f = only(read(shanxi("总体目标→一级指标→→→二级指标→三级指标→指标值→二级指标→三级指标→指标值",
                                   {"绩效指标→产出指标→数量指标→实施方案→1个→数量指标→实施方案→1个"})));
  EXPECT_EQ(row(f, 0).period.level1, "产出指标");
  EXPECT_EQ(row(f, 0).annual.value, "1个");
}

TEST(FormVariant, V14TruncatedFormKeptWithFindings) {
  std::string s = shanxi(kHeader, {}, false);
  s = s.substr(0, s.find("总体目标"));  // cut after 项目实施计划
  const Report r = read(s);
  const Form& f = only(r);
  EXPECT_EQ(f.project_name(), "测试项目");
  EXPECT_EQ(f.as<ProjectForm>().annual_funds.total, Amount::from_units(800000));
  EXPECT_EQ(r.findings.count("form.missing-goal"), 1u);
  EXPECT_EQ(r.findings.count("form.missing-indicators"), 1u);
  EXPECT_EQ(r.findings.count("form.missing-footer"), 1u);
}

TEST(FormVariant, TruncatedTitleAndLabelVariants) {
  const std::string s = tabs(
      "兴县县(区)级预算部门(单位)项目\n"
      "\n"
      "(2025年度)\n"
      "项目名称→兴县2025年度→→\n"
      "主管部门(县代码)→048-兴县自然资源局→→实施单位:兴县自然资源局→→\n"
      "项目属性→一次性项目→→1年→→\n"
      "项目资金 (元)→本期资金总额:→1,112,500→→112,500→→\n"
      "→其中:中央财政资金→0→→0→→\n"
      "→省财政财政资金→0→→0→→\n"
      "→市(县)财政财政资金→1,112,500→→112,500→→\n"
      "保证项目实施的策略、途径→坚持生态优先→→\n"
      "→负责人: 经办人: 联系电话: 填报日期: 20241228134531→→\n");
  const Form& f = only(read(s));
  EXPECT_EQ(f.project_name(), "兴县2025年度");
  EXPECT_EQ(f.as<ProjectForm>().department, "048-兴县自然资源局");
  EXPECT_EQ(f.as<ProjectForm>().unit, "兴县自然资源局");
  EXPECT_EQ(f.as<ProjectForm>().duration, "1年");
  EXPECT_EQ(f.as<ProjectForm>().period_funds.total, Amount::from_units(1112500));
  EXPECT_EQ(f.as<ProjectForm>().annual_funds.total, Amount::from_units(112500));
  EXPECT_EQ(f.as<ProjectForm>().annual_funds.local, Amount::from_units(112500));
  EXPECT_EQ(f.as<ProjectForm>().measures, "坚持生态优先");
  EXPECT_EQ(f.as<ProjectForm>().filled_date, "20241228134531");
}

namespace {

// The one form of `r` has the year and the year line as written, and nothing left unplaced.
Form with_year(const Report& r, int year, const std::string& year_line, const std::string& variant = "") {
  const Form f = only(r);
  EXPECT_EQ(f.year, year) << variant;
  EXPECT_EQ(f.year_line, year_line) << variant;
  for (const char* rule : {"form.missing-year", "form.unplaced-line", "form.unplaced-cell"})
    EXPECT_EQ(r.findings.count(rule), 0u) << rule << " " << variant;
  return f;
}

}  // namespace

// The year line split over two lines ("(2024年" and "度)"), with empty cells around either half and
// blank lines between them: one year line, as written, and the year.
TEST(FormVariant, YearLineSplitOverTwoLines) {
  const std::string whole = "(2024年度)\n";
  const std::string canonical = shanxi(kHeader, {"→产出指标→数量指标→档案→10个→数量指标→档案→8个"});
  ASSERT_NE(canonical.find(whole), std::string::npos);
  for (const char* split : {"(2024年\n度)\n", "\t(2024年\t\t\n\t度)\t\n", "（2024年\n\n度）\n"}) {
    std::string s = canonical;
    s.replace(s.find(whole), whole.size(), split);
    const std::string written = util::starts_with(split, "（") ? "（2024年度）" : "(2024年度)";
    EXPECT_EQ(with_year(read(s), 2024, written, split).project_name(), "测试项目") << split;
  }
}

// A truncated title is a form only when a year line follows it; an orphan year line after the
// footer is one finding for both of its lines.
TEST(FormVariant, YearLineSplitAfterTruncatedTitleAndAfterTheForm) {
  const Report r = read(tabs(
      "兴县县(区)级预算部门(单位)项目\n"
      "(2025年→→\n"
      "度)→\n"
      "项目名称→兴县测试项目→→\n"
      "项目资金 (元)→本期资金总额:→1,000→→1,000→→\n"
      "→负责人: 经办人: 联系电话: 填报日期: 20241228134531→→\n"
      "(2025年\n"
      "度)\n"));
  EXPECT_EQ(with_year(r, 2025, "(2025年度)").project_name(), "兴县测试项目");
  EXPECT_EQ(r.findings.count("form.orphan-year-line"), 1u);
}

TEST(FormVariant, OverallYearLineSplitOverTwoLines) {
  const Form f = with_year(read(tabs("县(区)级预算部门（单位）整体支出绩效目标申报表\n"
                                     "(2024)→\n"
                                     "年度→→→\n"
                                     "部门基本信息→部门名称→261-测试局→→\n"
                                     "年度绩效指标→一级指标→二级指标→三级指标→指标值→\n"
                                     "→产出指标→数量指标→宣传数量→11个→\n")),
                           2024, "(2024)年度");
  EXPECT_EQ(f.kind(), FormKind::department_overall);
  EXPECT_EQ(f.as<OverallForm>().department_name, "测试局");
}

TEST(FormVariant, NotAFormTitleInProse) {
  const Report r = read("（项目绩效目标表公开情况见附件）\n2024年项目支出绩效目标表情况如下。\n");
  EXPECT_TRUE(r.forms.empty());
}

// --- Overall form ---

TEST(FormVariant, OverallFormScrambledIndicators) {
  const std::string s = tabs(
      "县(区)级预算部门（单位）整体支出绩效目标申报表\n"
      "\n"
      "(2024) 年度→→→\n"
      "部门基本信息→部门名称→261-测试局→→\n"
      "→内设机构部门数→9个→所属预算单位数→0个→\n"
      "年度预算情况→按资金来源划分→资金总额(万元)→按资金方向划分→资金总额(万元)→\n"
      "→合 计→100.00→合 计→100.00→\n"
      "→其中:一般公共预算资金→60.00→其中:基本支出→40.00→\n"
      "→政府性基金预算资金→40.00→→→\n"
      "年度重点任务→核心职能→→重点任务→→\n"
      "→调查监测→→监测项目→→\n"
      "年度绩效目标→目标文字\n"
      "年度绩效指标→一级指标→二级指标→三级指标→指标值→\n"
      "→数量指标→数量指标→宣传数量→11个→\n"
      "→→→产出指标→产出指标→上报通过率\n"
      "→验收合格率→>90%→→→\n"
      "效益指标→→→效益指标→保障发展空间→保障\n"
      "满意度指标→服务对象满意度指标→群众满意度→>90%→→\n");
  const Form& f = only(read(s));
  EXPECT_EQ(f.kind(), FormKind::department_overall);
  EXPECT_EQ(f.year, 2024);
  EXPECT_EQ(f.as<OverallForm>().department_name, "测试局");
  EXPECT_EQ(f.as<OverallForm>().internal_departments, "9个");
  ASSERT_EQ(f.as<OverallForm>().budget_by_source.size(), 3u);
  ASSERT_EQ(f.as<OverallForm>().budget_by_direction.size(), 2u);
  EXPECT_EQ(f.as<OverallForm>().budget_by_direction[1].amount, Amount::from_units(40));
  ASSERT_EQ(f.as<OverallForm>().key_tasks.size(), 1u);
  EXPECT_EQ(f.as<OverallForm>().key_tasks[0].task, "监测项目");
  EXPECT_EQ(f.as<OverallForm>().goal, "目标文字");
  ASSERT_EQ(f.as<OverallForm>().indicators.size(), 5u);
  EXPECT_EQ(f.as<OverallForm>().indicators[1].name, "上报通过率");
  EXPECT_TRUE(f.as<OverallForm>().indicators[1].value.empty());
  EXPECT_EQ(f.as<OverallForm>().indicators[2].level1, "产出指标");
  EXPECT_EQ(f.as<OverallForm>().indicators[3].name, "保障发展空间");
  EXPECT_EQ(f.as<OverallForm>().indicators[3].standard_class, IndicatorClass::benefit);
  EXPECT_EQ(f.as<OverallForm>().indicators[4].standard_type, IndicatorType::satisfaction);
}

// --- Report 004's Hebei form and its row variants ---

namespace {

std::string hebei(const std::vector<std::string>& rows) {
  std::string s =
      "## 5. 2023年测试项目绩效目标表\n"
      "\n"
      "543001 承德市测试局本级\n"
      "\n"
      "单位：万元\n"
      "\n"
      "<b>项目编码</b>→13080023P00006310007U→→<b>项目名称</b>→2023年测试项目→→\n"
      "预算规模及 资金用途→预算数→10.00→其中：财政 资金→10.00→其他资金→\n"
      "→购买第三方服务。→→→→→\n"
      "资金支出计 划（%）→3 月底→→6 月底→10 月底→12 月底→\n"
      "→→→→30%→100%→\n"
      "绩效目标→1. 完成抽查→→→→→\n"
      "一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据→\n";
  for (const auto& r : rows) s += r + "\n";
  return tabs(s);
}

}  // namespace

TEST(FormVariant, HebeiFields) {
  const Form& f = only(read(hebei({"产出指标→数量指标→抽查个数→完成抽查个数→≥20个→年度工作计划→",
                                    "→质量指标→覆盖率→抽查比例→≥5%→行业规范→"})));
  EXPECT_EQ(f.kind(), FormKind::project_hebei);
  EXPECT_EQ(f.title, "5. 2023年测试项目绩效目标表");
  EXPECT_EQ(f.as<HebeiForm>().unit_code, "543001");
  EXPECT_EQ(f.as<HebeiForm>().project_code, "13080023P00006310007U");
  EXPECT_EQ(f.project_name(), "2023年测试项目");
  EXPECT_EQ(f.as<HebeiForm>().budget, Amount::from_units(10));
  EXPECT_EQ(f.as<HebeiForm>().fiscal_funds, Amount::from_units(10));
  EXPECT_TRUE(f.as<HebeiForm>().other_funds.is_blank());
  EXPECT_EQ(f.as<HebeiForm>().fund_use, "购买第三方服务。");
  ASSERT_EQ(f.as<HebeiForm>().spending_plan.size(), 4u);
  EXPECT_EQ(f.as<HebeiForm>().spending_plan[2].value, "30%");
  EXPECT_EQ(f.as<HebeiForm>().spending_plan[3].value, "100%");
  EXPECT_EQ(f.as<HebeiForm>().goal, "1. 完成抽查");
  ASSERT_EQ(f.as<HebeiForm>().indicators.size(), 2u);
  EXPECT_EQ(f.as<HebeiForm>().indicators[1].level1, "产出指标");
  EXPECT_EQ(f.as<HebeiForm>().indicators[1].description, "抽查比例");
  EXPECT_EQ(f.as<HebeiForm>().indicators[1].basis, "行业规范");
}

TEST(FormVariant, HebeiShiftedRowAndMergedValues) {
  const Report r = read(hebei({"效益指标→社会效益指标→提升治理水平→提升治理水平→提升治理水平→巩固提升→",
                               "→可持续影响指标→成果应用效果→提高成果应用→100%可持续→年度工作计划→",
                               "→可持续影响指标→区域环境→环境改善→≥95 百分比→环境要求→"}));
  const Form& f = only(r);
  ASSERT_EQ(f.as<HebeiForm>().indicators.size(), 3u);
  EXPECT_EQ(f.as<HebeiForm>().indicators[0].value, "巩固提升");
  EXPECT_EQ(r.findings.count("form.shifted-row"), 1u);
  EXPECT_EQ(f.as<HebeiForm>().indicators[1].value, "100%可持续");  // kept as written
  EXPECT_EQ(f.as<HebeiForm>().indicators[2].value, "≥95 百分比");
  EXPECT_EQ(f.as<HebeiForm>().indicators[2].standard_type, IndicatorType::sustainable);
}

TEST(FormVariant, HebeiStrayHeaderAfterPageBreak) {
  const Report r = read(hebei({"产出指标→数量指标→抽查个数→完成抽查个数→≥20个→年度工作计划→", "",
                               "一级指标→二级指标→三级指标→绩效指标描述→指标值→指标值确定依据", "→标→→→→",
                               "满意度指标→服务对象满意度指标→群众满意度→群众满意度→≥95%→行业规范"}));
  const Form& f = only(r);
  EXPECT_EQ(f.as<HebeiForm>().indicators.size(), 2u);
  EXPECT_EQ(r.findings.count("form.repeated-header"), 1u);
  EXPECT_EQ(r.findings.count("form.unplaced-line"), 1u);
}

TEST(FormVariant, DepartmentText) {
  const std::string s =
      "## 部门整体绩效目标\n\n### 一、总体绩效目标\n\n#### 一、总体绩效目标\n\n总体目标文字。\n\n"
      "### 二、分项绩效目标\n\n##### （一）职责得以行使\n\n绩效目标：目标一的前半\n\n---\n\n后半。\n\n"
      "绩效指标：指标一。\n\n#### （二）职责得到履行\n\n没有前缀的目标。\n\n绩效指标：指标二。\n\n"
      "### 三、工作保障措施\n\n（一）完善制度。\n\n（二）严格执行预算。\n\n---\n\n## 第二部分\n";
  const Report r = read(s);
  const Form& f = only(r);
  EXPECT_EQ(f.kind(), FormKind::department_text);
  EXPECT_EQ(f.as<DepartmentText>().overall_goal, "总体目标文字。");
  ASSERT_EQ(f.as<DepartmentText>().sub_goals.size(), 2u);
  EXPECT_EQ(f.as<DepartmentText>().sub_goals[0].goal, "目标一的前半后半。");
  EXPECT_EQ(f.as<DepartmentText>().sub_goals[0].indicators, "指标一。");
  EXPECT_EQ(f.as<DepartmentText>().sub_goals[1].goal, "没有前缀的目标。");
  EXPECT_EQ(r.findings.count("form.missing-goal-prefix"), 1u);
  ASSERT_EQ(f.as<DepartmentText>().safeguards.size(), 2u);
  EXPECT_EQ(f.as<DepartmentText>().safeguards[1], "（二）严格执行预算。");
}

// --- Page numbers inside a form ---

namespace {

// The texts of the page numbers set aside while reading.
std::vector<std::string> page_numbers(const Report& r) {
  std::vector<std::string> out;
  for (const Noise& n : r.set_aside)
    if (n.kind == NoiseKind::page_number) out.push_back(n.text);
  return out;
}

// `text` with `line` inserted after the first line that starts with `after`.
std::string insert_after(std::string text, const std::string& after, const std::string& line) {
  const std::size_t at = text.find('\n', text.find(after));
  EXPECT_NE(at, std::string::npos) << after;
  return at == std::string::npos ? text : text.insert(at + 1, line + "\n");
}

}  // namespace

TEST(FormVariant, PageNumbersInsideFormsAreSetAside) {
  // Project form: among the fields, inside the indicator table, after the footer.
  std::string s = shanxi(kHeader, {"→产出指标→数量指标→档案→10个→数量指标→档案→8个", "→→\t—33—\t→→",
                                   "→效益指标→社会效益指标→效率→提高→社会效益指标→效率→提高"});
  s = insert_after(s, "项目概况", "- 32 -");
  const Report project = read(s + "第3页\n");
  const Form& f = only(project);
  EXPECT_EQ(f.as<ProjectForm>().overview, "概况文字");
  ASSERT_EQ(f.as<ProjectForm>().indicator_rows.size(), 2u);
  EXPECT_EQ(row(f, 1).period.name, "效率");
  EXPECT_TRUE(f.as<ProjectForm>().has_footer);
  EXPECT_EQ(project.findings.count("form.unplaced-line"), 0u);
  EXPECT_EQ(page_numbers(project), (std::vector<std::string>{"- 32 -", "—33—", "第3页"}));

  // Overall form.
  const Report overall = read(tabs(
      "县(区)级预算部门（单位）整体支出绩效目标申报表\n(2024年度)\n"
      "部门基本信息→部门名称→261-测试局→→\n- 7 -\n"
      "年度绩效指标→一级指标→二级指标→三级指标→指标值→\n"
      "→产出指标→数量指标→宣传数量→11个→\n- 8 -\n"
      "→效益指标→社会效益指标→效率→提高→\n"));
  EXPECT_EQ(only(overall).as<OverallForm>().indicators.size(), 2u);
  EXPECT_EQ(overall.findings.count("form.unplaced-line"), 0u);
  EXPECT_EQ(page_numbers(overall), (std::vector<std::string>{"- 7 -", "- 8 -"}));

  // Hebei form: the 一级 label of the rows after the page number is kept.
  const Report hebei_form = read(hebei({"产出指标→数量指标→抽查个数→完成抽查个数→≥20个→年度工作计划→", "- 9 -",
                                        "→质量指标→覆盖率→抽查比例→≥5%→行业规范→"}));
  const Form& h = only(hebei_form);
  ASSERT_EQ(h.as<HebeiForm>().indicators.size(), 2u);
  EXPECT_EQ(h.as<HebeiForm>().indicators[1].level1, "产出指标");
  EXPECT_EQ(hebei_form.findings.count("form.unplaced-line"), 0u);
  EXPECT_EQ(page_numbers(hebei_form), std::vector<std::string>{"- 9 -"});

  // Department text: a page number is a page break; the paragraph it cut goes on.
  const Report text = read(
      "## 部门整体绩效目标\n\n### 一、总体绩效目标\n\n总体目标文字。\n\n"
      "### 二、分项绩效目标\n\n#### （一）职责得以行使\n\n绩效目标：目标一的前半\n\n- 10 -\n\n后半。\n\n"
      "绩效指标：指标一。\n\n## 第二部分\n");
  const Form& d = only(text);
  ASSERT_EQ(d.as<DepartmentText>().sub_goals.size(), 1u);
  EXPECT_EQ(d.as<DepartmentText>().sub_goals[0].goal, "目标一的前半后半。");
  EXPECT_EQ(text.findings.count("form.unplaced-line"), 0u);
  EXPECT_EQ(page_numbers(text), std::vector<std::string>{"- 10 -"});
}

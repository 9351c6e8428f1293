// Every form of every corpus report: counts per report and spot checks of fields, amounts and
// indicator rows, with values read off the corpus text (line numbers in the comments).
#include <gtest/gtest.h>

#include <algorithm>

#include <map>
#include <set>
#include <tuple>

#include "forms/form_test_util.hpp"

namespace {

using namespace budgetxl;

const Report& forms_of(const std::string& prefix) {
  static std::map<std::string, Report> cache;
  auto it = cache.find(prefix);
  if (it == cache.end())
    it = cache.emplace(prefix, formtest::read_forms(formtest::corpus_lines(formtest::corpus_file(prefix)))).first;
  return it->second;
}

#define NEED_CORPUS(prefix) \
  if (formtest::corpus_file(prefix).empty()) GTEST_SKIP() << "corpus " prefix " not present"

const Form* find(const Report& r, const std::string& name, int nth = 0) {
  for (const auto& f : r.forms)
    if (f.project_name() == name && nth-- == 0) return &f;
  return nullptr;
}

const IndicatorRow* row_at(const Form& f, std::uint32_t line) {
  for (const auto& r : f.as<ProjectForm>().indicator_rows)
    if (r.origin.line == line) return &r;
  return nullptr;
}

const Indicator* indicator_at(const Form& f, std::uint32_t line) {
  for (const auto& i : *f.indicator_list())
    if (i.origin.line == line) return &i;
  return nullptr;
}

Amount yuan(std::int64_t v) { return Amount::from_units(v); }

std::size_t count_kind(const Report& r, FormKind k) {
  std::size_t n = 0;
  for (const auto& f : r.forms) n += f.kind() == k;
  return n;
}

}  // namespace

TEST(FormCorpus, Counts000) {
  NEED_CORPUS("000");
  const Report& r = forms_of("000");
  EXPECT_EQ(count_kind(r, FormKind::project), 18u);
  EXPECT_EQ(r.forms.size(), 18u);
  // 年度 indicator counts in document order (corpus notes §4), 实施期 where it differs.
  const std::size_t annual[] = {10, 33, 15, 21, 24, 19, 11, 11, 13, 19, 9, 26, 12, 11, 9, 9, 13, 21};
  ASSERT_EQ(r.forms.size(), std::size(annual));
  for (std::size_t k = 0; k < r.forms.size(); ++k) EXPECT_EQ(r.forms[k].annual_indicator_count(), annual[k]) << k;
  EXPECT_EQ(r.forms[8].period_indicator_count(), 19u);
  EXPECT_EQ(r.forms[13].period_indicator_count(), 13u);
  for (const auto& f : r.forms) {
    EXPECT_EQ(f.year, 2024);
    EXPECT_EQ(f.as<ProjectForm>().department_code, "210");
    EXPECT_EQ(f.as<ProjectForm>().unit, "临汾市自然资源确权登记中心");
    EXPECT_TRUE(f.as<ProjectForm>().has_footer) << f.project_name();
    EXPECT_EQ(f.as<ProjectForm>().period_funds.total, f.as<ProjectForm>().annual_funds.total) << f.project_name();  // equal in every 000 form
    EXPECT_EQ(f.duplicate_of, -1);
  }
}

TEST(FormCorpus, Form000Valuation) {
  NEED_CORPUS("000");
  const Form* f = find(forms_of("000"), "“清零行动”历史遗留问题地价评估项目");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->origin.line, 462u);
  EXPECT_EQ(f->year_line, "(2024年度)");
  EXPECT_EQ(f->as<ProjectForm>().department, "210-临汾市规划和自然资源局");
  EXPECT_EQ(f->as<ProjectForm>().department_name, "临汾市规划和自然资源局");
  EXPECT_EQ(f->as<ProjectForm>().attribute, "一次性项目（1年结束）");
  EXPECT_EQ(f->as<ProjectForm>().duration, "1年");
  for (const Funding* fu : {&f->as<ProjectForm>().period_funds, &f->as<ProjectForm>().annual_funds}) {
    EXPECT_EQ(fu->total, yuan(865000));
    EXPECT_EQ(fu->central, yuan(0));
    EXPECT_EQ(fu->provincial, yuan(0));
    EXPECT_EQ(fu->local, yuan(865000));
    EXPECT_EQ(fu->self_raised, yuan(0));
    EXPECT_TRUE(fu->other.is_blank());
  }
  EXPECT_EQ(f->as<ProjectForm>().basis.rfind("1、临汾市规划和自然资源局党组会议纪要", 0), 0u);
  EXPECT_EQ(f->as<ProjectForm>().measures, "制定项目实施方案");
  EXPECT_EQ(f->as<ProjectForm>().plan, "年底38个地价评估项目全部完成");
  EXPECT_EQ(f->as<ProjectForm>().goal_period, f->as<ProjectForm>().goal_annual);
  EXPECT_EQ(f->as<ProjectForm>().goal_period.rfind("2023年已完成11个项目的评估", 0), 0u);
  // l.486: 成本 row; l.487: 三级 in the 一级 column, value two cells on (L5).
  const IndicatorRow* cost = row_at(*f, 486);
  ASSERT_NE(cost, nullptr);
  EXPECT_EQ(cost->period.level2, "成本指标");
  EXPECT_EQ(cost->period.name, "内页测算、报告撰写");
  EXPECT_EQ(cost->period.value, "≤56.45万元");
  EXPECT_EQ(cost->annual.value, "≤56.45万元");
  const IndicatorRow* outside = row_at(*f, 487);
  ASSERT_NE(outside, nullptr);
  EXPECT_EQ(outside->period.name, "外业调查");
  EXPECT_EQ(outside->period.value, "≤30万元");
  EXPECT_EQ(outside->annual.name, "外业调查");
  EXPECT_EQ(outside->annual.value, "≤30万元");
  EXPECT_EQ(outside->period.standard_type, IndicatorType::cost);
  EXPECT_EQ(outside->period.level1, "产出指标");
  const IndicatorRow* sat = row_at(*f, 492);
  ASSERT_NE(sat, nullptr);
  EXPECT_EQ(sat->annual.level1, "满意度指标");
  EXPECT_EQ(sat->annual.standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(sat->annual.name, "群众满意度");
  EXPECT_EQ(sat->annual.value, "满意");
  EXPECT_EQ(f->as<ProjectForm>().filled_date, "20231124153201");
  EXPECT_EQ(f->as<ProjectForm>().responsible, "");
}

TEST(FormCorpus, Form000OfficeCosts) {
  NEED_CORPUS("000");
  const Form* f = find(forms_of("000"), "办公经费");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->as<ProjectForm>().annual_funds.local, yuan(426000));  // l.505 "市县（区）财政资 金"
  EXPECT_EQ(f->as<ProjectForm>().duration, "99年");
  // H1 (l.516-517): the header starts with 一级指标, 绩效指标 sits in the first data row.
  const IndicatorRow* first = row_at(*f, 517);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->period.level1, "产出指标");
  EXPECT_EQ(first->period.level2, "数量指标");
  EXPECT_EQ(first->period.name, "档案袋");
  EXPECT_EQ(first->annual.value, "100000个");
  const IndicatorRow* print = row_at(*f, 542);  // "→→→印刷类费用→→→≤3.1万元→印刷类费用→≤3.1万元"
  ASSERT_NE(print, nullptr);
  EXPECT_EQ(print->period.name, "印刷类费用");
  EXPECT_EQ(print->period.value, "≤3.1万元");
  EXPECT_EQ(print->annual.value, "≤3.1万元");
  EXPECT_EQ(print->annual.standard_type, IndicatorType::cost);
  const IndicatorRow* econ = row_at(*f, 545);  // L2: 一级 in col0
  ASSERT_NE(econ, nullptr);
  EXPECT_EQ(econ->period.level1, "效益指标");
  EXPECT_EQ(econ->period.standard_type, IndicatorType::economic);
  EXPECT_EQ(econ->annual.name, "工作效率");
  EXPECT_EQ(f->as<ProjectForm>().filled_date, "20230925113319");
}

TEST(FormCorpus, Form000GluedAndHalves) {
  NEED_CORPUS("000");
  const Report& r = forms_of("000");
  const Form* rack = find(r, "不动产机房机架");  // l.691-695: values glued to their labels
  ASSERT_NE(rack, nullptr);
  EXPECT_EQ(rack->as<ProjectForm>().period_funds.total, yuan(69960));
  EXPECT_EQ(rack->as<ProjectForm>().annual_funds.total, yuan(69960));
  EXPECT_EQ(rack->as<ProjectForm>().period_funds.central, yuan(0));
  EXPECT_EQ(rack->as<ProjectForm>().period_funds.local, yuan(69960));
  EXPECT_EQ(rack->as<ProjectForm>().annual_funds.self_raised, yuan(0));
  const IndicatorRow* econ = row_at(*rack, 719);  // "经济效益指标→经济效益→提高": 三级 reads like a label
  ASSERT_NE(econ, nullptr);
  EXPECT_EQ(econ->period.level2, "经济效益指标");
  EXPECT_EQ(econ->period.name, "经济效益");
  EXPECT_EQ(econ->period.value, "提高");

  const Form* special = find(r, "不动产登记专项业务经费");  // C2: 万元 vs 元 (l.668)
  ASSERT_NE(special, nullptr);
  const IndicatorRow* c = row_at(*special, 668);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->period.value, "2.6万元");
  EXPECT_EQ(c->annual.value, "2.6元");
  EXPECT_EQ(c->period.level2, "成本指标");

  const Form* archive = find(r, "档案信息化建设（“清零行动”期间项目）");  // H3 doubled cells, C1
  ASSERT_NE(archive, nullptr);
  const IndicatorRow* only = row_at(*archive, 815);
  ASSERT_NE(only, nullptr);
  EXPECT_EQ(only->period.name, "档案整理");
  EXPECT_EQ(only->period.value, "30000卷");
  EXPECT_TRUE(only->annual.empty());
  const IndicatorRow* q = row_at(*archive, 821);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->period.name, "项目验收达标（符合市档案馆要求）");
  EXPECT_EQ(q->annual.name, "项目验收达标（符合市档案馆）");

  const Form* merge = find(r, "临汾市本级不动产数据整合");  // halves differ (l.1015-1022)
  ASSERT_NE(merge, nullptr);
  const IndicatorRow* d = row_at(*merge, 1015);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->period.name, "房产数据整合");
  EXPECT_EQ(d->annual.name, "林权扫描");
  EXPECT_EQ(d->annual.value, "1项");
  const IndicatorRow* land = row_at(*merge, 1021);
  ASSERT_NE(land, nullptr);
  EXPECT_EQ(land->period.name, "土地数据");
  EXPECT_EQ(land->period.value, "≤35万元");
  EXPECT_EQ(land->annual.name, "数据整合");
  EXPECT_EQ(land->annual.value, "≤12.01万元");
  EXPECT_EQ(land->annual.standard_type, IndicatorType::cost);

  const Form* kiosk = find(r, "自助化设备采购项目");  // L4: 三级 in col0 (l.1165); date far right (l.1172)
  ASSERT_NE(kiosk, nullptr);
  const IndicatorRow* cache = row_at(*kiosk, 1165);
  ASSERT_NE(cache, nullptr);
  EXPECT_EQ(cache->period.name, "缓存");
  EXPECT_EQ(cache->annual.value, "≤10000元");
  EXPECT_EQ(cache->annual.level2, "成本指标");
  EXPECT_EQ(kiosk->as<ProjectForm>().filled_date, "20231222165435");
  EXPECT_EQ(kiosk->as<ProjectForm>().annual_funds.total, yuan(2000000));
}

TEST(FormCorpus, Counts001) {
  NEED_CORPUS("001");
  const Report& r = forms_of("001");
  EXPECT_EQ(count_kind(r, FormKind::project), 54u);
  EXPECT_EQ(count_kind(r, FormKind::department_overall), 1u);
  std::set<std::string> names;
  for (const auto& f : r.forms)
    if (f.kind() == FormKind::project) names.insert(f.project_name());
  EXPECT_EQ(names.size(), 53u);
  // 8 forms have only the 实施期 goal (corpus notes §3.2).
  std::set<std::uint32_t> period_only;
  for (const auto& f : r.forms)
    if (f.kind() == FormKind::project && f.as<ProjectForm>().goal_annual.empty() && !f.as<ProjectForm>().goal_period.empty()) period_only.insert(f.origin.line);
  EXPECT_EQ(period_only.size(), 8u);
  for (const auto& f : r.forms) {
    if (f.kind() != FormKind::project) continue;
    EXPECT_EQ(f.as<ProjectForm>().department, "261-沁水县自然资源局") << f.project_name();
    EXPECT_EQ(f.as<ProjectForm>().unit, "沁水县自然资源局本级") << f.project_name();
    EXPECT_GE(f.annual_indicator_count(), f.duplicate_of >= 0 ? 0u : 6u) << f.project_name();
    EXPECT_LE(f.annual_indicator_count(), 14u) << f.project_name();
  }
}

TEST(FormCorpus, Form001Duplicate) {
  NEED_CORPUS("001");
  const Report& r = forms_of("001");
  const std::string name = "沁水县龙港镇下苏庄不稳定斜坡地质灾害应急治理工程";
  const Form* first = find(r, name, 0);
  const Form* second = find(r, name, 1);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(first->origin.line, 1459u);
  EXPECT_EQ(second->origin.line, 1495u);
  EXPECT_FALSE(first->as<ProjectForm>().has_footer);
  EXPECT_EQ(first->annual_indicator_count(), 10u);
  EXPECT_EQ(first->period_indicator_count(), 11u);
  EXPECT_TRUE(second->as<ProjectForm>().has_footer);
  EXPECT_EQ(second->indicator_count(), 0u);
  EXPECT_EQ(second->duplicate_of, first - r.forms.data());
  EXPECT_EQ(first->as<ProjectForm>().annual_funds.total, second->as<ProjectForm>().annual_funds.total);
  EXPECT_GE(r.findings.count("form.duplicate"), 1u);
  EXPECT_GE(r.findings.count("form.missing-footer"), 1u);
  EXPECT_GE(r.findings.count("form.missing-indicators"), 1u);
}

TEST(FormCorpus, Form001Fields) {
  NEED_CORPUS("001");
  const Report& r = forms_of("001");
  const Form* f = find(r, "2022-2023耕地“进出平衡”方案编制经费");  // l.630; name begins with digits and '-'
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->as<ProjectForm>().department_code, "261");
  EXPECT_EQ(f->as<ProjectForm>().period_funds.total, yuan(450000));
  EXPECT_EQ(f->as<ProjectForm>().annual_funds.total, yuan(341920));
  EXPECT_EQ(f->as<ProjectForm>().annual_funds.local, yuan(341920));
  EXPECT_EQ(f->as<ProjectForm>().filled_date, "20240131155651");
  EXPECT_EQ(f->annual_indicator_count(), 7u);
  const IndicatorRow* h2 = row_at(*f, 647);  // H2: extra empty column between the halves
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->annual.level2, "数量指标");
  EXPECT_EQ(h2->annual.value, "≥2956个");
  const IndicatorRow* empty = row_at(*f, 652);  // C3: empty 经济效益 row kept, not counted
  ASSERT_NE(empty, nullptr);
  EXPECT_TRUE(empty->annual.empty());
  EXPECT_EQ(empty->annual.standard_type, IndicatorType::economic);

  const Form* disaster = find(r, "2024年中央自然灾害防治体系建设补助资金");  // 省级, not 中央
  ASSERT_NE(disaster, nullptr);
  EXPECT_EQ(disaster->as<ProjectForm>().annual_funds.provincial, yuan(574300));
  EXPECT_EQ(disaster->as<ProjectForm>().annual_funds.central, yuan(0));

  const Form* patrol = find(r, "矿山纠察队人员工资及经费");  // L9 (l.1115), C2 (l.1117)
  ASSERT_NE(patrol, nullptr);
  const IndicatorRow* l9 = row_at(*patrol, 1115);
  ASSERT_NE(l9, nullptr);
  EXPECT_EQ(l9->period.name, "矿山纠察队参保率");
  EXPECT_EQ(l9->period.level2, "质量指标");
  EXPECT_EQ(l9->annual.level2, "质量指标");
  const IndicatorRow* wage = row_at(*patrol, 1117);
  ASSERT_NE(wage, nullptr);
  EXPECT_NE(wage->period.value, wage->annual.value);
  EXPECT_NE(wage->period.value.find("40000"), std::string::npos);
  EXPECT_NE(wage->annual.value.find("38000"), std::string::npos);

  const Form* land = find(r, "土地收购成本");  // l.2206: half-width (单位) in the title, (长期开展)
  ASSERT_NE(land, nullptr);
  EXPECT_EQ(land->as<ProjectForm>().attribute, "经常性项目(长期开展)");
  EXPECT_EQ(land->as<ProjectForm>().annual_funds.total, yuan(10000000));
}

TEST(FormCorpus, Overall001) {
  NEED_CORPUS("001");
  const Report& r = forms_of("001");
  const Form* f = nullptr;
  for (const auto& x : r.forms)
    if (x.kind() == FormKind::department_overall) f = &x;
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->origin.line, 564u);
  EXPECT_EQ(f->year, 2024);
  EXPECT_EQ(f->as<OverallForm>().department_code, "261");
  EXPECT_EQ(f->as<OverallForm>().department_name, "沁水县自然资源局");
  EXPECT_EQ(f->as<OverallForm>().internal_departments, "9个");
  EXPECT_EQ(f->as<OverallForm>().budget_units, "0个");
  EXPECT_EQ(f->as<OverallForm>().staff_quota, "78人");
  EXPECT_EQ(f->as<OverallForm>().staff_actual, "159人");
  EXPECT_EQ(f->as<OverallForm>().staff_on_quota, "159人");
  EXPECT_EQ(f->as<OverallForm>().staff_other, "0人");
  EXPECT_EQ(f->as<OverallForm>().duties.rfind("2019年3月", 0), 0u);
  EXPECT_EQ(f->as<OverallForm>().strategy.rfind("2024年度沁水县自然资源局", 0), 0u);
  ASSERT_EQ(f->as<OverallForm>().budget_by_source.size(), 7u);
  EXPECT_EQ(f->as<OverallForm>().budget_by_source[0].label, "合 计");
  EXPECT_EQ(f->as<OverallForm>().budget_by_source[0].amount, Amount::from_minor(1624399));
  EXPECT_EQ(f->as<OverallForm>().budget_by_source[2].amount, Amount::from_minor(400000));
  ASSERT_EQ(f->as<OverallForm>().budget_by_direction.size(), 3u);
  EXPECT_EQ(f->as<OverallForm>().budget_by_direction[1].label, "其中:基本支出");
  EXPECT_EQ(f->as<OverallForm>().budget_by_direction[1].amount, Amount::from_minor(227192));
  EXPECT_EQ(f->as<OverallForm>().budget_by_direction[2].amount, Amount::from_minor(1397207));
  ASSERT_EQ(f->as<OverallForm>().key_tasks.size(), 5u);
  EXPECT_EQ(f->as<OverallForm>().key_tasks[1].function, "负责全县自然资源调查监测评价");
  EXPECT_EQ(f->as<OverallForm>().key_tasks[1].task, "自然资源监管预警实施项目");
  EXPECT_EQ(f->as<OverallForm>().goal.rfind("(一)针对土地资源", 0), 0u);
  EXPECT_EQ(f->indicator_count(), 35u);
  const Indicator* first = indicator_at(*f, 590);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->name, "地质灾害宣传乡级数量");
  EXPECT_EQ(first->value, "11个");
  EXPECT_EQ(first->standard_class, IndicatorClass::output);
  const Indicator* shifted = indicator_at(*f, 617);  // four leading tabs
  ASSERT_NE(shifted, nullptr);
  EXPECT_EQ(shifted->name, "消除县境安全隐患,坝体稳定");
  EXPECT_EQ(shifted->value, "消除");
  EXPECT_EQ(shifted->standard_class, IndicatorClass::benefit);
  const Indicator* sat = indicator_at(*f, 624);
  ASSERT_NE(sat, nullptr);
  EXPECT_EQ(sat->standard_type, IndicatorType::satisfaction);
  EXPECT_EQ(sat->value, ">90%");
  EXPECT_NE(std::find(f->missing.begin(), f->missing.end(), "footer"), f->missing.end());  // the overall form has no footer
}

TEST(FormCorpus, Counts002) {
  NEED_CORPUS("002");
  const Report& r = forms_of("002");
  EXPECT_EQ(count_kind(r, FormKind::project), 40u);
  EXPECT_EQ(r.forms.size(), 40u);
  // Indicator rows as a careful reader counts them (corpus notes §1.4; "—" forms left out).
  const std::map<std::uint32_t, std::size_t> counts = {
      {520, 10}, {564, 12}, {598, 14}, {635, 9},  {699, 9},  {732, 10}, {763, 9},  {795, 10}, {857, 11},
      {889, 11}, {927, 10}, {1075, 11}, {1144, 11}, {1183, 11}, {1224, 10}, {1255, 11}, {1289, 9}, {1362, 7},
      {1393, 7}, {1597, 0}, {1829, 10}, {1866, 11}, {1973, 9}, {2006, 11}, {2039, 0}, {2089, 7}, {2132, 9}};
  std::size_t seen = 0;
  for (const auto& f : r.forms) {
    EXPECT_EQ(f.year, 2025) << f.origin.line;
    const auto it = counts.find(f.origin.line);
    if (it == counts.end()) continue;
    ++seen;
    EXPECT_EQ(f.indicator_count(), it->second) << f.project_name() << " l." << f.origin.line;
  }
  EXPECT_EQ(seen, counts.size());
}

TEST(FormCorpus, Amounts002) {
  NEED_CORPUS("002");
  // (line, 实施期, 年度) for every form (corpus notes §1.4).
  const std::vector<std::tuple<std::uint32_t, std::int64_t, std::int64_t>> amounts = {
      {520, 3000000, 1000000}, {564, 2000000, 450000},  {598, 510000, 62500},   {635, 1047000, 136800},
      {668, 1112500, 112500},  {699, 5654600, 451200},  {732, 1288000, 500000}, {763, 1500000, 1000000},
      {795, 3690000, 345000},  {825, 336000, 336000},   {857, 240000, 237000},  {889, 240000, 236800},
      {927, 1417000, 179300},  {968, 332000, 40500},    {1002, 850000, 70000},  {1039, 1425000, 181300},
      {1075, 1200000, 100000}, {1108, 10000000, 2660000}, {1144, 626000, 79000}, {1183, 1350000, 500000},
      {1224, 970000, 81000},   {1255, 890000, 75000},   {1289, 7130000, 595000}, {1324, 1800000, 150000},
      {1362, 9000, 9000},      {1393, 24000, 24000},    {1424, 1150000, 1150000}, {1528, 835000, 103800},
      {1564, 180000, 177000},  {1597, 1068000, 139500}, {1829, 150000, 150000}, {1866, 250000, 246900},
      {1904, 448000, 57000},   {1937, 1540000, 197500}, {1973, 542100, 48000},  {2006, 360000, 294800},
      {2039, 150000, 147400},  {2057, 4256467, 1000000}, {2089, 1920000, 1300000}, {2132, 311130, 17915}};
  const Report& r = forms_of("002");
  ASSERT_EQ(r.forms.size(), amounts.size());
  for (std::size_t k = 0; k < amounts.size(); ++k) {
    const auto& [line, period, annual] = amounts[k];
    const Form& f = r.forms[k];
    EXPECT_EQ(f.origin.line, line);
    EXPECT_EQ(f.as<ProjectForm>().period_funds.total, yuan(period)) << line;
    EXPECT_EQ(f.as<ProjectForm>().annual_funds.total, yuan(annual)) << line;
    EXPECT_EQ(f.as<ProjectForm>().unit, "兴县自然资源局") << line;
    EXPECT_EQ(f.as<ProjectForm>().annual_funds.local, yuan(annual)) << line;  // all money is 市县 in 002
  }
}

TEST(FormCorpus, Fields002) {
  NEED_CORPUS("002");
  const Report& r = forms_of("002");
  const Form* glued = find(r, "打击私挖滥采行为应急处置项目");  // l.766-773 glued label/value cells
  ASSERT_NE(glued, nullptr);
  EXPECT_EQ(glued->as<ProjectForm>().unit, "兴县自然资源局");
  EXPECT_EQ(glued->as<ProjectForm>().duration, "1年");
  EXPECT_EQ(glued->as<ProjectForm>().annual_funds.central, yuan(0));
  const Form* merged = find(r, "业务费用");  // l.2091 "项目名称 主管部门及代码", code on l.2092
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->as<ProjectForm>().department, "048-兴县自然资源局");
  const Form* alone = find(r, "兴县2023年耕地“进出平衡”任务整改");  // name without label (l.1111)
  ASSERT_NE(alone, nullptr);
  EXPECT_EQ(alone->as<ProjectForm>().attribute, "一般项目(非结转)");
  EXPECT_EQ(alone->as<ProjectForm>().annual_funds.provincial, yuan(0));  // 省财政专项资金
  const Form* village = find(r, "2024年兴县实用性村庄规划编制");  // name on its own line (l.701)
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->as<ProjectForm>().department, "048-兴县自然资源局");
  const IndicatorRow* v6 = row_at(*village, 719);  // V6: 年度 half without values
  ASSERT_NE(v6, nullptr);
  EXPECT_EQ(v6->period.value, "38个");
  EXPECT_EQ(v6->annual.name, "实用性村庄规划编制");
  EXPECT_TRUE(v6->annual.value.empty());
  const Form* cut = find(r, "兴县2025年度");  // truncated title (l.927), footer on separate lines
  ASSERT_NE(cut, nullptr);
  EXPECT_EQ(cut->as<ProjectForm>().filled_date, "20241227221521");
  EXPECT_FALSE(cut->as<ProjectForm>().goal_period.empty());
  const Form* loop = find(r, "兴县集体土地所有权确权登记成果更新汇总");  // l.1597 generation loop
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->indicator_count(), 0u);
  EXPECT_EQ(loop->as<ProjectForm>().duration, "1年");
  EXPECT_GE(r.findings.count("form.repeated-line"), 1u);
  const Form* third = find(r, "兴县第三次国土调查");  // l.1431-1434: amounts whose labels were lost
  ASSERT_NE(third, nullptr);
  EXPECT_EQ(third->as<ProjectForm>().period_funds.local, yuan(1150000));
  EXPECT_EQ(third->as<ProjectForm>().period_funds.central, yuan(0));
  const Form* stamp = find(r, "印花税");
  ASSERT_NE(stamp, nullptr);
  EXPECT_EQ(stamp->as<ProjectForm>().filled_date, "20241230220334");
}

TEST(FormCorpus, Hebei004) {
  NEED_CORPUS("004");
  const Report& r = forms_of("004");
  EXPECT_EQ(count_kind(r, FormKind::project_hebei), 36u);
  EXPECT_EQ(count_kind(r, FormKind::department_text), 1u);
  EXPECT_EQ(count_kind(r, FormKind::project), 0u);
  Amount total, own;
  for (const auto& f : r.forms) {
    if (f.kind() != FormKind::project_hebei) continue;
    total += f.as<HebeiForm>().budget;
    if (f.as<HebeiForm>().unit_code == "543001") own += f.as<HebeiForm>().budget;
    EXPECT_EQ(f.as<HebeiForm>().fiscal_funds, f.as<HebeiForm>().budget) << f.project_name();
    EXPECT_TRUE(f.as<HebeiForm>().other_funds.is_blank()) << f.project_name();
    EXPECT_GE(f.indicator_count(), 7u) << f.project_name();
    EXPECT_LE(f.indicator_count(), 13u) << f.project_name();
    for (const auto& i : f.as<HebeiForm>().indicators) EXPECT_FALSE(i.name.empty()) << f.project_name();
    // The heading (minus 绩效目标表) equals the 项目名称 cell.
    EXPECT_NE(f.title.find(f.project_name()), std::string::npos) << f.title;
  }
  EXPECT_EQ(total, Amount::from_minor(209857));
  EXPECT_EQ(own, Amount::from_minor(130528));

  const Form& first = r.forms[1];
  EXPECT_EQ(first.origin.line, 148u);
  EXPECT_EQ(first.as<HebeiForm>().unit_code, "543001");
  EXPECT_EQ(first.as<HebeiForm>().unit, "承德市自然资源和规划局本级");
  EXPECT_EQ(first.as<HebeiForm>().project_code, "13080023P000085100062");
  EXPECT_EQ(first.project_name(), "2023 年测绘地理信息资质单位质量监督检查");
  EXPECT_EQ(first.as<HebeiForm>().budget, Amount::from_units(15));
  EXPECT_EQ(first.as<HebeiForm>().fund_use, "用于购买第三方服务支出。");
  ASSERT_EQ(first.as<HebeiForm>().spending_plan.size(), 4u);
  EXPECT_EQ(first.as<HebeiForm>().spending_plan[2].label, "10 月底");
  EXPECT_EQ(first.as<HebeiForm>().spending_plan[2].value, "30%");
  EXPECT_EQ(first.as<HebeiForm>().spending_plan[3].value, "100%");
  EXPECT_TRUE(first.as<HebeiForm>().spending_plan[0].value.empty());
  ASSERT_EQ(first.as<HebeiForm>().indicators.size(), 7u);
  EXPECT_EQ(first.as<HebeiForm>().indicators[1].level1, "产出指标");  // merged 一级 cell
  EXPECT_EQ(first.as<HebeiForm>().indicators[1].level2, "质量指标");
  EXPECT_EQ(first.as<HebeiForm>().indicators[1].value, "≥90%");
  EXPECT_EQ(first.as<HebeiForm>().indicators[1].basis, "行业规范");
  EXPECT_EQ(first.as<HebeiForm>().indicators[5].standard_type, IndicatorType::sustainable);
  EXPECT_EQ(first.as<HebeiForm>().indicators[5].description, "提高成果应用，为社会经济发展和环境治理提供可持续数据保障。");

  const Form* markup = nullptr;  // <b> tags around the labels, 3-column spending plan (l.430)
  for (const auto& f : r.forms)
    if (f.origin.line == 424) markup = &f;
  ASSERT_NE(markup, nullptr);
  EXPECT_EQ(markup->as<HebeiForm>().project_code, "13080023P000071100064");
  EXPECT_EQ(markup->as<HebeiForm>().budget, Amount::from_minor(9760));
  ASSERT_EQ(markup->as<HebeiForm>().spending_plan.size(), 3u);
  EXPECT_EQ(markup->as<HebeiForm>().spending_plan[1].value, "50%");
  EXPECT_EQ(markup->as<HebeiForm>().indicators.size(), 7u);

  const Form* late = nullptr;  // l.781: "12 月底→100%" on its own line
  for (const auto& f : r.forms)
    if (f.origin.line == 770) late = &f;
  ASSERT_NE(late, nullptr);
  ASSERT_EQ(late->as<HebeiForm>().spending_plan.size(), 4u);
  EXPECT_EQ(late->as<HebeiForm>().spending_plan[3].label, "12 月底");
  EXPECT_EQ(late->as<HebeiForm>().spending_plan[3].value, "100%");

  // Form 36: 12 rows, a repeated header and a "→标" fragment after a page break (l.929-930), then
  // its 满意度 row on the last line of the file (l.931, no final newline): 13 indicators.
  const Form& last = r.forms.back();
  EXPECT_EQ(last.indicator_count(), 13u);
  EXPECT_EQ(last.as<HebeiForm>().indicators.back().origin.line, 931u);
  EXPECT_EQ(last.as<HebeiForm>().indicators.back().name, "参观展览馆群众满意度");
  EXPECT_EQ(last.as<HebeiForm>().indicators.back().level1, "满意度指标");
  EXPECT_GE(r.findings.count("form.unplaced-line"), 1u);
}

TEST(FormCorpus, DepartmentText004) {
  NEED_CORPUS("004");
  const Report& r = forms_of("004");
  ASSERT_FALSE(r.forms.empty());
  const Form& t = r.forms.front();
  ASSERT_EQ(t.kind(), FormKind::department_text);
  EXPECT_EQ(t.origin.line, 70u);
  EXPECT_EQ(t.as<DepartmentText>().overall_goal.rfind("以习近平新时代中国特色社会主义思想为指导", 0), 0u);
  ASSERT_EQ(t.as<DepartmentText>().sub_goals.size(), 6u);
  EXPECT_EQ(t.as<DepartmentText>().sub_goals[0].heading, "（一）全民所有自然资源资产所有者职责得以行使");
  // l.84 is cut by the '---' separator and goes on at l.88.
  EXPECT_NE(t.as<DepartmentText>().sub_goals[0].goal.find("管理，促进资源节约集约利用"), std::string::npos);
  EXPECT_EQ(t.as<DepartmentText>().sub_goals[0].indicators.rfind("高质量完成 2022 年度国土调查", 0), 0u);
  EXPECT_EQ(t.as<DepartmentText>().sub_goals[1].goal.rfind("各项制度规定得到落实", 0), 0u);  // no 绩效目标： prefix (l.94)
  EXPECT_EQ(t.as<DepartmentText>().sub_goals[3].indicators.rfind("全市基础地质资料", 0), 0u);  // after a separator (l.110)
  ASSERT_EQ(t.as<DepartmentText>().safeguards.size(), 5u);
  EXPECT_NE(t.as<DepartmentText>().safeguards[0].find("标和分类绩效目标"), std::string::npos);  // l.128 + l.132
  EXPECT_EQ(t.as<DepartmentText>().safeguards[4].rfind("（五）加强新职责新定位宣传", 0), 0u);
}

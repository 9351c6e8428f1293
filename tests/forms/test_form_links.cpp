// Linking project forms to 表十二: by name, by amount when names drift, duplicates, and every
// project without a form reported with its 表十二 line.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "forms/form_test_util.hpp"
#include "finish/form_links.hpp"
#include "text/report_reader.hpp"

namespace {

using namespace budgetxl;

Row project_row(const std::string& name, std::int64_t minor_wan, std::uint32_t line, RowKind kind = RowKind::item) {
  Row r;
  r.kind = kind;
  Cell n;
  n.text = name;
  Cell t;
  t.amount = Amount::from_minor(minor_wan);
  r.cells = {n, t};
  r.origin = Origin::at_line(line);
  return r;
}

Form project_form(const std::string& name, std::int64_t annual_yuan) {
  Form f;
  f.body.emplace<ProjectForm>();
  f.as<ProjectForm>().project_name = name;
  f.as<ProjectForm>().annual_funds.total = Amount::from_units(annual_yuan);
  return f;
}

std::set<std::string> without_form(const Report& r) {
  std::set<std::string> out;
  const Table* t = r.table(12);
  for (const auto& f : r.findings.items())
    if (f.rule == "form.project-without-form")
      for (const auto& row : t->rows)
        if (row.origin.line == f.where.line && !row.cells.empty()) out.insert(row.cells[0].text);
  return out;
}

const Report& full(const std::string& prefix) {
  static std::map<std::string, Report> cache;
  auto it = cache.find(prefix);
  if (it == cache.end()) {
    Report r = text::read_text_report(formtest::corpus_file(prefix), bxtest::layouts());
    link_forms_to_projects(r, bxtest::layouts());  // idempotent: the reader may have linked already
    it = cache.emplace(prefix, std::move(r)).first;
  }
  return it->second;
}

}  // namespace

TEST(FormLinks, ByNameAmountAndMissing) {
  Report r;
  Table t;
  t.number = 12;
  t.rows = {project_row("测试局", 3000, 10, RowKind::organisation), project_row("甲项目", 1000, 11),
            project_row("乙项目（单位部分）", 700, 12), project_row("丙项目", 1300, 13), project_row("丁项目", 1, 14)};
  r.tables.push_back(t);
  r.forms = {project_form("甲项目", 100000), project_form("乙项目(单位部分)", 70000),
             project_form("丙项目改名", 129950), project_form("戊项目", 5)};
  Form dup = project_form("甲项目", 100000);
  dup.duplicate_of = 0;
  r.forms.push_back(dup);
  link_forms_to_projects(r, bxtest::layouts());
  EXPECT_EQ(r.forms[0].table12_row, 1);
  EXPECT_EQ(r.forms[0].link, "name");
  EXPECT_EQ(r.forms[1].table12_row, 2);  // full- vs half-width parentheses
  EXPECT_EQ(r.forms[2].table12_row, 3);  // round(129950 / 10000, 2) = 13.00
  EXPECT_EQ(r.forms[2].link, "amount");
  EXPECT_EQ(r.forms[2].linked_project, "丙项目");
  EXPECT_EQ(r.forms[3].table12_row, -1);
  EXPECT_EQ(r.forms[4].table12_row, 1);
  EXPECT_EQ(r.findings.count("form.linked-by-amount"), 1u);
  EXPECT_EQ(r.findings.count("form.unlinked"), 1u);
  ASSERT_EQ(r.findings.count("form.project-without-form"), 1u);
  for (const auto& f : r.findings.items()) {
    if (f.rule == "form.project-without-form") {
      EXPECT_EQ(f.where.line, 14u);
    }
  }
}

TEST(FormLinks, NoTable12NoFindings) {
  Report r;
  r.forms = {project_form("甲项目", 100000)};
  link_forms_to_projects(r, bxtest::layouts());
  EXPECT_EQ(r.forms[0].table12_row, -1);
  EXPECT_TRUE(r.findings.items().empty());
}

TEST(FormLinks, Corpus000) {
  if (formtest::corpus_file("000").empty()) GTEST_SKIP() << "no corpus";
  const Report& r = full("000");
  ASSERT_NE(r.table(12), nullptr);
  ASSERT_EQ(r.forms.size(), 18u);
  for (const auto& f : r.forms) {
    EXPECT_EQ(f.link, "name") << f.project_name();
    ASSERT_GE(f.table12_row, 0) << f.project_name();
    const Row& row = r.table(12)->rows[static_cast<std::size_t>(f.table12_row)];
    // round(年度资金总额 / 10000, 2) equals the 合计 (不动产机房机架: 69,960 -> 7.00).
    EXPECT_EQ((f.as<ProjectForm>().annual_funds.total.minor() + 5000) / 10000, row.cells[1].amount.minor()) << f.project_name();
  }
  EXPECT_TRUE(without_form(r).empty());
}

TEST(FormLinks, Corpus001) {
  if (formtest::corpus_file("001").empty()) GTEST_SKIP() << "no corpus";
  const Report& r = full("001");
  ASSERT_NE(r.table(12), nullptr);
  std::set<int> rows;
  std::size_t by_amount = 0;
  for (const auto& f : r.forms) {
    if (f.kind() != FormKind::project) continue;
    ASSERT_GE(f.table12_row, 0) << f.project_name();
    rows.insert(f.table12_row);
    if (f.link == "amount") ++by_amount;
  }
  EXPECT_EQ(rows.size(), 53u);  // 54 forms, the duplicate shares its project's row
  EXPECT_EQ(by_amount, 3u);     // 马坪坎/马坪坟, 郭庄村/郭庄, 技术支持/技术支撑
  for (const auto& f : r.forms) {
    if (f.project_name() == "卫片执法技术支持项目") {
      EXPECT_EQ(f.linked_project, "卫片执法技术支撑项目");
    }
  }
  EXPECT_TRUE(without_form(r).empty());
}

TEST(FormLinks, Corpus002) {
  if (formtest::corpus_file("002").empty()) GTEST_SKIP() << "no corpus";
  const Report& r = full("002");
  ASSERT_NE(r.table(12), nullptr);
  std::set<int> rows;
  for (const auto& f : r.forms) {
    ASSERT_GE(f.table12_row, 0) << f.project_name();
    rows.insert(f.table12_row);
  }
  EXPECT_EQ(rows.size(), 40u);
  const std::set<std::string> expected = {"山西兴县金地煤业有限公司超层越界检查测绘",
                                          "兴县八个乡三维地形图测绘",
                                          "兴县铝土矿陶瓷土矿企业超层越界检查测绘",
                                          "兴县水资源基础调查",
                                          "兴县2020年和2021年度耕地资源质量分类年度更新与监测",
                                          "兴县2022年度耕地资源质量分类年度更新与监测",
                                          "兴县2023年度耕地资源质量分类年度更新与监测",
                                          "兴县2021年至2022年耕地“进出平衡”任务调查及方案编制"};
  EXPECT_EQ(without_form(r), expected);
  for (const auto& f : r.forms) {
    if (f.project_name() == "兴县2025年度") {
      EXPECT_EQ(f.linked_project, "兴县2022年度国土变更调查");
    }
  }
}

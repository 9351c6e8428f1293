// One test per reader rule, each on a small report written in the layout it exercises.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_support.hpp"
#include "text/clean.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"

using namespace budgetxl;
using bxtest::amount_at;
using bxtest::find_row;
using bxtest::read_snippet;
using bxtest::text_at;

namespace {

const char* kTable3 =
    "2024年预算支出总表\n"
    "\n"
    "单位名称：示例单位\n"
    "\n"
    "单位：万元\n"
    "\n"
    "项目\t\t2024年预算数\t\t\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "合计\t\t100.50\t60.25\t40.25\n"
    "208\t社会保障和就业支出\t60.25\t60.25\t\n"
    "\n"
    "20805\t行政事业单位养老支出\t60.25\t60.25\t\n"
    "2080505\t机关事业单位基本养老保险缴费支出\t60.25\t60.25\t\n"
    "220\t自然资源海洋气象等支出\t40.25\t\t40.25\n";

std::size_t count_rule(const Report& r, const std::string& rule) { return r.findings.count(rule); }

}  // namespace

TEST(ReaderRules, FindsTableByTitleAndKeepsBlankLinesInside) {
  const Report r = read_snippet(kTable3);
  const Table* t = r.table(3);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows.size(), 5u);  // the blank line (page break) does not end the table
  EXPECT_EQ(t->title, "2024年预算支出总表");
  EXPECT_EQ(t->entity, "示例单位");
  EXPECT_EQ(t->unit, "万元");
  EXPECT_EQ(amount_at(r, 3, "2080505", "total"), "60.25");
  EXPECT_EQ(amount_at(r, 3, "220", "basic"), "");  // blank stays blank
  EXPECT_EQ(amount_at(r, 3, "合计", "project"), "40.25");
  EXPECT_EQ(t->rows[0].kind, RowKind::total);
  EXPECT_EQ(find_row(r, 3, "20805")->level, 2);
  EXPECT_EQ(find_row(r, 3, "2080505")->origin.line, 13u);
  EXPECT_EQ(r.meta.year, 2024);
}

TEST(ReaderRules, TableOfContentsEntryIsNotATable) {
  const Report r = read_snippet("目 录\n表三2024年预算支出总表.....\t4\n第一部分 概况\n一、职责\n");
  EXPECT_TRUE(r.tables.empty());
  ASSERT_GE(r.parts.size(), 2u);
  EXPECT_EQ(r.parts[1].kind, PartKind::contents);
  EXPECT_EQ(r.parts[2].kind, PartKind::overview);
}

TEST(ReaderRules, ContentsThatNoPartHeadingEndsEndAtTheBodysFirstHeading) {
  // Shanghai: entries without page numbers, then a blank line and the body's first heading.
  const std::string text = "目 录\n一、部门主要职能\n二、部门机构设置\n六、其他相关情况说明\n\n某某局主要职能\n某某局是区政府工作部门。\n";
  const Report r = read_snippet(text);
  ASSERT_EQ(r.parts.size(), 3u);
  EXPECT_EQ(r.parts[1].kind, PartKind::contents);
  EXPECT_EQ(r.parts[1].blocks.size(), 4u);  // its heading and three entries
  EXPECT_NE(r.parts[2].kind, PartKind::contents);
  EXPECT_EQ(r.parts[2].heading, "某某局主要职能");
  // Written and read again, the contents still end there.
  const Report again = read_snippet(text::write_text_report(r, bxtest::layouts()));
  ASSERT_EQ(again.parts.size(), 3u);
  EXPECT_EQ(again.parts[1].blocks.size(), 4u);
  // A part heading among the entries (Hebei) stays an entry.
  const Report hebei = read_snippet("目 录\n一、总体目标.....\t1\n\n## 第二部分 预算项目绩效目标\n\n1.某项目绩效目标表.....\t6\n\n第一部分 概况\n");
  ASSERT_GE(hebei.parts.size(), 3u);
  EXPECT_EQ(hebei.parts[1].blocks.size(), 4u);  // its heading, two entries and the heading between them
  EXPECT_EQ(hebei.parts[2].heading, "第一部分 概况");
}

TEST(ReaderRules, LabelLineAttachesToTheTable) {
  const Report r = read_snippet(std::string("预算公开表3\n\n") + kTable3);
  ASSERT_NE(r.table(3), nullptr);
  EXPECT_EQ(r.table(3)->label_line, "预算公开表3");
  EXPECT_EQ(count_rule(r, "text.label-mismatch"), 0u);
  const Report other = read_snippet(std::string("部门公开表9\n\n") + kTable3);
  EXPECT_EQ(count_rule(other, "text.label-mismatch"), 1u);
}

TEST(ReaderRules, EntityAndUnitOnOneLine) {
  for (const char* line : {"单位名称：沁水县自然资源局本级 单位：万元", "部门名称：兴县自然资源局单位:万元", "部门名称:兴县自然资源局 单位：元"}) {
    std::string text = kTable3;
    text = text.replace(text.find("单位名称：示例单位"), std::string("单位名称：示例单位").size(), line);
    const Report r = read_snippet(text);
    ASSERT_NE(r.table(3), nullptr) << line;
    EXPECT_TRUE(r.table(3)->entity == "沁水县自然资源局本级" || r.table(3)->entity == "兴县自然资源局") << r.table(3)->entity;
    EXPECT_EQ(r.table(3)->rows.size(), 5u);
  }
  const Report yuan = read_snippet(std::string("2024年预算支出总表\n部门名称:兴县自然资源局 单位：元\n") + "科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t1.00\t1.00\t\n");
  EXPECT_EQ(yuan.table(3)->unit, "元");
  EXPECT_EQ(yuan.table(3)->entity_label, "部门名称");
}

TEST(ReaderRules, TotalLabelInSecondColumn) {
  const Report r = read_snippet("2024年预算支出总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t3.00\t1.00\t2.00\n208\t社会保障和就业支出\t3.00\t1.00\t2.00\n");
  ASSERT_NE(r.table(3), nullptr);
  EXPECT_EQ(r.table(3)->rows[0].kind, RowKind::total);
  EXPECT_EQ(amount_at(r, 3, "合计", "total"), "3.00");
}

TEST(ReaderRules, Table4WithThreeOrFourExpenseColumns) {
  const std::string head =
      "2024年财政拨款收支总表\n单位名称：示例\n单位：万元\n"
      "收入\t\t支出\t\t\t\n项目\t金额\t项目\t金额\t\t\n";
  const Report three = read_snippet(head + "\t\t\t小计\t一般公共预算\t政府性基金预算\n一、一般公共预算\t5.00\t一、一般公共服务支出\t5.00\t5.00\t\n");
  ASSERT_NE(three.table(4), nullptr);
  EXPECT_EQ(three.table(4)->absent_columns, std::vector<std::string>{"expense_state_capital"});
  EXPECT_EQ(amount_at(three, 4, "一、一般公共服务支出", "expense_general"), "5.00");
  EXPECT_EQ(amount_at(three, 4, "一、一般公共服务支出", "expense_state_capital"), "");
  const Report four = read_snippet(head + "\t\t\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n一、一般公共预算\t5.00\t一、一般公共服务支出\t5.00\t4.00\t\t1.00\n");
  EXPECT_TRUE(four.table(4)->absent_columns.empty());
  EXPECT_EQ(amount_at(four, 4, "一、一般公共服务支出", "expense_state_capital"), "1.00");
}

TEST(ReaderRules, RepeatedLabelsStayDistinctRows) {
  const Report r = read_snippet(
      "2024年财政拨款收支总表\n收入\t\t支出\t\t\t\t\n项目\t金额\t项目\t金额\t\t\t\n\t\t\t小计\t一般公共预算\t政府性基金预算\t国有资本经营预算\n"
      "一、一般公共预算\t1339.13\t一、一般公共服务支出\t\t\t\t\n上年财政拨款结转\t148.94\t年终结转\t\t\t\t\n一、一般公共预算\t148.94\t\t\t\t\t\n");
  EXPECT_EQ(amount_at(r, 4, "一、一般公共预算", "income_amount", 1), "1339.13");
  EXPECT_EQ(amount_at(r, 4, "一、一般公共预算", "income_amount", 2), "148.94");
}

TEST(ReaderRules, OrganisationRowsOfProjectTables) {
  const Report r = read_snippet(
      "2024年项目支出预算表（上年结转）\n单位名称：示例中心\n单位：万元\n项目名称\t合计\t2024年财政拨款\t\t\n\t\t一般公共预算\t政府性基金预算\t国有资本经营预算\n1\t2\t3\t4\t5\n"
      "示例局\t30.00\t30.00\t\t\n示例中心\t30.00\t30.00\t\t\n示例中心\t30.00\t30.00\t\t\n项目甲\t10.00\t10.00\t\t\n项目乙\t20.00\t20.00\t\t\n");
  const Table* t = r.table(13);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 5u);  // the column-number row is not data
  for (int i = 0; i < 3; ++i) EXPECT_EQ(t->rows[static_cast<std::size_t>(i)].kind, RowKind::organisation) << i;
  EXPECT_EQ(t->rows[0].level, 1);
  EXPECT_EQ(t->rows[3].kind, RowKind::item);
  EXPECT_EQ(t->rows[4].kind, RowKind::item);
  // A single project equal to its unit's total is still a project.
  const Report one = read_snippet("2024年项目支出预算表（上年结转）\n项目名称\t合计\t2024年财政拨款\t\t\n1\t2\t3\t4\t5\n示例中心\t7.00\t7.00\t\t\n项目甲\t7.00\t7.00\t\t\n");
  EXPECT_EQ(one.table(13)->rows[0].kind, RowKind::organisation);
  EXPECT_EQ(one.table(13)->rows[1].kind, RowKind::item);
}

// A department of several units, without a 表十一 naming them: the figures say which rows are the
// department and its units (each unit's projects add up to it, the units to the department); only
// the projects are projects without a form.
TEST(ReaderRules, OrganisationRowsOfSeveralUnits) {
  const std::string head =
      "2024年项目支出预算表（本年预算）\n单位名称：示例局\n单位：万元\n"
      "项目名称\t合计\t2024年财政拨款\t\t\t财政专户管理资金\t单位资金\n"
      "\t\t一般公共预算\t政府性基金预算\t国有资本经营预算\t\t\n1\t2\t3\t4\t5\t6\t7\n";
  const auto row = [](const char* name, const char* total) { return std::string(name) + "\t" + total + "\t" + total + "\t\t\t\t\n"; };
  const Report r = read_snippet(head + row("示例局", "60.00") + row("示例局本级", "40.00") + row("示例局本级", "40.00") +
                                row("项目甲", "10.00") + row("项目乙", "30.00") + row("示例中心", "20.00") +
                                row("项目丙", "20.00"));
  const Table* t = r.table(12);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 7u);
  const RowKind org = RowKind::organisation, item = RowKind::item;
  const std::vector<RowKind> kinds = {org, org, org, item, item, org, item};
  for (std::size_t i = 0; i < kinds.size(); ++i) EXPECT_EQ(t->rows[i].kind, kinds[i]) << t->rows[i].cells[0].text;
  EXPECT_EQ(t->rows[0].level, 1);
  EXPECT_EQ(t->rows[5].level, t->rows[2].level);  // a unit further down: as the first unit's last row
  EXPECT_EQ(t->rows[6].level, t->rows[3].level);
  std::vector<std::string> without_form;
  for (const auto& f : r.findings.items())
    if (f.rule == "form.project-without-form")
      for (const auto& row12 : t->rows)
        if (row12.origin.line == f.where.line) without_form.push_back(row12.cells[0].text);
  EXPECT_EQ(without_form, (std::vector<std::string>{"项目甲", "项目乙", "项目丙"}));

  // Figures that do not add up leave the unit rows projects (the first row is the entity of the table).
  const Report wrong = read_snippet(head + row("示例局", "60.00") + row("示例局本级", "40.00") + row("项目甲", "10.00") +
                                    row("示例中心", "20.00") + row("项目丙", "20.00"));
  ASSERT_NE(wrong.table(12), nullptr);
  EXPECT_EQ(wrong.table(12)->rows[1].kind, item);
  EXPECT_EQ(wrong.table(12)->rows[3].kind, item);
}

TEST(ReaderRules, SplitNumbersAndThousandsSeparators) {
  const Report r = read_snippet("2024年预算支出总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t1,014. 58\t1,000.00\t14. 58\n");
  EXPECT_EQ(amount_at(r, 3, "合计", "total"), "1014.58");
  EXPECT_EQ(amount_at(r, 3, "合计", "project"), "14.58");
  EXPECT_EQ(r.findings.count("text.bad-amount"), 0u);
}

TEST(ReaderRules, WatermarksAndGluedPageFootersAreSetAside) {
  const Report r = read_snippet(
      "示例局\n2025年度部门预算公开\n仅供内部审核\n第一部分 概况\n"
      "一是负责规划编制。-3-示例局2024年部门预算公开报告仅供内部审核仅供内部审核主要职能如下。\n-38-\n");
  ASSERT_GE(r.parts.size(), 2u);
  const Part& overview = r.parts.back();
  ASSERT_EQ(overview.blocks.size(), 2u);
  EXPECT_EQ(overview.blocks[1].text, "一是负责规划编制。主要职能如下。");
  std::map<NoiseKind, int> kinds;
  for (const auto& n : r.set_aside) ++kinds[n.kind];
  EXPECT_EQ(kinds[NoiseKind::watermark], 3);
  EXPECT_EQ(kinds[NoiseKind::page_footer], 1);
  EXPECT_EQ(kinds[NoiseKind::page_number], 1);
}

// Bare page numbers with ASCII, em, en or full-width dashes, and 第N页, whole lines only.
TEST(ReaderRules, PageNumberLines) {
  const ReportLayout& layout = bxtest::layouts().report();
  for (const char* line : {"- 32 -", "-38-", "—32—", "— 1 —", "－32－", "–7–", "第3页"})
    EXPECT_TRUE(text::is_page_number(line, layout)) << line;
  for (const char* line : {"32", "-32", "2024-2025", "—", "——", "第3页共5页", "项目—32—"})
    EXPECT_FALSE(text::is_page_number(line, layout)) << line;
}

TEST(ReaderRules, FullAndHalfWidthTitles) {
  const Report r = read_snippet("2024年一般公共预算支出预算表(不含上年结转)\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t1.00\t1.00\t\n");
  ASSERT_NE(r.table(5), nullptr);
  const Report full = read_snippet("２０２４年一般公共预算支出预算表（不含上年结转）\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t1.00\t1.00\t\n");
  ASSERT_NE(full.table(5), nullptr);
  EXPECT_EQ(full.meta.year, 2024);
}

TEST(ReaderRules, MarkdownHeadingsAndSeparators) {
  const Report r = read_snippet("# 第一部分\n\n## 部门基本情况\n\n### 一、主要职能\n\n正文第一段，\n\n---\n\n正文接续。\n");
  ASSERT_EQ(r.parts.size(), 2u);
  const auto& blocks = r.parts[1].blocks;
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].text, "第一部分");
  EXPECT_EQ(blocks[0].markup, 1);
  EXPECT_EQ(blocks[2].text, "一、主要职能");
  EXPECT_EQ(blocks[2].level, 3);
  EXPECT_EQ(blocks[4].text, "正文接续。");
  ASSERT_EQ(r.set_aside.size(), 1u);
  EXPECT_EQ(r.set_aside[0].kind, NoiseKind::separator);
}

TEST(ReaderRules, UnplacedLinesBecomeFindingsWithTheirLine) {
  const Report r = read_snippet("2024年预算支出总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t3.00\t1.00\t2.00\n乱码一行\n208\t社会保障和就业支出\t3.00\t1.00\t2.00\t9.99\n");
  ASSERT_NE(r.table(3), nullptr);
  EXPECT_EQ(r.table(3)->rows.size(), 2u);
  ASSERT_EQ(count_rule(r, "text.unplaced-line"), 1u);
  ASSERT_EQ(count_rule(r, "text.extra-cells"), 1u);
  for (const auto& f : r.findings.items()) {
    if (f.rule == "text.unplaced-line") {
      EXPECT_EQ(f.where.line, 4u);
    }
    if (f.rule == "text.extra-cells") {
      EXPECT_EQ(f.where.line, 5u);
      EXPECT_NE(f.message.find("9.99"), std::string::npos);
    }
  }
}

TEST(ReaderRules, BadAmountIsAnErrorAndKeptAsText) {
  const Report r = read_snippet("2024年预算支出总表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t三块钱\t1.00\t\n");
  EXPECT_EQ(text_at(r, 3, "合计", "total"), "三块钱");
  ASSERT_EQ(count_rule(r, "text.bad-amount"), 1u);
  EXPECT_EQ(r.findings.items()[0].where.line, 3u);
  EXPECT_EQ(r.findings.items()[0].where.field, 3u);
  EXPECT_TRUE(r.findings.has_errors());
}

TEST(ReaderRules, EmptyTableKeepsItsNote) {
  const Report r = read_snippet(
      "2024年政府性基金预算收入表（不含上年结转）\n单位名称：示例\n单位：万元\n项目\t\t政府性基金收入预算\n收入科目编码\t科目名称\t\n合计\t\t\n\n注：本表无数据\n"
      "2024年政府性基金预算支出表（不含上年结转）\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t\t\t\n");
  ASSERT_NE(r.table(7), nullptr);
  EXPECT_EQ(r.table(7)->no_data_note, "注：本表无数据");
  EXPECT_EQ(r.table(7)->rows.size(), 1u);
  ASSERT_NE(r.table(8), nullptr);
  EXPECT_TRUE(r.table(8)->no_data_note.empty());
}

TEST(ReaderRules, MissingTablesAreReported) {
  const Report r = read_snippet(kTable3);
  EXPECT_EQ(count_rule(r, "table.missing"), 12u);
  const Report prose = read_snippet("第一部分 概况\n没有表格的文本。\n");
  EXPECT_EQ(count_rule(prose, "table.missing"), 0u);
}

TEST(ReaderRules, AppendedDocumentsAreSetAsideUntilTheNextPart) {
  const Report r = read_snippet("第三部分 情况说明\n十二、其他\n山西省财政厅文件\n晋财综〔2023〕43号\n代码\t一级目录\n第四部分 名词解释\n一、基本支出：指……\n");
  ASSERT_EQ(r.parts.size(), 3u);
  EXPECT_EQ(r.parts[2].kind, PartKind::glossary);
  EXPECT_EQ(r.set_aside.size(), 3u);
  EXPECT_EQ(r.findings.count("text.appendix"), 1u);
}

TEST(ReaderRules, CoverGivesEntityKindAndYear) {
  const Report r = read_snippet("\n\n临汾市自然资源确权登记中心\n\n2024年度单位预算公开\n\n目 录\n第一部分 概况\t1\n\n第一部分 概况\n");
  EXPECT_EQ(r.meta.entity, "临汾市自然资源确权登记中心");
  EXPECT_EQ(r.meta.kind, DocumentKind::unit);
  EXPECT_EQ(r.meta.year, 2024);
  EXPECT_EQ(r.parts.size(), 3u);  // cover, contents, 概况
}

TEST(ReaderRules, AFileWithNothingOfAReportIsRefused) {
  const Report r = read_snippet("{\"entity\": \"示例\", \"tables\": {}}\n");
  try {
    text::require_report_content(r);
    FAIL() << "expected DecodeError";
  } catch (const text::DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("snippet.txt"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(text::require_report_content(read_snippet(kTable3)));
  EXPECT_NO_THROW(text::require_report_content(read_snippet("第一部分 概况\n正文。\n")));
}

TEST(ReaderRules, ATextOpeningWithATableOpensWithAPartOfTablesAndANoteIsNoEntity) {
  // The tables part published on its own, or the text written from a workbook a person made.
  const Report r = read_snippet(kTable3 + std::string("\n注：本表数据来源于部门预算系统\n"));
  ASSERT_FALSE(r.parts.empty());
  EXPECT_EQ(r.parts.front().kind, PartKind::tables);
  ASSERT_GE(r.parts.front().blocks.size(), 2u);
  EXPECT_EQ(r.parts.front().blocks.front().kind, BlockKind::table);
  EXPECT_EQ(r.parts.front().blocks.back().text, "注：本表数据来源于部门预算系统");
  EXPECT_NE(r.meta.entity, "注：本表数据来源于部门预算系统") << "a note after a table names no entity";
}

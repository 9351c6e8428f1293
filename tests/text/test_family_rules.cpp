// What the Shanghai and Jiangsu layouts need from the text reader, one rule a test, on made-up
// snippets written the way the real reports print (→ is a TAB).
#include <gtest/gtest.h>

#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"
#include "text/decode.hpp"
#include "text/report_reader.hpp"
#include "util/normalize.hpp"

using namespace budgetxl;

namespace {

std::string tabs(std::string s) { return util::replace_all(s, "→", "\t"); }

Report read_as(const std::string& family, const std::string& text) {
  return text::read_text(text::decode_bytes(tabs(text), "snippet.txt"), "snippet.txt", LayoutFamilies::embedded().get(family));
}

const Layouts& detect(const std::string& text) {
  return text::family_of(text::decode_bytes(tabs(text), "snippet.txt"), LayoutFamilies::embedded(), "");
}

bool has_finding(const Report& r, const std::string& rule) {
  for (const Finding& f : r.findings.items())
    if (f.rule == rule) return true;
  return false;
}

const Row* row_with(const Table& t, const std::string& text) {
  for (const Row& row : t.rows)
    for (const Cell& c : row.cells)
      if (c.text == text) return &row;
  return nullptr;
}

std::string cell(const Report& r, const std::string& family, int table, const std::string& key, const std::string& column) {
  const Table* t = r.table(table);
  if (!t) return "<no table>";
  const Row* row = row_with(*t, key);
  if (!row) return "<no row>";
  const int c = LayoutFamilies::embedded().get(family).table(table).column_index(column);
  const Cell& x = row->cells[static_cast<std::size_t>(c)];
  return x.amount.is_blank() ? x.text : x.amount.to_string();
}

const std::string kShanghaiHeader =
    "项目→→→→支出预算→→\n功能分类科目编码→→→功能分类科目名称→合计→基本支出→项目支出\n类→款→项→→→→\n";

}  // namespace

TEST(FamilyRules, ShanghaiCodesInThreeColumnsAreHeldJoinedAndTheHeaderRepeatsPerPage) {
  const Report r = read_as("shanghai", "2025年部门支出预算总表\n编制部门：某局→单位：元\n" + kShanghaiHeader +
                                           "201→→→一般公共服务支出→300.00→200.00→100.00\n201→06→→财政事务→300.00→200.00→100.00\n\n" +
                                           kShanghaiHeader +  // the next page repeats the header
                                           "201→06→01→行政运行→300.00→200.00→100.00\n合计→→→→300.00→200.00→100.00\n");
  ASSERT_NE(r.table(3), nullptr);
  EXPECT_EQ(r.table(3)->rows.size(), 4u);
  EXPECT_EQ(r.table(3)->entity, "某局");
  EXPECT_EQ(r.table(3)->unit, "元");
  EXPECT_EQ(cell(r, "shanghai", 3, "2010601", "basic"), "200.00");
  EXPECT_EQ(cell(r, "shanghai", 3, "20106", "project"), "100.00");
  EXPECT_EQ(r.table(3)->rows.back().kind, RowKind::total);
  std::size_t repeated = 0;
  for (const Noise& n : r.set_aside) repeated += n.kind == NoiseKind::running_header;
  EXPECT_EQ(repeated, 3u);
  EXPECT_FALSE(has_finding(r, "table.bad-code"));
}

TEST(FamilyRules, AKuanThatLostItsLeadingZeroIsRestoredWithAFinding) {
  const Report r = read_as("shanghai",
                           "2025年部门一般公共预算基本支出部门预算经济分类预算表\n编制部门：某局→单位：元\n"
                           "项目→→→一般公共预算基本支出→→\n部门预算经济分类科目编码→→经济分类科目名称→合计→人员经费→公用经费\n类→款→→→→\n"
                           "301→→工资福利支出→100→100→0\n301→7→绩效工资→100→100→0\n合计→→→100→100→0\n");
  EXPECT_EQ(cell(r, "shanghai", 8, "30107", "total"), "100.00");
  EXPECT_EQ(cell(r, "shanghai", 8, "30107", "public"), "0.00");  // a printed 0 is zero
  EXPECT_TRUE(has_finding(r, "table.code-zero-restored"));
}

TEST(FamilyRules, ARowThatLostItsLeadingEmptyFieldsGoesUnderTheAmounts) {
  const Report r = read_as("shanghai", "2025年部门支出预算总表\n编制部门：某局→单位：元\n" + kShanghaiHeader +
                                           "201→→→一般公共服务支出→300→200→100\n合计→300→200→100\n");
  EXPECT_EQ(cell(r, "shanghai", 3, "合计", "total"), "300.00");
  EXPECT_EQ(cell(r, "shanghai", 3, "合计", "project"), "100.00");
  EXPECT_TRUE(has_finding(r, "text.row-realigned"));
}

TEST(FamilyRules, OptionalColumnsThatNoPrintedHeaderRowNamesAreAbsent) {
  const std::string head = "2025年部门财务收支预算总表\n编制部门：某局→单位：元\n";
  const Report dept = read_as("shanghai", head + "本年收入→→本年支出→\n项目→预算数→项目→预算数\n"
                                                 "一、财政拨款收入→100.00→一、一般公共服务支出→100.00\n收入总计→100.00→支出总计→100.00\n");
  ASSERT_NE(dept.table(1), nullptr);
  EXPECT_FALSE(dept.table(1)->has_column("expense_personnel"));
  EXPECT_FALSE(dept.table(1)->has_column("expense_project"));
  EXPECT_EQ(cell(dept, "shanghai", 1, "支出总计", "expense_total"), "100.00");
  const Report unit = read_as("shanghai", head + "本年收入→→本年支出→→→→\n项目→预算数→项目→预算数→→→\n→→→合计→基本支出→→项目支出\n"
                                                 "→→→→人员经费→公用经费→\n收入总计→100→支出总计→100→60→30→10\n");
  ASSERT_NE(unit.table(1), nullptr);
  EXPECT_TRUE(unit.table(1)->absent_columns.empty());
  EXPECT_EQ(cell(unit, "shanghai", 1, "支出总计", "expense_public"), "30.00");
}

TEST(FamilyRules, JiangsuLabelLinesBeforeAfterOrInTheTitleLine) {
  const std::string body = "部门名称：某厅→单位：万元\n合计→基本支出→项目支出→单位预留机动经费→结转下年资金\n10.00→6.00→4.00→→\n";
  for (const std::string& top : {std::string("公开 03 表\n支出预算总表\n"), std::string("支出预算总表\n公开表三\n"),
                                 std::string("公开 03 表：支出预算总表\n")}) {
    const Report r = read_as("jiangsu", top + body);
    ASSERT_NE(r.table(3), nullptr) << top;
    ASSERT_EQ(r.table(3)->rows.size(), 1u) << top;
    EXPECT_EQ(r.table(3)->rows[0].cells[0].amount.to_string(), "10.00") << top;
    EXPECT_TRUE(r.table(3)->rows[0].cells[4].amount.is_blank()) << top;
  }
}

TEST(FamilyRules, WrappedTitlesEntitiesAndRowsAreJoined) {
  const Report r = read_as("jiangsu",
                           "公开 09 表：“三公”经费、会议费、培训费\n支出预算表\n部门名称：江苏省某\n单位：万元\n委员会办公厅\n"
                           "合计→“三公”经费→→→→→→会议费→培训费\n→小计→因公出国（境）费→公务用车购置及运行维护费→→→公务接待费→→\n"
                           "→→→小计→公务用车购置费→公务用车运行维护费→→→\n9.00→3.00→1.00→1.00→→1.00→1.00→4.00→2.00\n\n"
                           "公开 01 表\n收支预算总表\n部门名称：某厅→单位：万元\n收入→→支出→→→\n项目名称→金额→功能分类→→支出用途→\n"
                           "→→功能科目名称→金额→项目名称→金额\n一、财政拨款→5.00→一、一般公共服务支出→5.00→一、基本支出→5.00\n"
                           "→→二、外交支出→→→\n十七、国土海洋气象等支\n8\n\n→→出→→→\n"
                           "十八、住房保障支出→2.00\n收入合计→5.00→支出合计→→→5.00\n");
  ASSERT_NE(r.table(9), nullptr);
  EXPECT_EQ(r.table(9)->entity, "江苏省某委员会办公厅");
  EXPECT_TRUE(util::ends_with(r.table(9)->title, "支出预算表"));
  EXPECT_TRUE(has_finding(r, "text.line-joined"));
  ASSERT_NE(r.table(1), nullptr);
  EXPECT_NE(row_with(*r.table(1), "十七、国土海洋气象等支出"), nullptr);  // cut by the page break, joined
  EXPECT_TRUE(has_finding(r, "text.row-joined"));
  // "十八、住房保障支出→2.00" lost its empty 收入 fields: its numbering (after 十七) puts it back.
  EXPECT_EQ(cell(r, "jiangsu", 1, "十八、住房保障支出", "expense_amount"), "2.00");
  EXPECT_EQ(cell(r, "jiangsu", 1, "十八、住房保障支出", "income_amount"), "");
  for (const Finding& f : r.findings.items()) EXPECT_NE(f.rule, "text.unplaced-line") << f.message;
}

TEST(FamilyRules, AListOfTableTitlesIsNoTable) {
  const Report r = read_as("jiangsu", "第二部分 2018年度部门预算表\n一、收支预算总表\n二、收入预算总表\n三、支出预算总表\n\n"
                                      "第三部分 情况说明\n本部门预算收支总计10.00万元。\n");
  EXPECT_TRUE(r.tables.empty());
  EXPECT_TRUE(has_finding(r, "report.no-tables"));
}

TEST(FamilyRules, TheFamilyIsRecognisedFromTitlesAndLabelLines) {
  EXPECT_EQ(detect("2025年部门收入预算总表\n编制部门：某局→单位：元\n2025年部门财务收支预算总表\n").family(), "shanghai");
  EXPECT_EQ(detect("公开 01 表\n收支预算总表\n公开 02 表\n收入预算总表\n").family(), "jiangsu");
  EXPECT_EQ(detect("预算公开表1\n2024年预算收支总表\n").family(), "shanxi");
  EXPECT_EQ(detect("nothing of a budget here\n").family(), "shanxi");  // a tie: the first family listed
}

TEST(FamilyRules, ALabelLineNamesItsTableWhateverTheTitleSays) {
  // A wording the template does not know ("收入来源预算总表"), under 公开 02 表: the label decides.
  const Report r = read_as("jiangsu", "公开 02 表\n收入来源预算总表\n部门名称：某厅→单位：万元\n项目名称→→金额\n"
                                      "收入总计→→10.00\n一般公共预算资金→小计→10.00\n");
  ASSERT_NE(r.table(2), nullptr);
  EXPECT_EQ(r.table(2)->title, "收入来源预算总表");
  EXPECT_EQ(r.table(2)->label_line, "公开 02 表");
  EXPECT_EQ(r.table(2)->rows.size(), 2u);
  // … and it comes back from the workbook and the written text the same.
  const std::string dir = bxtest::temp_dir("family-label-title");
  bxtest::spit(dir + "/r.txt", tabs("公开 02 表\n收入来源预算总表\n部门名称：某厅→单位：万元\n项目名称→→金额\n收入总计→→10.00\n"));
  const roundtrip::FileResult rt = roundtrip::roundtrip_file(dir + "/r.txt", dir, LayoutFamilies::embedded(), "jiangsu");
  EXPECT_TRUE(rt.passed) << rt.error << " " << rt.via_workbook.size() << " " << rt.via_text.size();
  // Prose that merely ends with 表 after a label-like line is not taken: no body follows it.
  const Report prose = read_as("jiangsu", "公开 02 表\n详见收入预算表\n本部门收入10.00万元。\n");
  EXPECT_EQ(prose.table(2), nullptr);
}

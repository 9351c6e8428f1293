// The Jiangsu family on real reports (../shared/corpus/jiangsu/): every report with tables is
// recognised as Jiangsu's and gives its twelve 公开NN表; the text part of a report published in two
// files holds no table. Cells are checked against the published PDF (page named in each check).
#include <gtest/gtest.h>

#include <filesystem>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

std::string jiangsu_report(const std::string& name) { return bxtest::province_report("jiangsu", name); }

const Layouts& jiangsu() { return LayoutFamilies::embedded().get("jiangsu"); }

// The amount in column `id` of the only row of a one-row table.
std::string only_row(const Report& r, int number, const std::string& id) {
  const Table* t = r.table(number);
  if (!t || t->rows.size() != 1) return "<not one row>";
  const Amount& a = t->rows[0].cells[static_cast<std::size_t>(jiangsu().table(number).column_index(id))].amount;
  return a.is_blank() ? "" : a.to_string();
}

// The amount in column `id` of the first row of table `number` with a cell `key`.
std::string amount(const Report& r, int number, const std::string& key, const std::string& id) {
  return bxtest::amount_of_row(r, jiangsu(), number, key, id);
}

const char* const kWithTables[] = {"13-js-rdcwbgt-2018-dept", "15-js-rdcwbgt-2019-dept-tables", "16-js-jcy-2018-dept",
                                   "26-js-gy-2018-dept"};

}  // namespace

TEST(JiangsuCorpus, EveryReportGivesItsTwelveTablesWithNothingUnplaced) {
  for (const char* name : kWithTables) {
    const std::string path = jiangsu_report(name);
    SKIP_WITHOUT_CORPUS(path);
    const Report r = io::read_report(path, LayoutFamilies::embedded());
    EXPECT_EQ(r.meta.family, "jiangsu") << name;
    ASSERT_EQ(r.tables.size(), 12u) << name;
    for (int n = 1; n <= 12; ++n) {
      ASSERT_NE(r.table(n), nullptr) << name << " 公开" << n;
      EXPECT_FALSE(r.table(n)->rows.empty()) << name << " 公开" << n;
      EXPECT_EQ(r.table(n)->unit, "万元") << name << " 公开" << n;
    }
    for (const Finding& f : r.findings.items()) {
      EXPECT_NE(f.rule, "text.unplaced-line") << name << ": " << f.message;
      EXPECT_NE(f.rule, "text.bad-amount") << name << ": " << f.message;
      EXPECT_NE(f.rule, "table.bad-code") << name << ": " << f.message;
      EXPECT_NE(f.rule, "form.project-without-form") << name << ": " << f.message;  // 公开12 is 政府采购
    }
    const roundtrip::FileResult rt =
        roundtrip::roundtrip_file(path, bxtest::temp_dir(std::string("js-") + name), LayoutFamilies::embedded(), "");
    EXPECT_TRUE(rt.passed) << name << ": " << rt.error;
  }
}

TEST(JiangsuCorpus, CellsOfReport13MatchThePdf) {
  const std::string path = jiangsu_report("13-js-rdcwbgt-2018-dept");
  SKIP_WITHOUT_CORPUS(path);
  const Report r = io::read_report(path, LayoutFamilies::embedded());
  // p8 公开01: three column pairs; the entity name is printed over two lines.
  EXPECT_EQ(r.table(1)->entity, "江苏省人大常委会办公厅");
  EXPECT_EQ(amount(r, 1, "一、财政拨款", "income_amount"), "15897.44");
  EXPECT_EQ(amount(r, 1, "一、一般公共服务支出", "expense_amount"), "12706.28");
  EXPECT_EQ(amount(r, 1, "一、基本支出", "use_amount"), "7877.76");
  // p9 公开02: a vertical list with 小计 rows.
  EXPECT_EQ(amount(r, 2, "公共财政拨款（补助）资金", "amount"), "15897.44");
  EXPECT_EQ(amount(r, 2, "收入总计", "amount"), "15897.44");
  // p10 公开03: one row of figures; 结转下年资金 is blank, not zero.
  EXPECT_EQ(only_row(r, 3, "total"), "15897.44");
  EXPECT_EQ(only_row(r, 3, "reserve"), "1685.72");
  EXPECT_EQ(only_row(r, 3, "carry_forward"), "");
  // p10 公开04.
  EXPECT_EQ(amount(r, 4, "一、基本支出", "expense_amount"), "7877.76");
  EXPECT_EQ(amount(r, 4, "一、一般公共预算", "income_amount"), "15897.44");
  // p11 公开05: the 合计 row first, with an empty code; 7-digit codes.
  EXPECT_EQ(r.table(5)->rows.front().kind, RowKind::total);
  EXPECT_EQ(amount(r, 5, "2010101", "amount"), "6372.32");
  // p12-14 公开06-08.
  EXPECT_EQ(amount(r, 6, "30101", "amount"), "1186.73");
  EXPECT_EQ(amount(r, 7, "2010104", "amount"), "1305.25");
  EXPECT_EQ(amount(r, 8, "30231", "amount"), "183.60");
  // p16-17 公开11, 公开12.
  EXPECT_EQ(amount(r, 11, "30201", "amount"), "370.00");
  EXPECT_EQ(amount(r, 12, "台式计算机（20 万以下）", "amount"), "8.00");
  // p15 公开09 under its three-row header, and 公开10 empty with its note.
  EXPECT_EQ(only_row(r, 9, "meeting"), "1305.25");
  EXPECT_EQ(only_row(r, 9, "vehicle_running"), "183.60");
  EXPECT_EQ(r.table(10)->no_data_note, "注：本部门无相关收支项目");
}

TEST(JiangsuCorpus, TheTextPartOfATwoFileReportHoldsNoTable) {
  const std::string path = jiangsu_report("14-js-rdcwbgt-2019-dept-text");
  SKIP_WITHOUT_CORPUS(path);
  const Report r = io::read_report(path, LayoutFamilies::embedded(), "jiangsu");
  EXPECT_TRUE(r.tables.empty());
  EXPECT_FALSE(r.parts.empty());
}

TEST(JiangsuCorpus, AShortRowGoesUnderTheColumnItsNumberingContinues) {
  const std::string path = jiangsu_report("26-js-gy-2018-dept");
  SKIP_WITHOUT_CORPUS(path);
  const Report r = io::read_report(path, LayoutFamilies::embedded());
  // p10 公开01: "十八、住房保障支出 4,716.51" stands in the 功能分类 pair, after 十七; the text lost the
  // row's empty 收入 fields at the page break.
  EXPECT_EQ(amount(r, 1, "十八、住房保障支出", "expense_amount"), "4716.51");
  EXPECT_EQ(amount(r, 1, "十八、住房保障支出", "income_amount"), "");
  // p11 公开05 agrees.
  EXPECT_EQ(amount(r, 5, "221", "amount"), "4716.51");
}

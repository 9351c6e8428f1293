// The Shanghai family on real reports (../shared/corpus/shanghai/): every report is recognised as
// Shanghai's and gives its nine tables; a spread of cells is checked against the published PDF
// (values read off the page named in each check with `pdftotext -f N -l N -layout`).
#include <gtest/gtest.h>

#include <filesystem>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

using bxtest::province_report;

Report read(const std::string& path) { return io::read_report(path, LayoutFamilies::embedded()); }

const Layouts& shanghai() { return LayoutFamilies::embedded().get("shanghai"); }

// The amount in column `id` of the first row of table `number` with a cell `key` (a code, a label).
std::string amount(const Report& r, int number, const std::string& key, const std::string& id) {
  return bxtest::amount_of_row(r, shanghai(), number, key, id);
}

const char* const kReports[] = {"02-sh-pt-czj-2025-dept",    "03-sh-pt-wanli-2023-dept", "04-sh-pt-wanli-2024-dept",
                                "06-sh-pt-fuliyuan-2024-unit", "08-sh-pt-zfb-2025-unit",   "11-sh-pt-sfj-2026-dept"};

}  // namespace

TEST(ShanghaiCorpus, EveryReportGivesItsNineTablesWithNothingUnplaced) {
  for (const char* name : kReports) {
    const std::string path = province_report("shanghai", name);
    SKIP_WITHOUT_CORPUS(path);
    const Report r = read(path);
    EXPECT_EQ(r.meta.family, "shanghai") << name;
    ASSERT_EQ(r.tables.size(), 9u) << name;
    for (int n = 1; n <= 9; ++n) {
      const Table* t = r.table(n);
      ASSERT_NE(t, nullptr) << name << " 表" << n;
      EXPECT_FALSE(t->rows.empty()) << name << " 表" << n;
      EXPECT_EQ(t->unit, n == 9 ? "万元" : "元") << name << " 表" << n;
      EXPECT_FALSE(t->entity.empty()) << name << " 表" << n;
    }
    EXPECT_EQ(r.meta.amount_unit, "元") << name;
    for (const Finding& f : r.findings.items()) {
      EXPECT_NE(f.rule, "text.unplaced-line") << name << ": " << f.message;
      EXPECT_NE(f.rule, "text.bad-amount") << name << ": " << f.message;
      EXPECT_NE(f.rule, "table.missing") << name << ": " << f.message;
    }
  }
}

TEST(ShanghaiCorpus, CellsOfReport02MatchThePdf) {
  const std::string path = province_report("shanghai", "02-sh-pt-czj-2025-dept");
  SKIP_WITHOUT_CORPUS(path);
  const Report r = read(path);
  EXPECT_EQ(r.meta.entity, "上海市普陀区财政局");
  EXPECT_EQ(r.meta.kind, DocumentKind::department);
  EXPECT_EQ(r.meta.year, 2025);
  // p9 表1: a 部门 report prints 预算数 alone; the 基本支出 and 项目支出 columns are absent.
  EXPECT_EQ(amount(r, 1, "收入总计", "income_amount"), "31214205.80");
  EXPECT_EQ(amount(r, 1, "四、住房保障支出", "expense_total"), "4736957.00");
  EXPECT_FALSE(r.table(1)->has_column("expense_personnel"));
  // p10-11 表2: codes printed as 类 | 款 | 项 are held joined.
  EXPECT_EQ(amount(r, 2, "2010601", "total"), "16231840.80");
  EXPECT_EQ(amount(r, 2, "2010601", "fiscal_grant"), "16231840.80");
  EXPECT_EQ(amount(r, 2, "2010601", "business_income"), "");
  EXPECT_EQ(amount(r, 2, "2210203", "total"), "2687760.00");
  EXPECT_EQ(amount(r, 2, "201", "total"), "22186440.80");
  EXPECT_EQ(amount(r, 2, "合计", "total"), "31214205.80");
  // p12 表3.
  EXPECT_EQ(amount(r, 3, "2010601", "basic"), "16093326.00");
  EXPECT_EQ(amount(r, 3, "2010601", "project"), "138514.80");
  // p14 表4.
  EXPECT_EQ(amount(r, 4, "支出总计", "expense_general"), "31214205.80");
  EXPECT_EQ(amount(r, 4, "三、卫生健康支出", "expense_total"), "782164.00");
  // p15 表5.
  EXPECT_EQ(amount(r, 5, "201", "project"), "6093114.80");
  // p17-18 表6, 表7: empty tables, a bare 合计 row with blank amounts.
  for (int n : {6, 7}) {
    ASSERT_EQ(r.table(n)->rows.size(), 1u) << n;
    EXPECT_EQ(r.table(n)->rows[0].kind, RowKind::total) << n;
    EXPECT_EQ(amount(r, n, "合计", "total"), "") << n;
  }
  // p19-20 表8: a printed 0.00 is zero, not blank.
  EXPECT_EQ(amount(r, 8, "30101", "total"), "2642448.00");
  EXPECT_EQ(amount(r, 8, "30101", "public"), "0.00");
  EXPECT_EQ(amount(r, 8, "30239", "public"), "506480.00");
  // p21 表9, in 万元: one row of figures.
  ASSERT_EQ(r.table(9)->rows.size(), 1u);
  EXPECT_EQ(r.table(9)->rows[0].cells[static_cast<std::size_t>(shanghai().table(9).column_index("reception"))].amount.to_string(), "0.95");
  EXPECT_EQ(r.table(9)->rows[0].cells[static_cast<std::size_t>(shanghai().table(9).column_index("running_costs"))].amount.to_string(), "229.43");
  EXPECT_TRUE(r.table(9)->rows[0].cells[static_cast<std::size_t>(shanghai().table(9).column_index("abroad"))].amount.is_blank());
}

TEST(ShanghaiCorpus, UnitReportPrintsBasicAndProjectColumns) {
  const std::string path = province_report("shanghai", "06-sh-pt-fuliyuan-2024-unit");
  SKIP_WITHOUT_CORPUS(path);
  const Report r = read(path);
  EXPECT_EQ(r.meta.entity, "上海市普陀区社会福利院");
  EXPECT_EQ(r.meta.kind, DocumentKind::unit);
  // p7 表1: amounts in 元 without decimals.
  EXPECT_TRUE(r.table(1)->absent_columns.empty());
  EXPECT_EQ(amount(r, 1, "二、社会保障和就业支出", "expense_total"), "11281624.00");
  EXPECT_EQ(amount(r, 1, "二、社会保障和就业支出", "expense_personnel"), "6540674.00");
  EXPECT_EQ(amount(r, 1, "二、社会保障和就业支出", "expense_public"), "2120950.00");
  EXPECT_EQ(amount(r, 1, "二、社会保障和就业支出", "expense_project"), "2620000.00");
  EXPECT_EQ(amount(r, 1, "二、事业收入", "income_amount"), "2620000.00");
}

TEST(ShanghaiCorpus, AKuanCodeThatLostItsLeadingZeroIsRestoredWithAFinding) {
  const std::string path = province_report("shanghai", "04-sh-pt-wanli-2024-dept");
  SKIP_WITHOUT_CORPUS(path);
  const Report r = read(path);
  // p29: "301  7  绩效工资  11,447,100" is printed with the 款 07 as 7.
  EXPECT_EQ(amount(r, 8, "30107", "total"), "11447100.00");
  bool found = false;
  for (const Finding& f : r.findings.items()) found = found || (f.rule == "table.code-zero-restored" && f.message.find("30107") != std::string::npos);
  EXPECT_TRUE(found);
  // A 合计 row that lost its leading empty fields on a narrower page is put back under the amounts.
  EXPECT_EQ(amount(r, 2, "合计", "total"), "156211123.00");
  EXPECT_EQ(amount(r, 2, "合计", "fiscal_grant"), "156211123.00");
  EXPECT_EQ(amount(r, 2, "合计", "business_income"), "0.00");
}

TEST(ShanghaiCorpus, EveryReportRoundTripsThroughItsWorkbookAndText) {
  for (const char* name : kReports) {
    const std::string path = province_report("shanghai", name);
    SKIP_WITHOUT_CORPUS(path);
    const std::string dir = bxtest::temp_dir(std::string("sh-roundtrip-") + name);
    const roundtrip::FileResult res = roundtrip::roundtrip_file(path, dir, LayoutFamilies::embedded(), "");
    EXPECT_TRUE(res.passed) << name << ": " << res.error << " " << res.via_workbook.size() << " via workbook, "
                            << res.via_text.size() << " via text";
    EXPECT_EQ(res.tables, 9u) << name;
  }
}

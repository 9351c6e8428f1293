// Workbooks that hold no report are refused with a clear message (exit 2 on the command line),
// never read as an empty report.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <fstream>

#include "budgetxl/io.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;

namespace {

// The InputError message of reading `path`, "" when it reads.
std::string refusal(const std::string& path) {
  try {
    io::read_report(path, LayoutFamilies::embedded());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The two header rows of Shanxi's 表3 and 表5 (科目编码 … 项目支出) in sheet rows 3 and 4.
void write_code_table_header(lxw_worksheet* ws) {
  const char* h1[] = {"项目", "", "2025年预算数", "", ""};
  const char* h2[] = {"科目编码", "科目名称", "合计", "基本支出", "项目支出"};
  for (int c = 0; c < 5; ++c) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), h1[c], nullptr);
    worksheet_write_string(ws, 3, static_cast<lxw_col_t>(c), h2[c], nullptr);
  }
}

}  // namespace

TEST(NotAReport, ASheetOfSalesFiguresIsRefusedNamingItsSheets) {
  const std::string path = bxtest::temp_dir("not-a-report") + "/sales.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "销售");
  worksheet_write_string(ws, 0, 0, "月份", nullptr);
  worksheet_write_string(ws, 0, 1, "销售额", nullptr);
  worksheet_write_string(ws, 1, 0, "一月", nullptr);
  worksheet_write_number(ws, 1, 1, 1200.5, nullptr);
  workbook_add_worksheet(wb, "Sheet2");
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const std::string message = refusal(path);
  EXPECT_NE(message.find("不是预算公开工作簿"), std::string::npos) << message;
  EXPECT_NE(message.find("销售、Sheet2"), std::string::npos) << message;
}

TEST(NotAReport, AnEmptyWorkbookIsRefused) {
  const std::string path = bxtest::temp_dir("empty-book") + "/empty.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  workbook_add_worksheet(wb, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_NE(refusal(path).find("不是预算公开工作簿"), std::string::npos);
}

TEST(NotAReport, AnEncryptedWorkbookSaysItIsPasswordProtected) {
  // Excel writes a password-protected workbook as an OLE compound file around the encrypted package.
  const std::string path = bxtest::temp_dir("encrypted-book") + "/secret.xlsx";
  std::string bytes = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  bytes.resize(4096, '\0');
  std::ofstream(path, std::ios::binary) << bytes;
  const std::string message = refusal(path);
  EXPECT_NE(message.find("密码保护"), std::string::npos) << message;
}

TEST(NotAReport, ABudgetxlWorkbookStillReads) {
  const std::string dir = bxtest::temp_dir("own-book");
  const Report r = io::read_report(bxtest::source_dir() + "/samples/demo-department-2025.txt", LayoutFamilies::embedded());
  io::write_workbook(r, dir + "/book.xlsx", io::layouts_of(r, LayoutFamilies::embedded()));
  EXPECT_EQ(refusal(dir + "/book.xlsx"), "");
}

// Staff conventions for "none" in an amount cell: "—", "-", "/", "无" read as blank, each an info
// finding at its cell; a real number beside it is read as it is.
TEST(PeopleWorkbooks, DashesAndNoneInAmountCellsAreBlank) {
  const std::string path = bxtest::temp_dir("dash-book") + "/book.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "表3 预算支出总表");
  worksheet_write_string(ws, 0, 0, "2025年预算支出总表", nullptr);
  worksheet_write_string(ws, 1, 0, "单位名称：某单位", nullptr);
  worksheet_write_string(ws, 1, 4, "单位：万元", nullptr);
  write_code_table_header(ws);
  worksheet_write_string(ws, 4, 0, "201", nullptr);
  worksheet_write_string(ws, 4, 1, "一般公共服务支出", nullptr);
  worksheet_write_number(ws, 4, 2, 12.5, nullptr);
  worksheet_write_number(ws, 4, 3, 12.5, nullptr);
  worksheet_write_string(ws, 4, 4, "—", nullptr);
  worksheet_write_string(ws, 5, 0, "205", nullptr);
  worksheet_write_string(ws, 5, 1, "教育支出", nullptr);
  worksheet_write_string(ws, 5, 2, "无", nullptr);
  worksheet_write_string(ws, 5, 3, "-", nullptr);
  worksheet_write_string(ws, 5, 4, "/", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const Report r = io::read_report(path, LayoutFamilies::embedded());
  ASSERT_NE(r.table(3), nullptr);
  ASSERT_EQ(r.table(3)->rows.size(), 2u);
  const Row& first = r.table(3)->rows[0];
  EXPECT_EQ(first.cells[3].amount.to_string(), "12.50");
  EXPECT_TRUE(first.cells[4].amount.is_blank());
  EXPECT_TRUE(first.cells[4].text.empty());
  for (int c = 2; c <= 4; ++c) {
    EXPECT_TRUE(r.table(3)->rows[1].cells[static_cast<std::size_t>(c)].amount.is_blank()) << c;
    EXPECT_TRUE(r.table(3)->rows[1].cells[static_cast<std::size_t>(c)].text.empty()) << c;
  }
  int none = 0, bad = 0;
  for (const Finding& f : r.findings.items()) {
    none += f.rule == "xlsx.none-as-blank";
    bad += f.rule == "xlsx.bad-amount";
  }
  EXPECT_EQ(none, 4);
  EXPECT_EQ(bad, 0);
}

// A workbook without budgetxl's 封面 is read with the family its sheets' titles belong to.
TEST(PeopleWorkbooks, TheFamilyOfAWorkbookWithoutCoverComesFromItsTitles) {
  if (bxtest::run_command("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0) GTEST_SKIP() << "python3-openpyxl is not installed";
  const std::string dir = bxtest::temp_dir("no-cover-family");
  const std::string text = dir + "/sh.txt";
  bxtest::spit(text,
               "2025年部门支出预算总表\n编制部门：某局\t单位：元\n项目\t\t\t\t支出预算\t\t\n"
               "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n"
               "201\t\t\t一般公共服务支出\t3.00\t2.00\t1.00\n201\t06\t01\t行政运行\t3.00\t2.00\t1.00\n合计\t\t\t\t3.00\t2.00\t1.00\n");
  const Report r = io::read_report(text, LayoutFamilies::embedded());
  ASSERT_EQ(r.meta.family, "shanghai");
  io::write_workbook(r, dir + "/book.xlsx", io::layouts_of(r, LayoutFamilies::embedded()));
  // As a person would pass it on: the 封面 deleted, the table sheet renamed.
  ASSERT_EQ(bxtest::run_command("/usr/bin/python3 -c \"import openpyxl; wb = openpyxl.load_workbook('" + dir +
                                "/book.xlsx'); del wb['封面']; wb['表3 支出预算总表'].title = 'Sheet1'; wb.save('" + dir +
                                "/theirs.xlsx')\""),
            0);
  const Report back = io::read_report(dir + "/theirs.xlsx", LayoutFamilies::embedded());
  EXPECT_EQ(back.meta.family, "shanghai");
  ASSERT_NE(back.table(3), nullptr);
  ASSERT_EQ(back.table(3)->rows.size(), 3u);
  EXPECT_EQ(back.table(3)->rows[1].cells[0].text, "2010601");
}

// Codes typed as numbers in Shanghai's 类 | 款 | 项 columns (205 | 2 | 3) get the zeros their columns
// stand for back, with a finding; a formula never calculated is blank with a finding, not zero.
TEST(PeopleWorkbooks, NumericCodePartsAndUncalculatedFormulas) {
  if (bxtest::run_command("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0) GTEST_SKIP() << "python3-openpyxl is not installed";
  const std::string dir = bxtest::temp_dir("numeric-parts");
  bxtest::spit(dir + "/make.py", R"(import openpyxl, sys
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "支出"
ws.append(["2025年部门支出预算总表"])
ws.append(["编制部门：某局", None, None, None, None, None, "单位：元"])
ws.append(["项目", None, None, None, "支出预算"])
ws.append(["功能分类科目编码", None, None, "功能分类科目名称", "合计", "基本支出", "项目支出"])
ws.append(["类", "款", "项"])
ws.append([205, None, None, "教育支出", 300, 200, 100])
ws.append([205, 2, None, "普通教育", 300, 200, 100])
ws.append([205, 2, 3, "初中教育", 300, 200, "=G7"])
ws.append(["合计", None, None, None, 300, 200, 100])
wb.save(sys.argv[1])
)");
  ASSERT_EQ(bxtest::run_command("/usr/bin/python3 " + dir + "/make.py " + dir + "/theirs.xlsx"), 0);
  const Report r = io::read_report(dir + "/theirs.xlsx", LayoutFamilies::embedded());
  EXPECT_EQ(r.meta.family, "shanghai");
  ASSERT_NE(r.table(3), nullptr);
  ASSERT_EQ(r.table(3)->rows.size(), 4u);
  EXPECT_EQ(r.table(3)->rows[0].cells[0].text, "205");
  EXPECT_EQ(r.table(3)->rows[1].cells[0].text, "20502");
  EXPECT_EQ(r.table(3)->rows[2].cells[0].text, "2050203");
  EXPECT_EQ(r.table(3)->rows[2].cells[3].amount.to_string(), "200.00");
  EXPECT_TRUE(r.table(3)->rows[2].cells[4].amount.is_blank());  // =G7, never calculated
  int restored = 0, formula = 0;
  for (const Finding& f : r.findings.items()) {
    restored += f.rule == "table.code-zero-restored";
    formula += f.rule == "xlsx.formula-without-value";
  }
  EXPECT_EQ(restored, 2);
  EXPECT_EQ(formula, 1);
}

// A header in a wording the template does not know: an error, and every data row still read by
// column order (no row lost).
TEST(PeopleWorkbooks, AnUnmatchedHeaderKeepsTheRows) {
  const std::string path = bxtest::temp_dir("unmatched-header") + "/book.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "表3 预算支出总表");
  worksheet_write_string(ws, 0, 0, "2025年预算支出总表", nullptr);
  worksheet_write_string(ws, 1, 4, "单位：万元", nullptr);
  const char* head[] = {"编码", "名称", "总计", "基本", "项目"};  // no row of the template says this
  for (int c = 0; c < 5; ++c) worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), head[c], nullptr);
  const char* codes[] = {"201", "20101", "2010101", "205", "20502", "2050203", "208"};
  for (int k = 0; k < 7; ++k) {
    const auto row = static_cast<lxw_row_t>(3 + k);
    worksheet_write_string(ws, row, 0, codes[k], nullptr);
    worksheet_write_string(ws, row, 1, "某支出", nullptr);
    worksheet_write_number(ws, row, 2, 10.0 + k, nullptr);
    worksheet_write_number(ws, row, 3, 10.0 + k, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const Report r = io::read_report(path, LayoutFamilies::embedded());
  ASSERT_NE(r.table(3), nullptr);
  ASSERT_EQ(r.table(3)->rows.size(), 7u);
  EXPECT_EQ(r.table(3)->rows[5].cells[0].text, "2050203");
  EXPECT_EQ(r.table(3)->rows[6].cells[2].amount.to_string(), "16.00");
  EXPECT_EQ(r.table(3)->rows[6].cells[3].amount.to_string(), "16.00") << "基本 is read as 基本支出";
  // Every column read under a header the template does not have is said, at its header cell.
  EXPECT_GE(r.findings.count("xlsx.header-similar") + r.findings.count("xlsx.header-guessed"), 4u);
  for (const Finding& f : r.findings.items()) {
    if (f.rule == "xlsx.header-similar" || f.rule == "xlsx.header-guessed") {
      EXPECT_EQ(f.where.row, 3u) << f.message;
    }
  }
}

// The unit comes from the sheet ("金额单位：元" near the title), and tables in different units are said.
TEST(PeopleWorkbooks, UnitsComeFromTheSheetAndDisagreementIsSaid) {
  const std::string path = bxtest::temp_dir("units-book") + "/book.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  const std::pair<const char*, const char*> sheets[] = {{"表3 预算支出总表", "金额单位：元"},
                                                        {"表5 一般公共预算支出预算表", "单位：万元"}};
  for (const auto& [name, unit] : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name);
    worksheet_write_string(ws, 0, 0, std::string(name).find("表3") == 0 ? "2025年预算支出总表" : "2025年一般公共预算支出预算表（不含上年结转）", nullptr);
    worksheet_write_string(ws, 1, 4, unit, nullptr);
    write_code_table_header(ws);
    worksheet_write_string(ws, 4, 0, "201", nullptr);
    worksheet_write_string(ws, 4, 1, "一般公共服务支出", nullptr);
    worksheet_write_number(ws, 4, 2, 120000, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const Report r = io::read_report(path, LayoutFamilies::embedded());
  ASSERT_NE(r.table(3), nullptr);
  ASSERT_NE(r.table(5), nullptr);
  EXPECT_EQ(r.table(3)->unit, "元");
  EXPECT_EQ(r.table(5)->unit, "万元");
  EXPECT_EQ(r.table(3)->rows[0].cells[2].amount.to_string(), "120000.00");  // not converted
  EXPECT_EQ(r.meta.year, 2025);
  bool mixed = false;
  for (const Finding& f : r.findings.items()) mixed = mixed || f.rule == "report.mixed-units";
  EXPECT_TRUE(mixed);
}

TEST(NotAReport, AChartOnlyWorkbookIsRefused) {
  const std::string path = bxtest::temp_dir("chart-only") + "/chart.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* data = workbook_add_worksheet(wb, "数据");
  worksheet_write_number(data, 0, 0, 1, nullptr);
  worksheet_write_number(data, 1, 0, 2, nullptr);
  lxw_chartsheet* cs = workbook_add_chartsheet(wb, "图表");
  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
  chart_add_series(chart, nullptr, "=数据!$A$1:$A$2");
  chartsheet_set_chart(cs, chart);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  EXPECT_NE(refusal(path).find("不是预算公开工作簿"), std::string::npos);
}

TEST(NotAReport, AnotherProgramsFileRenamedXlsxIsRefused) {
  // A word-processing document (a zip, like a workbook, but without xl/workbook.xml).
  const std::string path = bxtest::temp_dir("renamed-docx") + "/letter.xlsx";
  bxtest::write_zip(path, {{"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                           {"word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"}});
  const std::string message = refusal(path);
  EXPECT_NE(message.find("letter.xlsx"), std::string::npos) << message;
  EXPECT_FALSE(message.empty());
}

// Office workbooks of the kind a finance office also keeps, with Chinese headers (项目, 金额, 合计),
// are no budget disclosure: each is refused, never read as an empty or half report.
TEST(NotAReport, EverydayOfficeWorkbooksAreRefused) {
  struct Book {
    const char* name;
    std::vector<std::vector<const char*>> rows;
  };
  const std::vector<Book> books = {
      {"报销单", {{"费用报销单"}, {"项目", "金额", "备注"}, {"差旅费", "1200", "北京"}, {"合计", "1200", ""}}},
      {"工资表", {{"2025年3月工资表"}, {"姓名", "基本工资", "绩效工资", "合计"}, {"张三", "5000", "1200", "6200"}}},
      {"库存", {{"物品", "规格", "数量", "单价", "金额"}, {"打印纸", "A4", "20", "25", "500"}}},
      {"课程表", {{"节次", "星期一", "星期二"}, {"1", "语文", "数学"}}},
      {"销售台账", {{"2025年销售台账"}, {"日期", "客户", "项目", "金额"}, {"2025-01-02", "某公司", "设备", "30000"}}},
      {"预算执行", {{"2025年一季度预算执行情况表"}, {"项目", "年初预算", "执行数", "执行率"}, {"办公费", "1000", "300", "30%"}}},
  };
  for (const Book& b : books) {
    const std::string path = bxtest::temp_dir(std::string("office-") + b.name) + "/book.xlsx";
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, b.name);
    for (std::size_t r = 0; r < b.rows.size(); ++r)
      for (std::size_t c = 0; c < b.rows[r].size(); ++c)
        worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), b.rows[r][c], nullptr);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    const std::string message = refusal(path);
    EXPECT_NE(message.find("不是预算公开工作簿"), std::string::npos) << b.name << ": " << message;
    EXPECT_NE(message.find(b.name), std::string::npos) << "the message names the sheet: " << message;
  }
}

// Workbooks as finance staff build them by hand, from scratch (not from budgetxl's output): any
// sheet name, titles in the national wording, merged or split headers, codes typed in columns or
// as numbers, amounts typed as text, units in the sheet, tables stacked in one sheet. Each is read
// with the right figures, codes, units and years, or the doubt is a finding; no row is lost.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cctype>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "xlsx/zip_archive.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;

namespace {

// A sheet as rows of cells: "n:205" is typed as a number, anything else as text, "" left empty.
struct SheetSpec {
  std::string name;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> merges = {};  // "A1:D1"
};

std::string write_book(const std::string& name, const std::vector<SheetSpec>& sheets) {
  const std::string path = bxtest::temp_dir("peoples-" + name) + "/" + name + ".xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());
  for (const SheetSpec& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const std::string& v = s.rows[r][c];
        const auto row = static_cast<lxw_row_t>(r);
        const auto col = static_cast<lxw_col_t>(c);
        if (v.rfind("n:", 0) == 0) worksheet_write_number(ws, row, col, std::stod(v.substr(2)), nullptr);
        else if (!v.empty()) worksheet_write_string(ws, row, col, v.c_str(), nullptr);
      }
    for (const std::string& m : s.merges) {
      const lxw_row_t r1 = lxw_name_to_row(m.c_str()), r2 = lxw_name_to_row_2(m.c_str());
      const lxw_col_t c1 = lxw_name_to_col(m.c_str()), c2 = lxw_name_to_col_2(m.c_str());
      worksheet_merge_range(ws, r1, c1, r2, c2, s.rows[r1][c1].c_str(), nullptr);
    }
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

// Reads the workbook, and proves the round trip: the official text written from it (and
// budgetxl's own workbook) read back to the same model, titles aside (the text prints the official
// title where the sheet had other words).
Report read(const std::string& path) {
  const std::string dir = bxtest::temp_dir("peoples-roundtrip");
  const roundtrip::FileResult rt = roundtrip::roundtrip_file(path, dir, LayoutFamilies::embedded(), "");
  EXPECT_TRUE(rt.passed) << path << ": " << rt.error;
  for (const auto& d : rt.via_workbook) ADD_FAILURE() << "via workbook: " << roundtrip::to_string(d);
  for (const auto& d : rt.via_text) ADD_FAILURE() << "via text: " << roundtrip::to_string(d);
  return io::read_report(path, LayoutFamilies::embedded());
}

const Table* table_of_role(const Report& report, const Layouts& layouts, const std::string& role) {
  for (const Table& t : report.tables)
    if (layouts.table(t.number).role == role) return &t;
  return nullptr;
}

// The code-column texts of a table, in row order.
std::vector<std::string> codes_of(const Table& table, const Layouts& layouts) {
  const int c = layouts.table(table.number).first_column(ColumnKind::code);
  std::vector<std::string> out;
  for (const Row& r : table.rows) out.push_back(r.cells[static_cast<std::size_t>(c)].text);
  return out;
}

std::string amount(const Report& report, const Layouts& layouts, const Table& t, const std::string& key, const std::string& column) {
  return bxtest::amount_of_row(report, layouts, t.number, key, column);
}

}  // namespace

TEST(HandMadeWorkbooks, Sheet1WithTheNationalTitleMergedHeadersAndAmountsAsText) {
  const std::string path = write_book("summary", {{"Sheet1",
                                                   {{"2025年部门收支总表"},
                                                    {"单位：万元"},
                                                    {"收入", "", "支出", ""},
                                                    {"项目", "预算数", "项目", "预算数"},
                                                    {"一、一般公共预算拨款收入", "150", "一、一般公共服务支出", "1,200.00"},
                                                    {"二、政府性基金预算拨款收入", "", "二、教育支出", " 300 "},
                                                    {"收入总计", "n:150", "支出总计", "n:1500"}},
                                                   {"A1:D1", "A3:B3", "C3:D3"}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "budget_summary");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 3u) << "the header rows are not data, and no data row is lost";
  EXPECT_EQ(amount(report, layouts, *t, "一、一般公共预算拨款收入", "income_amount"), "150.00");
  EXPECT_EQ(amount(report, layouts, *t, "一、一般公共服务支出", "expense_total"), "1200.00");
  EXPECT_EQ(amount(report, layouts, *t, "二、教育支出", "expense_total"), "300.00");
  EXPECT_EQ(amount(report, layouts, *t, "二、政府性基金预算拨款收入", "income_amount"), "") << "a blank cell is not a zero";
  EXPECT_EQ(amount(report, layouts, *t, "支出总计", "expense_total"), "1500.00");
  EXPECT_EQ(report.meta.year, 2025);
  EXPECT_EQ(t->unit, "万元");
  EXPECT_EQ(report.findings.count("xlsx.number-as-text"), 3u);
  EXPECT_EQ(report.findings.count("xlsx.unknown-sheet"), 0u);
}

TEST(HandMadeWorkbooks, AHeaderInOtherWordsKeepsEveryRowAndCode) {
  const std::string path = write_book("income", {{"表2",
                                                  {{"2025年部门收入总表"},
                                                   {"单位：万元"},
                                                   {"编码", "名称", "合计", "财政拨款", "事业收入"},
                                                   {"205", "教育支出", "n:100", "n:90", "n:10"},
                                                   {"20502", "普通教育", "n:100", "n:90", "n:10"},
                                                   {"2050201", "学前教育", "n:40", "n:30", "n:10"},
                                                   {"2050202", "小学教育", "n:60", "n:60", ""},
                                                   {"208", "社会保障和就业支出", "n:20", "n:20", ""},
                                                   {"20805", "行政事业单位养老支出", "n:20", "n:20", ""},
                                                   {"2080505", "机关事业单位基本养老保险缴费支出", "n:20", "n:20", ""}}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "income_summary");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 7u);
  EXPECT_EQ(codes_of(*t, layouts), (std::vector<std::string>{"205", "20502", "2050201", "2050202", "208", "20805", "2080505"}));
  EXPECT_EQ(amount(report, layouts, *t, "2050201", "total"), "40.00");
  // 财政拨款 and 事业收入 are columns of Shanghai's 收入预算总表: the family whose header fits.
  EXPECT_EQ(layouts.family(), "shanghai");
  EXPECT_EQ(amount(report, layouts, *t, "2050201", "fiscal_grant"), "30.00");
  EXPECT_EQ(amount(report, layouts, *t, "2050201", "business_income"), "10.00");
  EXPECT_EQ(amount(report, layouts, *t, "2050202", "business_income"), "");
  EXPECT_GE(report.findings.count("xlsx.header-similar"), 1u) << "编码 for 科目编码 is said";
  EXPECT_EQ(report.findings.count("xlsx.no-header"), 0u);
}

TEST(HandMadeWorkbooks, CodesTypedAsThreeIntegerColumnsAreJoinedWithTheirZeros) {
  const std::string path = write_book("parts", {{"支出",
                                                 {{"2025年部门支出总表"},
                                                  {"单位：元"},
                                                  {"科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                                                  {"类", "款", "项", "", "", "", ""},
                                                  {"n:205", "", "", "教育支出", "n:300", "n:100", "n:200"},
                                                  {"n:205", "n:2", "", "普通教育", "n:300", "n:100", "n:200"},
                                                  {"n:205", "n:2", "n:1", "行政运行", "n:100", "n:100", ""},
                                                  {"n:205", "n:2", "n:3", "初中教育", "n:200", "", "n:200"}},
                                                 {"A3:C3"}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "expenditure_summary");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 4u) << "the 类/款/项 row is header, not data";
  EXPECT_EQ(codes_of(*t, layouts), (std::vector<std::string>{"205", "20502", "2050201", "2050203"}));
  EXPECT_EQ(amount(report, layouts, *t, "2050203", "project"), "200.00");
  EXPECT_EQ(amount(report, layouts, *t, "2050201", "basic"), "100.00");
  EXPECT_EQ(report.findings.count("xlsx.extra-cell"), 0u) << "the 款 and 项 digits are part of the code";
  EXPECT_EQ(report.findings.count("table.bad-code"), 0u);
  EXPECT_EQ(report.findings.count("table.code-zero-restored"), 3u);
  EXPECT_EQ(t->unit, "元");
}

TEST(HandMadeWorkbooks, TheSheetsUnitAndYearAndNoneMarks) {
  const std::string path = write_book("fiscal", {{"财政拨款收支总表",
                                                  {{"2026年部门财政拨款收支总表"},
                                                   {"", "", "", "单位：元"},
                                                   {"收入", "", "支出", ""},
                                                   {"项目", "预算数", "项目", "预算数"},
                                                   {"一、一般公共预算拨款", "n:1000", "一、一般公共服务支出", "n:1000"},
                                                   {"二、政府性基金预算拨款", "—", "二、教育支出", "/"},
                                                   {"收入总计", "n:1000", "支出总计", "n:1000"}}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "fiscal_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->unit, "元");
  EXPECT_EQ(report.meta.amount_unit, "元");
  EXPECT_EQ(report.meta.year, 2026);
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(amount(report, layouts, *t, "二、政府性基金预算拨款", "income_amount"), "");
  EXPECT_EQ(amount(report, layouts, *t, "一、一般公共服务支出", "expense_total"), "1000.00");
  EXPECT_EQ(report.findings.count("xlsx.none-as-blank"), 2u);
  EXPECT_EQ(report.findings.count("xlsx.bad-amount"), 0u);
}

TEST(HandMadeWorkbooks, TwoTablesStackedInOneSheetAreFoundOneByOne) {
  const std::string path = write_book("stacked", {{"Sheet1",
                                                   {{"2025年部门支出总表"},
                                                    {"单位：万元"},
                                                    {"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
                                                    {"205", "教育支出", "n:300", "n:100", "n:200"},
                                                    {"2050201", "行政运行", "n:100", "n:100", ""},
                                                    {},
                                                    {"2025年部门财政拨款收支总表"},
                                                    {"单位：万元"},
                                                    {"收入", "", "支出", ""},
                                                    {"项目", "预算数", "项目", "预算数"},
                                                    {"一、一般公共预算拨款", "n:300", "五、教育支出", "n:300"},
                                                    {"收入总计", "n:300", "支出总计", "n:300"}}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* spending = table_of_role(report, layouts, "expenditure_summary");
  const Table* fiscal = table_of_role(report, layouts, "fiscal_summary");
  ASSERT_NE(spending, nullptr);
  ASSERT_NE(fiscal, nullptr);
  EXPECT_EQ(spending->rows.size(), 2u) << "the second table's rows are its own";
  EXPECT_EQ(fiscal->rows.size(), 2u);
  EXPECT_EQ(amount(report, layouts, *spending, "205", "project"), "200.00");
  EXPECT_EQ(amount(report, layouts, *fiscal, "五、教育支出", "expense_total"), "300.00");
  EXPECT_EQ(fiscal->origin.row, 7u) << "the second table starts at its title";
}

TEST(HandMadeWorkbooks, ColumnsInAnotherOrderWithSpacesBracketsAndAColumnNumberRow) {
  const std::string path = write_book("reordered", {{"支出表",
                                                     {{"2025年预算支出总表"},
                                                      {"金额单位：万元"},
                                                      {"科 目 名 称", "科目编码", "项目支出（万元）", "基本支出（万元）", "合  计"},
                                                      {"栏次", "", "n:1", "n:2", "n:3"},
                                                      {"教育支出", "n:205", "n:200", "n:100", "n:300"},
                                                      {"初中教育", "n:2050203", "n:200", "", "n:200"}}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "expenditure_summary");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u) << "the 栏次 row is no data";
  EXPECT_EQ(codes_of(*t, layouts), (std::vector<std::string>{"205", "2050203"})) << "a code typed as a number";
  EXPECT_EQ(amount(report, layouts, *t, "205", "total"), "300.00");
  EXPECT_EQ(amount(report, layouts, *t, "205", "basic"), "100.00");
  EXPECT_EQ(amount(report, layouts, *t, "205", "project"), "200.00");
  EXPECT_EQ(amount(report, layouts, *t, "2050203", "basic"), "");
  EXPECT_EQ(report.findings.count("xlsx.no-header"), 0u);
  EXPECT_EQ(report.findings.count("xlsx.header-guessed"), 0u);
  EXPECT_EQ(t->unit, "万元");
}

TEST(HandMadeWorkbooks, AnUnknownHeaderKeepsTheRowsWithAnError) {
  const std::string path = write_book("unknown-header", {{"表3 预算支出总表",
                                                          {{"2025年预算支出总表"},
                                                           {"甲", "乙", "丙", "丁", "戊"},
                                                           {"205", "教育支出", "n:300", "n:100", "n:200"},
                                                           {"2050201", "行政运行", "n:100", "n:100", ""}}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "expenditure_summary");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 2u) << "never a table silently emptied";
  EXPECT_GE(report.findings.count("xlsx.no-header"), 1u);
  EXPECT_TRUE(report.findings.has_errors());
  EXPECT_EQ(amount(report, layouts, *t, "205", "total"), "300.00") << "read by column order";
}

TEST(HandMadeWorkbooks, ASheetWithoutTitleIsTheTableItsHeaderNames) {
  const std::string path = write_book("untitled", {{"收入",
                                                    {{"功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入",
                                                      "事业单位经营收入", "其他收入"},
                                                     {"类", "款", "项", "", "", "", "", "", ""},
                                                     {"205", "", "", "教育支出", "n:100", "n:90", "n:10", "", ""},
                                                     {"205", "02", "01", "学前教育", "n:100", "n:90", "n:10", "", ""}},
                                                    {"A1:C1"}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  EXPECT_EQ(layouts.family(), "shanghai");
  const Table* t = table_of_role(report, layouts, "income_summary");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(codes_of(*t, layouts), (std::vector<std::string>{"205", "2050201"}));
  EXPECT_EQ(amount(report, layouts, *t, "2050201", "business_income"), "10.00");
  EXPECT_EQ(report.findings.count("xlsx.table-by-header"), 1u);
}

TEST(HandMadeWorkbooks, ExportedAsTheOfficialTextTheyReadBackToTheSameTables) {
  const std::string path = write_book("export", {{"Sheet1",
                                                  {{"2025年部门支出总表"},
                                                   {"单位：元"},
                                                   {"科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"},
                                                   {"类", "款", "项", "", "", "", ""},
                                                   {"n:205", "", "", "教育支出", "n:300", "n:100", "n:200"},
                                                   {"n:205", "n:2", "n:3", "初中教育", "n:300", "n:100", "n:200"}},
                                                  {"A3:C3"}}});
  const Report book = read(path);
  const std::string text = bxtest::temp_dir("peoples-export-text") + "/exported.txt";
  io::write_text(book, text, io::layouts_of(book, LayoutFamilies::embedded()));
  const Report again = read(text);
  ASSERT_EQ(again.tables.size(), book.tables.size());
  for (const Table& t : book.tables) {
    ASSERT_NE(again.table(t.number), nullptr);
    EXPECT_EQ(again.table(t.number)->rows, t.rows) << "表" << t.number;
  }
}

TEST(HandMadeWorkbooks, AFiguresTableUnderATwoRowHeaderWithFullWidthDigits) {
  // Shanghai's 三公 table as one row of figures, its title in words the template does not know.
  const std::string path = write_book("three-public", {{"三公",
                                                        {{"2025年部门一般公共预算“三公”经费支出预算表"},
                                                         {"单位：万元"},
                                                         {"合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"},
                                                         {"", "", "小计", "公务用车购置费", "公务用车运行维护费", ""},
                                                         {"１５", "", "10", "", "n:10", "n:5"}},
                                                        {"C3:E3"}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "three_public_and_running_costs");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 1u);
  const TableLayout& l = layouts.table(t->number);
  auto at = [&](const char* id) { return t->rows[0].cells[static_cast<std::size_t>(l.column_index(id))].amount.to_string(); };
  EXPECT_EQ(at("total"), "15.00") << "full-width digits typed as text";
  EXPECT_EQ(at("abroad"), "");
  EXPECT_EQ(at("vehicle_total"), "10.00");
  EXPECT_EQ(at("vehicle_purchase"), "");
  EXPECT_EQ(at("vehicle_running"), "10.00");
  EXPECT_EQ(at("reception"), "5.00");
  EXPECT_EQ(report.findings.count("xlsx.column-missing"), 1u) << "机关运行经费 is not in the sheet";
}

TEST(HandMadeWorkbooks, ANoteUnderATableIsProseAfterItNotARow) {
  const std::string path = write_book("note", {{"项目",
                                                {{"2025年项目支出预算表（本年预算）"},
                                                 {"单位：元"},
                                                 {"项目名称", "合计", "一般公共预算", "政府性基金", "国有资本经营预算", "财政专户管理资金", "单位资金"},
                                                 {"某某项目", "n:1000", "n:1000", "", "", "", ""},
                                                 {"注：本表数据来源于部门预算系统"}}}});
  const Report report = read(path);
  const Layouts& layouts = io::layouts_of(report, LayoutFamilies::embedded());
  const Table* t = table_of_role(report, layouts, "projects_current");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 1u);
  // The note is prose after the table, as the text report prints it.
  const Block* note = nullptr;
  for (const Part& p : report.parts)
    for (std::size_t b = 0; b + 1 < p.blocks.size(); ++b)
      if (p.blocks[b].kind == BlockKind::table) note = &p.blocks[b + 1];
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->text, "注：本表数据来源于部门预算系统");
  EXPECT_EQ(note->origin.row, 5u);
  EXPECT_EQ(report.findings.count("xlsx.table-note"), 1u);
  EXPECT_EQ(t->unit, "元");
}

TEST(HandMadeWorkbooks, FormSheetsUnderAnyNameAreReadByTheirContent) {
  // The sample's workbook with its form sheets renamed as a person might ("项目表1"): the forms
  // are found by their title and labels, and read the same.
  const std::string sample = bxtest::source_dir() + "/samples/demo-department-2025.txt";
  const Report text = io::read_report(sample, LayoutFamilies::embedded());
  ASSERT_FALSE(text.forms.empty());
  const std::string dir = bxtest::temp_dir("peoples-form-names");
  io::write_workbook(text, dir + "/own.xlsx", io::layouts_of(text, LayoutFamilies::embedded()));
  const xlsx::ZipArchive own(dir + "/own.xlsx");
  std::vector<std::pair<std::string, std::string>> parts;
  for (const std::string& name : own.entries()) {
    std::string data = own.read(name);
    const std::string form_name = "name=\"绩效";  // "绩效1 …", not 绩效目标汇总
    if (name == "xl/workbook.xml")
      for (std::size_t at = data.find(form_name); at != std::string::npos; at = data.find(form_name, at + 1))
        if (std::isdigit(static_cast<unsigned char>(data[at + form_name.size()]))) data.replace(at, form_name.size(), "name=\"项目表");
    parts.emplace_back(name, std::move(data));
  }
  bxtest::write_zip(dir + "/renamed.xlsx", parts);
  const Report renamed = io::read_report(dir + "/renamed.xlsx", LayoutFamilies::embedded());
  ASSERT_EQ(renamed.forms.size(), text.forms.size());
  EXPECT_TRUE(renamed.forms == text.forms);
  EXPECT_EQ(renamed.findings.count("xlsx.unknown-sheet"), 0u);
}

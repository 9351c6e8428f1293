// Every workbook written carries the rule catalogue's findings in 校验结果, each linking to the
// cell concerned, which carries a comment; reading the workbook leaves the sheet aside.
#include <gtest/gtest.h>

#include "budgetxl/io.hpp"
#include "support/test_support.hpp"
#include "xlsx/workbook_reader.hpp"
#include "xlsx/zip_archive.hpp"

using namespace budgetxl;

TEST(CheckSheet, FindingsLinkToTheirCellsWhichCarryAComment) {
  const std::string dir = bxtest::temp_dir("check-sheet");
  bxtest::spit(dir + "/wrong.txt", "2024年预算支出总表\n单位名称：示例单位\n单位：万元\n项目\t\t2024年预算数\t\t\n"
                                   "科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t65.25\t60.25\t\n"
                                   "208\t社会保障和就业支出\t65.25\t60.25\t\n");
  const Report report = io::read_report(dir + "/wrong.txt", LayoutFamilies::embedded());
  io::write_workbook(report, dir + "/wrong.xlsx", io::layouts_of(report, LayoutFamilies::embedded()));
  const xlsx::Workbook book = xlsx::read_workbook(dir + "/wrong.xlsx");
  const xlsx::Sheet* sheet = book.find("校验结果");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->text(1, 5), "说明");
  // The 208 row (line 7 of the text) is row 6 of the table's sheet: its 合计 is C6.
  bool sum_row = false;
  for (std::uint32_t r = 2; r <= sheet->max_row; ++r)
    if (sheet->text(r, 3) == "sum.row" && sheet->text(r, 4) == "表3 预算支出总表!C6") {
      sum_row = true;
      EXPECT_EQ(sheet->text(r, 2), "错误");
      EXPECT_NE(sheet->text(r, 6).find("= 60.25（第7行）"), std::string::npos) << sheet->text(r, 6);
    }
  EXPECT_TRUE(sum_row);
  // The link and the comment, as Excel stores them.
  const xlsx::ZipArchive zip(dir + "/wrong.xlsx");
  bool link = false, comment = false;
  for (const std::string& e : zip.entries()) {
    const std::string xml = zip.read(e);
    link = link || xml.find("location=\"'表3 预算支出总表'!C6\"") != std::string::npos;
    comment = comment || (e.find("comments") != std::string::npos && xml.find("[sum.row]") != std::string::npos);
  }
  EXPECT_TRUE(link);
  EXPECT_TRUE(comment);
  // Read back: the sheet is left aside, the model is the same.
  const Report back = io::read_report(dir + "/wrong.xlsx", LayoutFamilies::embedded());
  EXPECT_EQ(back.findings.count("xlsx.unknown-sheet"), 0u);
  ASSERT_NE(back.table(3), nullptr);
  EXPECT_EQ(back.table(3)->rows, report.table(3)->rows);
}

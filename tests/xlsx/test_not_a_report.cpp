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

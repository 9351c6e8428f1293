// Shanghai's official blank Excel templates (../shared/corpus/shanghai/31-*.xlsx 部门, 32-*.xlsx 单位),
// filled with a report's figures the way a clerk fills them (tests/readback/fill_template.py, with
// openpyxl), read back to the same tables as the report's text.
#include <gtest/gtest.h>

#include <filesystem>

#include "budgetxl/io.hpp"
#include "support/test_support.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

void expect_filled_template_reads_as_text(const std::string& report_name, const std::string& template_name) {
  const fs::path dir = fs::path(BUDGETXL_CORPUS_DIR) / "shanghai";
  const fs::path report = dir / (report_name + ".txt"), blank = dir / template_name;
  std::error_code ec;
  if (!fs::exists(report, ec) || !fs::exists(blank, ec)) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  if (bxtest::run_command("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0) GTEST_SKIP() << "python3-openpyxl is not installed";
  const LayoutFamilies& families = LayoutFamilies::embedded();
  const Report text = io::read_report(report.string(), families);
  const std::string work = bxtest::temp_dir("sh-template-" + report_name);
  io::write_json(text, work + "/model.json", io::layouts_of(text, families));
  const std::string cmd = "/usr/bin/python3 " + bxtest::source_dir() + "/tests/readback/fill_template.py '" + blank.string() +
                          "' '" + work + "/model.json' '" + bxtest::source_dir() + "/templates/shanghai/tables' '" + work +
                          "/filled.xlsx'";
  ASSERT_EQ(bxtest::run_command(cmd), 0) << cmd;
  const Report book = io::read_report(work + "/filled.xlsx", families);
  EXPECT_EQ(book.meta.family, "shanghai");
  // Their workbook exported as the official text reads back to the same tables.
  io::write_text(book, work + "/exported.txt", io::layouts_of(book, families));
  const Report exported = io::read_report(work + "/exported.txt", families);
  ASSERT_EQ(exported.tables.size(), book.tables.size());
  for (const Table& t : book.tables) {
    ASSERT_NE(exported.table(t.number), nullptr) << "表" << t.number;
    EXPECT_TRUE(*exported.table(t.number) == t) << "表" << t.number << " differs after export";
  }
  EXPECT_EQ(book.meta.entity, text.meta.entity);
  EXPECT_EQ(book.meta.year, text.meta.year);
  ASSERT_EQ(book.tables.size(), text.tables.size());
  for (const Table& t : text.tables) {
    const Table* b = book.table(t.number);
    ASSERT_NE(b, nullptr) << "表" << t.number;
    EXPECT_EQ(b->absent_columns, t.absent_columns) << "表" << t.number;
    EXPECT_EQ(b->unit, t.unit) << "表" << t.number;
    ASSERT_EQ(b->rows.size(), t.rows.size()) << "表" << t.number;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      EXPECT_EQ(b->rows[r].cells, t.rows[r].cells) << "表" << t.number << " row " << r + 1;
      EXPECT_EQ(b->rows[r].kind, t.rows[r].kind) << "表" << t.number << " row " << r + 1;
    }
  }
}

}  // namespace

TEST(ShanghaiTemplates, TheDepartmentTemplateFilledWithReport02ReadsAsItsText) {
  expect_filled_template_reads_as_text("02-sh-pt-czj-2025-dept", "31-sh-pt-2026-dept-template.xlsx");
}

TEST(ShanghaiTemplates, TheUnitTemplateFilledWithReport06ReadsAsItsText) {
  expect_filled_template_reads_as_text("06-sh-pt-fuliyuan-2024-unit", "32-sh-pt-2026-unit-template.xlsx");
}

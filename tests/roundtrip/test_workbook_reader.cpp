// Reading workbooks back: budgetxl's own, and one a person edited with another program (openpyxl).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

using namespace budgetxl;

namespace {

const std::string kSample = bxtest::source_dir() + "/samples/demo-department-2025.txt";

bool have_openpyxl() { return bxtest::run_command("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") == 0; }

const Finding* finding_at(const Report& r, const std::string& rule, const std::string& where) {
  for (const auto& f : r.findings.items())
    if (f.rule == rule && f.where.str() == where) return &f;
  return nullptr;
}

}  // namespace

TEST(WorkbookReader, OwnWorkbookGivesTheSameTables) {
  const Report first = bxtest::read_file(kSample);
  const std::string dir = bxtest::temp_dir("own");
  xlsx::write_workbook(first, dir + "/book.xlsx", bxtest::layouts());
  const Report back = xlsx::read_workbook_report(dir + "/book.xlsx", bxtest::layouts());
  ASSERT_EQ(back.tables.size(), first.tables.size());
  for (const auto& t : first.tables) {
    const Table* b = back.table(t.number);
    ASSERT_NE(b, nullptr) << t.number;
    EXPECT_TRUE(t == *b) << "表" << t.number;
  }
  EXPECT_EQ(back.meta.entity, first.meta.entity);
  EXPECT_EQ(back.meta.year, first.meta.year);
  // Origins now point at cells.
  EXPECT_FALSE(back.tables[0].rows[0].cells[1].origin.sheet.empty());
}

TEST(WorkbookReader, PersonEditedWorkbookIsReadOrAnsweredPrecisely) {
  if (!have_openpyxl()) GTEST_SKIP() << "python3-openpyxl is not installed";
  const Report first = bxtest::read_file(kSample);
  const std::string dir = bxtest::temp_dir("edited");
  xlsx::write_workbook(first, dir + "/book.xlsx", bxtest::layouts());
  std::string edits;
  ASSERT_EQ(bxtest::run_command("/usr/bin/python3 " + bxtest::source_dir() + "/tests/roundtrip/edit_workbook.py " + dir + "/book.xlsx " + dir +
                                    "/edited.xlsx",
                                &edits),
            0)
      << edits;
  std::map<std::string, std::string> where;  // edit -> "sheet!cell"
  std::istringstream lines(edits);
  for (std::string line; std::getline(lines, line);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    where[line.substr(0, tab)] = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);  // sheet names hold spaces
  }
  ASSERT_EQ(where.size(), 3u) << edits;
  const Report back = xlsx::read_workbook_report(dir + "/edited.xlsx", bxtest::layouts());

  // Rows and columns inserted: 表3 reads the same.
  ASSERT_NE(back.table(3), nullptr);
  EXPECT_TRUE(*back.table(3) == *first.table(3));
  // The renamed sheet is found by its title.
  ASSERT_NE(back.table(6), nullptr);
  EXPECT_TRUE(*back.table(6) == *first.table(6));
  // Numbers typed as text (thousands separator, trailing space, full-width digits) read as numbers.
  EXPECT_TRUE(*back.table(5) == *first.table(5));
  EXPECT_TRUE(*back.table(2) == *first.table(2));
  EXPECT_NE(finding_at(back, "xlsx.number-as-text", where["text-number"]), nullptr) << where["text-number"];
  EXPECT_NE(finding_at(back, "xlsx.number-as-text", where["fullwidth"]), nullptr) << where["fullwidth"];
  // The deleted empty table is reported, and the bad value is an error at its cell, kept as text.
  EXPECT_EQ(back.table(13), nullptr);
  EXPECT_EQ(back.findings.count("table.missing"), 1u);
  const Finding* bad = finding_at(back, "xlsx.bad-amount", where["bad"]);
  ASSERT_NE(bad, nullptr) << where["bad"];
  EXPECT_EQ(bad->severity, Severity::error);
  EXPECT_EQ(bxtest::text_at(back, 10, "公务接待费", "total"), "约1.5");
  // Nothing else changed in the tables.
  const auto diffs = roundtrip::diff_reports(first, back, bxtest::layouts());
  for (const auto& d : diffs) {
    const bool expected = (d.item == "表13") || (d.item == "表10" && d.column == "total") ||
                          (d.part == "正文" && d.after.find("表13") != std::string::npos);  // the link to the deleted sheet
    EXPECT_TRUE(expected) << roundtrip::to_string(d);
  }
}

TEST(WorkbookReader, NotAWorkbookFailsWithTheFileName) {
  const std::string dir = bxtest::temp_dir("bad");
  std::ofstream(dir + "/fake.xlsx") << "PK\x03\x04 not really a zip";
  try {
    xlsx::read_workbook_report(dir + "/fake.xlsx", bxtest::layouts());
    FAIL() << "expected WorkbookError";
  } catch (const xlsx::WorkbookError& e) {
    EXPECT_NE(std::string(e.what()).find("fake.xlsx"), std::string::npos) << e.what();
  }
}

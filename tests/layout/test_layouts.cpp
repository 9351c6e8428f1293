// The official layouts are data: the built-in templates load and check out, a variant is added by
// editing a template (no code), and a broken template fails naming its file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.hpp"
#include "util/normalize.hpp"
#include "text/report_reader.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

TEST(Layouts, BuiltinTemplatesDescribeThirteenTables) {
  const Layouts& l = Layouts::embedded();
  ASSERT_EQ(l.tables().size(), 13u);
  for (const auto& t : l.tables()) {
    EXPECT_EQ(t.sheet.rfind("表" + std::to_string(t.number) + " ", 0), 0u) << t.sheet;
    EXPECT_LE(util::display_width(t.sheet), 62);
    EXPECT_FALSE(t.header.empty()) << t.number;
    for (const auto& row : t.header) EXPECT_EQ(row.size(), t.columns.size()) << t.number;
  }
  EXPECT_EQ(l.table(1).fixed_labels.size(), 33u);  // 30 支出 classes + 本年支出合计, 年终结转, 支出总计
  EXPECT_EQ(l.table(4).column_index("expense_state_capital"), 6);
  EXPECT_TRUE(l.table(4).columns[6].optional);
  EXPECT_TRUE(l.table(2).columns[static_cast<std::size_t>(l.table(2).column_index("carryover"))].outside_total);
}

TEST(Layouts, DirectoryLoadEqualsBuiltin) {
  const Layouts dir = Layouts::load_directory(bxtest::source_dir() + "/templates");
  ASSERT_EQ(dir.tables().size(), Layouts::embedded().tables().size());
  for (std::size_t i = 0; i < dir.tables().size(); ++i) EXPECT_EQ(dir.tables()[i].sheet, Layouts::embedded().tables()[i].sheet);
}

TEST(Layouts, AVariantIsATemplateEdit) {
  const std::string report =
      "2024年度预算收支总表（草案）\n收入\t\t支出\t\t\t\n项目\t2024年\t项目\t2024年合计\t当年预算安排\t上年结转安排\n"
      "一、一般公共预算\t5.00\t一、一般公共服务支出\t5.00\t5.00\t\n";
  const Report before = text::read_text(text::decode_bytes(report, "draft.txt"), "draft.txt", bxtest::layouts());
  EXPECT_EQ(before.table(1), nullptr);  // an unknown title wording: not a table

  const std::string dir = bxtest::temp_dir("templates");
  fs::copy(bxtest::source_dir() + "/templates", dir, fs::copy_options::recursive);
  const std::string file = dir + "/tables/01-budget-summary.json";
  std::stringstream ss;
  ss << std::ifstream(file).rdbuf();
  std::string json = ss.str();
  json.replace(json.find("\"sheet\""), 0, "\"title_variants\": [\"预算收支总表（草案）\"],\n  ");
  std::ofstream(file) << json;

  const Layouts edited = Layouts::load_directory(dir);
  const Report after = text::read_text(text::decode_bytes(report, "draft.txt"), "draft.txt", edited);
  ASSERT_NE(after.table(1), nullptr);
  EXPECT_EQ(bxtest::amount_at(after, 1, "一、一般公共服务支出", "expense_total"), "5.00");
}

TEST(Layouts, BrokenTemplateFailsNamingItsFile) {
  const std::string dir = bxtest::temp_dir("broken-templates");
  fs::copy(bxtest::source_dir() + "/templates", dir, fs::copy_options::recursive);
  std::ofstream(dir + "/tables/03-expenditure-summary.json") << "{\"number\": 3, \"title\": ";
  try {
    Layouts::load_directory(dir);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("03-expenditure-summary.json"), std::string::npos) << e.what();
  }
}

// The bundled sample (samples/, written by this project) against its hand-computed expected figures.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using namespace budgetxl;

TEST(Sample, MatchesItsExpectedFigures) {
  const std::string dir = bxtest::source_dir() + "/samples/";
  std::ifstream in(dir + "demo-department-2025.expected.json");
  ASSERT_TRUE(in) << "expected figures missing";
  const nlohmann::json expected = nlohmann::json::parse(in);
  const Report r = bxtest::read_file(dir + "demo-department-2025.txt");
  EXPECT_EQ(r.meta.entity, expected.at("entity").get<std::string>());
  EXPECT_EQ(r.meta.year, expected.at("year").get<int>());
  EXPECT_STREQ(document_kind_name(r.meta.kind), expected.at("kind").get<std::string>().c_str());
  // The sample has no performance forms yet: each of its 5 projects is reported as having none,
  // and nothing else is found.
  EXPECT_EQ(r.findings.count("form.project-without-form"), 5u);
  for (const auto& f : r.findings.items())
    EXPECT_EQ(f.rule, "form.project-without-form") << f.message;
  int cells = 0;
  for (const auto& [number, t] : expected.at("tables").items()) {
    const int n = std::stoi(number);
    const Table* table = r.table(n);
    ASSERT_NE(table, nullptr) << "表" << n;
    EXPECT_EQ(table->rows.size(), t.at("rows").get<std::size_t>()) << "表" << n;
    EXPECT_EQ(!table->no_data_note.empty(), t.at("no_data").get<bool>()) << "表" << n;
    for (const auto& c : t.at("cells")) {
      const std::string label = c.at("row_label").get<std::string>(), column = c.at("column").get<std::string>();
      const int col = Layouts::builtin().table(n).column_index(column);
      ASSERT_GE(col, 0) << column;
      const bool amount = Layouts::builtin().table(n).columns[static_cast<std::size_t>(col)].kind == ColumnKind::amount;
      EXPECT_EQ(amount ? bxtest::amount_at(r, n, label, column) : bxtest::text_at(r, n, label, column), c.at("value").get<std::string>())
          << "表" << n << " " << c.at("row_label") << " " << c.at("column");
      ++cells;
    }
  }
  EXPECT_GE(cells, 40);
}

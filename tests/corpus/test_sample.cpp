// The bundled sample (samples/, written by this project) against its hand-computed expected figures.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "budgetxl/forms.hpp"
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
  // The sample is clean: every 表十二 project has its performance form, and nothing is found.
  EXPECT_TRUE(r.findings.items().empty());
  for (const auto& f : r.findings.items()) ADD_FAILURE() << f.rule << " " << f.message;
  // Its forms, in order: name, amounts (元) and 年度 indicators, each linked to 表十二 by name.
  const auto& forms = expected.at("forms");
  ASSERT_EQ(r.forms.size(), forms.size());
  for (std::size_t i = 0; i < forms.size(); ++i) {
    const Form& f = r.forms[i];
    const auto& e = forms[i];
    const std::string name = e.at("project_name").get<std::string>();
    EXPECT_EQ(f.kind(), FormKind::project) << name;
    EXPECT_EQ(f.project_name(), name);
    EXPECT_EQ(f.as<ProjectForm>().period_funds.total.to_string(), e.at("period_total").get<std::string>()) << name;
    EXPECT_EQ(f.as<ProjectForm>().annual_funds.total.to_string(), e.at("annual_total").get<std::string>()) << name;
    std::size_t annual = 0;
    for (const auto& row : f.as<ProjectForm>().indicator_rows)
      if (!row.annual.name.empty()) ++annual;
    EXPECT_EQ(annual, e.at("annual_indicators").get<std::size_t>()) << name;
    EXPECT_GE(f.table12_row, 0) << name;
    EXPECT_EQ(f.link, "name") << name;
    EXPECT_EQ(f.linked_project, name);
  }
  int cells = 0;
  for (const auto& [number, t] : expected.at("tables").items()) {
    const int n = std::stoi(number);
    const Table* table = r.table(n);
    ASSERT_NE(table, nullptr) << "表" << n;
    EXPECT_EQ(table->rows.size(), t.at("rows").get<std::size_t>()) << "表" << n;
    EXPECT_EQ(!table->no_data_note.empty(), t.at("no_data").get<bool>()) << "表" << n;
    for (const auto& c : t.at("cells")) {
      const std::string label = c.at("row_label").get<std::string>(), column = c.at("column").get<std::string>();
      const int col = bxtest::layouts().table(n).column_index(column);
      ASSERT_GE(col, 0) << column;
      const bool amount = bxtest::layouts().table(n).columns[static_cast<std::size_t>(col)].kind == ColumnKind::amount;
      EXPECT_EQ(amount ? bxtest::amount_at(r, n, label, column) : bxtest::text_at(r, n, label, column), c.at("value").get<std::string>())
          << "表" << n << " " << c.at("row_label") << " " << c.at("column");
      ++cells;
    }
  }
  EXPECT_GE(cells, 40);
}

// The forms as JSON and as worksheets: structure, amounts, sheet names, links from the summary.
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <set>

#include "forms/form_test_util.hpp"
#include "json/forms_json.hpp"
#include "support/test_support.hpp"
#include "xlsx/schema.hpp"
#include "xlsx/styles.hpp"
#include "xlsx/workbook_reader.hpp"

namespace {

using namespace budgetxl;

std::string zip_entry(const std::string& path, const std::string& name) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string out;
  zip_file_t* f = zip_fopen(z, name.c_str(), 0);
  if (f) {
    char buf[4096];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

Report sample() {
  Report r;
  Form f;
  f.body.emplace<ProjectForm>();
  f.title = "测试项目支出绩效目标申报表";
  f.year_line = "(2024年度)";
  f.year = 2024;
  f.as<ProjectForm>().project_name = "一个名字非常非常非常非常非常非常非常非常非常长的项目[第一期]/测试";
  f.as<ProjectForm>().unit = "测试单位";
  f.as<ProjectForm>().period_funds.total = Amount::from_units(865000);
  f.as<ProjectForm>().annual_funds.total = Amount::from_units(69960);
  f.as<ProjectForm>().annual_funds.local = Amount::from_units(69960);
  IndicatorRow row;
  row.period.level1 = row.annual.level1 = "产出指标";
  row.period.level2 = row.annual.level2 = "数量指标";
  row.period.name = row.annual.name = "档案";
  row.period.value = "10个";
  row.annual.value = "8个";
  row.period.standard_class = row.annual.standard_class = IndicatorClass::output;
  row.period.standard_type = row.annual.standard_type = IndicatorType::quantity;
  f.as<ProjectForm>().indicator_rows.push_back(row);
  f.origin = Origin::at_line(12);
  r.forms.push_back(f);
  r.forms.push_back(f);  // same name: the sheet names must still be unique
  r.forms.back().duplicate_of = 0;
  Form h;
  h.body.emplace<HebeiForm>();
  h.amount_unit = "万元";
  h.as<HebeiForm>().project_name = "2023 年测试";
  h.as<HebeiForm>().budget = Amount::from_minor(1500);
  r.forms.push_back(h);
  return r;
}

}  // namespace

TEST(FormOutput, JsonSchema) {
  const Report r = sample();
  const nlohmann::json j = json::forms_to_json(r.forms);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 3u);
  const auto& p = j[0];
  EXPECT_EQ(p["kind"], "project");
  EXPECT_EQ(p["year"], 2024);
  EXPECT_EQ(p["amount_unit"], "元");
  EXPECT_EQ(p["funds"]["period"]["total"], "865000.00");
  EXPECT_EQ(p["funds"]["annual"]["total"], "69960.00");
  EXPECT_TRUE(p["funds"]["annual"]["other"].is_null());  // blank stays blank
  EXPECT_EQ(p["indicator_rows"][0]["annual"]["value"], "8个");
  EXPECT_EQ(p["indicator_rows"][0]["period"]["standard_level2"], "quantity");
  EXPECT_EQ(p["indicator_count"]["annual"], 1);
  EXPECT_EQ(p["origin"]["line"], 12);
  EXPECT_TRUE(p["table12"].is_null());
  EXPECT_EQ(j[1]["duplicate_of"], 0);
  EXPECT_EQ(j[2]["kind"], "project_hebei");
  EXPECT_EQ(j[2]["budget"], "15.00");
  EXPECT_FALSE(j[2].contains("funds"));
}

// Form sheets are named by the writer's one sheet-naming policy (xlsx::detail::unique_sheet_name).
TEST(FormOutput, SheetNames) {
  using xlsx::detail::unique_sheet_name;
  const Report r = sample();
  std::vector<std::string> used = {"封面"};
  const std::string a = unique_sheet_name(xlsx::detail::wanted_form_sheet_name(r.forms[0], 1), used);
  EXPECT_EQ(a.rfind("绩效1 ", 0), 0u);
  for (const char* bad : {"/", "\\", "?", "*", ":", "[", "]"}) EXPECT_EQ(a.find(bad), std::string::npos) << a;
  EXPECT_EQ(xlsx::detail::code_points(a), 31u);  // cut at 31 characters
  const std::string b = unique_sheet_name(xlsx::detail::wanted_form_sheet_name(r.forms[0], 1), used);
  EXPECT_NE(a, b);
  EXPECT_EQ(xlsx::detail::code_points(b), 31u);
  // A character outside the BMP counts once (Excel and libxlsxwriter count characters).
  Form f = r.forms[0];
  f.as<ProjectForm>().project_name = "𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀";  // 30
  const std::string c = unique_sheet_name(xlsx::detail::wanted_form_sheet_name(f, 2), used);
  EXPECT_EQ(xlsx::detail::code_points(c), 31u) << c;
  // Forbidden characters become '_' (not deleted), as in every other sheet name.
  f.as<ProjectForm>().project_name = "测试[第一期]/a:b";
  EXPECT_EQ(unique_sheet_name(xlsx::detail::wanted_form_sheet_name(f, 3), used), "绩效3 测试_第一期__a_b");
}

TEST(FormOutput, WorkbookFromCorpusForms) {
  std::vector<Report> reports;
  reports.push_back(sample());
  for (const char* prefix : {"001", "004"})
    if (!formtest::corpus_file(prefix).empty())
      reports.push_back(formtest::read_forms(formtest::corpus_lines(formtest::corpus_file(prefix))));
  for (std::size_t k = 0; k < reports.size(); ++k) {
    const Report& r = reports[k];
    const std::string path =
        (std::filesystem::temp_directory_path() / ("budgetxl-forms-" + std::to_string(k) + ".xlsx")).string();
    lxw_workbook* wb = workbook_new(path.c_str());
    ASSERT_NE(wb, nullptr);
    std::vector<std::string> used = {"封面"};
    xlsx::detail::Styles styles(wb);
    const std::vector<std::string> names = xlsx::detail::write_form_sheets(wb, styles, r, bxtest::layouts(), used);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    ASSERT_EQ(used.size(), 1 + 1 + r.forms.size());
    EXPECT_EQ(used[1], xlsx::schema::kFormSummarySheet);
    EXPECT_EQ(names, std::vector<std::string>(used.begin() + 2, used.end()));
    std::set<std::string> unique(used.begin(), used.end());
    EXPECT_EQ(unique.size(), used.size());
    const std::string book = zip_entry(path, "xl/workbook.xml");
    ASSERT_FALSE(book.empty());
    EXPECT_NE(book.find(std::string("name=\"") + xlsx::schema::kFormSummarySheet + "\""), std::string::npos);
    // The summary (sheet1 of this workbook) links to every form sheet.
    const std::string summary = zip_entry(path, "xl/worksheets/sheet1.xml");
    std::size_t links = 0;
    for (std::size_t p = summary.find("<hyperlink "); p != std::string::npos; p = summary.find("<hyperlink ", p + 1))
      ++links;
    EXPECT_EQ(links, r.forms.size());
    std::filesystem::remove(path);
  }
}

// The standard-level columns are budgetxl's, not the official form's: right of the form's own
// columns (A:H in every form), hidden, outside the print area; the printed page is the official
// form. They are still written, under their headers, for a reader.
TEST(FormOutput, StandardLevelColumnsHiddenOutsideThePrintArea) {
  Report r = sample();
  r.forms.erase(r.forms.begin() + 1);  // project, Hebei
  Indicator ind;
  ind.level1 = "产出指标";
  ind.level2 = "数量指标";
  ind.name = "宣传数量";
  ind.value = "11个";
  ind.standard_class = IndicatorClass::output;
  ind.standard_type = IndicatorType::quantity;
  r.forms[1].as<HebeiForm>().indicators.push_back(ind);
  Form o;
  o.body.emplace<OverallForm>();
  o.title = "整体支出绩效目标申报表";
  o.as<OverallForm>().department = "261-测试局";
  o.as<OverallForm>().indicators.push_back(ind);
  r.forms.push_back(o);
  const std::string path = (std::filesystem::temp_directory_path() / "budgetxl-forms-hidden.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  ASSERT_NE(wb, nullptr);
  std::vector<std::string> used;
  xlsx::detail::Styles styles(wb);
  const std::vector<std::string> names = xlsx::detail::write_form_sheets(wb, styles, r, bxtest::layouts(), used);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const xlsx::Workbook book = xlsx::read_workbook(path);
  const std::string workbook_xml = zip_entry(path, "xl/workbook.xml");
  // The columns each form adds (1-based), after its own A:H.
  const std::vector<std::vector<std::string>> added = {
      {xlsx::schema::kPeriodStandardLevelColumn, xlsx::schema::kAnnualStandardLevelColumn},
      {xlsx::schema::kStandardLevelColumn},
      {xlsx::schema::kStandardLevelColumn}};
  ASSERT_EQ(names.size(), added.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    const xlsx::Sheet* sheet = book.find(names[k]);
    ASSERT_NE(sheet, nullptr) << names[k];
    for (std::size_t a = 0; a < added[k].size(); ++a) {
      const std::uint32_t col = 9 + static_cast<std::uint32_t>(a);
      std::uint32_t header = 0, tags = 0;
      for (const auto& c : sheet->cells) {
        if (c.value.text == added[k][a]) {
          header = c.row;
          EXPECT_EQ(c.col, col) << names[k] << " " << added[k][a];
        }
        if (c.col == col && c.value.text == "产出指标-数量指标") ++tags;
      }
      EXPECT_NE(header, 0u) << names[k] << " " << added[k][a];
      EXPECT_EQ(tags, 1u) << names[k] << " " << added[k][a];
    }
    // Hidden: the <col> of every added column, and of no column of the form.
    const std::string xml = zip_entry(path, sheet->part);
    for (std::uint32_t col = 1; col <= 8 + added[k].size(); ++col) {
      const std::string open = "<col min=\"" + std::to_string(col) + "\" max=\"" + std::to_string(col) + "\"";
      const std::size_t at = xml.find(open);
      ASSERT_NE(at, std::string::npos) << names[k] << " " << open;
      const bool hidden = xml.substr(at, xml.find("/>", at) - at).find("hidden=\"1\"") != std::string::npos;
      EXPECT_EQ(hidden, col > 8) << names[k] << " column " << col;
    }
    // The print area is the form's own columns, every row.
    const std::string area = "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"" + std::to_string(k + 1) + "\">'" +
                             names[k] + "'!$A$1:$H$" + std::to_string(sheet->max_row) + "</definedName>";
    EXPECT_NE(workbook_xml.find(area), std::string::npos) << area << "\n" << workbook_xml;
  }
  std::filesystem::remove(path);
}

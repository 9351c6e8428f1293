// The form grids are data: templates/forms/*.json say where each label and value stands in the
// form sheet and in the text, and both writers and readers follow an edited copy with no code change.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "budgetxl/form_fields.hpp"
#include "budgetxl/io.hpp"
#include "support/test_support.hpp"
#include "text/form_writer.hpp"
#include "xlsx/workbook_reader.hpp"

using namespace budgetxl;
using namespace budgetxl::io;
namespace fs = std::filesystem;

namespace {

using bxtest::replace_once;
using bxtest::template_error;

// A copy of templates/ with forms/FILE edited by `edit`.
template <class Edit>
std::string edited_templates(const std::string& dir_name, const std::string& form_file, Edit edit) {
  const std::string dir = bxtest::copy_templates(dir_name);
  const std::string file = dir + "/forms/" + form_file;
  bxtest::spit(file, edit(bxtest::slurp(file)));
  return dir;
}

std::string sample_path() { return bxtest::source_dir() + "/samples/demo-department-2025.txt"; }

// The first sheet whose name starts with `prefix`.
const xlsx::Sheet* sheet_starting(const xlsx::Workbook& book, const std::string& prefix) {
  for (const auto& s : book.sheets)
    if (s.name.rfind(prefix, 0) == 0) return &s;
  return nullptr;
}

// Where (1-based row, col) the first cell with exactly this text stands; {0, 0} when nowhere.
std::pair<std::uint32_t, std::uint32_t> where(const xlsx::Sheet& sheet, std::string_view text) {
  for (const auto& c : sheet.cells)
    if (c.value.text == text) return {c.row, c.col};
  return {0, 0};
}

}  // namespace

TEST(FormGrids, EveryKindHasBothGridsAndItsBlocks) {
  const FormLayouts& L = bxtest::layouts().forms();
  for (FormKind k : {FormKind::project, FormKind::department_overall, FormKind::project_hebei,
                     FormKind::department_text}) {
    const FormGrids& g = L.grid(k);
    EXPECT_FALSE(g.sheet.rows.empty()) << form_kind_name(k);
    EXPECT_FALSE(g.text.rows.empty()) << form_kind_name(k);
    EXPECT_FALSE(g.sheet.widths.empty()) << form_kind_name(k);
  }
  EXPECT_EQ(L.grid(FormKind::project).amount_unit, "元");
  EXPECT_EQ(L.grid(FormKind::project_hebei).amount_unit, "万元");
  ASSERT_NE(L.grid(FormKind::project_hebei).block("indicators"), nullptr);
  EXPECT_EQ(L.grid(FormKind::project_hebei).block("indicators")->columns.size(), 6u);
}

TEST(FormGrids, CellsResolveLabelsAndFieldsOfAForm) {
  const FormLayouts& L = bxtest::layouts().forms();
  Form f;
  ProjectForm& p = f.body.emplace<ProjectForm>();
  p.project_name = "测试项目";
  p.unit = "某单位";
  p.period_funds.total = Amount::from_minor(12345600);
  const form_fields::FieldIndex fields(f);
  const FormGrid& sheet = L.grid(FormKind::project).sheet;
  // The row of 项目名称: its label, then the name.
  const GridRow* name_row = nullptr;
  for (const auto& r : sheet.rows)
    if (!r.cells.empty() && grid_cell_text(r.cells[0], fields) == "项目名称") name_row = &r;
  ASSERT_NE(name_row, nullptr);
  ASSERT_EQ(name_row->cells.size(), 2u);
  EXPECT_TRUE(name_row->cells[0].label);
  EXPECT_FALSE(name_row->cells[1].label);
  EXPECT_EQ(grid_cell_text(name_row->cells[1], fields), "测试项目");
  // An amount cell gives the amount itself, not text.
  const Amount* total = nullptr;
  for (const auto& r : sheet.rows)
    for (const auto& c : r.cells)
      if (const Amount* a = grid_cell_amount(c, fields); a && !a->is_blank()) total = a;
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->to_string(), "123456.00");
  // The footer row is written only when the form has a footer.
  bool footer_hidden = false;
  for (const auto& r : sheet.rows)
    if (!r.when.empty()) footer_hidden = !grid_row_shown(r, fields);
  EXPECT_TRUE(footer_hidden);
  p.phone = "0351-1234567";
  const form_fields::FieldIndex with_phone(f);
  for (const auto& r : sheet.rows) {
    if (!r.when.empty()) {
      EXPECT_TRUE(grid_row_shown(r, with_phone));
    }
  }
}

// A label renamed in the template: the sheet and the text print the new wording where the grid
// puts it, and both read back to the same forms.
TEST(FormGrids, AnEditedLabelAndPlaceChangeBothWritersAndReadBack) {
  const std::string dir = edited_templates("form-grid-edit", "project.json", [](std::string j) {
    // 项目概况 becomes 项目简介 (the old wording stays a variant) …
    j = replace_once(j, R"({"id": "overview", "label": "项目概况", "variants": ["项目内容"]})",
                     R"({"id": "overview", "label": "项目简介", "variants": ["项目内容", "项目概况"]})");
    // … and 实施单位 changes places with 主管部门及代码 in the sheet.
    j = replace_once(j,
                     R"({"cell": "{label:department}", "cols": [0, 0]}, {"cell": "{text:department.text}", "cols": [1, 3]}, {"cell": "{label:unit}", "cols": [4, 4]}, {"cell": "{text:unit}", "cols": [5, 7]})",
                     R"({"cell": "{label:unit}", "cols": [0, 0]}, {"cell": "{text:unit}", "cols": [1, 3]}, {"cell": "{label:department}", "cols": [4, 4]}, {"cell": "{text:department.text}", "cols": [5, 7]})");
    return j;
  });
  const Layouts edited = Layouts::load_directory(dir);
  const Report original = read_report(sample_path(), bxtest::layouts());
  const Report report = read_report(sample_path(), edited);
  ASSERT_FALSE(report.forms.empty());
  ASSERT_EQ(report.forms.size(), original.forms.size());
  for (std::size_t k = 0; k < report.forms.size(); ++k) EXPECT_EQ(report.forms[k], original.forms[k]) << k;

  // The workbook: the new wording at its place, the old wording gone, the fields swapped.
  const std::string book = dir + "/book.xlsx";
  write_workbook(report, book, edited);
  const xlsx::Workbook wb = xlsx::read_workbook(book);
  const xlsx::Sheet* sheet = sheet_starting(wb, "绩效1 ");
  ASSERT_NE(sheet, nullptr);
  const auto renamed = where(*sheet, "项目简介");
  EXPECT_EQ(renamed.second, 1u);
  EXPECT_EQ(where(*sheet, "项目概况"), std::make_pair(0u, 0u));
  const auto unit = where(*sheet, "实施单位"), department = where(*sheet, "主管部门及代码");
  EXPECT_EQ(unit.second, 1u);
  EXPECT_EQ(department.second, 5u);
  EXPECT_EQ(unit.first, department.first);
  // The built-in layout puts them the other way round.
  const std::string plain = dir + "/plain.xlsx";
  write_workbook(original, plain, bxtest::layouts());
  const xlsx::Workbook wp = xlsx::read_workbook(plain);
  EXPECT_EQ(where(*sheet_starting(wp, "绩效1 "), "主管部门及代码").second, 1u);

  const Report back = read_report(book, edited);
  ASSERT_EQ(back.forms.size(), report.forms.size());
  for (std::size_t k = 0; k < back.forms.size(); ++k) EXPECT_EQ(back.forms[k], report.forms[k]) << k;

  // The text: the new wording, read back the same.
  const std::string text = text::write_form_text(report.forms[0], edited.forms());
  EXPECT_NE(text.find("项目简介\t"), std::string::npos) << text;
  EXPECT_EQ(text.find("项目概况\t"), std::string::npos) << text;
  write_text(report, dir + "/report.txt", edited);
  const Report again = read_report(dir + "/report.txt", edited);
  ASSERT_EQ(again.forms.size(), report.forms.size());
  for (std::size_t k = 0; k < again.forms.size(); ++k) EXPECT_EQ(again.forms[k], report.forms[k]) << k;
}

TEST(FormGrids, ColumnHeadersOfABlockDriveWriterAndReader) {
  // The Hebei indicator table's 绩效指标描述 header renamed: the sheet prints it and the sheet reader
  // finds the column by it.
  const std::string dir = edited_templates("form-grid-columns", "overall.json", [](std::string j) {
    return replace_once(j, R"("columns": ["核心职能", "重点任务"])", R"("columns": ["核心职能", "年度重点工作"])");
  });
  const Layouts edited = Layouts::load_directory(dir);
  Report report;
  Form f;
  f.title = "整体支出绩效目标申报表";
  f.amount_unit = "万元";
  OverallForm& o = f.body.emplace<OverallForm>();
  o.department = "001-某部门";
  o.key_tasks.push_back({"履行职责", "完成年度任务", {}});
  report.forms.push_back(f);
  const std::string book = dir + "/book.xlsx";
  write_workbook(report, book, edited);
  const xlsx::Workbook wb = xlsx::read_workbook(book);
  const xlsx::Sheet* sheet = sheet_starting(wb, "绩效1 ");
  ASSERT_NE(sheet, nullptr);
  EXPECT_NE(where(*sheet, "年度重点工作"), std::make_pair(0u, 0u));
  EXPECT_EQ(where(*sheet, "重点任务"), std::make_pair(0u, 0u));
  const Report back = read_report(book, edited);
  ASSERT_EQ(back.forms.size(), 1u);
  const auto& tasks = back.forms[0].as<OverallForm>().key_tasks;
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks[0].task, "完成年度任务");
}

TEST(FormGrids, GridErrorsNameTheFileAndThePlace) {
  struct Case {
    const char* from;
    const char* to;
    const char* says;
  };
  const Case cases[] = {
      {"{label:project_name}\", \"cols\": [0, 0]}", "{label:no_such_label}\", \"cols\": [0, 0]}", "no_such_label"},
      {"{text:project_name}\", \"cols\": [1, 7]}", "{text:no.such.field}\", \"cols\": [1, 7]}", "no.such.field"},
      {"{amount:funds.period.total}\", \"cols\": [3, 3]}", "{amount:unit}\", \"cols\": [3, 3]}", "not an amount"},
      {"{text:project_name}\", \"cols\": [1, 7]}", "{oops:project_name}\", \"cols\": [1, 7]}", "unknown placeholder"},
      {R"({"name": "goals"})", R"({"name": "gaols"})", "gaols"},
      {R"("cols": [0, 0], "down": 6})", R"("cols": [0, 0], "down": 60})", "down"},
      {R"({"cell": "{text:project_name}", "cols": [1, 7]})",
       R"({"cell": "{text:project_name}", "cols": [1, 7], "style": "fancy"})", "fancy"},
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string dir = edited_templates("form-grid-error-" + std::to_string(n++), "project.json",
                                             [&](std::string j) { return replace_once(j, c.from, c.to); });
    const std::string message = template_error(dir);
    EXPECT_NE(message.find("forms/project.json"), std::string::npos) << message;
    EXPECT_NE(message.find(c.says), std::string::npos) << message;
  }
}

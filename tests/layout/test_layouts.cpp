// The official layouts are data: the built-in templates load and check out, a variant is added by
// editing a template (no code), and a broken template fails naming its file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "support/test_support.hpp"
#include "util/normalize.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

using bxtest::copy_templates;
using bxtest::replace_once;
using bxtest::slurp;
using bxtest::spit;
using bxtest::template_error;

Report read_with(const std::string& text, const Layouts& layouts) {
  return text::read_text(text::decode_bytes(text, "snippet.txt"), "snippet.txt", layouts);
}

}  // namespace

TEST(Layouts, BuiltinTemplatesDescribeThirteenTables) {
  const Layouts& l = bxtest::layouts();
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
  const Layouts dir = Layouts::load_directory(bxtest::source_dir() + "/templates/shanxi");
  ASSERT_EQ(dir.tables().size(), bxtest::layouts().tables().size());
  for (std::size_t i = 0; i < dir.tables().size(); ++i) EXPECT_EQ(dir.tables()[i].sheet, bxtest::layouts().tables()[i].sheet);
}

TEST(Layouts, AVariantIsATemplateEdit) {
  const std::string report =
      "2024年度预算收支总表（草案）\n收入\t\t支出\t\t\t\n项目\t2024年\t项目\t2024年合计\t当年预算安排\t上年结转安排\n"
      "一、一般公共预算\t5.00\t一、一般公共服务支出\t5.00\t5.00\t\n";
  const Report before = text::read_text(text::decode_bytes(report, "draft.txt"), "draft.txt", bxtest::layouts());
  EXPECT_EQ(before.table(1), nullptr);  // an unknown title wording: not a table

  const std::string dir = bxtest::temp_dir("templates");
  fs::copy(bxtest::source_dir() + "/templates/shanxi", dir, fs::copy_options::recursive);
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
  fs::copy(bxtest::source_dir() + "/templates/shanxi", dir, fs::copy_options::recursive);
  std::ofstream(dir + "/tables/03-expenditure-summary.json") << "{\"number\": 3, \"title\": ";
  try {
    Layouts::load_directory(dir);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("03-expenditure-summary.json"), std::string::npos) << e.what();
  }
}

// A set holds whatever tables its templates describe: a 14th table is one more template file.
TEST(Layouts, AFourteenthTableIsATemplateFile) {
  const std::string dir = copy_templates("fourteen");
  std::string json = slurp(dir + "/tables/03-expenditure-summary.json");
  json = replace_once(json, "\"number\": 3", "\"number\": 14");
  json = replace_once(json, "\"title\": \"预算支出总表\"", "\"title\": \"预算支出补充表\"");
  json = replace_once(json, "\"sheet\": \"表3 预算支出总表\"", "\"sheet\": \"表14 预算支出补充表\"");
  json = replace_once(json, "[\"预算公开表3\", \"部门公开表3\"]", "[\"预算公开表14\"]");
  spit(dir + "/tables/14-expenditure-supplement.json", json);

  const Layouts layouts = Layouts::load_directory(dir);
  ASSERT_EQ(layouts.tables().size(), 14u);
  EXPECT_EQ(layouts.table(14).title, "预算支出补充表");
  EXPECT_EQ(layouts.table(14).sheet, "表14 预算支出补充表");
  EXPECT_EQ(layouts.table(3).title, "预算支出总表");
  EXPECT_EQ(layouts.find_table(15), nullptr);
  EXPECT_THROW(layouts.table(15), std::out_of_range);

  const std::string report =
      "2024年度单位预算公开\n\n预算公开表14\n\n2024年预算支出补充表\n单位名称：测试单位\n单位：万元\n"
      "项目\t\t2024年预算数\t\t\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
      "合计\t\t5.00\t3.00\t2.00\n201\t一般公共服务支出\t5.00\t3.00\t2.00\n";
  const Report r = read_with(report, layouts);
  ASSERT_EQ(r.tables.size(), 1u);
  const Table* t = r.table(14);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->label_line, "预算公开表14");
  EXPECT_EQ(t->entity, "测试单位");
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].kind, RowKind::total);
  EXPECT_EQ(t->rows[1].kind, RowKind::item);
  EXPECT_EQ(t->rows[1].level, 1);
  EXPECT_EQ(t->rows[1].cells[static_cast<std::size_t>(layouts.table(14).column_index("total"))].amount.to_string(), "5.00");
  // Every table of the set is expected, the 14th too: the other 13 are missing here, it is not.
  std::size_t missing = 0;
  for (const auto& f : r.findings.items())
    if (f.rule == "table.missing") {
      ++missing;
      EXPECT_EQ(f.message.find("表14"), std::string::npos) << f.message;
    }
  EXPECT_EQ(missing, 13u);

  // The writers and the workbook reader find it by its number too.
  EXPECT_NE(text::write_text_report(r, layouts).find("2024年预算支出补充表"), std::string::npos);
  const std::string book = dir + "/book.xlsx";
  xlsx::write_workbook(r, book, layouts);
  const Report back = xlsx::read_workbook_report(book, layouts);
  ASSERT_NE(back.table(14), nullptr);
  EXPECT_TRUE(*back.table(14) == *t);
}

TEST(Layouts, TwoTemplatesForOneNumberAreRefusedNamingTheFolder) {
  const std::string dir = copy_templates("same-number");
  std::string json = slurp(dir + "/tables/03-expenditure-summary.json");
  json = replace_once(json, "\"title\": \"预算支出总表\"", "\"title\": \"预算支出补充表\"");
  spit(dir + "/tables/03b-expenditure-supplement.json", json);
  const std::string message = template_error(dir);
  EXPECT_NE(message.find(fs::path(dir).lexically_normal().generic_string() + "/tables"), std::string::npos) << message;
  EXPECT_NE(message.find("table 3"), std::string::npos) << message;
  EXPECT_NE(message.find("03b-expenditure-supplement.json"), std::string::npos) << message;
}

TEST(Layouts, TableNumbersMustBePositiveWholeNumbers) {
  for (const char* number : {"0", "-2", "\"3\"", "3.5"}) {
    const std::string dir = copy_templates("bad-number");
    const std::string file = dir + "/tables/03-expenditure-summary.json";
    spit(file, replace_once(slurp(file), "\"number\": 3", std::string("\"number\": ") + number));
    const std::string message = template_error(dir);
    EXPECT_NE(message.find("03-expenditure-summary.json: number"), std::string::npos) << number << ": " << message;
  }
  const std::string dir = copy_templates("no-tables");
  fs::remove_all(dir + "/tables");
  EXPECT_NE(template_error(dir).find("no table templates"), std::string::npos);
}

// The finishing pass reads codes and names by column role, not position: a code table printed
// name first is classified by its code column, wherever it stands.
TEST(Layouts, ColumnRolesComeFromTheLayout) {
  const std::string dir = copy_templates("roles");
  const std::string file = dir + "/tables/03-expenditure-summary.json";
  std::string json = slurp(file);
  json = replace_once(json, "{\"id\": \"code\", \"name\": \"科目编码\", \"kind\": \"code\"},\n    {\"id\": \"name\", \"name\": \"科目名称\", \"kind\": \"name\"},",
                      "{\"id\": \"name\", \"name\": \"科目名称\", \"kind\": \"name\"},\n    {\"id\": \"code\", \"name\": \"科目编码\", \"kind\": \"code\"},");
  json = replace_once(json, "[\"科目编码\", \"科目名称\", \"合计\"", "[\"科目名称\", \"科目编码\", \"合计\"");
  spit(file, json);
  const Layouts layouts = Layouts::load_directory(dir);
  ASSERT_EQ(layouts.table(3).first_column(ColumnKind::code), 1);
  ASSERT_EQ(layouts.table(3).first_text_column(), 0);

  const Report r = read_with(
      "2024年预算支出总表\n单位名称：测试单位\n单位：万元\n项目\t\t2024年预算数\t\t\n科目名称\t科目编码\t合计\t基本支出\t项目支出\n"
      "合计\t\t5.00\t3.00\t2.00\n一般公共服务支出\t201\t5.00\t3.00\t2.00\n人大事务\t20101\t5.00\t3.00\t2.00\n不明\t2x\t0.00\t\t\n",
      layouts);
  const Table* t = r.table(3);
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->rows.size(), 4u);
  EXPECT_EQ(t->rows[0].kind, RowKind::total);
  EXPECT_EQ(t->rows[1].level, 1);
  EXPECT_EQ(t->rows[2].level, 2);
  EXPECT_EQ(t->rows[3].level, 0);
  std::vector<std::string> bad;
  for (const auto& f : r.findings.items())
    if (f.rule == "table.bad-code") bad.push_back(f.message);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_NE(bad[0].find("“2x”"), std::string::npos) << bad[0];
}

// 表六 names the column its item rows fill; without it (or with a wrong one) the set is refused.
TEST(Layouts, EconomicTableNamesItsItemColumn) {
  EXPECT_EQ(bxtest::layouts().table(6).item_name_column, "gov_econ_name");
  const std::string key = "\"item_name_column\": \"gov_econ_name\",\n  ";
  for (const auto& [edit, expected] : std::vector<std::pair<std::string, std::string>>{
           {"", "item_name_column: missing"},
           {"\"item_name_column\": 2,\n  ", "item_name_column: must be a non-empty string"},
           {"\"item_name_column\": \"total\",\n  ", "item_name_column: \"total\" is not a name or label column"}}) {
    const std::string dir = copy_templates("economic");
    const std::string file = dir + "/tables/06-basic-expenditure-economic.json";
    spit(file, replace_once(slurp(file), key, edit));
    const std::string message = template_error(dir);
    EXPECT_NE(message.find("06-basic-expenditure-economic.json: " + expected), std::string::npos) << message;
  }
}

// The unit line the writers print is report.json's first unit label: "金额单位：万元" once the
// template says so, and the text reads back with the same set.
TEST(Layouts, WritersPrintTheFirstUnitLabel) {
  const std::string dir = copy_templates("unit-label");
  const std::string file = dir + "/report.json";
  spit(file, replace_once(slurp(file), "\"unit_labels\": [\"单位\", \"金额单位\"]", "\"unit_labels\": [\"金额单位\", \"单位\"]"));
  const Layouts layouts = Layouts::load_directory(dir);
  const Report r = text::read_text_report(bxtest::source_dir() + "/samples/demo-department-2025.txt", layouts);
  ASSERT_FALSE(r.tables.empty());

  const std::string builtin = text::write_text_report(r, bxtest::layouts());
  EXPECT_NE(builtin.find("\n单位：万元\n"), std::string::npos);
  const std::string text = text::write_text_report(r, layouts);
  EXPECT_EQ(text.find("\n单位："), std::string::npos);
  std::size_t lines = 0;
  for (std::size_t at = text.find("\n金额单位：万元\n"); at != std::string::npos; at = text.find("\n金额单位：万元\n", at + 1)) ++lines;
  EXPECT_EQ(lines, r.tables.size());
  const Report back = read_with(text, layouts);
  ASSERT_EQ(back.tables.size(), r.tables.size());
  for (std::size_t t = 0; t < r.tables.size(); ++t) EXPECT_TRUE(back.tables[t] == r.tables[t]) << "表" << r.tables[t].number;

  const std::string book = dir + "/book.xlsx";
  xlsx::write_workbook(r, book, layouts);
  const xlsx::Workbook wb = xlsx::read_workbook(book);
  const xlsx::Sheet* sheet = wb.find(layouts.table(3).sheet);
  ASSERT_NE(sheet, nullptr);
  bool found = false;
  for (const auto& c : sheet->cells) {
    EXPECT_NE(c.value.text.rfind("单位：", 0), 0u) << c.value.text;
    found = found || c.value.text == "金额单位：万元";
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(xlsx::read_workbook_report(book, layouts).table(3)->unit, "万元");
}

TEST(Layouts, UnitLabelsAreRequired) {
  for (const auto& [edit, expected] : std::vector<std::pair<std::string, std::string>>{
           {"\"unit_labels_gone\": [\"单位\"]", "report.json: unit_labels: missing"},
           {"\"unit_labels\": \"单位\"", "report.json: unit_labels: must be a non-empty list"},
           {"\"unit_labels\": []", "report.json: unit_labels: must be a non-empty list"},
           {"\"unit_labels\": [\"\"]", "report.json: unit_labels: must be a non-empty list"}}) {
    const std::string dir = copy_templates("unit-labels");
    const std::string file = dir + "/report.json";
    spit(file, replace_once(slurp(file), "\"unit_labels\": [\"单位\", \"金额单位\"]", edit));
    const std::string message = template_error(dir);
    EXPECT_NE(message.find(expected), std::string::npos) << message;
  }
}

namespace {

// A report whose cover is these lines, read with `layouts`.
Report cover(const std::string& lines, const Layouts& layouts) { return read_with("临汾市某某局\n" + lines + "\n", layouts); }

// A workbook holding only a cover sheet with one row: LABEL | VALUE.
xlsx::Workbook cover_workbook(const std::string& label, const std::string& value) {
  xlsx::Sheet sheet;
  sheet.name = "封面";
  sheet.max_row = 1;
  sheet.max_col = 2;
  for (std::uint32_t c = 1; c <= 2; ++c) {
    xlsx::SheetCell cell;
    cell.row = 1;
    cell.col = c;
    cell.value.type = xlsx::CellValue::Type::string;
    cell.value.text = c == 1 ? label : value;
    sheet.cells.push_back(cell);
  }
  xlsx::Workbook wb;
  wb.sheets.push_back(sheet);
  return wb;
}

}  // namespace

// The cover's title line says the kind of document through report.json's document_kinds: their
// keywords, in their order.
TEST(Layouts, DocumentKindKeywordsComeFromReportJson) {
  EXPECT_EQ(cover("2024年度单位预算公开", bxtest::layouts()).meta.kind, DocumentKind::unit);
  EXPECT_EQ(cover("2024年度部门预算公开", bxtest::layouts()).meta.kind, DocumentKind::department);
  const Report builtin = cover("2024年度机关预算公开", bxtest::layouts());
  EXPECT_EQ(builtin.meta.kind, DocumentKind::unknown);
  EXPECT_EQ(builtin.meta.title, "");

  const std::string builtin_kinds =
      "\"document_kinds\": [{\"kind\": \"unit\", \"keywords\": [\"单位预算\"]}, {\"kind\": \"department\", \"keywords\": [\"部门预算\"]}]";
  {
    const std::string dir = copy_templates("document-kinds");
    const std::string file = dir + "/report.json";
    spit(file, replace_once(slurp(file), builtin_kinds,
                            "\"document_kinds\": [{\"kind\": \"unit\", \"keywords\": [\"单位预算\"]}, {\"kind\": \"department\", \"keywords\": [\"机关预算\"]}]"));
    const Layouts layouts = Layouts::load_directory(dir);
    ASSERT_EQ(layouts.report().document_kinds.size(), 2u);
    EXPECT_EQ(layouts.report().document_kinds[1].keywords, std::vector<std::string>{"机关预算"});
    const Report r = cover("2024年度机关预算公开", layouts);
    EXPECT_EQ(r.meta.kind, DocumentKind::department);
    EXPECT_EQ(r.meta.year, 2024);
    EXPECT_EQ(r.meta.title, "2024年度机关预算公开");
    EXPECT_EQ(cover("2024年度部门预算公开", layouts).meta.kind, DocumentKind::unknown);
  }
  {
    // The first kind whose keyword the line contains wins: order is data too.
    const std::string dir = copy_templates("document-kinds-order");
    const std::string file = dir + "/report.json";
    spit(file, replace_once(slurp(file), builtin_kinds,
                            "\"document_kinds\": [{\"kind\": \"department\", \"keywords\": [\"预算公开\"]}, {\"kind\": \"unit\", \"keywords\": [\"单位预算\"]}]"));
    EXPECT_EQ(cover("2024年度单位预算公开", Layouts::load_directory(dir)).meta.kind, DocumentKind::department);
  }
}

// The workbook cover's entity row: report.json's entity labels say the kind, both ways.
TEST(Layouts, EntityLabelsSayTheKindOnTheCover) {
  const auto read = [](const std::string& label, const Layouts& layouts) {
    return xlsx::workbook_to_report(cover_workbook(label, "临汾市某某局"), "cover.xlsx", layouts);
  };
  EXPECT_EQ(read("部门名称", bxtest::layouts()).meta.kind, DocumentKind::department);
  EXPECT_EQ(read("单位名称", bxtest::layouts()).meta.kind, DocumentKind::unit);
  EXPECT_EQ(read("单位/部门名称", bxtest::layouts()).meta.kind, DocumentKind::unknown);
  EXPECT_EQ(read("单位/部门名称", bxtest::layouts()).meta.entity, "临汾市某某局");
  EXPECT_EQ(read("机构名称", bxtest::layouts()).meta.entity, "");

  const std::string dir = copy_templates("entity-labels");
  const std::string file = dir + "/report.json";
  spit(file, replace_once(slurp(file), "\"entity_labels\": [{\"label\": \"部门名称\", \"kind\": \"department\"}, ",
                          "\"entity_labels\": [{\"label\": \"机构名称\", \"kind\": \"department\"}, {\"label\": \"部门名称\", \"kind\": \"unit\"}, "));
  const Layouts layouts = Layouts::load_directory(dir);
  const Report r = read("机构名称", layouts);
  EXPECT_EQ(r.meta.entity, "临汾市某某局");
  EXPECT_EQ(r.meta.kind, DocumentKind::department);
  EXPECT_EQ(read("部门名称", layouts).meta.kind, DocumentKind::unit);

  // The writer labels the row with the first entity label of the kind, so it reads back.
  const Report report = cover("2024年度部门预算公开", layouts);
  ASSERT_EQ(report.meta.kind, DocumentKind::department);
  const std::string book = dir + "/book.xlsx";
  xlsx::write_workbook(report, book, layouts);
  const xlsx::Workbook wb = xlsx::read_workbook(book);
  const xlsx::Sheet* sheet = wb.find("封面");
  ASSERT_NE(sheet, nullptr);
  bool labelled = false;
  for (const auto& c : sheet->cells) labelled = labelled || c.value.text == "机构名称";
  EXPECT_TRUE(labelled);
  const Report back = xlsx::read_workbook_report(book, layouts);
  EXPECT_EQ(back.meta.kind, DocumentKind::department);
  EXPECT_EQ(back.meta.entity, "临汾市某某局");
}

TEST(Layouts, DocumentKindsAndEntityLabelsAreChecked) {
  const std::string kinds =
      "\"document_kinds\": [{\"kind\": \"unit\", \"keywords\": [\"单位预算\"]}, {\"kind\": \"department\", \"keywords\": [\"部门预算\"]}]";
  const std::string labels = "\"entity_labels\": [{\"label\": \"部门名称\", \"kind\": \"department\"}, {\"label\": \"单位名称\", \"kind\": \"unit\"}]";
  for (const auto& [from, to, expected] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {kinds, "\"kinds\": []", "report.json: document_kinds: missing"},
           {kinds, "\"document_kinds\": {}", "report.json: document_kinds: must be a non-empty list of objects"},
           {kinds, "\"document_kinds\": []", "report.json: document_kinds: must be a non-empty list of objects"},
           {kinds, "\"document_kinds\": [\"单位预算\"]", "report.json: document_kinds[0]: must be an object"},
           {kinds, "\"document_kinds\": [{\"keywords\": [\"单位预算\"]}]", "report.json: document_kinds[0].kind: missing"},
           {kinds, "\"document_kinds\": [{\"kind\": \"agency\", \"keywords\": [\"单位预算\"]}]",
            "report.json: document_kinds[0].kind: \"agency\" is neither \"department\" nor \"unit\""},
           {kinds, "\"document_kinds\": [{\"kind\": \"unit\"}]", "report.json: document_kinds[0].keywords: missing"},
           {kinds, "\"document_kinds\": [{\"kind\": \"unit\", \"keywords\": \"单位预算\"}]",
            "report.json: document_kinds[0].keywords: must be a non-empty list of non-empty strings"},
           {kinds, "\"document_kinds\": [{\"kind\": \"unit\", \"keywords\": [\" \"]}]", "report.json: document_kinds[0].keywords: \" \" has no text"},
           {kinds, "\"document_kinds\": [{\"kind\": \"unit\", \"keywords\": [\"a\"]}, {\"kind\": \"unit\", \"keywords\": [\"b\"]}]",
            "report.json: document_kinds[1].kind: \"unit\" is listed twice"},
           {labels, "\"entity_labels\": [\"部门名称\", \"单位名称\"]", "report.json: entity_labels[0]: must be an object"},
           {labels, "\"entity_labels\": [{\"label\": \"部门名称\"}]", "report.json: entity_labels[0].kind: missing"},
           {labels, "\"entity_labels\": [{\"kind\": \"unit\"}]", "report.json: entity_labels[0].label: missing"},
           {labels, "\"entity_labels\": [{\"label\": 3, \"kind\": \"unit\"}]", "report.json: entity_labels[0].label: must be a non-empty string"},
       }) {
    const std::string dir = copy_templates("report-kinds");
    const std::string file = dir + "/report.json";
    spit(file, replace_once(slurp(file), from, to));
    const std::string message = template_error(dir);
    EXPECT_NE(message.find(expected), std::string::npos) << message;
  }
}

// Every table speaks the national vocabulary (templates/national.json): a role or a column id that
// is not in it is a template error naming the file.
TEST(Layouts, TablesUseTheNationalVocabulary) {
  const Layouts& sh = LayoutFamilies::embedded().get("shanghai");
  EXPECT_EQ(sh.vocabulary().roles.at(sh.table(1).role), "收支总表");
  EXPECT_EQ(LayoutFamilies::embedded().get("jiangsu").table(1).role, bxtest::layouts().table(1).role);  // one role, every family
  {
    const std::string dir = copy_templates("vocabulary-role");
    const std::string file = dir + "/tables/03-expenditure-summary.json";
    spit(file, replace_once(slurp(file), "\"role\": \"expenditure_summary\"", "\"role\": \"expense_overview\""));
    const std::string message = template_error(dir);
    EXPECT_NE(message.find("03-expenditure-summary.json"), std::string::npos) << message;
    EXPECT_NE(message.find("expense_overview"), std::string::npos) << message;
  }
  {
    const std::string dir = copy_templates("vocabulary-column");
    const std::string file = dir + "/tables/03-expenditure-summary.json";
    // The id everywhere the table names it (its column and its sums).
    std::string json = slurp(file);
    for (std::size_t at = json.find("\"basic\""); at != std::string::npos; at = json.find("\"basic\"", at))
      json.replace(at, 7, "\"basic_spending\"");
    spit(file, json);
    const std::string message = template_error(dir);
    EXPECT_NE(message.find("basic_spending"), std::string::npos) << message;
  }
}

// Tests for the workbook writer: a small report built by hand, the sample and every corpus report
// are written, then read back cell by cell, with the project's own .xlsx reader and with an
// independent one (openpyxl, tests/readback/readback.py).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "json/report_json.hpp"
#include "support/test_support.hpp"
#include "util/normalize.hpp"
#include "text/report_reader.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/styles.hpp"
#include "xlsx/workbook_reader.hpp"
#include "xlsx/writer.hpp"
#include "xlsx/zip_archive.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

Cell text_cell(const std::string& s) {
  Cell c;
  c.text = s;
  return c;
}

Cell amount_cell(std::int64_t hundredths) {
  Cell c;
  c.amount = Amount::from_minor(hundredths);
  return c;
}

Cell blank_cell() { return Cell{}; }

Row make_row(RowKind kind, int level, std::vector<Cell> cells) {
  Row r;
  r.kind = kind;
  r.level = level;
  r.cells = std::move(cells);
  return r;
}

Table make_table(int number, const std::string& title) {
  Table t;
  t.number = number;
  t.title = title;
  t.entity_label = "部门名称";
  t.entity = "测试局";
  t.unit = "万元";
  return t;
}

// A small report: 表2 (codes, a total, blank and zero), 表4 without its optional column, an empty
// 表9 with its note, 表12 with organisation rows and an amount that is not a number, prose parts
// with a table block, material set aside, a finding.
Report small_report() {
  Report r;
  r.source = {"测试.txt", "text", "UTF-8", "LF", {}};
  r.meta.entity = "测试局";
  r.meta.kind = DocumentKind::department;
  r.meta.year = 2025;
  r.meta.title = "2025年度部门预算公开";

  Table t2 = make_table(2, "2025年预算收入总表");
  t2.label_line = "预算公开表2";
  // code, name, total, general_budget, fund_budget, state_capital, special_account, unit_funds, carryover
  t2.rows.push_back(make_row(RowKind::total, 0,
                             {text_cell("合计"), text_cell(""), amount_cell(169452), amount_cell(87592), blank_cell(),
                              blank_cell(), blank_cell(), amount_cell(81860), amount_cell(0)}));
  t2.rows.push_back(make_row(RowKind::item, 1,
                             {text_cell("208"), text_cell("社会保障和就业支出"), amount_cell(12294), amount_cell(12294),
                              blank_cell(), blank_cell(), blank_cell(), blank_cell(), blank_cell()}));
  t2.rows.push_back(make_row(RowKind::item, 3,
                             {text_cell("2080505"), text_cell("机关事业单位基本养老保险缴费支出"), amount_cell(6952),
                              amount_cell(6952), amount_cell(-1), blank_cell(), blank_cell(), blank_cell(), blank_cell()}));
  r.tables.push_back(t2);

  Table t4 = make_table(4, "2025年财政拨款收支总表");
  t4.absent_columns = {"expense_state_capital"};
  t4.rows.push_back(make_row(RowKind::item, 0,
                             {text_cell("一、一般公共预算"), amount_cell(94794), text_cell("一、一般公共服务支出"), blank_cell(),
                              blank_cell(), blank_cell(), blank_cell()}));
  t4.rows.push_back(make_row(RowKind::total, 0,
                             {text_cell("收入总计"), amount_cell(94794), text_cell("支出总计"), amount_cell(94794),
                              amount_cell(94794), blank_cell(), blank_cell()}));
  r.tables.push_back(t4);

  Table t9 = make_table(9, "2025年国有资本经营预算收支预算表（不含上年结转）");
  t9.rows.push_back(make_row(RowKind::total, 0,
                             {text_cell("合计"), text_cell(""), blank_cell(), text_cell(""), text_cell(""), blank_cell(),
                              blank_cell(), blank_cell()}));
  t9.no_data_note = "注：本表无数据";
  r.tables.push_back(t9);

  Table t12 = make_table(12, "2025年项目支出预算表（本年预算）");
  Cell odd;
  odd.text = "约1.5";
  t12.rows.push_back(make_row(RowKind::organisation, 1,
                              {text_cell("测试局"), amount_cell(15760), amount_cell(14560), blank_cell(), blank_cell(),
                               blank_cell(), amount_cell(1200)}));
  t12.rows.push_back(make_row(RowKind::item, 2,
                              {text_cell("国土空间总体规划实施监测评估"), amount_cell(4860), odd, blank_cell(), blank_cell(),
                               blank_cell(), blank_cell()}));
  r.tables.push_back(t12);

  Part cover;
  cover.kind = PartKind::cover;
  cover.blocks.push_back(Block{BlockKind::paragraph, "测试局", 0, -1, 0, {}});
  cover.blocks.push_back(Block{BlockKind::paragraph, "2025年度部门预算公开", 0, -1, 0, {}});
  r.parts.push_back(cover);
  Part overview;
  overview.kind = PartKind::overview;
  overview.heading = "第一部分 概况";
  overview.blocks.push_back(Block{BlockKind::heading, "第一部分 概况", 1, -1, 0, {}});
  overview.blocks.push_back(Block{BlockKind::heading, "一、本部门职责", 2, -1, 0, {}});
  overview.blocks.push_back(Block{BlockKind::paragraph, "  负责全市自然资源工作。\t（原样保留）", 0, -1, 0, {}});
  overview.blocks.push_back(Block{BlockKind::table, "", 0, 1, 0, {}});  // 表4
  r.parts.push_back(overview);
  Part tables;  // only table blocks: a sheet of links, so that the part comes back when read
  tables.kind = PartKind::tables;
  tables.blocks.push_back(Block{BlockKind::table, "", 0, 0, 0, {}});
  r.parts.push_back(tables);

  r.set_aside.push_back(Noise{NoiseKind::watermark, "仅供内部审核", Origin::at_line(12)});
  r.set_aside.push_back(Noise{NoiseKind::appendix, "山西省财政厅文件", Origin::at_line(300)});
  r.findings.add("text.unplaced-line", Severity::warning, "无法归位的行", Origin::at_line(42));
  return r;
}

const xlsx::Sheet& sheet(const xlsx::Workbook& wb, const std::string& name) {
  const xlsx::Sheet* s = wb.find(name);
  if (!s) throw std::runtime_error("no sheet " + name);
  return *s;
}

bool has_merge(const xlsx::Sheet& s, std::uint32_t r0, std::uint32_t c0, std::uint32_t r1, std::uint32_t c1) {
  for (const auto& m : s.merges)
    if (m.first_row == r0 && m.first_col == c0 && m.last_row == r1 && m.last_col == c1) return true;
  return false;
}

bool have_openpyxl() { return bxtest::run_command("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") == 0; }

// Every table cell of `report` against the workbook, read with the project's reader: codes and
// names as strings, amounts as numbers equal to the model, blanks absent.
void expect_tables_equal(const Report& report, const xlsx::Workbook& wb, const std::string& what) {
  const Layouts& layouts = bxtest::layouts();
  std::size_t cells = 0;
  for (const Table& t : report.tables) {
    const TableLayout& layout = layouts.table(t.number);
    const xlsx::Sheet* s = wb.find(layout.sheet);
    ASSERT_NE(s, nullptr) << what << ": " << layout.sheet;
    const std::uint32_t top = t.label_line.empty() ? 1 : 2;
    EXPECT_EQ(s->text(top, 1), t.title) << what << ": " << layout.sheet;
    std::vector<std::size_t> printed;
    for (std::size_t c = 0; c < layout.columns.size(); ++c)
      if (t.has_column(layout.columns[c].id)) printed.push_back(c);
    const std::uint32_t first = top + 2 + static_cast<std::uint32_t>(layout.header.size()) + (layout.column_numbers ? 1 : 0);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const auto r = first + static_cast<std::uint32_t>(i);
      for (std::size_t j = 0; j < printed.size(); ++j) {
        const auto col = static_cast<std::uint32_t>(j + 1);
        const Cell& cell = t.rows[i].cells[printed[j]];
        const xlsx::CellValue* v = s->at(r, col);
        const std::string where = what + ": " + s->name + "!" + cell_reference(r, col);
        ++cells;
        if (layout.columns[printed[j]].kind == ColumnKind::amount) {
          if (!cell.text.empty()) {
            ASSERT_NE(v, nullptr) << where;
            EXPECT_EQ(v->type, xlsx::CellValue::Type::string) << where;
            EXPECT_EQ(v->text, cell.text) << where;
          } else if (cell.amount.is_blank()) {
            EXPECT_EQ(v, nullptr) << where << " holds " << (v ? v->text : "");
          } else {
            ASSERT_NE(v, nullptr) << where;
            EXPECT_EQ(v->type, xlsx::CellValue::Type::number) << where;
            const AmountParse p = parse_amount_rounded(v->text);
            ASSERT_TRUE(p.value.has_value()) << where << " " << v->text;
            EXPECT_EQ(*p.value, cell.amount) << where << " " << v->text << " vs " << cell.amount.to_string();
          }
        } else if (cell.text.empty()) {
          EXPECT_EQ(v, nullptr) << where;
        } else {
          ASSERT_NE(v, nullptr) << where;
          EXPECT_EQ(v->type, xlsx::CellValue::Type::string) << where;
          EXPECT_EQ(v->text, cell.text) << where;
        }
      }
    }
    const auto after = first + static_cast<std::uint32_t>(t.rows.size());
    if (!t.no_data_note.empty()) {
      EXPECT_EQ(s->text(after, 1), t.no_data_note) << what << ": " << s->name;
    }
  }
  if (!report.tables.empty()) {
    EXPECT_GT(cells, 0u) << what;
  }
}

// Writes `report`, and its model as JSON, then runs the independent read-back on both.
void expect_independent_readback(const Report& report, const std::string& dir, const std::string& stem) {
  const std::string book = dir + "/" + stem + ".xlsx";
  const std::string model = dir + "/" + stem + ".json";
  xlsx::write_workbook(report, book, bxtest::layouts());
  std::ofstream(model) << json::report_to_json(report, bxtest::layouts()).dump(2);
  std::string out;
  const int rc = bxtest::run_command("/usr/bin/python3 " + bxtest::source_dir() + "/tests/readback/readback.py '" + book + "' '" +
                                         model + "' 2>&1",
                                     &out);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find(" 0 mismatches"), std::string::npos) << out;
}

}  // namespace

TEST(XlsxWriter, SheetsInOrderWithTheirOfficialNames) {
  const std::string dir = bxtest::temp_dir("writer-sheets");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) names.push_back(s.name);
  const std::vector<std::string> expected = {"封面", "表2 预算收入总表", "表4 财政拨款收支总表", "表9 国有资本经营预算收支预算表",
                                             "表12 项目支出预算表（本年预算）", "封面文字", "概况", "预算报表", "其他材料"};
  EXPECT_EQ(names, expected);
}

TEST(XlsxWriter, TableSheetLooksLikeTheOfficialTable) {
  const Report report = small_report();
  const std::string dir = bxtest::temp_dir("writer-table");
  xlsx::write_workbook(report, dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& t2 = sheet(wb, "表2 预算收入总表");
  // Label line, title (merged across the 9 columns), entity and unit, two header rows.
  EXPECT_EQ(t2.text(1, 1), "预算公开表2");
  EXPECT_EQ(t2.text(2, 1), "2025年预算收入总表");
  EXPECT_TRUE(has_merge(t2, 2, 1, 2, 9));
  EXPECT_EQ(t2.text(3, 1), "部门名称：测试局");
  EXPECT_EQ(t2.text(3, 9), "单位：万元");
  EXPECT_EQ(t2.text(4, 1), "项目");
  EXPECT_EQ(t2.text(4, 3), "本年收入");
  EXPECT_EQ(t2.text(4, 9), "上年结转");
  EXPECT_EQ(t2.text(5, 1), "科目编码");
  EXPECT_EQ(t2.text(5, 4), "一般公共预算");
  EXPECT_TRUE(has_merge(t2, 4, 1, 4, 2));  // A1:B1 of the header block
  EXPECT_TRUE(has_merge(t2, 4, 3, 4, 8));  // C1:H1
  EXPECT_TRUE(has_merge(t2, 4, 9, 5, 9));  // I1:I2
  // Codes are text; amounts numbers; blank stays blank; zero is a 0.
  ASSERT_NE(t2.at(8, 1), nullptr);
  EXPECT_EQ(t2.at(8, 1)->type, xlsx::CellValue::Type::string);
  EXPECT_EQ(t2.at(8, 1)->text, "2080505");
  EXPECT_EQ(t2.at(6, 3)->type, xlsx::CellValue::Type::number);
  EXPECT_EQ(t2.at(6, 3)->text, "1694.52");
  EXPECT_EQ(t2.at(6, 5), nullptr);  // blank 政府性基金
  ASSERT_NE(t2.at(6, 9), nullptr);  // zero 上年结转
  EXPECT_EQ(t2.at(6, 9)->text, "0");
  EXPECT_EQ(t2.at(8, 5)->text, "-0.01");
  EXPECT_EQ(t2.max_row, 8u);
}

TEST(XlsxWriter, YearFromTheTitleFillsTheHeader) {
  Report report = small_report();
  report.meta.year = 0;  // the table titles still say 2025
  const std::string dir = bxtest::temp_dir("writer-year");
  xlsx::write_workbook(report, dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  EXPECT_EQ(sheet(wb, "表12 项目支出预算表（本年预算）").text(3, 3), "2025年财政拨款");
}

TEST(XlsxWriter, AbsentColumnIsLeftOutAndMergesClipped) {
  const std::string dir = bxtest::temp_dir("writer-absent");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& t4 = sheet(wb, "表4 财政拨款收支总表");
  EXPECT_EQ(t4.max_col, 6u);
  EXPECT_TRUE(has_merge(t4, 1, 1, 1, 6));  // title over the 6 printed columns
  EXPECT_TRUE(has_merge(t4, 3, 3, 3, 6));  // 支出: C1:G1 clipped to C:F
  EXPECT_TRUE(has_merge(t4, 4, 4, 4, 6));  // 金额: D2:G2 clipped to D:F
  EXPECT_EQ(t4.text(5, 6), "政府性基金预算");
  EXPECT_EQ(t4.text(2, 6), "单位：万元");
  for (const auto& m : t4.merges) EXPECT_LE(m.last_col, 6u);
}

TEST(XlsxWriter, EmptyTableKeepsHeaderAndNote) {
  const std::string dir = bxtest::temp_dir("writer-empty");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& t9 = sheet(wb, "表9 国有资本经营预算收支预算表");
  EXPECT_EQ(t9.text(3, 1), "国有资本经营预算收入");
  EXPECT_EQ(t9.text(6, 1), "合计");  // header rows 3..5, the 合计 row
  EXPECT_EQ(t9.text(7, 1), "注：本表无数据");
  EXPECT_TRUE(has_merge(t9, 7, 1, 7, 8));
  for (std::uint32_t c = 2; c <= 8; ++c) EXPECT_EQ(t9.at(6, c), nullptr) << c;
}

TEST(XlsxWriter, ProjectTableKeepsTextAmountsAndColumnNumbers) {
  const std::string dir = bxtest::temp_dir("writer-projects");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& t12 = sheet(wb, "表12 项目支出预算表（本年预算）");
  EXPECT_EQ(t12.text(5, 1), "1");
  EXPECT_EQ(t12.text(5, 7), "7");
  EXPECT_EQ(t12.text(6, 1), "测试局");
  ASSERT_NE(t12.at(7, 3), nullptr);
  EXPECT_EQ(t12.at(7, 3)->type, xlsx::CellValue::Type::string);
  EXPECT_EQ(t12.at(7, 3)->text, "约1.5");
}

TEST(XlsxWriter, ProseKeptExactlyWithLinksToTables) {
  const std::string dir = bxtest::temp_dir("writer-prose");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& cover = sheet(wb, "封面文字");
  EXPECT_EQ(cover.text(1, 1), "测试局");
  EXPECT_EQ(cover.text(2, 1), "2025年度部门预算公开");
  const xlsx::Sheet& overview = sheet(wb, "概况");
  EXPECT_EQ(overview.text(1, 1), "第一部分 概况");  // the heading block, not written twice
  EXPECT_EQ(overview.text(2, 1), "一、本部门职责");
  EXPECT_EQ(overview.text(3, 1), "  负责全市自然资源工作。\t（原样保留）");
  EXPECT_EQ(overview.text(4, 1), "见表4 财政拨款收支总表");
  EXPECT_EQ(overview.max_row, 4u);
  const xlsx::Sheet& aside = sheet(wb, "其他材料");
  EXPECT_EQ(aside.text(1, 1), "类别");
  EXPECT_EQ(aside.text(2, 1), "水印");
  EXPECT_EQ(aside.text(2, 2), "line 12");
  EXPECT_EQ(aside.text(3, 3), "山西省财政厅文件");
}

TEST(XlsxWriter, CoverHasMetadataCountsAndFindings) {
  const std::string dir = bxtest::temp_dir("writer-cover");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& cover = sheet(wb, "封面");
  std::map<std::string, std::string> values;
  bool finding = false;
  for (std::uint32_t r = 1; r <= cover.max_row; ++r) {
    values[std::string(cover.text(r, 1))] = std::string(cover.text(r, 2));
    if (cover.text(r, 1) == "text.unplaced-line") {
      finding = true;
      EXPECT_EQ(cover.text(r, 2), "警告");
      EXPECT_EQ(cover.text(r, 3), "line 42");
      EXPECT_EQ(cover.text(r, 4), "无法归位的行");
    }
  }
  EXPECT_EQ(values["部门名称"], "测试局");
  EXPECT_EQ(values["文件类型"], "部门预算");
  EXPECT_EQ(values["年度"], "2025");
  EXPECT_EQ(values["金额单位"], "万元");
  EXPECT_EQ(values["标题"], "2025年度部门预算公开");
  EXPECT_EQ(values["来源文件"], "测试.txt");
  EXPECT_EQ(values["表格"], "4");
  EXPECT_EQ(values["其中：本表无数据"], "1");
  EXPECT_EQ(values["其他材料（未计入报告）"], "2");
  EXPECT_EQ(values["  水印"], "1");
  EXPECT_EQ(values["  警告"], "1");
  EXPECT_TRUE(finding);
}

TEST(XlsxWriter, EveryFontIsSongtiWithTheGb2312Charset) {
  const std::string dir = bxtest::temp_dir("writer-fonts");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::ZipArchive zip(dir + "/book.xlsx");
  const std::string styles = zip.read("xl/styles.xml");
  const std::string fonts = styles.substr(styles.find("<fonts"), styles.find("</fonts>") - styles.find("<fonts"));
  std::size_t count = 0;
  for (std::size_t pos = 0; (pos = fonts.find("<font>", pos)) != std::string::npos; ++pos) {
    const std::string font = fonts.substr(pos, fonts.find("</font>", pos) - pos);
    EXPECT_NE(font.find("<name val=\"宋体\"/>"), std::string::npos) << font;
    EXPECT_NE(font.find("<charset val=\"134\"/>"), std::string::npos) << font;
    ++count;
  }
  EXPECT_GE(count, 3u);
  EXPECT_EQ(styles.find("Calibri"), std::string::npos);
  EXPECT_NE(styles.find("#,##0.00"), std::string::npos);
}

TEST(XlsxWriter, PatchStylesLeavesOtherXmlAlone) {
  const std::string xml =
      "<styleSheet><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme "
      "val=\"minor\"/></font><font><b/><sz val=\"14\"/><name val=\"宋体\"/><family val=\"2\"/></font></fonts><fills/>"
      "</styleSheet>";
  const std::string patched = xlsx::detail::patch_styles_xml(xml);
  EXPECT_EQ(patched,
            "<styleSheet><fonts count=\"2\"><font><sz val=\"10\"/><color theme=\"1\"/><name val=\"宋体\"/><family "
            "val=\"2\"/><charset val=\"134\"/></font><font><b/><sz val=\"14\"/><name val=\"宋体\"/><family val=\"2\"/><charset "
            "val=\"134\"/></font></fonts><fills/></styleSheet>");
  EXPECT_EQ(xlsx::detail::patch_styles_xml(patched), patched);
  EXPECT_EQ(xlsx::detail::patch_styles_xml("<styleSheet/>"), "<styleSheet/>");
}

TEST(XlsxWriter, PrintSetupAndFrozenHeader) {
  const std::string dir = bxtest::temp_dir("writer-print");
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts());
  const xlsx::ZipArchive zip(dir + "/book.xlsx");
  const std::string t2 = zip.read("xl/worksheets/sheet2.xml");  // 表2: label line, title, entity, 2 header rows
  EXPECT_NE(t2.find("<pane ySplit=\"5\" topLeftCell=\"A6\" activePane=\"bottomLeft\" state=\"frozen\"/>"), std::string::npos) << t2;
  EXPECT_NE(t2.find("paperSize=\"9\""), std::string::npos);
  EXPECT_NE(t2.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(t2.find("fitToHeight=\"0\""), std::string::npos);
  EXPECT_NE(t2.find("<pageSetUpPr fitToPage=\"1\"/>"), std::string::npos);
  EXPECT_NE(t2.find("horizontalCentered=\"1\""), std::string::npos);
  const std::string book = zip.read("xl/workbook.xml");
  EXPECT_NE(book.find("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'表2 预算收入总表'!$1:$5</definedName>"),
            std::string::npos)
      << book;
  const std::string core = zip.read("docProps/core.xml");
  EXPECT_NE(core.find("<dc:subject>部门预算公开</dc:subject>"), std::string::npos);
  EXPECT_NE(core.find("<dc:creator>budgetxl</dc:creator>"), std::string::npos);
  EXPECT_NE(core.find("<dc:title>测试局2025年度部门预算公开</dc:title>"), std::string::npos);
}

// The cover and the document properties name the source file, not the folders it was read from;
// the workbook reads back the same (the cover's 来源文件 is not part of the model).
TEST(XlsxWriter, CoverNamesTheSourceFileWithoutItsFolders) {
  Report report = small_report();
  report.source.file = "/home/某人/预算资料/2025/测试.txt";
  const std::string dir = bxtest::temp_dir("writer-source");
  xlsx::write_workbook(report, dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& cover = sheet(wb, "封面");
  std::string source;
  for (std::uint32_t r = 1; r <= cover.max_row; ++r) {
    if (cover.text(r, 1) == "来源文件") source = std::string(cover.text(r, 2));
    for (std::uint32_t c = 1; c <= cover.max_col; ++c) EXPECT_EQ(cover.text(r, c).find("预算资料"), std::string::npos);
  }
  EXPECT_EQ(source, "测试.txt");
  const std::string core = xlsx::ZipArchive(dir + "/book.xlsx").read("docProps/core.xml");
  EXPECT_NE(core.find("由 budgetxl 从 测试.txt 转换"), std::string::npos) << core;
  EXPECT_EQ(core.find("预算资料"), std::string::npos) << core;
  const Report back = xlsx::read_workbook_report(dir + "/book.xlsx", bxtest::layouts());
  EXPECT_EQ(back.meta.entity, report.meta.entity);
  EXPECT_EQ(back.meta.title, report.meta.title);
  EXPECT_EQ(back.source.file, dir + "/book.xlsx");
}

TEST(XlsxWriter, SetAsideSheetCanBeLeftOut) {
  const std::string dir = bxtest::temp_dir("writer-noaside");
  xlsx::WriteOptions options;
  options.include_set_aside = false;
  xlsx::write_workbook(small_report(), dir + "/book.xlsx", bxtest::layouts(), options);
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  EXPECT_EQ(wb.find("其他材料"), nullptr);
}

TEST(XlsxWriter, LongParagraphContinuesOnTheNextRow) {
  Report report = small_report();
  std::string long_text;
  for (int i = 0; i < 7000; ++i) long_text += "预算公开文本";  // 42000 characters
  report.parts[1].blocks.push_back(Block{BlockKind::paragraph, long_text, 0, -1, 0, {}});
  const std::string dir = bxtest::temp_dir("writer-long");
  xlsx::write_workbook(report, dir + "/book.xlsx", bxtest::layouts());
  const xlsx::Workbook wb = xlsx::read_workbook(dir + "/book.xlsx");
  const xlsx::Sheet& overview = sheet(wb, "概况");
  EXPECT_EQ(std::string(overview.text(5, 1)) + std::string(overview.text(6, 1)), long_text);
}

TEST(XlsxWriter, ErrorsNameThePath) {
  const std::string path = "/nonexistent-budgetxl-dir/sub/book.xlsx";
  try {
    xlsx::write_workbook(small_report(), path, bxtest::layouts());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

TEST(XlsxWriter, SheetNamesFollowExcelRules) {
  using xlsx::detail::sanitize_sheet_name;
  using xlsx::detail::unique_sheet_name;
  EXPECT_EQ(sanitize_sheet_name("a/b\\c?d*e:f[g]h"), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(sanitize_sheet_name("'引号'"), "引号");
  EXPECT_EQ(sanitize_sheet_name("   "), "工作表");
  const std::string long_name = "表5 一般公共预算支出预算表（不含上年结转）再加上很长很长的说明文字";
  const std::string cut = sanitize_sheet_name(long_name);
  EXPECT_EQ(xlsx::detail::code_points(cut), 31u);
  EXPECT_TRUE(util::starts_with(long_name, cut));
  std::vector<std::string> used = {"封面", "Sheet"};
  EXPECT_EQ(unique_sheet_name("封面", used), "封面2");
  EXPECT_EQ(unique_sheet_name("封面", used), "封面3");
  EXPECT_EQ(unique_sheet_name("SHEET", used), "SHEET2");  // Excel ignores case
  EXPECT_EQ(xlsx::detail::code_points(unique_sheet_name(long_name, used)), 31u);
  EXPECT_EQ(unique_sheet_name(long_name, used).substr(0, 4), "表5");  // second time: suffixed, still 31
}

TEST(XlsxWriter, HandBuiltReportReadsBackIndependently) {
  if (!have_openpyxl()) GTEST_SKIP() << "python3-openpyxl is not installed";
  expect_independent_readback(small_report(), bxtest::temp_dir("writer-readback"), "small");
}

TEST(XlsxWriter, SampleReadsBackCellByCell) {
  const Report report = text::read_text_report(bxtest::source_dir() + "/samples/demo-department-2025.txt", bxtest::layouts());
  ASSERT_EQ(report.tables.size(), 13u);
  const std::string dir = bxtest::temp_dir("writer-sample");
  xlsx::write_workbook(report, dir + "/sample.xlsx", bxtest::layouts());
  expect_tables_equal(report, xlsx::read_workbook(dir + "/sample.xlsx"), "sample");
  if (have_openpyxl()) expect_independent_readback(report, dir, "sample-independent");
}

TEST(XlsxWriter, CorpusReadsBackCellByCell) {
  const auto files = bxtest::corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  const std::string dir = bxtest::temp_dir("writer-corpus");
  for (const auto& f : files) {
    const Report report = text::read_text_report(f, bxtest::layouts());
    const std::string stem = fs::path(f).stem().string();
    xlsx::write_workbook(report, dir + "/" + stem + ".xlsx", bxtest::layouts());
    expect_tables_equal(report, xlsx::read_workbook(dir + "/" + stem + ".xlsx"), stem);
  }
}

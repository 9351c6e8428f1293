// Tests for the generic .xlsx reader and its zip wrapper. Workbooks are built here, part by part,
// with libzip (so odd-but-valid and hostile packages can be made), and by two independent writers:
// libxlsxwriter and, when installed, openpyxl.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "support/test_support.hpp"
#include "xlsx/workbook_reader.hpp"
#include "xlsx/zip_archive.hpp"

namespace fs = std::filesystem;
using budgetxl::xlsx::CellValue;
using budgetxl::xlsx::MergedRange;
using budgetxl::xlsx::parse_cell_reference;
using budgetxl::xlsx::read_workbook;
using budgetxl::xlsx::ReadLimits;
using budgetxl::xlsx::Sheet;
using budgetxl::xlsx::Workbook;
using budgetxl::xlsx::WorkbookError;
using budgetxl::xlsx::ZipArchive;
using budgetxl::xlsx::ZipError;

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kXmlDecl = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";
constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kWorksheetType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
constexpr const char* kSharedStringsType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

std::string worksheet(const std::string& sheet_data, const std::string& before = "",
                      const std::string& after = "") {
  return std::string(kXmlDecl) + "<worksheet xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs +
         "\">" + before + "<sheetData>" + sheet_data + "</sheetData>" + after + "</worksheet>";
}

std::string shared_strings(const std::string& items) {
  return std::string(kXmlDecl) + "<sst xmlns=\"" + kMainNs + "\">" + items + "</sst>";
}

struct SheetSpec {
  std::string name;
  std::string xml;
};

// A minimal but complete package: one worksheet part per spec, in order, targets relative.
Parts package(const std::vector<SheetSpec>& sheets, const std::optional<std::string>& sst = {}) {
  std::string content_types =
      std::string(kXmlDecl) +
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
      R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
  std::string root_rels =
      std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPkgRelNs +
      "\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  std::string workbook = std::string(kXmlDecl) + "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" +
                         kRelNs + "\"><sheets>";
  std::string rels = std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPkgRelNs + "\">";
  Parts parts;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    workbook +=
        "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + kWorksheetType +
            "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.emplace_back("xl/worksheets/sheet" + n + ".xml", sheets[i].xml);
  }
  if (sst) {
    rels += std::string("<Relationship Id=\"rIdS\" Type=\"") + kSharedStringsType +
            "\" Target=\"sharedStrings.xml\"/>";
    parts.emplace_back("xl/sharedStrings.xml", *sst);
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  parts.emplace_back("[Content_Types].xml", content_types);
  parts.emplace_back("_rels/.rels", root_rels);
  parts.emplace_back("xl/workbook.xml", workbook);
  parts.emplace_back("xl/_rels/workbook.xml.rels", rels);
  return parts;
}

void replace_part(Parts& parts, const std::string& name, const std::string& data) {
  for (auto& [n, d] : parts) {
    if (n == name) {
      d = data;
      return;
    }
  }
  parts.emplace_back(name, data);
}

void remove_part(Parts& parts, const std::string& name) {
  std::erase_if(parts, [&](const auto& p) { return p.first == name; });
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

// The message of the WorkbookError that `f` throws; fails the test when it throws nothing.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const WorkbookError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected a WorkbookError";
  return {};
}

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("budgetxl-xlsx-" + std::string(info->test_suite_name()) +
                                        "-" + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::string write(const std::string& name, const Parts& parts, bool store = false) {
    const fs::path path = dir_ / name;
    bxtest::write_zip(path.string(), parts, store);
    return path.string();
  }
  Workbook read(const Parts& parts, const ReadLimits& limits = {}) {
    return read_workbook(write("book.xlsx", parts), limits);
  }

  fs::path dir_;
};

class ZipArchiveTest : public TempDirTest {};
class WorkbookReaderTest : public TempDirTest {};

void expect_cell(const Sheet& sheet, std::uint32_t row, std::uint32_t col, CellValue::Type type,
                 const std::string& text, bool formula = false) {
  const CellValue* value = sheet.at(row, col);
  ASSERT_NE(value, nullptr) << "no cell at row " << row << " col " << col;
  EXPECT_EQ(value->type, type) << "row " << row << " col " << col;
  EXPECT_EQ(value->text, text) << "row " << row << " col " << col;
  EXPECT_EQ(value->formula, formula) << "row " << row << " col " << col;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// ZipArchive

TEST_F(ZipArchiveTest, ReadsListsAndFindsEntries) {
  const std::string path = write("a.zip", {{"xl/workbook.xml", "<workbook/>"},
                                           {"xl\\Odd\\Name.xml", "backslashes"},
                                           {"docProps/App.xml", std::string(100000, 'x')}});
  ZipArchive zip(path);
  EXPECT_EQ(zip.path(), path);
  EXPECT_EQ(zip.entries(),
            (std::vector<std::string>{"xl/workbook.xml", "xl\\Odd\\Name.xml", "docProps/App.xml"}));
  EXPECT_EQ(zip.read("xl/workbook.xml"), "<workbook/>");
  EXPECT_EQ(zip.read("docProps/App.xml").size(), 100000u);
  // OPC part names are case-insensitive; some writers use '\' or a leading '/'.
  EXPECT_EQ(zip.find("XL/WORKBOOK.XML"), "xl/workbook.xml");
  EXPECT_EQ(zip.find("/xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(zip.find("xl/odd/name.xml"), "xl\\Odd\\Name.xml");
  EXPECT_EQ(zip.read("xl/odd/name.xml"), "backslashes");
  EXPECT_FALSE(zip.contains("xl/missing.xml"));

  std::string streamed;
  int chunks = 0;
  const auto size = zip.read_chunks(
      "docProps/App.xml",
      [&](std::string_view chunk) {
        streamed.append(chunk);
        ++chunks;
      },
      1u << 20);
  EXPECT_EQ(size, 100000u);
  EXPECT_EQ(streamed, std::string(100000, 'x'));
  EXPECT_GE(chunks, 2);  // streamed, not read whole
}

TEST_F(ZipArchiveTest, MovedArchiveStillReads) {
  const std::string path = write("a.zip", {{"a.txt", "alpha"}});
  ZipArchive first(path);
  ZipArchive second(std::move(first));
  EXPECT_EQ(second.read("a.txt"), "alpha");
  ZipArchive third(write("b.zip", {{"b.txt", "beta"}}));
  third = std::move(second);
  EXPECT_EQ(third.read("a.txt"), "alpha");
}

TEST_F(ZipArchiveTest, MissingEntryNamesArchiveAndPart) {
  const std::string path = write("a.zip", {{"a.txt", "alpha"}});
  ZipArchive zip(path);
  try {
    zip.read("xl/sharedStrings.xml");
    FAIL() << "expected ZipError";
  } catch (const ZipError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": xl/sharedStrings.xml: 压缩包中没有这一部分");
  }
}

TEST_F(ZipArchiveTest, NonZipAndMissingFilesNameTheFile) {
  const fs::path text = dir_ / "notes.xlsx";
  spit(text, "this is not a zip archive, just text pretending to be one\n");
  try {
    ZipArchive zip(text.string());
    FAIL() << "expected ZipError";
  } catch (const ZipError& e) {
    EXPECT_NE(std::string(e.what()).find(text.string() + ": 无法作为 zip 压缩包打开"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(ZipArchive((dir_ / "absent.xlsx").string()), ZipError);
}

TEST_F(ZipArchiveTest, TruncatedArchiveFails) {
  const std::string path = write("a.zip", {{"a.txt", std::string(5000, 'a')}, {"b.txt", "beta"}});
  const std::string bytes = slurp(path);
  for (std::size_t keep : {bytes.size() - 10, bytes.size() / 2, std::size_t{30}, std::size_t{0}}) {
    spit(path, bytes.substr(0, keep));
    EXPECT_THROW(ZipArchive{path}, ZipError) << "kept " << keep << " bytes";
  }
}

TEST_F(ZipArchiveTest, CorruptEntryDataFailsOnRead) {
  const std::string payload(4000, 'q');
  const std::string path = write("a.zip", {{"a.txt", payload}}, /*store=*/true);
  std::string bytes = slurp(path);
  const auto at = bytes.find(std::string(100, 'q'));
  ASSERT_NE(at, std::string::npos);
  bytes[at + 50] = 'Z';  // stored uncompressed, so only the CRC can notice
  spit(path, bytes);
  ZipArchive zip(path);
  try {
    zip.read("a.txt");
    FAIL() << "expected ZipError";
  } catch (const ZipError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ": a.txt: "), std::string::npos) << e.what();
  }
}

TEST_F(ZipArchiveTest, SizeLimitStopsDecompression) {
  ZipArchive zip(write("a.zip", {{"big.xml", std::string(1 << 20, ' ')}}));
  EXPECT_THROW(zip.read("big.xml", 1000), ZipError);
  EXPECT_EQ(zip.read("big.xml", 1 << 20).size(), std::size_t{1} << 20);
}

// ---------------------------------------------------------------------------------------------
// parse_cell_reference

TEST(WorkbookCellReference, ParsesAndRejects) {
  EXPECT_EQ(parse_cell_reference("A1"), std::make_pair(1u, 1u));
  EXPECT_EQ(parse_cell_reference("C12"), std::make_pair(12u, 3u));
  EXPECT_EQ(parse_cell_reference("Z1"), std::make_pair(1u, 26u));
  EXPECT_EQ(parse_cell_reference("AA7"), std::make_pair(7u, 27u));
  EXPECT_EQ(parse_cell_reference("az3"), std::make_pair(3u, 52u));
  EXPECT_EQ(parse_cell_reference("XFD1048576"), std::make_pair(1048576u, 16384u));
  for (const char* bad : {"", "A", "12", "A0", "XFD1048577", "XFE1", "AAAA1", "A1B", "$A$1", "A-1",
                          "A99999999999999999999999", "1A", "A 1"}) {
    EXPECT_THROW(parse_cell_reference(bad), WorkbookError) << bad;
  }
  EXPECT_NE(error_of([] { parse_cell_reference("XFD1048577"); }).find("\"XFD1048577\""),
            std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Reading workbooks

TEST_F(WorkbookReaderTest, SharedStringsPlainRichEmptyAndPhonetic) {
  const std::string sst = shared_strings(
      "<si><t>部门预算</t></si>"
      "<si><r><rPr><b/></rPr><t>一般</t></r><r><t xml:space=\"preserve\"> 公共 </t></r>"
      "<r><t>预算</t></r></si>"
      "<si/>"
      "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t xml:space=\"preserve\">  padded  </t></si>");
  const auto book = read(package(
      {{"S", worksheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                       R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>)"
                       R"(<c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>0</v></c></row>)")}},
      sst));
  ASSERT_EQ(book.sheets.size(), 1u);
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::string, "部门预算");
  expect_cell(s, 1, 2, CellValue::Type::string, "一般 公共 预算");
  expect_cell(s, 1, 3, CellValue::Type::string, "");  // empty <si/> is still a string cell
  expect_cell(s, 1, 4, CellValue::Type::string, "漢字");
  expect_cell(s, 1, 5, CellValue::Type::string, "  padded  ");
  expect_cell(s, 1, 6, CellValue::Type::string, "部门预算");
  EXPECT_EQ(s.text(1, 2), "一般 公共 预算");
  EXPECT_EQ(s.text(9, 9), "");
}

TEST_F(WorkbookReaderTest, SharedStringsWithoutPartOrFoundByConventionalName) {
  // No relationship for the shared strings: the conventional part name is used.
  auto parts = package({{"S", worksheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)")}});
  parts.emplace_back("xl/sharedStrings.xml", shared_strings("<si><t>by name</t></si>"));
  expect_cell(read(parts).sheets[0], 1, 1, CellValue::Type::string, "by name");

  // No shared strings at all is fine when nothing refers to them ...
  const auto book = read(package({{"S", worksheet(R"(<row r="1"><c r="A1"><v>5</v></c></row>)")}}));
  expect_cell(book.sheets[0], 1, 1, CellValue::Type::number, "5");
  // ... and an error naming the cell when something does.
  const auto message = error_of([&] {
    read(package({{"S", worksheet(R"(<row r="2"><c r="B2" t="s"><v>3</v></c></row>)")}},
                 shared_strings("<si><t>only</t></si>")));
  });
  EXPECT_NE(message.find("xl/worksheets/sheet1.xml: 单元格 B2 引用第 3 个共享字符串，但只有 1 个"),
            std::string::npos)
      << message;
}

TEST_F(WorkbookReaderTest, InlineStrings) {
  const auto book = read(package(
      {{"S",
        worksheet(
            R"(<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c>)"
            R"(<c r="B1" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>)"
            R"(<c r="C1" t="inlineStr"><is/></c>)"
            R"(<c r="D1" t="inlineStr"><is><t>x</t><rPh><t>ignored</t></rPh></is></c></row>)")}}));
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::string, "内联");
  expect_cell(s, 1, 2, CellValue::Type::string, "富文本");
  expect_cell(s, 1, 3, CellValue::Type::string, "");
  expect_cell(s, 1, 4, CellValue::Type::string, "x");
}

TEST_F(WorkbookReaderTest, FormulasKeepCachedValues) {
  const auto book = read(package(
      {{"S",
        worksheet(R"(<row r="1"><c r="A1" t="str"><f>CONCATENATE("合","计")</f><v>合计</v></c>)"
                  R"(<c r="B1"><f>1+2</f><v>3</v></c>)"
                  R"(<c r="C1"><f>B1*2</f></c>)"  // never calculated: no cached value
                  R"(<c r="D1" t="b"><f>B1&gt;2</f><v>1</v></c>)"
                  R"(<c r="E1"><f t="shared" si="0"/><v>4.5</v></c>)"
                  R"(<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>)")}}));
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::string, "合计", true);
  expect_cell(s, 1, 2, CellValue::Type::number, "3", true);
  expect_cell(s, 1, 3, CellValue::Type::empty, "", true);
  expect_cell(s, 1, 4, CellValue::Type::boolean, "TRUE", true);
  expect_cell(s, 1, 5, CellValue::Type::number, "4.5", true);
  expect_cell(s, 1, 6, CellValue::Type::error, "#DIV/0!", true);
}

TEST_F(WorkbookReaderTest, NumbersKeptAsLiteralText) {
  const auto book = read(package(
      {{"S",
        worksheet(
            R"(<row r="1"><c r="A1"><v>1694.52</v></c><c r="B1" t="n"><v>1694.5199999999998</v></c>)"
            R"(<c r="C1"><v>1E-3</v></c><c r="D1" s="2"><v>-0</v></c><c r="E1"><v>123456789012345678</v></c>)"
            R"(<c r="F1"><v></v></c></row>)")}}));
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::number, "1694.52");
  expect_cell(s, 1, 2, CellValue::Type::number, "1694.5199999999998");
  expect_cell(s, 1, 3, CellValue::Type::number, "1E-3");
  expect_cell(s, 1, 4, CellValue::Type::number, "-0");
  expect_cell(s, 1, 5, CellValue::Type::number, "123456789012345678");
  EXPECT_EQ(s.at(1, 6), nullptr);  // an empty <v> is no value
  EXPECT_EQ(s.max_col, 5u);
}

TEST_F(WorkbookReaderTest, BooleansErrorsAndDates) {
  const auto book = read(package(
      {{"S", worksheet(R"(<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>)"
                       R"(<c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="e"><v>#REF!</v></c>)"
                       R"(<c r="E1" t="d"><v>2024-01-31T00:00:00</v></c></row>)")}}));
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::boolean, "TRUE");
  expect_cell(s, 1, 2, CellValue::Type::boolean, "FALSE");
  expect_cell(s, 1, 3, CellValue::Type::error, "#N/A");
  expect_cell(s, 1, 4, CellValue::Type::error, "#REF!");
  expect_cell(s, 1, 5, CellValue::Type::string, "2024-01-31T00:00:00");

  const auto message = error_of([&] {
    read(package({{"S", worksheet(R"(<row r="4"><c r="C4" t="b"><v>maybe</v></c></row>)")}}));
  });
  EXPECT_NE(message.find("单元格 C4：布尔值无效：\"maybe\""), std::string::npos) << message;
}

TEST_F(WorkbookReaderTest, MergedRanges) {
  const auto book = read(package(
      {{"S", worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>)", "",
                       R"(<mergeCells count="3"><mergeCell ref="A1:F1"/><mergeCell ref="B3:C5"/>)"
                       R"(<mergeCell ref="D7"/></mergeCells>)")}}));
  const Sheet& s = book.sheets[0];
  ASSERT_EQ(s.merges.size(), 3u);
  EXPECT_EQ(s.merges[0].first_row, 1u);
  EXPECT_EQ(s.merges[0].first_col, 1u);
  EXPECT_EQ(s.merges[0].last_row, 1u);
  EXPECT_EQ(s.merges[0].last_col, 6u);
  EXPECT_EQ(s.merges[1].first_row, 3u);
  EXPECT_EQ(s.merges[1].first_col, 2u);
  EXPECT_EQ(s.merges[1].last_row, 5u);
  EXPECT_EQ(s.merges[1].last_col, 3u);
  EXPECT_EQ(s.merges[2].first_row, 7u);
  EXPECT_EQ(s.merges[2].last_col, 4u);
  ASSERT_NE(s.merge_at(4, 3), nullptr);
  EXPECT_EQ(s.merge_at(4, 3)->first_col, 2u);
  EXPECT_EQ(s.merge_at(2, 1), nullptr);
  // Merges do not extend the extent: only cells do.
  EXPECT_EQ(s.max_row, 1u);
  EXPECT_EQ(s.max_col, 1u);

  const auto message = error_of([&] {
    read(package(
        {{"S", worksheet("", "", R"(<mergeCells><mergeCell ref="A1:XFE2"/></mergeCells>)")}}));
  });
  EXPECT_NE(message.find("合并区域 \"A1:XFE2\""), std::string::npos) << message;
}

TEST_F(WorkbookReaderTest, WrongDimensionIgnoredAndBlankStyledCellsNotStored) {
  const auto book = read(package(
      {{"S",
        worksheet(
            R"(<row r="1"><c r="A1"><v>1</v></c><c r="Z1" s="4"/></row>)"
            R"(<row r="20"><c r="D20"><v>2</v></c></row><row r="30" s="3" customFormat="1"><c r="B30" s="3"/></row>)",
            R"(<dimension ref="A1:A1"/>)")}}));
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.max_row, 20u);
  EXPECT_EQ(s.max_col, 4u);
  EXPECT_EQ(s.cells.size(), 2u);
  expect_cell(s, 20, 4, CellValue::Type::number, "2");
  EXPECT_EQ(s.at(1, 26), nullptr);
  EXPECT_EQ(s.at(30, 2), nullptr);
}

TEST_F(WorkbookReaderTest, CellsAndRowsWithoutReferences) {
  const auto book = read(package(
      {{"S", worksheet(
                 // Row without r -> row 1; cells without r -> A1, B1.
                 R"(<row><c><v>11</v></c><c><v>12</v></c></row>)"
                 // Next row without r -> row 2; a referenced cell then unreferenced ones after it.
                 R"(<row><c r="C2"><v>23</v></c><c><v>24</v></c></row>)"
                 // Row with r and cells without r.
                 R"(<row r="5"><c><v>51</v></c><c t="inlineStr"><is><t>52</t></is></c></row>)"
                 // Row without r follows row 5; a styled blank still takes a position.
                 R"(<row><c s="1"/><c><v>62</v></c></row>)"
                 // Row without r whose cells carry references: the row takes their number.
                 R"(<row><c r="B9"><v>92</v></c></row><row><c><v>101</v></c></row>)")}}));
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::number, "11");
  expect_cell(s, 1, 2, CellValue::Type::number, "12");
  expect_cell(s, 2, 3, CellValue::Type::number, "23");
  expect_cell(s, 2, 4, CellValue::Type::number, "24");
  expect_cell(s, 5, 1, CellValue::Type::number, "51");
  expect_cell(s, 5, 2, CellValue::Type::string, "52");
  EXPECT_EQ(s.at(6, 1), nullptr);
  expect_cell(s, 6, 2, CellValue::Type::number, "62");
  expect_cell(s, 9, 2, CellValue::Type::number, "92");
  expect_cell(s, 10, 1, CellValue::Type::number, "101");
  EXPECT_EQ(s.max_row, 10u);
  EXPECT_EQ(s.max_col, 4u);
  EXPECT_EQ(s.cells.size(), 9u);
}

TEST_F(WorkbookReaderTest, UnsortedAndDuplicateCellsAreOrderedLastWins) {
  const auto book = read(package(
      {{"S",
        worksheet(
            R"(<row r="3"><c r="B3"><v>1</v></c><c r="A3"><v>2</v></c></row>)"
            R"(<row r="1"><c r="A1"><v>3</v></c></row><row r="3"><c r="B3"><v>4</v></c></row>)")}}));
  const Sheet& s = book.sheets[0];
  ASSERT_EQ(s.cells.size(), 3u);
  EXPECT_EQ(s.cells[0].row, 1u);
  EXPECT_EQ(s.cells[1].col, 1u);
  EXPECT_EQ(s.cells[2].col, 2u);
  expect_cell(s, 3, 2, CellValue::Type::number, "4");
  expect_cell(s, 3, 1, CellValue::Type::number, "2");
}

TEST_F(WorkbookReaderTest, AbsoluteTargetsSheetOrderHiddenAndChartsheets) {
  auto parts = package({});
  const std::string wb =
      std::string(kXmlDecl) + "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs +
      "\"><bookViews><workbookView/></bookViews><sheets>"
      "<sheet name=\"第二\" sheetId=\"7\" r:id=\"rId9\"/>"
      "<sheet name=\"Chart\" sheetId=\"3\" r:id=\"rId2\"/>"
      "<sheet name=\"第一\" sheetId=\"1\" r:id=\"rId1\" state=\"hidden\"/>"
      "</sheets><definedNames><definedName name=\"x\">第一!$A$1</definedName></definedNames>"
      "</workbook>";
  const std::string rels =
      std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPkgRelNs +
      "\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      kWorksheetType +
      "\" Target=\"/xl/worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/chartsheet\" Target=\"chartsheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId9\" Type=\"" +
      kWorksheetType +
      "\" Target=\"./worksheets/../worksheets/data%20two.xml\"/>"
      "<Relationship Id=\"rIdX\" Type=\"" +
      kWorksheetType +
      "\" Target=\"http://example.com/x.xml\" TargetMode=\"External\"/>"
      "<Relationship Id=\"rId3\" Type=\"" +
      kSharedStringsType +
      "\" Target=\"/xl/strings/custom.xml\"/>"
      "</Relationships>";
  replace_part(parts, "xl/workbook.xml", wb);
  replace_part(parts, "xl/_rels/workbook.xml.rels", rels);
  parts.emplace_back("xl/worksheets/sheet1.xml",
                     worksheet(R"(<row r="1"><c r="A1" t="s"><v>1</v></c></row>)"));
  parts.emplace_back("xl/worksheets/data two.xml",
                     worksheet(R"(<row r="2"><c r="B2" t="s"><v>0</v></c></row>)"));
  parts.emplace_back("xl/chartsheets/sheet1.xml", "<chartsheet/>");
  parts.emplace_back("xl/strings/custom.xml",
                     shared_strings("<si><t>零</t></si><si><t>一</t></si>"));

  const auto book = read(parts);
  ASSERT_EQ(book.sheets.size(), 2u);
  EXPECT_EQ(book.sheets[0].name, "第二");
  EXPECT_EQ(book.sheets[0].part, "xl/worksheets/data two.xml");
  EXPECT_FALSE(book.sheets[0].hidden);
  EXPECT_EQ(book.sheets[1].name, "第一");
  EXPECT_EQ(book.sheets[1].part, "xl/worksheets/sheet1.xml");
  EXPECT_TRUE(book.sheets[1].hidden);
  expect_cell(book.sheets[0], 2, 2, CellValue::Type::string, "零");
  ASSERT_NE(book.find("第一"), nullptr);
  expect_cell(*book.find("第一"), 1, 1, CellValue::Type::string, "一");
  EXPECT_EQ(book.find("Chart"), nullptr);
  EXPECT_EQ(book.find("第三"), nullptr);
}

TEST_F(WorkbookReaderTest, PrefixedElementsAndRootRelsWorkbookLocation) {
  // OpenXML SDK style: prefixed elements; the workbook part somewhere unusual, found via
  // _rels/.rels. A namespace declaration named like an attribute (xmlns:r) must not be taken for r.
  Parts parts;
  parts.emplace_back(
      "_rels/.rels",
      std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPkgRelNs +
          "\"><Relationship Id=\"R1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/officeDocument\" Target=\"/book/main.xml\"/></Relationships>");
  parts.emplace_back("book/main.xml",
                     std::string(kXmlDecl) + "<x:workbook xmlns:x=\"" + kMainNs +
                         "\" xmlns:rel=\"" + kRelNs +
                         "\"><x:sheets><x:sheet name=\"P\" sheetId=\"1\" rel:id=\"a\"/>"
                         "</x:sheets></x:workbook>");
  parts.emplace_back("book/_rels/main.xml.rels",
                     std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPkgRelNs +
                         "\"><Relationship Id=\"a\" Type=\"" + kWorksheetType +
                         "\" Target=\"s/p.xml\"/>"
                         "</Relationships>");
  parts.emplace_back("book/s/p.xml",
                     std::string(kXmlDecl) + "<x:worksheet xmlns:x=\"" + kMainNs +
                         "\"><x:sheetData><x:row r=\"2\"><x:c xmlns:r=\"urn:not-an-attribute\" "
                         "r=\"C2\" t=\"inlineStr\"><x:is><x:t>前缀</x:t></x:is>"
                         "</x:c></x:row></x:sheetData></x:worksheet>");
  const auto book = read(parts);
  ASSERT_EQ(book.sheets.size(), 1u);
  EXPECT_EQ(book.sheets[0].part, "book/s/p.xml");
  expect_cell(book.sheets[0], 2, 3, CellValue::Type::string, "前缀");
}

TEST_F(WorkbookReaderTest, EscapesDecoded) {
  const std::string sst = shared_strings(
      "<si><t>line1_x000D__x000A_line2</t></si>"
      "<si><t>_x005F_x000D_ stays literal</t></si>"
      "<si><t>tab_x0009_end _xZZZZ_ _x12_</t></si>"
      "<si><t>_xD83D__xDE00_</t></si>");
  const auto book = read(package(
      {{"S", worksheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
                       R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>)"
                       R"(<c r="E1" t="str"><f>A1</f><v>a_x0007_b</v></c>)"
                       R"(<c r="F1" t="inlineStr"><is><t>in_x000A_line</t></is></c></row>)")}},
      sst));
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.text(1, 1), "line1\r\nline2");
  EXPECT_EQ(s.text(1, 2), "_x000D_ stays literal");
  EXPECT_EQ(s.text(1, 3), "tab\tend _xZZZZ_ _x12_");
  EXPECT_EQ(s.text(1, 4), "\xF0\x9F\x98\x80");  // U+1F600 from a surrogate pair
  EXPECT_EQ(s.text(1, 5), "a\ab");
  EXPECT_EQ(s.text(1, 6), "in\nline");
}

TEST_F(WorkbookReaderTest, MissingSheetPartNamesThePart) {
  auto parts = package({{"一", worksheet("")}, {"二", worksheet("")}});
  remove_part(parts, "xl/worksheets/sheet2.xml");
  const std::string path = write("book.xlsx", parts);
  const auto message = error_of([&] { read_workbook(path); });
  EXPECT_NE(message.find(path + ": xl/worksheets/sheet2.xml: part is missing"), std::string::npos)
      << message;
  EXPECT_NE(message.find("二"), std::string::npos) << message;
}

TEST_F(WorkbookReaderTest, MissingWorkbookPartsAndRelationships) {
  auto parts = package({{"S", worksheet("")}});
  remove_part(parts, "xl/_rels/workbook.xml.rels");
  auto message = error_of([&] { read(parts); });
  EXPECT_NE(message.find("xl/_rels/workbook.xml.rels: 压缩包中没有这一部分"), std::string::npos) << message;

  parts = package({{"S", worksheet("")}});
  replace_part(
      parts, "xl/workbook.xml",
      std::string("<workbook xmlns:r=\"") + kRelNs +
          "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId42\"/></sheets></workbook>");
  message = error_of([&] { read(parts); });
  EXPECT_NE(message.find("xl/workbook.xml: sheet \"S\" refers to relationship \"rId42\""),
            std::string::npos)
      << message;

  message = error_of([&] { read({{"docProps/app.xml", "<Properties/>"}}); });
  EXPECT_NE(message.find("xl/workbook.xml: part is missing"), std::string::npos) << message;
}

TEST_F(WorkbookReaderTest, NonZipFileNamesTheFile) {
  const fs::path path = dir_ / "预算.xlsx";
  spit(path, "部门预算公开\n一、收支总表\n");
  const auto message = error_of([&] { read_workbook(path.string()); });
  EXPECT_EQ(message.rfind(path.string() + ": ", 0), 0u) << message;

  const fs::path ole = dir_ / "legacy.xls";
  spit(ole, std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  EXPECT_NE(error_of([&] { read_workbook(ole.string()); }).find("OLE2"), std::string::npos);

  EXPECT_NE(error_of([&] {
              read_workbook((dir_ / "absent.xlsx").string());
            }).find((dir_ / "absent.xlsx").string()),
            std::string::npos);
}

TEST_F(WorkbookReaderTest, TruncatedZipIsAnError) {
  const std::string path =
      write("book.xlsx", package({{"S", worksheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")}}));
  const std::string bytes = slurp(path);
  for (std::size_t keep = 0; keep < bytes.size(); keep += 97) {
    spit(path, bytes.substr(0, keep));
    EXPECT_THROW(read_workbook(path), WorkbookError) << "kept " << keep;
  }
}

TEST_F(WorkbookReaderTest, CorruptedBytesNeverCrash) {
  // Stored parts, so flipped bytes reach the XML parser or the CRC check rather than inflate only.
  const std::string path = write(
      "book.xlsx",
      package(
          {{"S", worksheet(R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>)",
                           "", R"(<mergeCells><mergeCell ref="A1:B1"/></mergeCells>)")}},
          shared_strings("<si><t>x</t></si>")),
      /*store=*/true);
  const std::string bytes = slurp(path);
  int errors = 0;
  for (std::size_t at = 0; at < bytes.size(); at += 13) {
    std::string copy = bytes;
    copy[at] = static_cast<char>(copy[at] ^ 0x5A);
    spit(path, copy);
    try {
      read_workbook(path);
    } catch (const WorkbookError&) {
      ++errors;
    }
  }
  EXPECT_GT(errors, 0);
}

TEST_F(WorkbookReaderTest, MalformedXmlNamesPartAndLine) {
  auto parts = package({{"S", worksheet(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")}});
  replace_part(parts, "xl/worksheets/sheet1.xml",
               std::string(kXmlDecl) +
                   "\n<worksheet>\n<sheetData>\n<row r=\"1\"><c r=\"A1\">"
                   "<v>1</v></row>\n</sheetData></worksheet>");
  auto message = error_of([&] { read(parts); });
  EXPECT_NE(message.find("book.xlsx: xl/worksheets/sheet1.xml: XML 格式错误，第4行"),
            std::string::npos)
      << message;

  replace_part(parts, "xl/worksheets/sheet1.xml", "");
  message = error_of([&] { read(parts); });
  EXPECT_NE(message.find("xl/worksheets/sheet1.xml: XML 格式错误"), std::string::npos) << message;

  parts = package({{"S", worksheet("")}}, "<sst><si><t>unclosed</si></sst>");
  message = error_of([&] { read(parts); });
  EXPECT_NE(message.find("xl/sharedStrings.xml: XML 格式错误"), std::string::npos) << message;
}

TEST_F(WorkbookReaderTest, DtdAndEntityExpansionRejected) {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
      "<sst><si><t>&lol3;</t></si></sst>";
  const auto message = error_of([&] { read(package({{"S", worksheet("")}}, laughs)); });
  EXPECT_NE(message.find("xl/sharedStrings.xml: XML 中有文档类型声明（DOCTYPE"), std::string::npos)
      << message;
}

TEST_F(WorkbookReaderTest, AbsurdReferencesRejected) {
  for (const std::string& sheet_data :
       {std::string(R"(<row r="1048577"><c r="XFD1048577"><v>1</v></c></row>)"),
        std::string(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)"),
        std::string(R"(<row r="1"><c r="A99999999999999999999"><v>1</v></c></row>)"),
        std::string(R"(<row r="0"><c><v>1</v></c></row>)"),
        std::string(R"(<row r="-5"><c><v>1</v></c></row>)"),
        std::string(R"(<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>)"),
        std::string(R"(<row r="1048576"/><row><c><v>1</v></c></row>)")}) {
    const auto message = error_of([&] { read(package({{"S", worksheet(sheet_data)}})); });
    EXPECT_NE(message.find("book.xlsx: xl/worksheets/sheet1.xml: "), std::string::npos)
        << sheet_data << " -> " << message;
  }
  // The largest legal cell is fine and does not allocate a dense grid.
  const auto book =
      read(package({{"S", worksheet(R"(<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>)")}}));
  EXPECT_EQ(book.sheets[0].max_row, 1048576u);
  EXPECT_EQ(book.sheets[0].max_col, 16384u);
  EXPECT_EQ(book.sheets[0].cells.size(), 1u);
}

TEST_F(WorkbookReaderTest, LimitsOnCellsStringsAndPartSize) {
  std::string rows;
  for (int r = 1; r <= 10; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c><v>" + std::to_string(r) + "</v></c></row>";
  }
  auto parts = package({{"A", worksheet(rows)}, {"B", worksheet(rows)}},
                       shared_strings("<si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>"));
  EXPECT_NO_THROW(read(parts));

  ReadLimits limits;
  limits.max_cells = 15;  // counted across sheets
  auto message = error_of([&] { read(parts, limits); });
  EXPECT_NE(message.find("xl/worksheets/sheet2.xml: 工作簿的单元格超过 15 个"),
            std::string::npos)
      << message;

  limits = {};
  limits.max_shared_strings = 2;
  message = error_of([&] { read(parts, limits); });
  EXPECT_NE(message.find("xl/sharedStrings.xml: 共享字符串超过 2 个"), std::string::npos)
      << message;

  limits = {};
  limits.max_part_bytes = 200;
  message = error_of([&] { read(parts, limits); });
  EXPECT_NE(message.find("超过上限 200 字节"), std::string::npos) << message;

  limits = {};
  limits.max_string_bytes = 4;
  message = error_of([&] {
    read(
        package({{"S",
                  worksheet(
                      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>toolong</t></is></c></row>)")}}),
        limits);
  });
  EXPECT_NE(message.find("长于 4 字节"), std::string::npos) << message;

  limits = {};
  limits.max_total_text_bytes = 20;  // 3 shared + 11 per sheet: the second sheet goes over
  message = error_of([&] { read(parts, limits); });
  EXPECT_NE(message.find("xl/worksheets/sheet2.xml: 工作簿的文字超过 20 字节"),
            std::string::npos)
      << message;
}

TEST_F(WorkbookReaderTest, ManyCellsStayCompact) {
  std::string rows;
  for (int r = 1; r <= 1000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 100; ++c) rows += "<c><v>" + std::to_string(r * 1000 + c) + ".25</v></c>";
    rows += "</row>";
  }
  const auto book = read(package({{"Big", worksheet(rows, R"(<dimension ref="A1"/>)")}}));
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.cells.size(), 100000u);
  EXPECT_EQ(s.max_row, 1000u);
  EXPECT_EQ(s.max_col, 100u);
  expect_cell(s, 777, 42, CellValue::Type::number, "777041.25");
  EXPECT_EQ(s.at(1001, 1), nullptr);
  EXPECT_EQ(s.at(1, 101), nullptr);
}

TEST_F(WorkbookReaderTest, ReadsLibxlsxwriterOutput) {
  const std::string path = (dir_ / "lxw.xlsx").string();
  lxw_workbook* wb = workbook_new(path.c_str());
  ASSERT_NE(wb, nullptr);
  lxw_worksheet* first = workbook_add_worksheet(wb, "表1 预算收支总表");
  lxw_worksheet* second = workbook_add_worksheet(wb, "Second");
  worksheet_write_string(first, 0, 0, "收入", nullptr);
  worksheet_write_string(first, 0, 1, "line1\nline2", nullptr);
  worksheet_write_number(first, 1, 1, 1694.52, nullptr);
  worksheet_write_formula_num(first, 1, 2, "=B2*2", nullptr, 3389.04);
  worksheet_write_boolean(first, 2, 0, 1, nullptr);
  worksheet_write_string(first, 5, 3, "收入", nullptr);  // shared string reused
  worksheet_write_string(first, 6, 0,
                         "ctl\x01"
                         "char",
                         nullptr);  // written as _x0001_
  worksheet_merge_range(first, 3, 0, 3, 3, "合并标题", nullptr);
  worksheet_write_number(second, 9, 4, -0.5, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  const auto book = read_workbook(path);
  ASSERT_EQ(book.sheets.size(), 2u);
  EXPECT_EQ(book.sheets[0].name, "表1 预算收支总表");
  EXPECT_EQ(book.sheets[1].name, "Second");
  const Sheet& s = book.sheets[0];
  expect_cell(s, 1, 1, CellValue::Type::string, "收入");
  expect_cell(s, 1, 2, CellValue::Type::string, "line1\nline2");
  ASSERT_NE(s.at(2, 2), nullptr);
  EXPECT_EQ(s.at(2, 2)->type, CellValue::Type::number);
  EXPECT_DOUBLE_EQ(std::stod(s.at(2, 2)->text), 1694.52);
  ASSERT_NE(s.at(2, 3), nullptr);
  EXPECT_TRUE(s.at(2, 3)->formula);
  EXPECT_DOUBLE_EQ(std::stod(s.at(2, 3)->text), 3389.04);
  expect_cell(s, 3, 1, CellValue::Type::boolean, "TRUE");
  expect_cell(s, 4, 1, CellValue::Type::string, "合并标题");
  expect_cell(s, 6, 4, CellValue::Type::string, "收入");
  ASSERT_EQ(s.merges.size(), 1u);
  EXPECT_EQ(s.merges[0].first_row, 4u);
  EXPECT_EQ(s.merges[0].last_col, 4u);
  expect_cell(s, 7, 1, CellValue::Type::string,
              "ctl\x01"
              "char");
  EXPECT_EQ(s.max_row, 7u);
  EXPECT_EQ(s.max_col, 4u);
  ASSERT_NE(book.sheets[1].at(10, 5), nullptr);
  EXPECT_DOUBLE_EQ(std::stod(book.sheets[1].at(10, 5)->text), -0.5);
}

TEST_F(WorkbookReaderTest, ReadsLibxlsxwriterConstantMemoryOutput) {
  // constant_memory mode writes strings inline instead of through the shared string table.
  const std::string path = (dir_ / "lxw-cm.xlsx").string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  ASSERT_NE(wb, nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "流式");
  for (lxw_row_t r = 0; r < 50; ++r) {
    worksheet_write_string(ws, r, 0, ("项目" + std::to_string(r)).c_str(), nullptr);
    worksheet_write_number(ws, r, 1, r + 0.25, nullptr);
  }
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

  const auto book = read_workbook(path);
  ASSERT_EQ(book.sheets.size(), 1u);
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.max_row, 50u);
  EXPECT_EQ(s.max_col, 2u);
  expect_cell(s, 50, 1, CellValue::Type::string, "项目49");
  expect_cell(s, 50, 2, CellValue::Type::number, "49.25");
}

TEST_F(WorkbookReaderTest, ReadsOpenpyxlOutput) {
  if (std::system("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "/usr/bin/python3 has no openpyxl";
  }
  const fs::path script = dir_ / "make.py";
  const fs::path out = dir_ / "openpyxl.xlsx";
  spit(script,
       "import sys, openpyxl\n"
       "wb = openpyxl.Workbook()\n"
       "ws = wb.active\n"
       "ws.title = '表2 一般公共预算支出表'\n"
       "ws['A1'] = '科目编码'\n"
       "ws['B2'] = 1694.52\n"
       "ws['C2'] = '=B2*2'\n"
       "ws['A3'] = True\n"
       "ws['D5'] = 'a\\nb'\n"
       "ws['E6'] = 7\n"
       "ws.merge_cells('A7:C8')\n"
       "hidden = wb.create_sheet('Hidden')\n"
       "hidden.sheet_state = 'hidden'\n"
       "hidden['B3'] = 'x'\n"
       "wb.save(sys.argv[1])\n");
  const std::string command =
      "/usr/bin/python3 '" + script.string() + "' '" + out.string() + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  const auto book = read_workbook(out.string());
  ASSERT_EQ(book.sheets.size(), 2u);
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.name, "表2 一般公共预算支出表");
  expect_cell(s, 1, 1, CellValue::Type::string, "科目编码");
  expect_cell(s, 2, 2, CellValue::Type::number, "1694.52");
  expect_cell(s, 2, 3, CellValue::Type::empty, "", true);  // openpyxl stores no cached value
  expect_cell(s, 3, 1, CellValue::Type::boolean, "TRUE");
  expect_cell(s, 5, 4, CellValue::Type::string, "a\nb");
  expect_cell(s, 6, 5, CellValue::Type::number, "7");
  ASSERT_EQ(s.merges.size(), 1u);
  EXPECT_EQ(s.merges[0].first_row, 7u);
  EXPECT_EQ(s.merges[0].last_row, 8u);
  EXPECT_EQ(s.merges[0].last_col, 3u);
  EXPECT_EQ(s.max_row, 6u);
  EXPECT_EQ(s.max_col, 5u);
  EXPECT_EQ(book.sheets[1].name, "Hidden");
  EXPECT_TRUE(book.sheets[1].hidden);
  expect_cell(book.sheets[1], 3, 2, CellValue::Type::string, "x");
}

// ---------------------------------------------------------------------------------------------
// The XML token guard and the package checks (the hostile files themselves: tests/hostile/)

TEST_F(WorkbookReaderTest, TokenGuardLetsLegalMarkupThrough) {
  // '>' inside a quoted attribute, '<' and '>' inside a comment, a PI, a CDATA section with '>'
  // and a tag of exactly the limit are all read; only what goes over it is refused.
  ReadLimits limits;
  limits.max_xml_token_bytes = 256;  // the package's own tags (relationships) are up to ~200 bytes
  const std::string rows =
      R"(<!-- a <comment> with - and > inside --><?pi a > b?>)"
      R"(<row r="1"><c r="A1" t="inlineStr" x='a>b' y="c&gt;d"><is><t><![CDATA[x > y]]></t></is></c></row>)";
  const auto book = read(package({{"S", worksheet(rows)}}), limits);
  expect_cell(book.sheets[0], 1, 1, CellValue::Type::string, "x > y");

  const std::string exact = "<row r=\"2\" " + std::string(256 - 15, 'a') + "=\"\">";  // 256 bytes with '<' and '>'
  ASSERT_EQ(exact.size(), 256u);
  EXPECT_NO_THROW(read(package({{"S", worksheet(exact + "</row>")}}), limits));
  const std::string over = "<row r=\"2\" " + std::string(256 - 14, 'a') + "=\"\">";
  auto message = error_of([&] { read(package({{"S", worksheet(over + "</row>")}}), limits); });
  EXPECT_NE(message.find("xl/worksheets/sheet1.xml: 从第 "), std::string::npos) << message;
  EXPECT_NE(message.find("长于 256 字节的 XML 标记"), std::string::npos) << message;
  // A long comment and a long text run: the comment is a token, the text is not.
  message = error_of([&] { read(package({{"S", worksheet("<!--" + std::string(300, '<') + "-->")}}), limits); });
  EXPECT_NE(message.find("XML 标记"), std::string::npos) << message;
  const auto text = read(package({{"S", worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + std::string(1000, 'x') +
                                                       "</t></is></c></row>")}}),
                         limits);
  EXPECT_EQ(text.sheets[0].text(1, 1).size(), 1000u);
}

TEST_F(WorkbookReaderTest, TokenGuardSpansChunks) {
  // A 3 MiB attribute arrives in 64 KiB chunks: refused after the first MiB whatever the chunking.
  const std::string rows = "<row r=\"1\" a=\"" + std::string(3u << 20, 'a') + "\"/>";
  const auto message = error_of([&] { read(package({{"S", worksheet(rows)}})); });
  EXPECT_NE(message.find("长于 1 MiB（1048576 字节）的 XML 标记"), std::string::npos) << message;
}

TEST_F(WorkbookReaderTest, DepthEntriesAndEntitiesAreBounded) {
  ReadLimits limits;
  limits.max_xml_depth = 5;  // worksheet, sheetData, row, c, is, t would be 6
  auto message = error_of([&] {
    read(package({{"S", worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>)")}}), limits);
  });
  EXPECT_NE(message.find("嵌套超过 5 层"), std::string::npos) << message;
  limits.max_xml_depth = 6;
  EXPECT_NO_THROW(read(package({{"S", worksheet(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>)")}}), limits));

  limits = {};
  limits.max_zip_entries = 3;
  message = error_of([&] { read(package({{"S", worksheet("")}}), limits); });
  EXPECT_NE(message.find("个条目，超过上限 3"), std::string::npos) << message;

  limits = {};
  limits.max_rows = 2;
  message = error_of([&] {
    read(package({{"S", worksheet(R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c></row><row r="5"><c r="A5"><v>1</v></c></row>)"
                                  R"(<row r="9"><c r="A9"><v>1</v></c></row>)")}}),
         limits);
  });
  EXPECT_NE(message.find("有内容的行超过 2 行（在第 9 行）"), std::string::npos) << message;

  limits = {};
  limits.max_workbook_bytes = 600;  // the parts of this package are ~1 KB together
  message = error_of([&] { read(package({{"S", worksheet("")}}), limits); });
  EXPECT_NE(message.find("解压后共超过 600 字节"), std::string::npos) << message;
}

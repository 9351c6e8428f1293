// Hostile and broken inputs, made here at run time (never stored): each must be answered by the
// command line with a clear error naming the file (or a correct read) quickly and in bounded
// memory, never a crash or a hang. Time is the process's wall time, memory its peak resident set;
// the bounds are 1 s and 256 MiB for a plain build, widened for the sanitizer build (ASan keeps
// freed memory in quarantine and runs several times slower).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "budgetxl/io.hpp"
#include "hostile/hostile_support.hpp"
#include "support/test_support.hpp"
#include "xlsx/workbook_reader.hpp"

namespace fs = std::filesystem;
using hostile::RunResult;
using hostile::ZipEntry;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSeconds = 10.0;
constexpr long kMemoryMb = 512;
#else
constexpr double kSeconds = 1.0;
constexpr long kMemoryMb = 256;
#endif

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// The start of a worksheet up to its open <sheetData>, for parts made by repeated_entry.
const std::string kSheetHead = std::string(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=")") + kMainNs + "\"><sheetData>";

std::string sheet_xml(const std::string& inside) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=")") + kMainNs + "\">" + inside + "</worksheet>";
}

// A minimal package of one worksheet (and shared strings when given), entries as given after it.
std::vector<ZipEntry> package(const std::string& sheet, const std::string& shared = "") {
  std::vector<ZipEntry> e;
  e.push_back({"[Content_Types].xml", R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"});
  e.push_back({"_rels/.rels",
               R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
               R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"});
  e.push_back({"xl/workbook.xml",
               std::string(R"(<?xml version="1.0"?><workbook xmlns=")") + kMainNs +
                   R"(" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>)"});
  e.push_back({"xl/_rels/workbook.xml.rels",
               std::string(R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                           R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)") +
                   (shared.empty() ? "" : R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)") +
                   "</Relationships>"});
  if (!shared.empty()) e.push_back({"xl/sharedStrings.xml", shared});
  e.push_back({"xl/worksheets/sheet1.xml", sheet});
  return e;
}

class Hostile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = bxtest::temp_dir(std::string("hostile-") + info->name());
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string file(const std::string& name, const std::string& content) const {
    hostile::write_file(path(name), content);
    return path(name);
  }
  std::string zip(const std::string& name, const std::vector<ZipEntry>& entries) const {
    return file(name, hostile::zip_bytes(entries));
  }
  // budgetxl ARGS…, killed when it runs far over the bound.
  RunResult cli(std::vector<std::string> args, double timeout = 6 * kSeconds + 10) const {
    args.insert(args.begin(), bxtest::binary());
    const std::string run_dir = dir_ + "/run";
    fs::create_directories(run_dir);
    return hostile::run(args, run_dir, timeout);
  }
  // The sample report's workbook as budgetxl writes it, made once per test.
  std::string sample_workbook() {
    const std::string out = path("sample.xlsx");
    const auto& families = budgetxl::LayoutFamilies::embedded();
    const budgetxl::Report report = budgetxl::io::read_report(bxtest::source_dir() + "/samples/demo-department-2025.txt", families);
    budgetxl::io::write_workbook(report, out, budgetxl::io::layouts_of(report, families));
    return out;
  }
  std::string dir_;
};

void expect_bounded(const RunResult& r) {
  std::cout << "  " << r.seconds << " s, " << r.max_rss_mb << " MiB, exit " << r.exit_code << "\n";
  EXPECT_FALSE(r.timed_out) << "killed after " << r.seconds << " s";
  EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << "\n" << r.err;
  EXPECT_LT(r.seconds, kSeconds) << r.err;
  EXPECT_LT(r.max_rss_mb, kMemoryMb) << r.err;
}

// Refused with exit code `code`, a message naming `where` and saying `what`, within the bounds.
void expect_refused(const RunResult& r, int code, const std::string& where, const std::string& what) {
  expect_bounded(r);
  EXPECT_EQ(r.exit_code, code) << r.err;
  EXPECT_NE(r.err.find(where), std::string::npos) << "no " << where << " in: " << r.err;
  EXPECT_NE(r.err.find(what), std::string::npos) << "no " << what << " in: " << r.err;
  EXPECT_EQ(r.err.find("AddressSanitizer"), std::string::npos) << r.err;
}

void expect_read(const RunResult& r) {
  expect_bounded(r);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 3) << "exit " << r.exit_code << "\n" << r.err;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The zip layer

TEST_F(Hostile, ZipBombThatSaysItsSizeIsRefusedBeforeInflating) {
  // 300 MiB of spaces in a few hundred KB; the part limit is 256 MiB.
  auto entries = package("");
  entries.back() = hostile::repeated_entry("xl/worksheets/sheet1.xml", kSheetHead, ' ', 300u << 20,
                                           "</sheetData></worksheet>");
  const std::string bomb = zip("bomb.xlsx", entries);
  EXPECT_LT(fs::file_size(bomb), 1u << 20);
  expect_refused(cli({"json", bomb, "-o", path("out.json")}), 2, "xl/worksheets/sheet1.xml", "超过上限 256 MiB");
  EXPECT_FALSE(fs::exists(path("out.json")));
}

TEST_F(Hostile, ZipBombThatLiesAboutItsSizeIsStoppedWhileInflating) {
  auto entries = package("");
  entries.back() = hostile::repeated_entry("xl/worksheets/sheet1.xml", kSheetHead, ' ', 300u << 20, "</sheetData></worksheet>");
  entries.back().declared_size = 1000;
  const std::string bomb = zip("liar.xlsx", entries);
  // Stopped at the part limit, told low here so the test stays fast; the default works the same.
  const RunResult r = cli({"json", bomb, "--limit", "part-bytes=32M", "-o", path("out.json")});
  expect_refused(r, 2, "xl/worksheets/sheet1.xml", "超过上限 32 MiB");
}

TEST_F(Hostile, WholeWorkbookLimitCountsEveryPart) {
  // Three parts of 40 MiB each pass the part limit; together they pass the workbook limit.
  auto entries = package(sheet_xml("<sheetData/>"), "<sst/>");
  entries.back() = hostile::repeated_entry("xl/worksheets/sheet1.xml", kSheetHead, ' ', 40u << 20,
                                           "</sheetData></worksheet>");
  *(entries.end() - 2) = (hostile::repeated_entry("xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMainNs + "\">",
                                                            ' ', 40u << 20, "</sst>"));
  entries.push_back(hostile::repeated_entry("xl/worksheets/sheet2.xml", kSheetHead, ' ', 40u << 20, "</sheetData></worksheet>"));
  entries[2].data = bxtest::replace_once(entries[2].data, "</sheets>", R"(<sheet name="表2" sheetId="2" r:id="rId3"/></sheets>)");
  entries[3].data = bxtest::replace_once(entries[3].data, "</Relationships>",
                                         R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>)");
  const std::string book = zip("big.xlsx", entries);
  expect_refused(cli({"json", book, "--limit", "workbook-bytes=64M"}), 2, "big.xlsx", "工作簿各部件解压后共超过 64 MiB");
}

TEST_F(Hostile, DuplicateZipEntriesAreRefused) {
  auto entries = package(sheet_xml(R"(<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>)"));
  entries.push_back({"xl/worksheets/sheet1.xml", sheet_xml(R"(<sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData>)")});
  expect_refused(cli({"json", zip("dup.xlsx", entries)}), 2, "xl/worksheets/sheet1.xml", "重复的条目");
  // Names that differ only in case are one part name in a package.
  entries.back().name = "XL/Worksheets/Sheet1.xml";
  expect_refused(cli({"json", zip("dup-case.xlsx", entries)}), 2, "dup-case.xlsx", "重复的条目");
}

TEST_F(Hostile, TooManyZipEntriesAreRefused) {
  auto entries = package(sheet_xml("<sheetData/>"));
  for (int i = 0; i < 10'001; ++i) entries.push_back({"xl/media/x" + std::to_string(i) + ".bin", "", true});
  expect_refused(cli({"json", zip("many.xlsx", entries)}), 2, "many.xlsx", "超过上限 10000");
}

TEST_F(Hostile, TruncatedZipIsRefused) {
  const std::string book = hostile::read_file(sample_workbook());
  const std::string cut = file("cut.xlsx", book.substr(0, book.size() / 2));
  expect_refused(cli({"json", cut}), 2, "cut.xlsx", "zip");
}

TEST_F(Hostile, MissingWorkbookPartIsRefused) {
  auto entries = package(sheet_xml("<sheetData/>"));
  entries.erase(entries.begin() + 2);  // xl/workbook.xml
  expect_refused(cli({"json", zip("nobook.xlsx", entries)}), 2, "xl/workbook.xml", "missing");
}

// ---------------------------------------------------------------------------------------------
// The XML layer

TEST_F(Hostile, EntityBombIsRefused) {
  std::string dtd = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">)";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  const std::string sst = dtd + "<sst xmlns=\"" + kMainNs + "\"><si><t>&lol9;</t></si></sst>";
  const auto book = zip("lol.xlsx", package(sheet_xml("<sheetData/>"), sst));
  expect_refused(cli({"json", book}), 2, "xl/sharedStrings.xml", "DOCTYPE");
}

TEST_F(Hostile, ExternalEntityIsRefused) {
  const std::string sheet = std::string(R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns=")") +
                            kMainNs + R"("><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>)";
  expect_refused(cli({"json", zip("xxe.xlsx", package(sheet))}), 2, "xl/worksheets/sheet1.xml", "DOCTYPE");
}

TEST_F(Hostile, LongAttributeIsRefusedQuickly) {
  // Expat 2.5 rescans an unfinished token on every chunk: 100 MiB of one attribute would take
  // minutes. The guard stops it after 1 MiB.
  auto entries = package("");
  entries.back() = hostile::repeated_entry("xl/worksheets/sheet1.xml",
                                           std::string(R"(<?xml version="1.0"?><worksheet xmlns=")") + kMainNs + R"("><sheetData a=")", 'a',
                                           100u << 20, R"("/></worksheet>)");
  const auto book = zip("attr.xlsx", entries);
  EXPECT_LT(fs::file_size(book), 1u << 20);
  expect_refused(cli({"json", book}), 2, "xl/worksheets/sheet1.xml", "长于 1 MiB（1048576 字节）的 XML 标记");
}

TEST_F(Hostile, LongCommentIsRefusedQuickly) {
  auto entries = package("");
  entries.back() = hostile::repeated_entry("xl/worksheets/sheet1.xml",
                                           std::string(R"(<?xml version="1.0"?><worksheet xmlns=")") + kMainNs + R"("><!--)", '<', 50u << 20,
                                           "--><sheetData/></worksheet>");
  expect_refused(cli({"json", zip("comment.xlsx", entries)}), 2, "xl/worksheets/sheet1.xml", "XML 标记");
}

TEST_F(Hostile, DeepXmlIsRefused) {
  std::string deep;
  for (int i = 0; i < 100'000; ++i) deep += "<a>";
  for (int i = 0; i < 100'000; ++i) deep += "</a>";
  expect_refused(cli({"json", zip("deep.xlsx", package(sheet_xml("<sheetData/>" + deep)))}), 2, "xl/worksheets/sheet1.xml",
                 "嵌套超过 100 层");
}

TEST_F(Hostile, MillionSharedStringsAreRefused) {
  std::string items = std::string(R"(<?xml version="1.0"?><sst xmlns=")") + kMainNs + R"(" count="1000000" uniqueCount="1000000">)";
  items.reserve(24'000'000);
  for (int i = 0; i < 1'000'000; ++i) items += "<si><t>" + std::to_string(i) + "</t></si>";
  items += "</sst>";
  expect_refused(cli({"json", zip("sst.xlsx", package(sheet_xml("<sheetData/>"), items))}), 2, "xl/sharedStrings.xml",
                 "共享字符串超过 500000 个");
}

TEST_F(Hostile, LongCellIsRefused) {
  auto entries = package("");
  entries.back() = hostile::repeated_entry("xl/worksheets/sheet1.xml",
                                           std::string(R"(<?xml version="1.0"?><worksheet xmlns=")") + kMainNs +
                                               R"("><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>)",
                                           'x', 20u << 20, "</t></is></c></row></sheetData></worksheet>");
  expect_refused(cli({"json", zip("cell.xlsx", entries)}), 2, "xl/worksheets/sheet1.xml", "长于 1 MiB");
}

TEST_F(Hostile, WrongDimensionIsIgnored) {
  // budgetxl's own workbook with every <dimension> claiming the whole sheet reads as before.
  const std::string original = sample_workbook();
  auto entries = hostile::unzip(original);
  int changed = 0;
  for (auto& e : entries) {
    const auto at = e.data.find("<dimension ref=\"");
    if (e.name.starts_with("xl/worksheets/") && at != std::string::npos) {
      const auto end = e.data.find('"', at + 16);
      e.data.replace(at + 16, end - at - 16, "A1:XFD1048576");
      ++changed;
    }
  }
  ASSERT_GT(changed, 0);
  const std::string wrong = zip("wrong-dimension.xlsx", entries);
  const RunResult before = cli({"json", original, "-o", path("before.json")});
  const RunResult after = cli({"json", wrong, "-o", path("after.json")});
  expect_read(after);
  ASSERT_EQ(before.exit_code, after.exit_code);
  auto tables = [](const std::string& json) { return json.substr(json.find("\"tables\""), json.find("\"set_aside\"") - json.find("\"tables\"")); };
  EXPECT_EQ(tables(hostile::read_file(path("before.json"))), tables(hostile::read_file(path("after.json"))));
}

TEST_F(Hostile, SparseMillionRowsAreRefused) {
  // One cell in each of a million rows: refused at the row limit (200 000 rows holding a cell).
  std::string rows;
  rows.reserve(60'000'000);
  for (int r = 1; r <= 1'000'000; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
  expect_refused(cli({"json", zip("sparse.xlsx", package(sheet_xml("<sheetData>" + rows + "</sheetData>")))}), 2,
                 "xl/worksheets/sheet1.xml", "有内容的行超过 200000 行");
}

// ---------------------------------------------------------------------------------------------
// The model reader (budgetxl's own workbook with one hostile edit)

namespace {

// The part of the first sheet whose name starts with `prefix` ("绩效1", "表3").
std::string part_of(const std::string& book, const std::string& prefix) {
  for (const auto& s : budgetxl::xlsx::read_workbook(book).sheets)
    if (s.name.starts_with(prefix)) return s.part;
  return "";
}

void insert_before(std::string& xml, const std::string& marker, const std::string& what) {
  const auto at = xml.find(marker);
  ASSERT_NE(at, std::string::npos) << marker;
  xml.insert(at, what);
}

void insert_after(std::string& xml, const std::string& marker, const std::string& what) {
  const auto at = xml.find(marker);
  ASSERT_NE(at, std::string::npos) << marker;
  xml.insert(at + marker.size(), what);
}

}  // namespace

TEST_F(Hostile, FarAwayCellReadsQuickly) {
  const std::string book = sample_workbook();
  auto entries = hostile::unzip(book);
  ZipEntry* sheet = hostile::entry(entries, part_of(book, "表3"));
  ASSERT_NE(sheet, nullptr);
  insert_before(sheet->data, "</sheetData>", R"(<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>)");
  expect_read(cli({"json", zip("far.xlsx", entries), "-o", path("out.json")}));
}

TEST_F(Hostile, GiantMergeInFormSheetReadsQuickly) {
  const std::string book = sample_workbook();
  auto entries = hostile::unzip(book);
  ZipEntry* sheet = hostile::entry(entries, part_of(book, "绩效1"));
  ASSERT_NE(sheet, nullptr);
  insert_after(sheet->data, "</sheetData>", R"(<mergeCells count="1"><mergeCell ref="B2:XFD1048576"/></mergeCells>)");
  expect_read(cli({"json", zip("merge.xlsx", entries), "-o", path("out.json")}));
}

TEST_F(Hostile, FiftyThousandMergesInFormSheetReadQuickly) {
  const std::string book = sample_workbook();
  auto entries = hostile::unzip(book);
  ZipEntry* sheet = hostile::entry(entries, part_of(book, "绩效1"));
  ASSERT_NE(sheet, nullptr);
  std::string merges = "<mergeCells count=\"50000\">";
  for (int r = 0; r < 50'000; ++r) merges += "<mergeCell ref=\"K" + std::to_string(100 + 2 * r) + ":L" + std::to_string(101 + 2 * r) + "\"/>";
  merges += "</mergeCells>";
  insert_after(sheet->data, "</sheetData>", merges);  // a second <mergeCells>: read like one
  expect_read(cli({"json", zip("merges.xlsx", entries), "-o", path("out.json")}));
}

// ---------------------------------------------------------------------------------------------
// Files that are not what their name says, and broken text

TEST_F(Hostile, TextNamedXlsxIsReadAsText) {
  const std::string fake = file("report.xlsx", hostile::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt"));
  const RunResult r = cli({"json", fake, "-o", path("out.json")});
  expect_read(r);
  EXPECT_NE(hostile::read_file(path("out.json")).find("\"format\": \"text\""), std::string::npos);
}

TEST_F(Hostile, BinaryNamedTxtIsRefused) {
  std::string bytes;
  for (int i = 0; i < 200'000; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  expect_refused(cli({"import", file("binary.txt", bytes), "-o", path("out.xlsx")}), 2, "binary.txt", "不是文本文件");
  EXPECT_FALSE(fs::exists(path("out.xlsx")));
}

TEST_F(Hostile, InvalidUtf8IsRefused) {
  std::string bytes = "2025年部门预算\n";
  for (int i = 0; i < 5000; ++i) bytes += "\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC\xFF\xFE\n";
  expect_refused(cli({"import", file("bad-utf8.txt", bytes), "-o", path("out.xlsx")}), 2, "bad-utf8.txt", "不是");
}

TEST_F(Hostile, EmptyFileIsRefused) {
  expect_refused(cli({"import", file("empty.txt", ""), "-o", path("out.xlsx")}), 2, "empty.txt", "不是");
  expect_refused(cli({"json", file("empty.xlsx", "")}), 2, "empty.xlsx", "不是");
}

TEST_F(Hostile, SixtyMegabyteLineIsRefusedQuickly) {
  std::string text = "2025年部门预算公开\n";
  text.append(60u << 20, '7');
  text += "\n合计\t1.00\n";
  const std::string big = file("line.txt", text);
  text.clear();
  text.shrink_to_fit();
  // The file is over the size limit: refused before it is read.
  expect_refused(cli({"import", big, "-o", path("out.xlsx")}), 2, "line.txt", "超过文本报告的上限 32 MiB");
  // With room for it, the line limit names the line.
  expect_refused(cli({"import", big, "--limit", "report-bytes=128M", "-o", path("out.xlsx")}), 2, "line.txt:2:", "行过长");
  EXPECT_FALSE(fs::exists(path("out.xlsx")));
}

TEST_F(Hostile, ReportCutInTheMiddleOfATableIsReadUpToTheCut) {
  const std::string text = hostile::read_file(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  // Cut in the middle of 表3's rows (its title line, not the contents' entry), half way through a line.
  const auto table3 = text.find("\n2025年预算支出总表\n");
  ASSERT_NE(table3, std::string::npos);
  const auto cut_at = text.find('\n', text.find('\n', table3) + 400) + 7;
  const std::string cut = file("cut.txt", text.substr(0, cut_at));
  const RunResult r = cli({"json", cut, "-o", path("out.json")});
  expect_read(r);
  const std::string json = hostile::read_file(path("out.json"));
  EXPECT_NE(json.find("\"number\": 3"), std::string::npos);
  EXPECT_NE(json.find("table.missing"), std::string::npos);
}

TEST_F(Hostile, BrokenTemplateJsonIsNamed) {
  const std::string dir = bxtest::copy_templates("hostile-templates");
  std::string broken;
  for (const auto& e : fs::directory_iterator(dir + "/tables")) {
    broken = e.path().string();
    break;
  }
  ASSERT_FALSE(broken.empty());
  const std::string json = hostile::read_file(broken);
  hostile::write_file(broken, json.substr(0, json.size() / 2));
  const RunResult r = cli({"families", "--templates", dir});
  expect_refused(r, 2, fs::path(broken).filename().string(), "模板有误");
  fs::remove_all(dir);
}

TEST_F(Hostile, RoundtripBatchFailsTheBadFilesAndGoesOn) {
  const std::string batch = path("batch");
  fs::create_directories(batch);
  fs::copy_file(bxtest::source_dir() + "/samples/demo-department-2025.txt", batch + "/a-good.txt");
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>(i % 256));
  hostile::write_file(batch + "/b-binary.txt", bytes);
  hostile::write_file(batch + "/c-empty.txt", "");
  std::string line = "2025年部门预算公开\n";
  line.append(33u << 20, '7');
  hostile::write_file(batch + "/d-huge.txt", line);
  const RunResult r = cli({"roundtrip", batch, "--jobs", "1"}, 300);
  EXPECT_EQ(r.exit_code, 5) << r.out << r.err;
  EXPECT_NE(r.err.find("PASS " + batch + "/a-good.txt"), std::string::npos) << r.err;
  for (const char* bad : {"b-binary.txt", "c-empty.txt", "d-huge.txt"})
    EXPECT_NE(r.out.find("FAIL " + batch + "/" + bad), std::string::npos) << bad << "\n" << r.out;
  EXPECT_NE(r.out.find("1 passed, 3 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("超过文本报告的上限 32 MiB"), std::string::npos) << r.out;
  // The limits apply to roundtrip too: with room for the file, its line is refused instead.
  const RunResult wider = cli({"roundtrip", batch + "/d-huge.txt", "--limit", "report-bytes=64M"}, 300);
  EXPECT_EQ(wider.exit_code, 5);
  EXPECT_NE(wider.out.find("d-huge.txt:2: 行过长"), std::string::npos) << wider.out;
}

// ---------------------------------------------------------------------------------------------
// Limits on the command line

TEST_F(Hostile, LimitOptionIsChecked) {
  const RunResult bad = cli({"json", "x.txt", "--limit", "nonsense=3"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("part-bytes"), std::string::npos) << bad.err;
  const RunResult zero = cli({"json", "x.txt", "--limit", "cells=0"});
  EXPECT_EQ(zero.exit_code, 1);
  // A tight limit refuses the sample workbook, naming the limit to change.
  const RunResult tight = cli({"json", sample_workbook(), "--limit", "cells=100"});
  EXPECT_EQ(tight.exit_code, 2);
  EXPECT_NE(tight.err.find("--limit cells="), std::string::npos) << tight.err;
}

TEST(Limits, SetLimitParsesUnits) {
  budgetxl::ReadLimits limits;
  budgetxl::set_limit(limits, "part-bytes=3M");
  EXPECT_EQ(limits.max_part_bytes, 3u << 20);
  budgetxl::set_limit(limits, "cells=12");
  EXPECT_EQ(limits.max_cells, 12u);
  budgetxl::set_limit(limits, "workbook-bytes=2G");
  EXPECT_EQ(limits.max_workbook_bytes, std::uint64_t{2} << 30);
  EXPECT_THROW(budgetxl::set_limit(limits, "cells"), std::invalid_argument);
  EXPECT_THROW(budgetxl::set_limit(limits, "cells=-1"), std::invalid_argument);
  EXPECT_THROW(budgetxl::set_limit(limits, "cells=1T"), std::invalid_argument);
  EXPECT_THROW(budgetxl::set_limit(limits, "rows=99999999999999"), std::invalid_argument);
  EXPECT_EQ(budgetxl::limit_text(1u << 20), "1 MiB（1048576 字节）");
  EXPECT_EQ(budgetxl::limit_text(1000), "1000 字节");
}

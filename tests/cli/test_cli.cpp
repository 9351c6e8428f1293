// The command line as a user meets it: the real budgetxl binary run through the POSIX shell, one
// test per documented behaviour (README "Commands" and "Exit codes"). Every input is made under a
// fresh bxtest::temp_dir; the binary runs with that folder as its working directory, so the paths
// it prints are the short relative ones the tests look for.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kSampleName = "demo-department-2025.txt";
// A line of the sample's 表一 whose amount cell the bad-amount test spoils.
constexpr const char* kAmountLine = "五、单位资金\t12.00\t";
constexpr const char* kSpoiledLine = "五、单位资金\t约1.5\t";

std::string sample_path() { return bxtest::source_dir() + "/samples/" + kSampleName; }

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void spit(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  ASSERT_TRUE(out) << "cannot write " << path;
}

// Single-quoted for sh.
std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Equal bytes; on failure says where they part instead of printing two whole reports.
::testing::AssertionResult same_bytes(const std::string& a, const std::string& b) {
  if (a == b) return ::testing::AssertionSuccess();
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  return ::testing::AssertionFailure() << "sizes " << a.size() << " and " << b.size() << ", first difference at byte " << i << ": \""
                                       << a.substr(i, 60) << "\" vs \"" << b.substr(i, 60) << "\"";
}

// Replaces the one occurrence of `from`; false when it is not there exactly once.
bool replace_once(std::string& text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  if (pos == std::string::npos || text.find(from, pos + 1) != std::string::npos) return false;
  text.replace(pos, from.size(), to);
  return true;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string last_line(const std::string& text) {
  auto lines = lines_of(text);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines.empty() ? "" : lines.back();
}

// Names in a folder, sorted (hidden ones included: a left-over temporary file starts with '.').
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

int count_forms(const nlohmann::json& model, const std::string& kind) {
  int n = 0;
  for (const auto& f : model.at("forms"))
    if (f.at("kind") == kind) ++n;
  return n;
}

struct Result {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
  std::string command;
};

std::ostream& operator<<(std::ostream& os, const Result& r) {
  return os << "\n$ " << r.command << "\nexit " << r.code << "\nstderr:\n" << r.err.substr(0, 4000);
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    root_ = bxtest::temp_dir("cli-" + name);
    work_ = root_ / "work";
    fs::create_directories(work_);
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
  }

  // A path in the working folder the binary runs in.
  fs::path at(const std::string& name) const { return work_ / name; }

  // The sample copied into the working folder as `name`.
  std::string copy_sample(const std::string& name = "report.txt") const {
    fs::copy_file(sample_path(), at(name), fs::copy_options::overwrite_existing);
    return name;
  }

  // A copy of templates/ in the working folder as `name`.
  fs::path copy_templates(const std::string& name) const {
    const fs::path dst = at(name);
    fs::copy(fs::path(bxtest::source_dir()) / "templates" / "shanxi", dst, fs::copy_options::recursive);
    return dst;
  }

  // Runs `budgetxl ARGS...` in the working folder; stdin is `stdin_path` (relative to the working
  // folder) or /dev/null; `redirect` is appended as written (e.g. ">/dev/full"). Also fails the test
  // when a sanitizer reported something: under ASan a crash exits 1 like a usage error.
  Result run(const std::vector<std::string>& args, const std::string& stdin_path = "", const std::string& redirect = "") {
    Result r;
    const fs::path err_file = root_ / ("stderr-" + std::to_string(++runs_));
    std::string cmd = quote(bxtest::binary());
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " <" + (stdin_path.empty() ? std::string("/dev/null") : quote(stdin_path));
    if (!redirect.empty()) cmd += " " + redirect;
    cmd += " 2>" + quote(err_file.string());
    r.command = cmd;
    r.code = bxtest::run_command("cd " + quote(work_.string()) + " && " + cmd, &r.out);
    r.err = slurp(err_file);
    EXPECT_FALSE(contains(r.err, "Sanitizer") || contains(r.err, "runtime error:")) << r;
    return r;
  }

  fs::path root_;
  fs::path work_;
  int runs_ = 0;
};

// ---------------------------------------------------------------------------------------------
// --help, --version

TEST_F(Cli, HelpListsTheCommandsAndExitCodes) {
  const Result r = run({"--help"});
  EXPECT_EQ(r.code, 0) << r;
  for (const char* word : {"Usage", "import", "export", "json", "roundtrip", "--templates", "Exit codes", "bad command line"})
    EXPECT_TRUE(contains(r.out, word)) << word << "\n" << r.out;
  const Result sub = run({"json", "--help"});
  EXPECT_EQ(sub.code, 0) << sub;
  EXPECT_TRUE(contains(sub.out, "INPUT")) << sub.out;
  EXPECT_TRUE(contains(sub.out, "--output")) << sub.out;
}

TEST_F(Cli, VersionPrintsNameAndVersion) {
  const Result r = run({"--version"});
  EXPECT_EQ(r.code, 0) << r;
  EXPECT_EQ(last_line(r.out), std::string("budgetxl ") + BUDGETXL_VERSION) << r.out;
}

// ---------------------------------------------------------------------------------------------
// Exit code 0

TEST_F(Cli, ImportJsonExportOfTheSampleSucceed) {
  const std::string report = copy_sample();

  // import with the default output: REPORT with .xlsx
  const Result imp = run({"import", report});
  ASSERT_EQ(imp.code, 0) << imp;
  ASSERT_TRUE(fs::exists(at("report.xlsx"))) << joined(listing(work_));
  EXPECT_EQ(slurp(at("report.xlsx")).substr(0, 4), std::string("PK\x03\x04"));
  EXPECT_TRUE(contains(imp.err, "report.txt -> report.xlsx: 13 tables, 5 forms")) << imp;

  // json to a file and to stdout (the default) give the same text
  const Result js = run({"json", report, "-o", "model.json"});
  ASSERT_EQ(js.code, 0) << js;
  const std::string model_text = slurp(at("model.json"));
  const auto model = nlohmann::json::parse(model_text);
  EXPECT_EQ(model.at("schema"), "budgetxl.report/1");
  EXPECT_EQ(model.at("tables").size(), 13u);
  EXPECT_EQ(model.at("meta").at("year"), 2025);
  EXPECT_EQ(model.at("findings").size(), 0u);
  const Result js_out = run({"json", report});
  ASSERT_EQ(js_out.code, 0) << js_out;
  EXPECT_TRUE(same_bytes(js_out.out, model_text));

  // the workbook's JSON holds the same tables
  const Result js_book = run({"json", "report.xlsx"});
  ASSERT_EQ(js_book.code, 0) << js_book;
  const auto book_model = nlohmann::json::parse(js_book.out);
  EXPECT_EQ(book_model.at("source").at("format"), "xlsx");
  EXPECT_EQ(book_model.at("tables").size(), 13u);
  EXPECT_EQ(count_forms(book_model, "project"), 5);

  // export with the default output: BOOK with .txt
  fs::rename(at("report.xlsx"), at("book.xlsx"));
  const Result exp = run({"export", "book.xlsx"});
  ASSERT_EQ(exp.code, 0) << exp;
  ASSERT_TRUE(fs::exists(at("book.txt"))) << joined(listing(work_));
  const std::string text = slurp(at("book.txt"));
  EXPECT_TRUE(contains(text, "2025年预算收支总表"));
  EXPECT_TRUE(contains(text, kAmountLine));
  // and the exported text is a report again
  const Result again = run({"json", "book.txt"});
  EXPECT_EQ(again.code, 0) << again;
  EXPECT_EQ(nlohmann::json::parse(again.out).at("tables").size(), 13u);

  // export also takes a text report
  const Result exp_text = run({"export", report, "-o", "official.txt"});
  EXPECT_EQ(exp_text.code, 0) << exp_text;
  EXPECT_TRUE(same_bytes(slurp(at("official.txt")), text));
}

TEST_F(Cli, Gb18030AndCrlfInputsAreRead) {
  std::string crlf;
  for (char c : slurp(sample_path())) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  spit(at("gb.txt"), bxtest::to_gb18030(crlf));
  const Result gb = run({"json", "gb.txt"});
  ASSERT_EQ(gb.code, 0) << gb;
  const auto gb_model = nlohmann::json::parse(gb.out);
  EXPECT_EQ(gb_model.at("source").at("encoding"), "GB18030");
  EXPECT_EQ(gb_model.at("source").at("line_ending"), "CRLF");
  const Result utf8 = run({"json", copy_sample()});
  ASSERT_EQ(utf8.code, 0) << utf8;
  EXPECT_TRUE(gb_model.at("tables") == nlohmann::json::parse(utf8.out).at("tables")) << "GB18030/CRLF tables differ from UTF-8/LF";
}

TEST_F(Cli, QuietPrintsNothingForACleanReport) {
  const std::string report = copy_sample();
  const Result r = run({"-q", "import", report, "-o", "q.xlsx"});
  EXPECT_EQ(r.code, 0) << r;
  EXPECT_EQ(r.err, "") << r;
  EXPECT_TRUE(fs::exists(at("q.xlsx")));
  // a global option may also follow the subcommand
  const Result after = run({"import", report, "-o", "q2.xlsx", "--quiet"});
  EXPECT_EQ(after.code, 0) << after;
  EXPECT_EQ(after.err, "") << after;
}

// ---------------------------------------------------------------------------------------------
// Exit code 1: bad command line

TEST_F(Cli, BadCommandLineExitsOne) {
  const std::string report = copy_sample();
  const std::vector<std::vector<std::string>> bad = {
      {},                                                 // no subcommand
      {"frobnicate", report},                             // unknown subcommand
      {"json", report, "--no-such-option"},               // unknown option
      {"--no-such-option", "json", report},               // unknown global option
      {"import", report, "-o", "out.xlsx", "-Z"},         // unknown short option
      {"json"},                                           // missing INPUT
      {"import"},                                         // missing REPORT
      {"export"},                                         // missing BOOK
      {"roundtrip"},                                      // missing PATH
      {"json", report, "-o"},                             // -o without its value
      {"import", report, "--output"},                     // --output without its value
      {"roundtrip", report, "--jobs", "many"},            // --jobs not a number
      {"roundtrip", report, "--jobs"},                    // --jobs without its value
      {"json", report, "--templates"},                    // --templates without its value
  };
  for (const auto& args : bad) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 1) << r;
    EXPECT_FALSE(r.err.empty()) << r;  // CLI11 says what is wrong
    EXPECT_TRUE(contains(r.err, "--help")) << r;
  }
  // nothing was written
  EXPECT_EQ(listing(work_), std::vector<std::string>{"report.txt"});
}

TEST_F(Cli, TemplatesFolderThatDoesNotExistIsRejected) {
  const std::string report = copy_sample();
  const Result r = run({"--templates", "no-such-templates", "json", report});
  // a usage error (CLI11's ExistingDirectory check) or an unreadable input, but never a success
  EXPECT_TRUE(r.code == 1 || r.code == 2) << r;
  EXPECT_TRUE(contains(r.err, "no-such-templates")) << r;
  EXPECT_EQ(r.out, "");
}

// ---------------------------------------------------------------------------------------------
// Exit code 2: an input could not be read

TEST_F(Cli, MissingInputExitsTwo) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"json", "missing.txt"}, {"import", "missing.txt", "-o", "out.xlsx"}, {"export", "missing.xlsx", "-o", "out.txt"},
           {"json", "missing.txt", "-o", "out.json"}}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << r;
    EXPECT_TRUE(contains(r.err, "missing.")) << r;
    EXPECT_EQ(r.out, "") << r;
  }
  EXPECT_TRUE(listing(work_).empty()) << joined(listing(work_));
}

TEST_F(Cli, DirectoryAsInputExitsTwo) {
  fs::create_directories(at("folder.txt"));
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"json", "folder.txt"}, {"import", "folder.txt", "-o", "out.xlsx"}, {"export", "folder.txt", "-o", "out.txt"}}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << r;
    EXPECT_TRUE(contains(r.err, "folder.txt")) << r;
  }
  EXPECT_EQ(listing(work_), std::vector<std::string>{"folder.txt"});
}

TEST_F(Cli, FilesWithNothingOfAReportExitTwo) {
  std::mt19937 gen(20250101u);  // fixed seed: the same bytes every run
  std::string with_nul, without_nul;
  for (int i = 0; i < 8192; ++i) with_nul += static_cast<char>(gen() % 256);
  with_nul[100] = '\0';
  for (int i = 0; i < 8192; ++i) without_nul += static_cast<char>(1 + gen() % 255);
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"english.txt", "Hello, this is a short English text.\nIt is not a budget report.\n"},
      {"empty.txt", ""},
      {"blank.txt", "\n\n   \n\t\t\n"},
      {"random.bin", with_nul},
      {"random-no-nul.txt", without_nul},
      {"chinese-prose.txt", "这是一段普通的中文文字，不是预算公开报告。\n第二行。\n"},
  };
  for (const auto& [name, bytes] : inputs) {
    spit(at(name), bytes);
    const Result js = run({"json", name});
    EXPECT_EQ(js.code, 2) << name << js;
    EXPECT_TRUE(contains(js.err, name)) << js;
    EXPECT_EQ(js.out, "") << name;
    const Result imp = run({"import", name, "-o", "out.xlsx"});
    EXPECT_EQ(imp.code, 2) << name << imp;
    const Result exp = run({"export", name, "-o", "out.txt"});
    EXPECT_EQ(exp.code, 2) << name << exp;
    EXPECT_FALSE(fs::exists(at("out.xlsx"))) << name;
    EXPECT_FALSE(fs::exists(at("out.txt"))) << name;
    // and from standard input
    const Result in = run({"json", "-"}, name);
    EXPECT_EQ(in.code, 2) << name << in;
    EXPECT_TRUE(contains(in.err, "<stdin>")) << in;
    EXPECT_EQ(in.out, "") << name;
  }
}

TEST_F(Cli, ZipMagicWithoutAZipExitsTwo) {
  // Recognised as a workbook by its first bytes, whatever the name; then it is no zip at all.
  const std::string fake = std::string("PK\x03\x04", 4) + "this is not a zip archive, only its magic number\n";
  for (const char* name : {"fake.xlsx", "fake.txt"}) {
    spit(at(name), fake);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"json", name}, {"export", name, "-o", "out.txt"}, {"import", name, "-o", "out.xlsx"}}) {
      const Result r = run(args);
      EXPECT_EQ(r.code, 2) << r;
      EXPECT_TRUE(contains(r.err, name)) << r;
      EXPECT_EQ(r.out, "") << r;
    }
  }
  EXPECT_FALSE(fs::exists(at("out.txt")));
  EXPECT_FALSE(fs::exists(at("out.xlsx")));
}

TEST_F(Cli, TruncatedWorkbookExitsTwo) {
  const std::string report = copy_sample();
  ASSERT_EQ(run({"import", report, "-o", "book.xlsx"}).code, 0);
  const std::string book = slurp(at("book.xlsx"));
  ASSERT_GT(book.size(), 1000u);
  // The front half: the zip's central directory (at its end) is gone.
  spit(at("half.xlsx"), book.substr(0, book.size() / 2));
  const Result r = run({"export", "half.xlsx", "-o", "out.txt"});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(contains(r.err, "half.xlsx")) << r;
  EXPECT_FALSE(fs::exists(at("out.txt")));
}

// ---------------------------------------------------------------------------------------------
// Exit code 3: converted, but the input has errors

TEST_F(Cli, BadAmountIsAnErrorExitsThreeAndStillConverts) {
  std::string text = slurp(sample_path());
  const auto pos = text.find(kAmountLine);
  ASSERT_NE(pos, std::string::npos);
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n');
  ASSERT_TRUE(replace_once(text, kAmountLine, kSpoiledLine));
  spit(at("bad.txt"), text);

  const std::string where = "bad.txt:" + std::to_string(line) + ": error: ";
  const Result js = run({"json", "bad.txt", "-o", "bad.json"});
  EXPECT_EQ(js.code, 3) << js;
  EXPECT_TRUE(contains(js.err, where)) << where << js;
  EXPECT_TRUE(contains(js.err, "[text.bad-amount]")) << js;
  EXPECT_TRUE(contains(js.err, "约1.5")) << js;
  // converted: the JSON is written and holds the finding
  ASSERT_TRUE(fs::exists(at("bad.json")));
  const auto model = nlohmann::json::parse(slurp(at("bad.json")));
  bool found = false;
  for (const auto& f : model.at("findings"))
    if (f.at("rule") == "text.bad-amount" && f.at("severity") == "error") found = true;
  EXPECT_TRUE(found) << model.at("findings").dump(1);
  EXPECT_EQ(model.at("tables").size(), 13u);

  const Result imp = run({"import", "bad.txt", "-o", "bad.xlsx"});
  EXPECT_EQ(imp.code, 3) << imp;
  EXPECT_TRUE(contains(imp.err, "[text.bad-amount]")) << imp;
  EXPECT_TRUE(fs::exists(at("bad.xlsx")));

  const Result exp = run({"export", "bad.txt", "-o", "bad-out.txt"});
  EXPECT_EQ(exp.code, 3) << exp;
  EXPECT_TRUE(fs::exists(at("bad-out.txt")));

  // -q keeps errors
  const Result quiet = run({"-q", "json", "bad.txt", "-o", "quiet.json"});
  EXPECT_EQ(quiet.code, 3) << quiet;
  EXPECT_TRUE(contains(quiet.err, "[text.bad-amount]")) << quiet;

  // the workbook keeps the bad cell as text: read back, it is an error again
  const Result book = run({"json", "bad.xlsx", "-o", "book.json"});
  EXPECT_EQ(book.code, 3) << book;
  EXPECT_TRUE(contains(book.err, "bad-amount")) << book;

  // from standard input as well
  const Result in = run({"json", "-"}, "bad.txt");
  EXPECT_EQ(in.code, 3) << in;
  EXPECT_TRUE(contains(in.out, "\"text.bad-amount\""));
}

// ---------------------------------------------------------------------------------------------
// Exit code 4: an output could not be written

TEST_F(Cli, OutputFolderMissingExitsFour) {
  const std::string report = copy_sample();
  const std::string before = slurp(at(report));
  std::vector<std::string> targets = {"missing/dir/x"};
  if (!fs::exists("/nonexistent")) targets.push_back("/nonexistent/dir/x");
  for (const auto& base : targets) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"import", report, "-o", base + ".xlsx"}, {"json", report, "-o", base + ".json"}, {"export", report, "-o", base + ".txt"}}) {
      const Result r = run(args);
      EXPECT_EQ(r.code, 4) << r;
      EXPECT_TRUE(contains(r.err, base)) << r;
    }
  }
  EXPECT_FALSE(fs::exists(at("missing")));
  EXPECT_EQ(listing(work_), std::vector<std::string>{"report.txt"});
  EXPECT_TRUE(same_bytes(slurp(at(report)), before));
}

TEST_F(Cli, OutputEqualToTheInputIsRefused) {
  const std::string report = copy_sample("in.txt");
  const std::string original = slurp(sample_path());
  fs::create_symlink("in.txt", at("link.txt"));
  fs::create_hard_link(at("in.txt"), at("hard.txt"));
  fs::create_directories(at("sub"));
  fs::create_symlink("../in.txt", at("sub/up.txt"));

  const std::vector<std::string> same_file = {"in.txt", "./in.txt", "sub/../in.txt", "link.txt", "hard.txt", "sub/up.txt",
                                              (work_ / "in.txt").string()};
  for (const auto& out : same_file) {
    for (const char* command : {"import", "json", "export"}) {
      const Result r = run({command, "in.txt", "-o", out});
      EXPECT_EQ(r.code, 4) << r;
      EXPECT_TRUE(contains(r.err, out)) << r;
    }
    // the other way round: the input named through the link, the output the file itself
    const Result back = run({"json", out, "-o", "in.txt"});
    EXPECT_EQ(back.code, 4) << back;
  }
  // the default output names: a text report called .xlsx (import) and one called .txt (export)
  fs::copy_file(at("in.txt"), at("report.xlsx"));
  const Result imp = run({"import", "report.xlsx"});
  EXPECT_EQ(imp.code, 4) << imp;
  const Result exp = run({"export", "in.txt"});
  EXPECT_EQ(exp.code, 4) << exp;
  EXPECT_TRUE(same_bytes(slurp(at("report.xlsx")), original));

  EXPECT_TRUE(same_bytes(slurp(at("in.txt")), original)) << "the input was changed";
  EXPECT_TRUE(fs::is_symlink(at("link.txt")));
  EXPECT_TRUE(fs::is_symlink(at("sub/up.txt")));
  EXPECT_EQ(fs::hard_link_count(at("in.txt")), 2u);
  EXPECT_EQ(listing(work_), (std::vector<std::string>{"hard.txt", "in.txt", "link.txt", "report.xlsx", "sub"}));
  EXPECT_EQ(listing(at("sub")), std::vector<std::string>{"up.txt"});
}

TEST_F(Cli, WorkbookIsNotOverwrittenByItsExport) {
  ASSERT_EQ(run({"import", copy_sample(), "-o", "book.xlsx"}).code, 0);
  fs::create_symlink("book.xlsx", at("link.xlsx"));
  const std::string book = slurp(at("book.xlsx"));
  for (const char* out : {"book.xlsx", "link.xlsx"}) {
    const Result r = run({"export", "book.xlsx", "-o", out});
    EXPECT_EQ(r.code, 4) << r;
    const Result js = run({"json", "link.xlsx", "-o", "book.xlsx"});
    EXPECT_EQ(js.code, 4) << js;
  }
  EXPECT_TRUE(same_bytes(slurp(at("book.xlsx")), book));
  EXPECT_TRUE(fs::is_symlink(at("link.xlsx")));
}

TEST_F(Cli, FailedWritesLeaveNoTemporaryFiles) {
  const std::string report = copy_sample();
  fs::create_directories(at("out/target"));
  // The output names an existing folder: the temporary file is written, the rename fails.
  for (const char* command : {"import", "json", "export"}) {
    const Result r = run({command, report, "-o", "out/target"});
    EXPECT_EQ(r.code, 4) << r;
    EXPECT_TRUE(contains(r.err, "out/target")) << r;
    EXPECT_EQ(listing(at("out")), std::vector<std::string>{"target"}) << command;
    EXPECT_TRUE(listing(at("out/target")).empty()) << command << ": " << joined(listing(at("out/target")));
  }
  // A refused overwrite and an unreadable input write nothing either.
  fs::copy_file(at(report), at("out/in.txt"));
  EXPECT_EQ(run({"import", "out/in.txt", "-o", "out/in.txt"}).code, 4);
  spit(at("out/not-a-report.txt"), "hello\n");
  EXPECT_EQ(run({"import", "out/not-a-report.txt", "-o", "out/x.xlsx"}).code, 2);
  EXPECT_EQ(run({"json", "out/not-a-report.txt", "-o", "out/x.json"}).code, 2);
  EXPECT_EQ(listing(at("out")), (std::vector<std::string>{"in.txt", "not-a-report.txt", "target"}));
  // A successful write leaves exactly its output.
  for (const char* command : {"import", "json", "export"}) {
    const std::string out = std::string("out/ok-") + command;
    EXPECT_EQ(run({command, report, "-o", out}).code, 0) << command;
  }
  EXPECT_EQ(listing(at("out")),
            (std::vector<std::string>{"in.txt", "not-a-report.txt", "ok-export", "ok-import", "ok-json", "target"}));
  EXPECT_TRUE(same_bytes(slurp(at("out/in.txt")), slurp(sample_path())));
}

TEST_F(Cli, StandardOutputThatCannotBeWrittenExitsFour) {
  const std::string report = copy_sample();
  const Result closed = run({"json", report}, "", ">&-");
  EXPECT_EQ(closed.code, 4) << closed;
  EXPECT_TRUE(contains(closed.err, "<stdout>")) << closed;
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "/dev/full is absent";
  const Result full = run({"json", report, "-o", "-"}, "", ">/dev/full");
  EXPECT_EQ(full.code, 4) << full;
  const Result exp = run({"export", report, "-o", "-"}, "", ">/dev/full");
  EXPECT_EQ(exp.code, 4) << exp;
}

// ---------------------------------------------------------------------------------------------
// Exit code 5: roundtrip

TEST_F(Cli, RoundtripOfTheSamplePasses) {
  fs::create_directories(at("batch"));
  copy_sample("batch/good.txt");
  const Result r = run({"roundtrip", "batch/good.txt"});
  EXPECT_EQ(r.code, 0) << r << r.out;
  EXPECT_EQ(last_line(r.out), "1 passed, 0 failed") << r.out;
  EXPECT_TRUE(contains(r.err, "PASS batch/good.txt")) << r;
  EXPECT_FALSE(contains(r.out, "FAIL")) << r.out;
  EXPECT_EQ(listing(at("batch")), std::vector<std::string>{"good.txt"});  // nothing left beside the input
}

TEST_F(Cli, RoundtripGoesOnPastAFileThatFails) {
  fs::create_directories(at("batch/sub"));
  copy_sample("batch/good.txt");
  copy_sample("batch/sub/good2.txt");
  spit(at("batch/notreport.txt"), "Hello, this is a short English text.\n");
  std::string random;
  std::mt19937 gen(7u);
  for (int i = 0; i < 4096; ++i) random += static_cast<char>(gen() % 256);
  spit(at("batch/random.txt"), random);
  spit(at("batch/ignored.dat"), "not a .txt, not taken from a folder\n");

  const Result r = run({"roundtrip", "batch", "--jobs", "2", "--report", "results.json"});
  EXPECT_EQ(r.code, 5) << r << r.out;
  EXPECT_EQ(last_line(r.out), "2 passed, 2 failed") << r.out;
  EXPECT_TRUE(contains(r.err, "PASS batch/good.txt")) << r;
  EXPECT_TRUE(contains(r.err, "PASS batch/sub/good2.txt")) << r;
  EXPECT_TRUE(contains(r.err, "FAIL batch/notreport.txt")) << r;
  EXPECT_TRUE(contains(r.err, "FAIL batch/random.txt")) << r;
  EXPECT_FALSE(contains(r.err, "ignored.dat")) << r;
  EXPECT_TRUE(contains(r.out, "FAIL batch/notreport.txt")) << r.out;
  EXPECT_TRUE(contains(r.out, "FAIL batch/random.txt")) << r.out;
  EXPECT_FALSE(contains(r.out, "FAIL batch/good.txt")) << r.out;

  ASSERT_TRUE(fs::exists(at("results.json")));
  const auto results = nlohmann::json::parse(slurp(at("results.json")));
  ASSERT_EQ(results.size(), 4u) << results.dump(1);
  std::map<std::string, bool> passed;
  for (const auto& f : results) passed[f.at("file").get<std::string>()] = f.at("passed").get<bool>();
  EXPECT_EQ(passed, (std::map<std::string, bool>{
                        {"batch/good.txt", true}, {"batch/notreport.txt", false}, {"batch/random.txt", false}, {"batch/sub/good2.txt", true}}));

  // Named files, one of them missing: it fails, the others still run.
  const Result named = run({"roundtrip", "batch/good.txt", "batch/missing.txt", "--report", "results.csv"});
  EXPECT_EQ(named.code, 5) << named << named.out;
  EXPECT_EQ(last_line(named.out), "1 passed, 1 failed") << named.out;
  EXPECT_TRUE(contains(named.err, "batch/missing.txt")) << named;
  EXPECT_TRUE(contains(named.err, "PASS batch/good.txt")) << named;
  const auto csv = lines_of(slurp(at("results.csv")));
  ASSERT_GE(csv.size(), 2u);
  EXPECT_EQ(csv[0].rfind("file,passed,", 0), 0u) << csv[0];
  EXPECT_EQ(csv[1].rfind("batch/good.txt,yes,", 0), 0u) << csv[1];
}

TEST_F(Cli, RoundtripKeepsItsIntermediateFilesOnlyWhenAsked) {
  copy_sample("good.txt");
  const Result r = run({"roundtrip", "good.txt", "--keep", "kept"});
  EXPECT_EQ(r.code, 0) << r;
  int workbooks = 0, texts = 0;
  for (const auto& e : fs::recursive_directory_iterator(at("kept"))) {
    if (e.path().extension() == ".xlsx") ++workbooks;
    if (e.path().extension() == ".txt") ++texts;
  }
  EXPECT_EQ(workbooks, 1);
  EXPECT_EQ(texts, 1);
  EXPECT_EQ(listing(work_), (std::vector<std::string>{"good.txt", "kept"}));
}

TEST_F(Cli, RoundtripReportThatCannotBeWrittenExitsFour) {
  copy_sample("good.txt");
  const Result r = run({"roundtrip", "good.txt", "--report", "missing/dir/results.json"});
  EXPECT_EQ(r.code, 4) << r;
  EXPECT_TRUE(contains(r.err, "missing/dir/results.json")) << r;
  EXPECT_EQ(last_line(r.out), "1 passed, 0 failed") << r.out;
}

// README: "an output that is one of the inputs is refused" (exit 4, as import/json/export do).
// roundtrip's --report does not check it: it writes the results over the report it has just read.
TEST_F(Cli, RoundtripReportRefusesToOverwriteAnInput) {
  const std::string original = slurp(sample_path());
  copy_sample("good.txt");
  const Result named = run({"roundtrip", "good.txt", "--report", "good.txt"});
  EXPECT_EQ(named.code, 4) << named << named.out;
  EXPECT_TRUE(same_bytes(slurp(at("good.txt")), original)) << "roundtrip --report overwrote its input good.txt";

  // The same through a folder: batch/old.txt is one of the reports found below batch/.
  fs::create_directories(at("batch"));
  copy_sample("batch/old.txt");
  const Result folder = run({"roundtrip", "batch", "--report", "batch/old.txt"});
  EXPECT_EQ(folder.code, 4) << folder << folder.out;
  EXPECT_TRUE(same_bytes(slurp(at("batch/old.txt")), original)) << "roundtrip --report overwrote its input batch/old.txt";
}

// ---------------------------------------------------------------------------------------------
// --templates

TEST_F(Cli, TemplatesCopyGivesTheSameResultAsTheBuiltInSet) {
  const std::string report = copy_sample();
  copy_templates("tpl");
  const Result builtin = run({"json", report});
  ASSERT_EQ(builtin.code, 0) << builtin;
  const Result copy = run({"--templates", "tpl", "json", report});
  ASSERT_EQ(copy.code, 0) << copy;
  EXPECT_TRUE(same_bytes(copy.out, builtin.out));
  EXPECT_FALSE(builtin.out.empty());
  // the option may follow the subcommand, and an absolute path works the same
  const Result after = run({"json", report, "--templates", (work_ / "tpl").string()});
  ASSERT_EQ(after.code, 0) << after;
  EXPECT_TRUE(same_bytes(after.out, builtin.out));
  // the official text is the same too
  const Result text_builtin = run({"export", report, "-o", "-"});
  const Result text_copy = run({"--templates", "tpl/", "export", report, "-o", "-"});
  ASSERT_EQ(text_builtin.code, 0) << text_builtin;
  ASSERT_EQ(text_copy.code, 0) << text_copy;
  EXPECT_TRUE(same_bytes(text_copy.out, text_builtin.out));
  // and a workbook written with the copy reads back the same
  ASSERT_EQ(run({"--templates", "tpl", "import", report, "-o", "copy.xlsx"}).code, 0);
  ASSERT_EQ(run({"import", report, "-o", "builtin.xlsx"}).code, 0);
  auto tables_of = [&](const std::string& book) {
    const Result r = run({"json", book});
    EXPECT_EQ(r.code, 0) << r;
    return nlohmann::json::parse(r.out).at("tables");
  };
  EXPECT_TRUE(tables_of("copy.xlsx") == tables_of("builtin.xlsx")) << "workbooks written with the copy read back differently";
  // roundtrip with the copy
  const Result rt = run({"--templates", "tpl", "roundtrip", report});
  EXPECT_EQ(rt.code, 0) << rt;
  EXPECT_EQ(last_line(rt.out), "1 passed, 0 failed");
}

TEST_F(Cli, TemplatesEditedFormTitleIsNoLongerRecognised) {
  const std::string report = copy_sample();
  const fs::path tpl = copy_templates("tpl");
  std::string project = slurp(tpl / "forms/project.json");
  ASSERT_TRUE(replace_once(project, "\"title_keys\": [\"项目支出绩效目标申报表\", \"项目支出绩效目标表\"]",
                           "\"title_keys\": [\"没有这种表题的绩效目标表\"]"))
      << "templates/forms/project.json changed; update this test";
  spit(tpl / "forms/project.json", project);

  const Result builtin = run({"json", report});
  ASSERT_EQ(builtin.code, 0) << builtin;
  EXPECT_EQ(count_forms(nlohmann::json::parse(builtin.out), "project"), 5);

  const Result edited = run({"--templates", "tpl", "json", report});
  ASSERT_TRUE(edited.code == 0 || edited.code == 3) << edited;
  const auto model = nlohmann::json::parse(edited.out);
  EXPECT_EQ(count_forms(model, "project"), 0) << "the edited title_keys did not take effect";
  EXPECT_EQ(model.at("tables").size(), 13u);  // the tables are untouched
}

TEST_F(Cli, TemplatesWithBrokenTableJsonExitTwo) {
  const std::string report = copy_sample();
  const fs::path tpl = copy_templates("tpl");
  std::string table01;
  for (const auto& e : fs::directory_iterator(tpl / "tables"))
    if (e.path().filename().string().rfind("01-", 0) == 0) table01 = e.path().filename().string();
  ASSERT_FALSE(table01.empty());
  spit(tpl / "tables" / table01, "{ \"number\": 1, \"title\": \n");

  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--templates", "tpl", "json", report}, {"--templates", "tpl", "import", report, "-o", "out.xlsx"},
           {"--templates", "tpl", "export", report, "-o", "out.txt"}, {"--templates", "tpl", "roundtrip", report}}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << r;
    EXPECT_TRUE(contains(r.err, "tables/" + table01)) << r;
    EXPECT_FALSE(contains(r.out, "passed")) << r.out;
  }
  EXPECT_FALSE(fs::exists(at("out.xlsx")));
  EXPECT_FALSE(fs::exists(at("out.txt")));
}

TEST_F(Cli, TemplatesWithInvalidRegexExitTwo) {
  const std::string report = copy_sample();
  const fs::path tpl = copy_templates("tpl");
  std::string text = slurp(tpl / "report.json");
  ASSERT_TRUE(replace_once(text, "\"page_footer_patterns\": [", "\"page_footer_patterns\": [\"([unclosed\", "));
  spit(tpl / "report.json", text);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--templates", "tpl", "json", report}, {"--templates", "tpl", "import", report, "-o", "out.xlsx"},
           {"--templates", "tpl", "roundtrip", report}}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << r;
    EXPECT_TRUE(contains(r.err, "report.json")) << r;
    EXPECT_TRUE(contains(r.err, "page_footer_patterns")) << r;
    EXPECT_TRUE(contains(r.err, "([unclosed")) << r;
  }
  EXPECT_FALSE(fs::exists(at("out.xlsx")));
}

TEST_F(Cli, TemplatesEmptyFolderExitsTwo) {
  const std::string report = copy_sample();
  fs::create_directories(at("empty-templates"));
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--templates", "empty-templates", "json", report}, {"--templates", "empty-templates", "roundtrip", report}}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << r;
    EXPECT_TRUE(contains(r.err, "empty-templates")) << r;
  }
}

// A family prints the forms it has: one without forms/ reads the tables and no form (the forms'
// text stays in the report as prose), and the round trip still holds.
TEST_F(Cli, TemplatesWithoutFormsReadNoForms) {
  const std::string report = copy_sample();
  const fs::path tpl = copy_templates("tpl");
  const Result with = run({"--templates", "tpl", "json", report, "-o", "with.json"});
  ASSERT_EQ(with.code, 0) << with;
  EXPECT_FALSE(nlohmann::json::parse(slurp(at("with.json"))).at("forms").empty());
  fs::remove_all(tpl / "forms");
  const Result without = run({"--templates", "tpl", "json", report, "-o", "without.json"});
  EXPECT_NE(without.code, 2) << without;
  const auto model = nlohmann::json::parse(slurp(at("without.json")));
  EXPECT_TRUE(model.at("forms").empty());
  EXPECT_EQ(model.at("tables").size(), nlohmann::json::parse(slurp(at("with.json"))).at("tables").size());
  EXPECT_EQ(run({"--templates", "tpl", "roundtrip", report}).code, 0);
}

TEST_F(Cli, TemplatesWithoutReportJsonExitTwo) {
  const std::string report = copy_sample();
  const fs::path tpl = copy_templates("tpl");
  fs::remove(tpl / "report.json");
  const Result r = run({"--templates", "tpl", "json", report});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(contains(r.err, "report.json")) << r;
}

// ---------------------------------------------------------------------------------------------
// "-": standard input and output

TEST_F(Cli, JsonReadsAReportFromStandardInput) {
  const std::string report = copy_sample();
  const Result r = run({"json", "-"}, report);
  ASSERT_EQ(r.code, 0) << r;
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_TRUE(contains(r.out, "\"schema\": \"budgetxl.report/1\""));
  auto from_stdin = nlohmann::json::parse(r.out);
  EXPECT_EQ(from_stdin.at("source").at("file"), "<stdin>");
  // the same model as from the file, but for where it came from
  const Result file = run({"json", report});
  ASSERT_EQ(file.code, 0) << file;
  auto from_file = nlohmann::json::parse(file.out);
  from_stdin.erase("source");
  from_file.erase("source");
  EXPECT_TRUE(same_bytes(from_stdin.dump(1), from_file.dump(1)));
  // -o - is stdout too
  const Result both = run({"json", "-", "-o", "-"}, report);
  EXPECT_EQ(both.code, 0) << both;
  EXPECT_TRUE(same_bytes(both.out, r.out));
}

TEST_F(Cli, JsonWritesToStandardOutputWithDash) {
  const std::string report = copy_sample();
  const Result r = run({"json", report, "-o", "-"});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_TRUE(contains(r.out, "\"schema\": \"budgetxl.report/1\""));
  EXPECT_TRUE(nlohmann::json::accept(r.out));
  ASSERT_EQ(run({"json", report, "-o", "model.json"}).code, 0);
  EXPECT_TRUE(same_bytes(r.out, slurp(at("model.json"))));
  EXPECT_FALSE(fs::exists(at("-")));  // "-" is not a file name here
}

TEST_F(Cli, ExportWritesTextToStandardOutputWithDash) {
  const std::string report = copy_sample();
  ASSERT_EQ(run({"import", report, "-o", "book.xlsx"}).code, 0);
  const Result r = run({"export", "book.xlsx", "-o", "-"});
  ASSERT_EQ(r.code, 0) << r;
  EXPECT_TRUE(contains(r.out, "2025年预算收支总表"));
  EXPECT_TRUE(contains(r.out, kAmountLine));
  EXPECT_FALSE(contains(r.out, " -> ")) << "the summary line belongs on stderr";
  EXPECT_TRUE(contains(r.err, "book.xlsx -> -")) << r;
  ASSERT_EQ(run({"export", "book.xlsx", "-o", "book.txt"}).code, 0);
  EXPECT_TRUE(same_bytes(r.out, slurp(at("book.txt"))));
  EXPECT_FALSE(fs::exists(at("-")));
  // a text report on stdin exports to stdout as well
  const Result piped = run({"export", "-", "-o", "-"}, "book.txt");
  EXPECT_EQ(piped.code, 0) << piped;
  EXPECT_TRUE(same_bytes(piped.out, r.out));
}

// ---------------------------------------------------------------------------------------------
// The corpus through the command line (skipped without ../shared/corpus)

TEST_F(Cli, CorpusReportConvertsAndRoundtrips) {
  const std::string path = bxtest::corpus_file("000");
  SKIP_WITHOUT_CORPUS(path);
  fs::copy_file(path, at("000.txt"));
  const Result js = run({"json", "000.txt"});
  EXPECT_TRUE(js.code == 0 || js.code == 3) << js;
  EXPECT_EQ(nlohmann::json::parse(js.out).at("tables").size(), 13u);
  copy_templates("tpl");
  const Result copy = run({"--templates", "tpl", "json", "000.txt"});
  EXPECT_EQ(copy.code, js.code) << copy;
  EXPECT_TRUE(same_bytes(copy.out, js.out));
  const Result rt = run({"roundtrip", "000.txt"});
  EXPECT_EQ(rt.code, 0) << rt << rt.out;
  EXPECT_EQ(last_line(rt.out), "1 passed, 0 failed");
  EXPECT_TRUE(same_bytes(slurp(at("000.txt")), slurp(path)));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Standard streams for workbooks, and batches with nothing in them

TEST_F(Cli, ImportWritesTheWorkbookToStandardOutputWithDash) {
  copy_sample();
  const Result r = run({"import", "report.txt", "-o", "-"}, "", ">book.xlsx");
  EXPECT_EQ(r.code, 0) << r;
  EXPECT_FALSE(fs::exists(at("-"))) << "no file named '-'";
  const std::string book = slurp(at("book.xlsx"));
  ASSERT_GT(book.size(), 4u);
  EXPECT_EQ(book.substr(0, 4), std::string("PK\x03\x04", 4));
  const Result back = run({"json", "book.xlsx"});
  EXPECT_EQ(back.code, 0) << back;
  EXPECT_EQ(count_forms(nlohmann::json::parse(back.out), "project"), 5);
  // From standard input the output has no name to come from: say so.
  const Result piped = run({"import", "-"}, "report.txt");
  EXPECT_EQ(piped.code, 1) << piped;
  EXPECT_TRUE(contains(piped.err, "-o")) << piped;
  EXPECT_FALSE(fs::exists(at("-.xlsx")));
  const Result named = run({"import", "-", "-o", "piped.xlsx"}, "report.txt");
  EXPECT_EQ(named.code, 0) << named;
  EXPECT_TRUE(fs::exists(at("piped.xlsx")));
}

TEST_F(Cli, RoundtripWithNoReportsExitsTwo) {
  fs::create_directories(at("empty"));
  const Result r = run({"roundtrip", "empty"});
  EXPECT_EQ(r.code, 2) << r << r.out;
  EXPECT_EQ(last_line(r.out), "0 passed, 0 failed") << r.out;
  EXPECT_TRUE(contains(r.err, "*.txt")) << r;
  // A named file that is missing fails with a FAIL line like any other.
  copy_sample("good.txt");
  const Result missing = run({"roundtrip", "good.txt", "gone.txt"});
  EXPECT_EQ(missing.code, 5) << missing;
  EXPECT_TRUE(contains(missing.out, "FAIL gone.txt")) << missing.out;
}

// ---- Layout families ------------------------------------------------------------------------------

TEST_F(Cli, FamiliesListsEveryFamilyAndItsTables) {
  const Result r = run({"families"});
  ASSERT_EQ(r.code, 0) << r;
  for (const char* want : {"shanxi", "shanghai", "jiangsu", "表13 项目支出预算表（上年结转）", "公开12 政府采购支出预算表"})
    EXPECT_TRUE(contains(r.out, want)) << want << "\n" << r.out;
}

TEST_F(Cli, AnUnknownFamilyExitsTwoNamingTheKnownOnes) {
  const std::string report = copy_sample();
  const Result r = run({"--family", "mars", "json", report});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(contains(r.err, "mars") && contains(r.err, "shanxi")) << r;
  EXPECT_EQ(run({"--family", "mars", "roundtrip", report}).code, 2);
}

TEST_F(Cli, TheFamilyIsRecognisedAndCanBeChosen) {
  const std::string report = copy_sample();
  ASSERT_EQ(run({"json", report, "-o", "auto.json"}).code, 0);
  EXPECT_EQ(nlohmann::json::parse(slurp(at("auto.json"))).at("meta").at("family"), "shanxi");
  // Read as Shanghai's, the Shanxi sample has rows of figures but no table of that family: refused.
  const Result r = run({"--family", "shanghai", "json", report, "-o", "sh.json"});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(contains(r.err, "--family")) << r;
  EXPECT_TRUE(contains(r.err, "预算收支总表")) << r;  // the titles it saw
}

// A province no family describes: rows of figures under titles of its own are refused (exit 2,
// with the titles), never an empty workbook.
TEST_F(Cli, TablesOfNoKnownFamilyAreRefusedNamingTheirTitles) {
  std::string text = "某省2025年部门预算\n\n2025年部门资金来源明细表\n单位：元\n项目\t本年\t上年\n";
  for (int i = 1; i <= 8; ++i) text += "项目" + std::to_string(i) + "\t1,000.00\t2,000.00\n";
  spit(at("other.txt"), text);
  const Result r = run({"import", "other.txt", "-o", "other.xlsx"});
  EXPECT_EQ(r.code, 2) << r;
  EXPECT_TRUE(contains(r.err, "2025年部门资金来源明细表")) << r;
  EXPECT_FALSE(fs::exists(at("other.xlsx")));
}

// Adding a province is a folder of templates: a made-up family read with no code change.
TEST_F(Cli, AMadeUpFamilyFromAFolderReadsItsReport) {
  fs::create_directories(at("fam/mini/tables"));
  spit(at("fam/mini/family.json"), R"({"name": "mini", "title": "示例省"})");
  spit(at("fam/mini/report.json"), R"({
    "parts": [{"kind": "tables", "name": "预算表", "keywords": ["预算表"]}],
    "entity_labels": [{"label": "编报单位", "kind": "unit"}],
    "document_kinds": [{"kind": "unit", "keywords": ["单位预算"]}],
    "unit_labels": ["金额单位"]})");
  spit(at("fam/mini/tables/01-sources.json"), R"({
    "number": 1, "title": "资金来源表", "sheet": "示例1 资金来源", "role": "income_summary", "shape": "fixed_rows",
    "columns": [{"id": "item", "name": "项目", "kind": "label"}, {"id": "total", "name": "合计", "kind": "amount"},
                {"id": "fiscal_grant", "name": "财政拨款", "kind": "amount"}],
    "header": [["项目", "合计", "财政拨款"]], "total_labels": ["合计"]})");
  spit(at("mini.txt"),
       "示例单位2025年单位预算\n\n2025年资金来源表\n编报单位：示例单位\t金额单位：元\n项目\t合计\t财政拨款\n"
       "合计\t300.00\t200.00\n拨款\t200.00\t200.00\n其他\t100.00\t\n");
  const Result r = run({"--templates", "fam", "json", "mini.txt", "-o", "mini.json"});
  ASSERT_EQ(r.code, 0) << r;
  const auto model = nlohmann::json::parse(slurp(at("mini.json")));
  EXPECT_EQ(model.at("meta").at("family"), "mini");
  ASSERT_EQ(model.at("tables").size(), 1u);
  EXPECT_EQ(model.at("tables")[0].at("rows").size(), 3u);
  EXPECT_EQ(model.at("tables")[0].at("rows")[1].at("cells").at("total"), "200.00");
  EXPECT_TRUE(model.at("tables")[0].at("rows")[2].at("cells").at("fiscal_grant").is_null());  // blank, not zero
  EXPECT_EQ(run({"--templates", "fam", "roundtrip", "mini.txt"}).code, 0);
  ASSERT_EQ(run({"--templates", "fam", "import", "mini.txt", "-o", "mini.xlsx"}).code, 0);
  EXPECT_EQ(run({"--templates", "fam", "json", "mini.xlsx", "-o", "back.json"}).code, 0);
  EXPECT_EQ(nlohmann::json::parse(slurp(at("back.json"))).at("tables")[0].at("rows").size(), 3u);
}

// Jiangsu publishes one report as two files: read together they are one report.
TEST_F(Cli, ATextPartAndATablesPartImportAsOneReport) {
  const fs::path dir = fs::path(BUDGETXL_CORPUS_DIR) / "jiangsu";
  const fs::path text = dir / "14-js-rdcwbgt-2019-dept-text.txt", tables = dir / "15-js-rdcwbgt-2019-dept-tables.txt";
  if (!fs::exists(text) || !fs::exists(tables)) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  const Result alone = run({"json", text.string(), "-o", "alone.json"});
  EXPECT_EQ(alone.code, 0) << alone;
  EXPECT_TRUE(contains(alone.err, "report.no-tables")) << alone;
  const Result both = run({"import", text.string(), tables.string(), "-o", "both.xlsx"});
  ASSERT_EQ(both.code, 0) << both;
  ASSERT_EQ(run({"json", "both.xlsx", "-o", "both.json"}).code, 0);
  const auto model = nlohmann::json::parse(slurp(at("both.json")));
  EXPECT_EQ(model.at("tables").size(), 12u);
  EXPECT_EQ(model.at("meta").at("year"), 2019);
  EXPECT_EQ(model.at("meta").at("entity"), "江苏省人大常委会办公厅");
}

// A layout edit in a copy of a family's templates changes what is read, with no code change.
TEST_F(Cli, AnEditedShanghaiTemplateReadsANewTitleWording) {
  fs::copy(fs::path(bxtest::source_dir()) / "templates", at("tpl"), fs::copy_options::recursive);
  const std::string snippet = "2025年部门支出总表\n编制部门：某局\t单位：元\n项目\t\t\t\t支出预算\t\t\n"
                              "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n"
                              "201\t\t\t一般公共服务支出\t3.00\t2.00\t1.00\n201\t06\t\t财政事务\t3.00\t2.00\t1.00\n"
                              "201\t06\t01\t行政运行\t3.00\t2.00\t1.00\n合计\t\t\t\t3.00\t2.00\t1.00\n";
  spit(at("sh.txt"), snippet);
  EXPECT_EQ(run({"--templates", "tpl", "--family", "shanghai", "json", "sh.txt", "-o", "before.json"}).code, 2);  // unknown title
  const fs::path file = at("tpl/shanghai/tables/03-expenditure-summary.json");
  std::string json = slurp(file);
  ASSERT_TRUE(replace_once(json, "\"title\": \"支出预算总表\",", "\"title\": \"支出预算总表\",\n  \"title_variants\": [\"支出总表\"],"));
  spit(file, json);
  const Result r = run({"--templates", "tpl", "json", "sh.txt", "-o", "after.json"});
  ASSERT_EQ(r.code, 0) << r;
  const auto model = nlohmann::json::parse(slurp(at("after.json")));
  EXPECT_EQ(model.at("meta").at("family"), "shanghai");
  ASSERT_EQ(model.at("tables").size(), 1u);
  EXPECT_EQ(model.at("tables")[0].at("rows").size(), 4u);
  EXPECT_EQ(model.at("tables")[0].at("rows")[2].at("cells").at("code"), "2010601");
}

// ---------------------------------------------------------------------------------------------
// check

TEST_F(Cli, CheckExitsByWhatItFindsAndPointsAtLines) {
  copy_sample("clean.txt");
  const Result clean = run({"check", "clean.txt"});
  EXPECT_EQ(clean.code, 0) << clean;
  EXPECT_TRUE(contains(clean.out, "错误 0")) << clean;
  // A 表三 whose 208 row is 5.00 off its 基本支出: 错误 (exit 1), at the line, with its evidence.
  spit(at("wrong.txt"), "2024年预算支出总表\n单位名称：示例单位\n单位：万元\n项目\t\t2024年预算数\t\t\n"
                        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t65.25\t60.25\t\n"
                        "208\t社会保障和就业支出\t65.25\t60.25\t\n");
  const Result wrong = run({"check", "wrong.txt"});
  EXPECT_EQ(wrong.code, 1) << wrong;
  EXPECT_TRUE(contains(wrong.out, "第7行")) << wrong;
  EXPECT_TRUE(contains(wrong.out, "[sum.row]")) << wrong;
  EXPECT_TRUE(contains(wrong.out, "= 60.25（第7行）")) << "the evidence and where it came from: " << wrong;
  EXPECT_EQ(run({"check", "wrong.txt", "--off", "sum.row", "--off", "sum.total-row"}).code, 0);
  EXPECT_EQ(run({"check", "wrong.txt", "--severity", "sum.row=警告", "--severity", "sum.total-row=提示"}).code, 0);
  EXPECT_EQ(run({"check", "wrong.txt", "--off", "no.such-rule"}).code, 2);
  // Many files, one unreadable: exit 2, and the others are still checked.
  const Result batch = run({"check", "clean.txt", "wrong.txt", "missing.txt"});
  EXPECT_EQ(batch.code, 2) << batch;
  EXPECT_TRUE(contains(batch.out, "共 2 份报告")) << batch;
}

TEST_F(Cli, CheckWritesJsonWithEvidenceASummaryAndListsItsRules) {
  copy_sample("clean.txt");
  spit(at("wrong.txt"), "2024年预算支出总表\n单位名称：示例单位\n单位：万元\n项目\t\t2024年预算数\t\t\n"
                        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n合计\t\t65.25\t60.25\t\n"
                        "208\t社会保障和就业支出\t65.25\t60.25\t\n");
  const Result js = run({"check", "wrong.txt", "--format", "json"});
  EXPECT_EQ(js.code, 1);
  EXPECT_TRUE(contains(js.out, "\"rule\": \"sum.row\"")) << js;
  EXPECT_TRUE(contains(js.out, "\"evidence\"")) << js;
  EXPECT_TRUE(contains(js.out, "\"line\": 7")) << js;
  const Result sum = run({"check", "clean.txt", "wrong.txt", "--summary", "summary.csv"});
  EXPECT_EQ(sum.code, 1) << sum;
  const std::string csv = slurp(at("summary.csv"));
  EXPECT_TRUE(contains(csv, "文件,单位,报表格式,年度")) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3) << csv;
  EXPECT_TRUE(contains(csv, "示例市自然资源局")) << csv;
  // … or as a workbook, its figures numbers.
  const Result book = run({"check", "clean.txt", "--summary", "summary.xlsx"});
  EXPECT_EQ(book.code, 0) << book;
  EXPECT_EQ(slurp(at("summary.xlsx")).substr(0, 2), "PK");
  const Result rules = run({"check", "--list-rules"});
  EXPECT_EQ(rules.code, 0);
  for (const char* id : {"sum.row", "sum.rounding", "balance.income-expense", "cross.projects", "code.malformed", "wording.placeholder"})
    EXPECT_TRUE(contains(rules.out, id)) << id;
  EXPECT_TRUE(contains(rules.out, "cross.projects\t错误\t表间\tshanxi\t")) << "applies where the roles exist: " << rules.out;
}

TEST_F(Cli, AWorkbookForStdoutLeftByAKilledRunIsRemovedByTheNext) {
  copy_sample("report.txt");
  // What a run killed while writing a workbook for standard output leaves (its PID is gone).
  const fs::path leftover = fs::temp_directory_path() / "budgetxl-stdout-999999.xlsx";
  spit(leftover, "half a workbook");
  const Result r = run({"import", "report.txt", "-q", "-o", "-"}, "", ">out.xlsx");
  EXPECT_EQ(r.code, 0) << r;
  EXPECT_FALSE(fs::exists(leftover));
  EXPECT_EQ(slurp(at("out.xlsx")).substr(0, 2), "PK");
}

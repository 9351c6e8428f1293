// Real-client round trip: each produced workbook is re-saved by LibreOffice (its own shared
// strings, styles and number storage) and must read back to the same model as the text report.
#include <gtest/gtest.h>

#include <filesystem>

#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"
#include "text/report_reader.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

bool have_soffice() { return bxtest::run_command("command -v soffice >/dev/null 2>&1") == 0; }

void expect_resaved_model_equal(const std::string& report_path, const std::string& dir,
                                const Layouts& layouts = bxtest::layouts()) {
  const Report first = text::read_text_report(report_path, layouts);
  const std::string stem = fs::path(report_path).stem().string();
  const std::string own = dir + "/" + stem + ".xlsx";
  xlsx::write_workbook(first, own, layouts);
  const std::string out_dir = dir + "/resaved";
  fs::create_directories(out_dir);
  const std::string cmd = "cd " + dir + " && timeout 300 soffice -env:UserInstallation=file://" + dir +
                          "/lo-profile --headless --calc --convert-to xlsx:\"Calc MS Excel 2007 XML\" --outdir " + out_dir + " " + own +
                          " >/dev/null 2>&1";
  ASSERT_EQ(bxtest::run_command(cmd), 0) << cmd;
  const std::string resaved = out_dir + "/" + stem + ".xlsx";
  ASSERT_TRUE(fs::exists(resaved)) << resaved;
  const Report back = xlsx::read_workbook_report(resaved, layouts);
  const auto diffs = roundtrip::diff_reports(first, back, layouts);
  for (std::size_t i = 0; i < diffs.size() && i < 15; ++i) ADD_FAILURE() << stem << ": " << roundtrip::to_string(diffs[i]);
  EXPECT_TRUE(diffs.empty()) << stem << ": " << diffs.size() << " differences after the LibreOffice re-save";
  EXPECT_EQ(back.tables.size(), first.tables.size());
}

}  // namespace

TEST(LibreOfficeResave, SampleReadsBackTheSame) {
  if (!have_soffice()) GTEST_SKIP() << "soffice (libreoffice-calc-nogui) is not installed";
  expect_resaved_model_equal(bxtest::source_dir() + "/samples/demo-department-2025.txt", bxtest::temp_dir("lo-sample"));
}

TEST(LibreOfficeResave, CorpusReadsBackTheSame) {
  if (!have_soffice()) GTEST_SKIP() << "soffice (libreoffice-calc-nogui) is not installed";
  const auto files = bxtest::corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  const std::string dir = bxtest::temp_dir("lo-corpus");
  for (const auto& f : files) expect_resaved_model_equal(f, dir);
}

// The Shanghai family's report with its five 财政项目支出绩效目标填报表.
TEST(LibreOfficeResave, ShanghaiFormsReadBackTheSame) {
  if (!have_soffice()) GTEST_SKIP() << "soffice (libreoffice-calc-nogui) is not installed";
  const fs::path report = fs::path(BUDGETXL_CORPUS_DIR) / "shanghai" / "03-sh-pt-wanli-2023-dept.txt";
  std::error_code ec;
  if (!fs::exists(report, ec)) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  expect_resaved_model_equal(report.string(), bxtest::temp_dir("lo-shanghai"), LayoutFamilies::embedded().get("shanghai"));
}

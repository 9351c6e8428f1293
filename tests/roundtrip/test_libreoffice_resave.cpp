// Real-client round trip: each produced workbook is re-saved by LibreOffice (its own shared
// strings, styles and number storage) and must read back to the same model as the text report.
#include <gtest/gtest.h>

#include <filesystem>

#include "budgetxl/io.hpp"
#include "budgetxl/roundtrip.hpp"
#include "support/test_support.hpp"
#include "text/report_reader.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

using namespace budgetxl;
namespace fs = std::filesystem;

namespace {

bool have_soffice() { return bxtest::run_command("command -v soffice >/dev/null 2>&1") == 0; }

void expect_resaved_model_equal(const std::string& report_path, const std::string& dir) {
  const LayoutFamilies& families = LayoutFamilies::embedded();
  const Report first = io::read_report(report_path, families);  // every family: the one the report fits
  const Layouts& layouts = io::layouts_of(first, families);
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
  const Report back = io::read_report(resaved, families);  // by the family its 封面 names
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
  const auto files = bxtest::corpus_files_recursive();  // Shanxi, Hebei, Shanghai, Jiangsu
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  const std::string dir = bxtest::temp_dir("lo-corpus");
  for (const auto& f : files) expect_resaved_model_equal(f, dir);
}

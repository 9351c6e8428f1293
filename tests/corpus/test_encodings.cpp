// A report converted to GB18030 with CRLF line ends gives the same model (JSON) as the original.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "json/report_json.hpp"
#include "support/test_support.hpp"
#include "text/report_reader.hpp"

using namespace budgetxl;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string to_gb18030_crlf(const std::string& utf8) {
  std::string crlf;
  for (char c : utf8) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  return bxtest::to_gb18030(crlf);
}

nlohmann::ordered_json model_json(const std::string& bytes) {
  nlohmann::ordered_json j = json::report_to_json(text::read_text(text::decode_bytes(bytes, "report.txt"), "report.txt", bxtest::layouts()), bxtest::layouts());
  j.erase("source");  // encoding and line ending are the only expected differences
  return j;
}

void check_same_model(const std::string& path) {
  const std::string utf8 = slurp(path);
  const std::string gb = to_gb18030_crlf(utf8);
  ASSERT_NE(gb, utf8);
  const auto decoded = text::decode_bytes(gb, path);
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.line_ending, "CRLF");
  const auto a = model_json(utf8);
  const auto b = model_json(gb);
  EXPECT_EQ(a.dump(), b.dump()) << path;
  EXPECT_GT(a.at("parts").size(), 1u);
}

}  // namespace

TEST(CorpusEncodings, Gb18030CrlfGivesTheSameModel) {
  const auto files = bxtest::corpus_files();
  if (files.empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped";
  for (const auto& f : files) check_same_model(f);
}

TEST(CorpusEncodings, SampleInGb18030CrlfGivesTheSameModel) {
  check_same_model(bxtest::source_dir() + "/samples/demo-department-2025.txt");
}

TEST(CorpusEncodings, Utf8BomGivesTheSameModel) {
  const std::string utf8 = slurp(bxtest::source_dir() + "/samples/demo-department-2025.txt");
  EXPECT_EQ(model_json(utf8).dump(), model_json("\xEF\xBB\xBF" + utf8).dump());
}

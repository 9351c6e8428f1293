// Helpers for the form tests: corpus lines (decoded and cleaned like the report reader does) and
// a report holding only the forms found while walking them.
#pragma once

#include <filesystem>
#include <string>

#include "budgetxl/layout.hpp"
#include "support/test_support.hpp"
#include "budgetxl/report.hpp"
#include "finish/finish.hpp"
#include "text/clean.hpp"
#include "text/decode.hpp"
#include "text/form_reader.hpp"
#include "text/lines.hpp"

namespace budgetxl::formtest {

// The corpus file whose name starts with `prefix` ("000"), or "" when the corpus is absent.
inline std::string corpus_file(const std::string& prefix) {
  namespace fs = std::filesystem;
  const fs::path dir = BUDGETXL_CORPUS_DIR;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().filename().string().rfind(prefix + "_", 0) == 0) return e.path().string();
  return "";
}

inline text::Lines corpus_lines(const std::string& path) {
  std::vector<Noise> noise;
  return text::clean_lines(text::decode_file(path).lines, bxtest::layouts().report(), noise);
}

// Walks the lines like the report reader does, reading every form it meets, then runs the
// finishing pass (form checks, duplicates, links) as every reader does.
inline Report read_forms(const text::Lines& lines, const Layouts& layouts = bxtest::layouts()) {
  Report report;
  for (std::size_t i = 0; i < lines.size();) {
    if (text::starts_form(lines, i, layouts.forms())) i = text::read_form(lines, i, layouts, report);
    else ++i;
  }
  finish_report(report, layouts);
  return report;
}

// Lines from literal text: '\n' separates lines, numbered from `first`.
inline text::Lines make_lines(const std::string& s, std::uint32_t first = 1) {
  text::Lines out;
  std::size_t start = 0;
  std::uint32_t n = first;
  while (start <= s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back({n++, s.substr(start, end - start)});
    start = end + 1;
  }
  return out;
}

}  // namespace budgetxl::formtest

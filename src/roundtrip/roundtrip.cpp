#include "budgetxl/roundtrip.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include "util/output_file.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"

namespace budgetxl::roundtrip {

namespace fs = std::filesystem;

FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const Layouts& layouts, bool keep) {
  FileResult result;
  result.file = path;
  const auto start = std::chrono::steady_clock::now();
  const std::string stem = fs::path(path).stem().string();
  const std::string book = (fs::path(work_dir) / (stem + ".roundtrip.xlsx")).string();
  const std::string text_copy = (fs::path(work_dir) / (stem + ".roundtrip.txt")).string();
  try {
    const Report first = text::read_text_report(path, layouts);
    text::require_report_content(first);
    result.tables = first.tables.size();
    result.forms = first.forms.size();
    result.set_aside = first.set_aside.size();

    xlsx::write_workbook(first, book, layouts);
    const Report from_book = xlsx::read_workbook_report(book, layouts);
    result.via_workbook = diff_reports(first, from_book, layouts);

    const std::string written = text::write_text_report(first, layouts);
    util::write_text_atomically(text_copy, written);
    const Report from_text = text::read_text_report(text_copy, layouts);
    result.via_text = diff_reports(first, from_text, layouts, DiffOptions{.page_furniture = false});

    result.passed = result.via_workbook.empty() && result.via_text.empty();
  } catch (const std::exception& e) {
    result.error = e.what();
    result.passed = false;
  }
  if (!keep) {
    std::error_code ec;
    fs::remove(book, ec);
    fs::remove(text_copy, ec);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace budgetxl::roundtrip

#include "budgetxl/roundtrip.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include "util/output_file.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"
#include "xlsx/model_reader.hpp"
#include "xlsx/writer.hpp"
#include "xlsx/zip_archive.hpp"

namespace budgetxl::roundtrip {

namespace fs = std::filesystem;

namespace {

// The round trip of one file; `family_of` says which family reads a decoded text (the first read,
// and the text written from it), `book_family` which one reads a workbook. A text report goes
// text -> workbook -> model and model -> text -> model; a workbook (budgetxl's, or one a person
// made) goes model -> budgetxl's workbook -> model and model -> official text -> model.
template <class TextFamily, class BookFamily>
FileResult roundtrip(const std::string& path, const std::string& work_dir, bool keep, const ReadLimits& limits,
                     TextFamily family_of, BookFamily book_family) {
  FileResult result;
  result.file = path;
  const auto start = std::chrono::steady_clock::now();
  const std::string stem = fs::path(path).stem().string();
  const std::string book = (fs::path(work_dir) / (stem + ".roundtrip.xlsx")).string();
  const std::string text_copy = (fs::path(work_dir) / (stem + ".roundtrip.txt")).string();
  try {
    Report first;
    const Layouts* layouts = nullptr;
    const bool from_workbook = xlsx::has_zip_signature(path);
    if (from_workbook) {
      const xlsx::Workbook input = xlsx::read_workbook(path, limits);
      layouts = &book_family(input);
      first = xlsx::workbook_to_report(input, path, *layouts);
      xlsx::require_workbook_content(first, input, *layouts);
    } else {
      const text::DecodedText decoded = text::decode_file(path, limits);
      layouts = &family_of(decoded);
      first = text::read_text(decoded, path, *layouts);
      text::require_report_content(first);
    }
    result.tables = first.tables.size();
    result.forms = first.forms.size();
    result.set_aside = first.set_aside.size();

    util::write_atomically(book, [&](const std::string& tmp) { xlsx::write_workbook(first, tmp, *layouts); });
    const xlsx::Workbook wb = xlsx::read_workbook(book, limits);
    const Report from_book = xlsx::workbook_to_report(wb, book, book_family(wb));
    result.via_workbook = diff_reports(first, from_book, *layouts);

    const std::string written = text::write_text_report(first, *layouts);
    util::write_text_atomically(text_copy, written);
    const text::DecodedText again = text::decode_file(text_copy, limits);
    const Report from_text = text::read_text(again, text_copy, family_of(again));
    result.via_text = diff_reports(first, from_text, *layouts, DiffOptions{.page_furniture = false, .table_titles = !from_workbook});

    result.passed = result.via_workbook.empty() && result.via_text.empty();
  } catch (const std::bad_alloc&) {
    result.error = path + ": 内存不足，无法完成转换";
    result.passed = false;
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

}  // namespace

FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const Layouts& layouts, bool keep,
                          const ReadLimits& limits) {
  return roundtrip(
      path, work_dir, keep, limits, [&](const text::DecodedText&) -> const Layouts& { return layouts; },
      [&](const xlsx::Workbook&) -> const Layouts& { return layouts; });
}

FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const LayoutFamilies& families,
                          const std::string& family, bool keep, const ReadLimits& limits) {
  return roundtrip(
      path, work_dir, keep, limits,
      [&](const text::DecodedText& decoded) -> const Layouts& { return text::family_of(decoded, families, family); },
      [&](const xlsx::Workbook& wb) -> const Layouts& {
        // A workbook of budgetxl names its family on the cover; any other is recognised by its sheets.
        const std::string named = !family.empty() ? family : xlsx::cover_family(wb);
        return named.empty() ? xlsx::best_family(wb, families) : families.get(named);
      });
}

}  // namespace budgetxl::roundtrip

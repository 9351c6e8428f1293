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

namespace {

// The round trip of one file; `family_of` says which family reads a decoded text (the first read,
// and the text written from it), `family_named` which one reads a workbook naming a family.
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
    const text::DecodedText decoded = text::decode_file(path, limits);
    const Layouts& layouts = family_of(decoded);
    const Report first = text::read_text(decoded, path, layouts);
    text::require_report_content(first);
    result.tables = first.tables.size();
    result.forms = first.forms.size();
    result.set_aside = first.set_aside.size();

    util::write_atomically(book, [&](const std::string& tmp) { xlsx::write_workbook(first, tmp, layouts); });
    const xlsx::Workbook wb = xlsx::read_workbook(book, limits);
    const Report from_book = xlsx::workbook_to_report(wb, book, book_family(xlsx::cover_family(wb)));
    result.via_workbook = diff_reports(first, from_book, layouts);

    const std::string written = text::write_text_report(first, layouts);
    util::write_text_atomically(text_copy, written);
    const text::DecodedText again = text::decode_file(text_copy, limits);
    const Report from_text = text::read_text(again, text_copy, family_of(again));
    result.via_text = diff_reports(first, from_text, layouts, DiffOptions{.page_furniture = false});

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
      [&](const std::string&) -> const Layouts& { return layouts; });
}

FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const LayoutFamilies& families,
                          const std::string& family, bool keep, const ReadLimits& limits) {
  return roundtrip(
      path, work_dir, keep, limits,
      [&](const text::DecodedText& decoded) -> const Layouts& { return text::family_of(decoded, families, family); },
      [&](const std::string& named) -> const Layouts& {
        return families.get(!family.empty() ? family : named.empty() ? families.all().front()->family() : named);
      });
}

}  // namespace budgetxl::roundtrip

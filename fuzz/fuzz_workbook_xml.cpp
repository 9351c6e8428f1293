// Fuzzes the XML layer of the workbook reader behind a valid zip: the input is split at its first
// NUL byte into the shared strings part and the worksheet part (no NUL: the worksheet alone), put
// into a minimal, well-formed package and read with read_workbook. Mutations then reach the XML
// handlers instead of failing the zip CRC checks.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "xlsx/workbook_reader.hpp"

namespace {

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>)";
constexpr const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
constexpr const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr const char* kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";

void add(zip_t* archive, const char* name, std::string_view content) {
  zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
  if (source == nullptr || zip_file_add(archive, name, source, ZIP_FL_OVERWRITE) < 0) {
    zip_source_free(source);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = budgetxl::fuzz::scratch_dir() + "/xml.xlsx";
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string_view shared = nul == std::string_view::npos ? std::string_view() : input.substr(0, nul);
  const std::string_view sheet = nul == std::string_view::npos ? input : input.substr(nul + 1);

  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) std::abort();
  add(archive, "[Content_Types].xml", kContentTypes);
  add(archive, "_rels/.rels", kRootRels);
  add(archive, "xl/workbook.xml", kWorkbook);
  add(archive, "xl/_rels/workbook.xml.rels", kWorkbookRels);
  add(archive, "xl/sharedStrings.xml", shared);
  add(archive, "xl/worksheets/sheet1.xml", sheet);
  if (zip_close(archive) != 0) std::abort();  // the buffers are read here, while `input` lives

  try {
    const budgetxl::xlsx::Workbook book = budgetxl::xlsx::read_workbook(path);
    for (const auto& s : book.sheets) {
      for (const auto& cell : s.cells) (void)s.at(cell.row, cell.col);
      for (const auto& cell : s.cells) (void)s.merge_at(cell.row, cell.col);
    }
  } catch (const budgetxl::InputError&) {
  }
  return 0;
}

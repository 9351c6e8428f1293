// Fuzzes the generic workbook reader (zip archive + XML parts: read_workbook) on whole files.
// WorkbookError (an InputError) is the expected answer to a broken package; anything else escaping
// is a finding. The model reader is not driven here.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "xlsx/workbook_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = budgetxl::fuzz::scratch_dir() + "/input.xlsx";
  budgetxl::fuzz::write_file(path, data, size);
  try {
    const budgetxl::xlsx::Workbook book = budgetxl::xlsx::read_workbook(path);
    for (const auto& sheet : book.sheets) {
      for (const auto& cell : sheet.cells) (void)sheet.at(cell.row, cell.col);
    }
  } catch (const budgetxl::InputError&) {
  }
  return 0;
}

// The round-trip proof for one report: text -> model -> workbook -> model, and model -> text ->
// model, each compared with the first model.
#pragma once

#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "roundtrip/diff.hpp"

namespace budgetxl::roundtrip {

struct FileResult {
  std::string file;
  bool passed = false;
  std::string error;                     // the file could not be read or written (then it fails alone)
  std::vector<Difference> via_workbook;  // text -> workbook -> model
  std::vector<Difference> via_text;      // model -> text -> model
  std::size_t tables = 0, forms = 0;
  double seconds = 0;
};

// `work_dir` holds the intermediate workbook and text; they are removed afterwards unless `keep`.
FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const Layouts& layouts, bool keep = false);

}  // namespace budgetxl::roundtrip

// The round-trip proof, public: structured differences between two models of the same report, and
// the per-file proof text -> model -> workbook -> model and model -> text -> model, each compared
// with the first model. Origins and findings are not compared (they describe the source file);
// what was set aside is compared by kind and text.
#pragma once

#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/limits.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::roundtrip {

struct Difference {
  std::string part;    // "元数据", "表格", "绩效目标表", "正文"
  std::string item;    // "表3", "绩效5 …", "第三部分 …"
  std::string row;     // row label or block number
  std::string column;  // column id or field path
  std::string before;
  std::string after;
};

struct DiffOptions {
  // Compare page furniture set aside (watermarks, page footers, page numbers, running headers,
  // separators) too. The workbook keeps it in 其他材料; the written text report is clean of it, so
  // the text direction compares only what was set aside as content (appended documents, unplaced).
  bool page_furniture = true;
  // Compare tables' titles word for word. A workbook a person made may title a table in other
  // words ("2025年部门收支总表"); the text written from it prints the official title.
  bool table_titles = true;
};

std::vector<Difference> diff_reports(const Report& before, const Report& after, const Layouts& layouts,
                                     const DiffOptions& options = {});
std::string to_string(const Difference& d);

struct FileResult {
  std::string file;
  bool passed = false;
  std::string error;                     // the file could not be read or written (then it fails alone)
  std::vector<Difference> via_workbook;  // text -> workbook -> model
  std::vector<Difference> via_text;      // model -> text -> model
  std::size_t tables = 0, forms = 0, set_aside = 0;
  double seconds = 0;
};

// `work_dir` holds the intermediate workbook and text; they are removed afterwards unless `keep`.
// The report and the intermediate files are read within `limits`.
FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const Layouts& layouts, bool keep = false,
                          const ReadLimits& limits = {});
// The same with the family the report fits best (`family` empty), or the one named.
FileResult roundtrip_file(const std::string& path, const std::string& work_dir, const LayoutFamilies& families,
                          const std::string& family, bool keep = false, const ReadLimits& limits = {});

}  // namespace budgetxl::roundtrip

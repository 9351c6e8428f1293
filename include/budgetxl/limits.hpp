// Bounds on everything an input controls, so that a hostile or broken file fails with a clear error
// (InputError naming the file and the place) instead of exhausting memory or time. The defaults fit
// the largest real report many times over (README: "Limits"); `--limit NAME=VALUE` changes one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace budgetxl {

struct ReadLimits {
  // Workbooks: the zip package.
  std::uint64_t max_zip_entries = 10'000;                        // entries in the archive
  std::uint64_t max_part_bytes = std::uint64_t{256} << 20;       // one XML part, uncompressed
  std::uint64_t max_workbook_bytes = std::uint64_t{1} << 30;     // all parts read, uncompressed
  // Workbooks: the XML of each part.
  std::uint64_t max_xml_depth = 100;                             // nested elements
  std::uint64_t max_xml_token_bytes = std::uint64_t{1} << 20;    // one tag (with its attributes), comment or PI
  // Workbooks: what the sheets hold, all sheets together.
  std::uint64_t max_cells = 2'000'000;                           // stored cells
  std::uint64_t max_rows = 200'000;                              // rows holding a stored cell
  std::uint64_t max_shared_strings = 500'000;
  std::uint64_t max_merges = 100'000;                            // merged ranges
  std::uint64_t max_string_bytes = 1u << 20;                     // one cell's value (Excel stops at 32767 chars)
  std::uint64_t max_total_text_bytes = std::uint64_t{256} << 20; // all stored strings and values
  // Text reports.
  std::uint64_t max_text_bytes = std::uint64_t{32} << 20;        // the whole file (or all files of one report)
  std::uint64_t max_line_bytes = 1u << 20;                       // one line, decoded
};

// One limit as the command line names it: `--limit NAME=VALUE`.
struct LimitInfo {
  const char* name;                    // "part-bytes"
  std::uint64_t ReadLimits::* member;  // &ReadLimits::max_part_bytes
  const char* meaning;                 // English, for --help and the README
};
const std::vector<LimitInfo>& limit_infos();

// Sets one limit from "NAME=VALUE"; VALUE is a positive integer with an optional K, M or G suffix
// (powers of 1024). Throws std::invalid_argument with a Chinese message naming the known limits.
void set_limit(ReadLimits& limits, std::string_view assignment);

// "1 MiB (1048576)" style text for messages: the value with a unit when it is one.
std::string limit_text(std::uint64_t value);

}  // namespace budgetxl

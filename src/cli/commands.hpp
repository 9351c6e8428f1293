// The subcommands of the budgetxl executable.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/limits.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::cli {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitInput = 2;
constexpr int kExitInputErrors = 3;
constexpr int kExitOutput = 4;
constexpr int kExitDifferences = 5;
constexpr int kExitMemory = 6;

struct Options {
  std::string templates_dir;
  std::string family;  // --family: read with this layout family ("" = recognise it)
  bool quiet = false;
  bool verbose = false;
  ReadLimits limits;  // --limit NAME=VALUE
};

// Several inputs are one report published as several text files, read in that order.
int run_import(const std::vector<std::string>& inputs, std::string output, const Options& opt);
int run_json(const std::string& input, const std::string& output, const Options& opt);
int run_export(const std::string& input, std::string output, const Options& opt);
// Lists the layout families and their tables.
int run_families(const Options& opt);
struct RoundtripOptions {
  std::vector<std::string> paths;
  unsigned jobs = 0;        // 0 = all cores
  std::string report_file;  // .json or .csv
  std::string keep_dir;     // keep the intermediate files here
};
int run_roundtrip(const RoundtripOptions& rt, const Options& opt);

// Files named on the command line, and the files with one of `extensions` below folders, in a
// stable order; names that do not exist go to `missing`.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& extensions,
                                       std::vector<std::string>& missing);
// "a,b" quoted for CSV when needed.
std::string csv_field(const std::string& s);

struct CheckOptions {
  std::vector<std::string> paths;
  unsigned jobs = 0;                   // 0 = all cores
  std::string format = "text";         // text | json
  bool list_rules = false;
  std::vector<std::string> off;        // rule ids switched off
  std::vector<std::string> severity;   // "RULE=LEVEL"
  std::string config;                  // a file of overrides
  std::string summary_file;            // .csv: one row per report
};
// `budgetxl check`: exit 0 when no 错误, 1 when any, 2 when an input could not be read.
int run_check(const CheckOptions& ck, const Options& opt);

// Prints findings as "file:line: severity: message [rule]"; returns the exit code they imply.
int report_findings(const Report& report, const Options& opt);
// Runs one command body, turning every failure into its message and documented exit code: an
// unreadable input or a bad template set 2, an output that cannot be written 4, memory exhausted 6.
int guarded(const std::string& input, const std::function<int()>& body);

}  // namespace budgetxl::cli

// Shared helpers for the tests: corpus location, reading snippets, finding rows and cells.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"

namespace bxtest {

using namespace budgetxl;

// The layout set the tests read and write with: the templates embedded at build time.
const Layouts& layouts();

// Path of a corpus report by its prefix ("000"), or "" when the corpus is absent.
std::string corpus_file(const std::string& prefix);
std::vector<std::string> corpus_files();
// Every *.txt below the corpus folder, its province folders included.
std::vector<std::string> corpus_files_recursive();

// Reads a report given as text (lines joined with '\n').
Report read_snippet(const std::string& text);
Report read_file(const std::string& path);

// The first row of table `number` whose first non-empty text cell equals `label`; fails the test
// when absent.
const Row* find_row(const Report& report, int number, const std::string& label, int occurrence = 1);
// The amount in column `column_id` of that row, as "1694.52" ("" when blank, "<missing>" when no row).
std::string amount_at(const Report& report, int number, const std::string& label, const std::string& column_id,
                      int occurrence = 1);
std::string text_at(const Report& report, int number, const std::string& label, const std::string& column_id,
                    int occurrence = 1);
// ../shared/corpus/PROVINCE/NAME.txt, or "" when the corpus is absent.
std::string province_report(const std::string& province, const std::string& name);
// The amount in column `column_id` of the first row of table `number` with a cell whose text is
// `key` (a code, a label): "1694.52", "" when blank, "<no table>", "<no column>" or "<no row>".
std::string amount_of_row(const Report& report, const Layouts& layouts, int number, const std::string& key,
                          const std::string& column_id);
// UTF-8 text converted to GB18030 with ICU (an encoding test's input).
std::string to_gb18030(const std::string& utf8);
// Runs a command, returning its exit status and capturing stdout.
int run_command(const std::string& command, std::string* out = nullptr);
std::string temp_dir(const std::string& name);
std::string binary();
std::string source_dir();

// Files, for tests that edit copies of inputs or templates.
std::string slurp(const std::string& path);
void spit(const std::string& path, const std::string& content);
// Writes (name, bytes) parts into a zip file; `store` keeps them uncompressed so tests can corrupt
// bytes in place. Throws std::runtime_error when libzip fails.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& parts, bool store = false);
// `text` with its only occurrence of `from` replaced; the test fails when there is none, or more.
std::string replace_once(std::string text, const std::string& from, const std::string& to);
// A copy of templates/ in a fresh temporary folder `name`; returns the folder.
std::string copy_templates(const std::string& name);
// The TemplateError message of loading the layout set in `dir`; the test fails when it loads.
std::string template_error(const std::string& dir);

}  // namespace bxtest

#define SKIP_WITHOUT_CORPUS(path)                                                  \
  do {                                                                             \
    if ((path).empty()) GTEST_SKIP() << "../shared/corpus is absent; corpus test skipped"; \
  } while (0)

// The entry point to budgetxl as a library: load a layout set, read any report or workbook, write a
// workbook, the official text or the JSON model. The command line and the tests use only this (and
// budgetxl/roundtrip.hpp); how each format is read and written stays behind it, in src/.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "budgetxl/errors.hpp"
#include "budgetxl/layout.hpp"
#include "budgetxl/limits.hpp"
#include "budgetxl/report.hpp"

namespace budgetxl::io {

// The layout families: those embedded at build time when `templates_dir` is empty, else those of
// that folder (one family folder, or a folder of family folders). Throws TemplateError naming the
// file and the key.
std::shared_ptr<const LayoutFamilies> load_families(const std::string& templates_dir);

// A report read with the family it fits best (`family` empty), or with the family named; its
// meta.family says which. Throws TemplateError when `family` names no family. Every read is
// bounded by `limits` (budgetxl/limits.hpp): an input over one is an InputError naming the file
// and the place.
Report read_report(const std::string& path, const LayoutFamilies& families, const std::string& family = "",
                   const ReadLimits& limits = {});
// One report published as several text files (Jiangsu's text part and tables part), read as one:
// the files' lines joined in this order; origins keep the joined line, SourceInfo::locate tells the
// file. One path is read_report.
Report read_report(const std::vector<std::string>& paths, const LayoutFamilies& families, const std::string& family = "",
                   const ReadLimits& limits = {});
// The family a report was read with (meta.family); TemplateError when the families have none of
// that name.
const Layouts& layouts_of(const Report& report, const LayoutFamilies& families);

// With one family: a text report or a workbook, told apart by content, not by name; "-" reads a text report from
// standard input. Throws InputError naming the file when it is missing, a folder, unreadable, or
// holds nothing of a budget report. What the reader could not place becomes findings.
Report read_report(const std::string& path, const Layouts& layouts, const ReadLimits& limits = {});

// The writers write to a temporary file beside `path` and rename it into place; they throw
// OutputError when that fails. For text and JSON, "-" is standard output.
void write_workbook(const Report& report, const std::string& path, const Layouts& layouts);
void write_text(const Report& report, const std::string& path, const Layouts& layouts);
void write_json(const Report& report, const std::string& path, const Layouts& layouts);
std::string text_of(const Report& report, const Layouts& layouts);
std::string json_of(const Report& report, const Layouts& layouts);
// Any text content (a batch report), written the same safe way.
void write_file(const std::string& path, const std::string& content);
// A workbook of one list (rows[0] the header), written atomically; cells of `numeric_columns`
// that read as amounts are numbers.
void write_list_workbook(const std::string& path, const std::string& sheet_name, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& numeric_columns = {});

// Throws OutputError when `output` is one of `inputs`, also under another name or through a link.
void refuse_overwriting_input(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace budgetxl::io

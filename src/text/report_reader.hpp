// Reads a text report (the text extracted from an official PDF) into the canonical model.
#pragma once

#include <string>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "text/decode.hpp"

namespace budgetxl::text {

// Throws DecodeError when the file cannot be read; everything else becomes findings in the report.
Report read_text_report(const std::string& path, const Layouts& layouts, const ReadLimits& limits = {});
Report read_text(const DecodedText& decoded, const std::string& name, const Layouts& layouts);

// The family to read a decoded text with: the one named (TemplateError when unknown), else the
// one whose table titles and label lines it holds most of (the first listed on a tie).
const Layouts& family_of(const DecodedText& decoded, const LayoutFamilies& families, const std::string& family);

// Throws DecodeError naming the file when nothing of a budget disclosure was found in it: no table,
// no performance form, no "第N部分" heading (a wrong file given by mistake, not a damaged report).
void require_report_content(const Report& report);
// Throws DecodeError when the text holds rows of figures but no table of the family read it, and
// no form: a report of a province no family describes, named with the titles it saw.
void require_known_tables(const DecodedText& decoded, const Report& report, const LayoutFamilies& families);

}  // namespace budgetxl::text

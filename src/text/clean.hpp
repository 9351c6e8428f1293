// Removes what is not part of the report from the decoded lines (watermarks, page footers glued
// into text) and keeps it aside as Noise, so nothing is dropped silently.
#pragma once

#include <vector>

#include "budgetxl/layout.hpp"
#include "budgetxl/report.hpp"
#include "text/lines.hpp"

namespace budgetxl::text {

Lines clean_lines(const Lines& raw, const ReportLayout& layout, std::vector<Noise>& set_aside);

// Whole-line noise: a bare page number ("-38-", "— 1 —") or a separator ("---", "-----→-----").
bool is_page_number(std::string_view trimmed, const ReportLayout& layout);
bool is_separator(std::string_view trimmed);

}  // namespace budgetxl::text

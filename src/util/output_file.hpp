// Safe output: a file is written through a temporary file beside it and renamed into place, so a
// failed or interrupted run never leaves half a file, and an input is never overwritten.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "budgetxl/errors.hpp"

namespace budgetxl::util {

// Throws OutputError when `output` is (or is a link to) one of `inputs`.
void refuse_overwriting_input(const std::string& output, const std::vector<std::string>& inputs);

// Calls write(temporary_path), then renames the temporary file to `path`. On any exception the
// temporary file is removed and the exception passes on.
void write_atomically(const std::string& path, const std::function<void(const std::string& temporary_path)>& write);

// Convenience for text content.
void write_text_atomically(const std::string& path, const std::string& content);

}  // namespace budgetxl::util

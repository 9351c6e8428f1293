// Decoding a text report: UTF-8 (with or without BOM) or GB18030 (detected with ICU), LF or CRLF.
#pragma once

#include <stdexcept>
#include <string>

#include "budgetxl/errors.hpp"
#include "budgetxl/limits.hpp"
#include "text/lines.hpp"

namespace budgetxl::text {

struct DecodedText {
  Lines lines;              // raw decoded lines, numbered from 1; no cleaning yet
  std::string encoding;     // "UTF-8", "UTF-8 (BOM)", "GB18030"
  std::string line_ending;  // "LF", "CRLF", "CR"
};

class DecodeError : public InputError {
 public:
  using InputError::InputError;
};

// Throws DecodeError naming the file when it cannot be opened or decoded, or when it is larger than
// limits.max_text_bytes or has a line longer than limits.max_line_bytes (naming the line); the
// size is checked before the file is read.
DecodedText decode_file(const std::string& path, const ReadLimits& limits = {});
DecodedText decode_bytes(const std::string& bytes, const std::string& name_for_messages, const ReadLimits& limits = {});
// Standard input, read up to the size limit.
DecodedText decode_stdin(const ReadLimits& limits = {});

}  // namespace budgetxl::text

// Decoding a text report: UTF-8 (with or without BOM) or GB18030 (detected with ICU), LF or CRLF.
#pragma once

#include <stdexcept>
#include <string>

#include "budgetxl/errors.hpp"
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

// Throws DecodeError naming the file when it cannot be opened or decoded.
DecodedText decode_file(const std::string& path);
DecodedText decode_bytes(const std::string& bytes, const std::string& name_for_messages);

}  // namespace budgetxl::text

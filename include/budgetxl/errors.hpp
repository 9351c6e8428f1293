// The three ways a conversion can fail, each with its own exit code. Messages are Chinese or name
// the file and the place (line, sheet!cell, template key), so they can be shown as they are.
#pragma once

#include <stdexcept>

namespace budgetxl {

// An input that cannot be read: missing, unreadable, not a report or workbook (exit 2).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A layout set (templates/) that cannot be loaded: names the file and the key (exit 2).
class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An output that cannot be written (exit 4).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace budgetxl

// Fuzzes the text side: decoding (UTF-8, BOM, GB18030 detection), the limits on lines and size,
// and the text reader with every built-in family, then the text writer on what was read. Input
// errors (budgetxl::InputError) are the expected answer to garbage; anything else escaping is a
// finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "budgetxl/layout.hpp"
#include "text/decode.hpp"
#include "text/report_reader.hpp"
#include "text/writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace budgetxl;
  static const LayoutFamilies& families = LayoutFamilies::embedded();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  text::DecodedText decoded;
  try {
    decoded = text::decode_bytes(bytes, "fuzz.txt");
  } catch (const InputError&) {
    return 0;
  }
  for (const auto& family : families.all()) {
    Report report = text::read_text(decoded, "fuzz.txt", *family);
    try {
      text::require_known_tables(decoded, report, families);
      text::require_report_content(report);
    } catch (const InputError&) {
      continue;
    }
    // What was read is written back, as import/export/roundtrip do.
    (void)text::write_text_report(report, *family);
  }
  // The family the CLI would pick.
  (void)text::family_of(decoded, families, "");
  return 0;
}

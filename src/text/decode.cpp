#include "text/decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <sstream>
#include <stdexcept>

namespace budgetxl::text {

namespace {

bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

// Asks ICU's detector; falls back to GB18030, the superset of every Chinese legacy encoding.
std::string detect_legacy(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return "GB18030";
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "GB18030";
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) return "GB18030";
  const std::string n = name;
  // GB2312/GBK text is GB18030 text; Big5 is the only other Chinese encoding ICU names.
  if (n == "Big5") return n;
  return "GB18030";
}

std::string convert_to_utf8(const std::string& bytes, const std::string& encoding, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) throw DecodeError(name + ": 无法打开编码转换器 " + encoding);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> utf8(ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status)) throw DecodeError(name + ": 无法打开编码转换器 UTF-8");
  std::string out(bytes.size() * 2 + 16, '\0');
  while (true) {
    status = U_ZERO_ERROR;
    const int32_t n = ucnv_convert("UTF-8", encoding.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                   static_cast<int32_t>(bytes.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<std::size_t>(n) + 16);
      continue;
    }
    if (status == U_MEMORY_ALLOCATION_ERROR) throw std::bad_alloc();
    if (U_FAILURE(status)) throw DecodeError(name + ": 按 " + encoding + " 解码失败");
    out.resize(static_cast<std::size_t>(n));
    return out;
  }
}

[[noreturn]] void too_large(const std::string& name, std::uint64_t size, const ReadLimits& limits) {
  throw DecodeError(name + ": 文件过大（" + std::to_string(size) + " 字节），超过文本报告的上限 " + limit_text(limits.max_text_bytes) +
                    "，拒绝读取（可用 --limit report-bytes=N 调整）");
}

[[noreturn]] void line_too_long(const std::string& name, std::uint32_t line, const ReadLimits& limits) {
  throw DecodeError(name + ":" + std::to_string(line) + ": 行过长，超过一行的上限 " + limit_text(limits.max_line_bytes) +
                    "，不是文本报告（可用 --limit line-bytes=N 调整）");
}

// The raw bytes checked before any decoding: a line over the limit is refused at once (a
// legacy-encoded line only grows when decoded to UTF-8, so this never refuses one that fits).
void check_raw_lines(const std::string& bytes, const std::string& name, const ReadLimits& limits) {
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  std::uint32_t line = 1;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    const char* stop = nl ? static_cast<const char*>(nl) : end;
    if (static_cast<std::uint64_t>(stop - p) > limits.max_line_bytes) {
      // Lines may end in a bare CR (old Mac files): only a piece between line ends counts.
      for (const char* q = p; q <= stop;) {
        const void* cr = std::memchr(q, '\r', static_cast<std::size_t>(stop - q));
        const char* piece_end = cr ? static_cast<const char*>(cr) : stop;
        if (static_cast<std::uint64_t>(piece_end - q) > limits.max_line_bytes) line_too_long(name, line, limits);
        q = piece_end + 1;
        if (cr != nullptr && q < stop) ++line;
      }
    }
    p = stop + 1;
    ++line;
  }
}

}  // namespace

DecodedText decode_bytes(const std::string& raw, const std::string& name, const ReadLimits& limits) {
  if (raw.size() > limits.max_text_bytes) too_large(name, raw.size(), limits);
  check_raw_lines(raw, name, limits);
  DecodedText out;
  std::string bytes = raw;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    out.encoding = "UTF-8 (BOM)";
  } else if (valid_utf8(bytes)) {
    out.encoding = "UTF-8";
  } else {
    out.encoding = detect_legacy(bytes);
    bytes = convert_to_utf8(bytes, out.encoding, name);
  }
  if (bytes.find('\0') != std::string::npos) throw DecodeError(name + ": 不是文本文件（含有 NUL 字节）");

  std::size_t crlf = 0, lf = 0, cr = 0;
  std::string current;
  std::uint32_t number = 1;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
        ++crlf;
        ++i;
      } else if (c == '\r') {
        ++cr;
      } else {
        ++lf;
      }
      out.lines.push_back({number++, std::move(current)});
      current.clear();
    } else {
      current += c;
      if (current.size() > limits.max_line_bytes) line_too_long(name, number, limits);
    }
  }
  if (!current.empty()) out.lines.push_back({number, std::move(current)});
  out.line_ending = crlf > lf && crlf >= cr ? "CRLF" : (cr > lf ? "CR" : "LF");
  return out;
}

DecodedText decode_file(const std::string& path, const ReadLimits& limits) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_text_bytes) too_large(path, size, limits);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DecodeError(path + ": 无法打开文件");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw DecodeError(path + ": 读取失败");
  return decode_bytes(ss.str(), path, limits);
}

DecodedText decode_stdin(const ReadLimits& limits) {
  std::string bytes;
  char buffer[65536];
  while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    if (bytes.size() > limits.max_text_bytes) too_large("<stdin>", bytes.size(), limits);
  }
  return decode_bytes(bytes, "<stdin>", limits);
}

}  // namespace budgetxl::text

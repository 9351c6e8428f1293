#include "xlsx/workbook_reader.hpp"

#include <expat.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <fstream>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <optional>

#include "xlsx/zip_archive.hpp"

namespace budgetxl::xlsx {
namespace {

// ---------------------------------------------------------------------------------------------
// Small text helpers

std::string quoted(std::string_view s) {
  constexpr std::size_t kShown = 40;  // hostile values can be huge; messages stay short
  std::string out = "\"";
  out.append(s.substr(0, kShown));
  if (s.size() > kShown) out.append("...");
  out.push_back('"');
  return out;
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Decimal digits only, no sign; nullopt on anything else or beyond `max`.
std::optional<std::uint64_t> parse_uint(std::string_view s, std::uint64_t max) {
  if (s.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value > max) return std::nullopt;  // checked every digit, so no overflow
  }
  return value;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code unit of an "_xHHHH_" escape at s[i], or -1.
long escape_at(std::string_view s, std::size_t i) {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
  long value = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const int h = hex_value(s[k]);
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
}

// Excel stores characters XML cannot carry (control characters) as "_xHHHH_" (UTF-16 code units);
// "_x005F_" is a literal '_', which is how a literal "_x000D_" survives: "_x005F_x000D_".
std::string decode_escapes(std::string_view s) {
  if (s.find("_x") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const long unit = escape_at(s, i);
    if (unit < 0) {
      out.push_back(s[i++]);
      continue;
    }
    i += 7;
    std::uint32_t cp = static_cast<std::uint32_t>(unit);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const long low = escape_at(s, i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + static_cast<std::uint32_t>(low - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;  // a lone low surrogate is not a character
    }
    append_utf8(out, cp);
  }
  return out;
}

// "worksheets/sheet1.xml" against "xl/" -> "xl/worksheets/sheet1.xml"; "/xl/..." is absolute.
// Handles "." and "..", '\' separators and %XX escapes (targets are URIs).
std::string resolve_target(std::string_view base_dir, std::string_view target) {
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    char c = target[i];
    if (c == '%' && i + 2 < target.size() && hex_value(target[i + 1]) >= 0 &&
        hex_value(target[i + 2]) >= 0) {
      c = static_cast<char>(hex_value(target[i + 1]) * 16 + hex_value(target[i + 2]));
      i += 2;
    } else if (c == '\\') {
      c = '/';
    }
    decoded.push_back(c);
  }
  std::string joined =
      (!decoded.empty() && decoded.front() == '/') ? decoded : std::string(base_dir) + decoded;
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    const std::string segment = joined.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& segment : segments) {
    if (!out.empty()) out.push_back('/');
    out += segment;
  }
  return out;
}

std::string directory_of(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---------------------------------------------------------------------------------------------
// Expat plumbing. Parsing is namespace-unaware and compares local names, so both the usual
// default namespace and prefixed writers ("x:c" from the OpenXML SDK) work, as does Strict OOXML.

std::string_view local_name(const XML_Char* name) {
  std::string_view s(name);
  const auto colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

// The value of the attribute whose local name is `name`; namespace declarations are skipped so
// that "xmlns:r" is never taken for "r".
std::optional<std::string_view> attribute(const XML_Char** attrs, std::string_view name) {
  for (std::size_t i = 0; attrs[i] != nullptr; i += 2) {
    const std::string_view full(attrs[i]);
    if (full == "xmlns" || full.starts_with("xmlns:")) continue;
    if (local_name(attrs[i]) == name) return std::string_view(attrs[i + 1]);
  }
  return std::nullopt;
}

// Watches the bytes fed to expat for a token longer than the limit: a start or end tag with its
// attributes, a comment, a processing instruction, a CDATA section or a declaration. Expat 2.5
// (Debian 12) rescans an unfinished token from its start on every chunk, so one huge token costs
// time quadratic in its length; it is refused here before expat sees it. Character data between
// tags is not a token (expat hands it on in pieces; its length is bounded by the cell limits).
class TokenGuard {
 public:
  explicit TokenGuard(std::uint64_t max_bytes) : max_(max_bytes) {}

  // Throws WorkbookError naming the byte where the token starts. Character data is skipped with
  // memchr, so long runs of it cost little.
  void scan(std::string_view data) {
    std::size_t i = 0;
    while (i < data.size()) {
      if (state_ == State::text) {
        const void* lt = std::memchr(data.data() + i, '<', data.size() - i);
        if (lt == nullptr) break;
        i = static_cast<std::size_t>(static_cast<const char*>(lt) - data.data());
        state_ = State::open;
        length_ = 1;
        start_ = offset_ + i + 1;
        ++i;
        continue;
      }
      if (++length_ > max_) {
        throw WorkbookError("从第 " + std::to_string(start_) + " 字节起有一个长于 " + limit_text(max_) +
                            "的 XML 标记（标签、属性、注释或处理指令），拒绝读取（可用 --limit xml-token-bytes=N 调整）");
      }
      step(data[i++]);
    }
    offset_ += data.size();
  }

 private:
  enum class State { text, open, bang, tag, quoted, comment, pi, cdata, declaration };

  void step(char c) {
    switch (state_) {
      case State::text: break;
      case State::open:
        if (c == '!') {
          state_ = State::bang;
          prefix_.clear();
        } else if (c == '?') {
          state_ = State::pi;
          tail_ = 0;
        } else {
          state_ = State::tag;
          tag_step(c);
        }
        break;
      case State::bang: {
        prefix_.push_back(c);
        static constexpr std::string_view kComment = "--", kCdata = "[CDATA[";
        if (prefix_ == kComment) {
          state_ = State::comment;
          tail_ = 0;
        } else if (prefix_ == kCdata) {
          state_ = State::cdata;
          tail_ = 0;
        } else if (!kComment.starts_with(prefix_) && !kCdata.starts_with(prefix_)) {
          state_ = State::declaration;  // <!DOCTYPE …>: refused by the parser, bounded here
          if (c == '>') state_ = State::text;
        }
        break;
      }
      case State::tag: tag_step(c); break;
      case State::quoted:
        if (c == quote_) state_ = State::tag;
        break;
      case State::comment:  // ends at "-->"
        if (c == '>' && tail_ >= 2) state_ = State::text;
        tail_ = c == '-' ? tail_ + 1 : 0;
        break;
      case State::pi:  // ends at "?>"
        if (c == '>' && tail_ >= 1) state_ = State::text;
        tail_ = c == '?' ? 1 : 0;
        break;
      case State::cdata:  // ends at "]]>"
        if (c == '>' && tail_ >= 2) state_ = State::text;
        tail_ = c == ']' ? tail_ + 1 : 0;
        break;
      case State::declaration:
        if (c == '>') state_ = State::text;
        break;
    }
  }
  void tag_step(char c) {
    if (c == '>') {
      state_ = State::text;
    } else if (c == '"' || c == '\'') {
      state_ = State::quoted;
      quote_ = c;
    }
  }

  std::uint64_t max_;
  State state_ = State::text;
  std::uint64_t length_ = 0;
  std::uint64_t offset_ = 0, start_ = 0;  // bytes of the part scanned before this chunk; where the token starts (1-based)
  std::string prefix_;
  std::uint64_t tail_ = 0;
  char quote_ = '"';
};

class SaxHandler {
 public:
  virtual ~SaxHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

// Parses one part. Errors raised inside handlers cannot unwind through expat's C frames, so they
// are caught, the parser is stopped, and the exception is rethrown here.
class XmlParser {
 public:
  XmlParser(SaxHandler& handler, const ReadLimits& limits)
      : handler_(handler), limits_(limits), guard_(limits.max_xml_token_bytes), parser_(XML_ParserCreate(nullptr)) {
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XmlParser::on_start, &XmlParser::on_end);
    XML_SetCharacterDataHandler(parser_, &XmlParser::on_text);
    // OOXML parts never carry a DTD; refusing one rules out entity expansion attacks (billion
    // laughs) and external entities outright. Entity declarations are refused on their own too,
    // and no external entity or parameter entity is ever loaded.
    XML_SetStartDoctypeDeclHandler(parser_, &XmlParser::on_doctype);
    XML_SetEntityDeclHandler(parser_, &XmlParser::on_entity);
    XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  ~XmlParser() { XML_ParserFree(parser_); }
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  void feed(std::string_view data, bool final) {
    guard_.scan(data);
    const auto status = XML_Parse(parser_, data.data(), static_cast<int>(data.size()), final);
    if (pending_) std::rethrow_exception(std::exchange(pending_, nullptr));
    if (status != XML_STATUS_OK && XML_GetErrorCode(parser_) == XML_ERROR_NO_MEMORY) throw std::bad_alloc();
    if (status != XML_STATUS_OK) {
      throw WorkbookError("XML 格式错误，第" +
                          std::to_string(XML_GetCurrentLineNumber(parser_)) + "行第" +
                          std::to_string(XML_GetCurrentColumnNumber(parser_)) + "列：" +
                          XML_ErrorString(XML_GetErrorCode(parser_)));
    }
  }

 private:
  template <typename F>
  static void guarded(void* user, F&& f) {
    auto* self = static_cast<XmlParser*>(user);
    if (self->pending_) return;
    try {
      f(*self);
    } catch (const WorkbookError& e) {
      self->pending_ = std::make_exception_ptr(
          WorkbookError(std::string(e.what()) + "（第" +
                        std::to_string(XML_GetCurrentLineNumber(self->parser_)) + "行）"));
      XML_StopParser(self->parser_, XML_FALSE);
    } catch (...) {
      self->pending_ = std::current_exception();
      XML_StopParser(self->parser_, XML_FALSE);
    }
  }
  static void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char** attrs) {
    guarded(user, [&](XmlParser& p) {
      if (++p.depth_ > p.limits_.max_xml_depth) {
        throw WorkbookError("XML 元素嵌套超过 " + std::to_string(p.limits_.max_xml_depth) +
                            " 层，拒绝读取（可用 --limit xml-depth=N 调整）");
      }
      p.handler_.start(local_name(name), attrs);
    });
  }
  static void XMLCALL on_end(void* user, const XML_Char* name) {
    guarded(user, [&](XmlParser& p) {
      --p.depth_;
      p.handler_.end(local_name(name));
    });
  }
  static void XMLCALL on_entity(void* user, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                const XML_Char*, const XML_Char*, const XML_Char*) {
    guarded(user, [](XmlParser&) { throw WorkbookError("XML 中有实体声明（ENTITY），拒绝读取"); });
  }
  static void XMLCALL on_text(void* user, const XML_Char* s, int len) {
    guarded(user, [&](XmlParser& p) {
      p.handler_.text(std::string_view(s, static_cast<std::size_t>(len)));
    });
  }
  static void XMLCALL on_doctype(void* user, const XML_Char*, const XML_Char*, const XML_Char*,
                                 int) {
    guarded(user, [](XmlParser&) {
      throw WorkbookError("XML 中有文档类型声明（DOCTYPE，可能含实体），工作簿部件不应有，拒绝读取");
    });
  }

  SaxHandler& handler_;
  const ReadLimits& limits_;
  TokenGuard guard_;
  std::uint64_t depth_ = 0;
  XML_Parser parser_;
  std::exception_ptr pending_;
};

// ---------------------------------------------------------------------------------------------
// Part handlers

struct Relationship {
  std::string type;
  std::string target;
  bool external = false;
};

class RelsHandler : public SaxHandler {
 public:
  std::map<std::string, Relationship, std::less<>> rels;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name != "Relationship") return;
    const auto id = attribute(attrs, "Id");
    const auto target = attribute(attrs, "Target");
    if (!id || !target) return;  // unusable; whatever refers to it fails later with a clear message
    const auto mode = attribute(attrs, "TargetMode");
    rels[std::string(*id)] = Relationship{std::string(attribute(attrs, "Type").value_or("")),
                                          std::string(*target), mode && *mode == "External"};
  }
  void end(std::string_view) override {}
};

struct SheetEntry {
  std::string name;
  std::string rel_id;
  bool hidden = false;
};

class WorkbookHandler : public SaxHandler {
 public:
  std::vector<SheetEntry> sheets;
  void start(std::string_view name, const XML_Char** attrs) override {
    if (name == "sheets") {
      ++in_sheets_;
    } else if (name == "sheet" && in_sheets_ > 0) {
      const auto sheet_name = attribute(attrs, "name");
      const auto id = attribute(attrs, "id");  // r:id
      if (!sheet_name) throw WorkbookError("有一个 <sheet> 没有 name 属性");
      if (!id) throw WorkbookError("工作表 " + quoted(*sheet_name) + " 没有 r:id 属性");
      const auto state = attribute(attrs, "state");
      sheets.push_back({std::string(*sheet_name), std::string(*id),
                        state && (*state == "hidden" || *state == "veryHidden")});
    }
  }
  void end(std::string_view name) override {
    if (name == "sheets" && in_sheets_ > 0) --in_sheets_;
  }

 private:
  int in_sheets_ = 0;
};

// Running totals shared by every part of one workbook, checked against the limits.
struct Budget {
  const ReadLimits& limits;
  std::uint64_t cells = 0;
  std::uint64_t rows = 0;
  std::uint64_t merges = 0;
  std::uint64_t text_bytes = 0;
  std::uint64_t xml_bytes = 0;  // uncompressed, every part read

  void add_text(std::size_t bytes) {
    text_bytes += bytes;
    if (text_bytes > limits.max_total_text_bytes) {
      throw WorkbookError("工作簿的文字超过 " + limit_text(limits.max_total_text_bytes) +
                          "，拒绝读取（可用 --limit text-bytes=N 调整）");
    }
  }
};

// The text of a <si> or <is>: plain <t>, or rich-text runs <r><t> concatenated; phonetic <rPh>
// runs are left out.
class RichText {
 public:
  explicit RichText(const ReadLimits& limits) : limits_(limits) {}
  void reset() {
    value_.clear();
    in_t_ = false;
    phonetic_depth_ = 0;
  }
  void start(std::string_view name) {
    if (name == "rPh") {
      ++phonetic_depth_;
    } else if (name == "t" && phonetic_depth_ == 0) {
      in_t_ = true;
      raw_.clear();
    }
  }
  void end(std::string_view name) {
    if (name == "rPh") {
      if (phonetic_depth_ > 0) --phonetic_depth_;
    } else if (name == "t" && in_t_) {
      in_t_ = false;
      value_ += decode_escapes(raw_);
      check(value_.size());
    }
  }
  void text(std::string_view s) {
    if (!in_t_) return;  // whitespace between runs is layout, not content
    raw_.append(s);
    check(raw_.size());
  }
  std::string take() { return std::move(value_); }

 private:
  void check(std::size_t size) const {
    if (size > limits_.max_string_bytes) {
      throw WorkbookError("一个字符串长于 " + limit_text(limits_.max_string_bytes) +
                          "，拒绝读取（可用 --limit cell-bytes=N 调整）");
    }
  }
  const ReadLimits& limits_;
  std::string value_, raw_;
  bool in_t_ = false;
  int phonetic_depth_ = 0;
};

class SharedStringsHandler : public SaxHandler {
 public:
  SharedStringsHandler(Budget& budget, std::vector<std::string>& out)
      : budget_(budget), out_(out), text_(budget.limits) {}
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      ++in_si_;
      text_.reset();
    } else if (in_si_ > 0) {
      text_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "si" && in_si_ > 0) {
      --in_si_;
      if (out_.size() >= budget_.limits.max_shared_strings) {
        throw WorkbookError("共享字符串超过 " + std::to_string(budget_.limits.max_shared_strings) +
                            " 个，拒绝读取（可用 --limit shared-strings=N 调整）");
      }
      // uniqueCount is not trusted for reserve(): it is attacker-controlled.
      out_.push_back(text_.take());
      budget_.add_text(out_.back().size());
    } else if (in_si_ > 0) {
      text_.end(name);
    }
  }
  void text(std::string_view s) override {
    if (in_si_ > 0) text_.text(s);
  }

 private:
  Budget& budget_;
  std::vector<std::string>& out_;
  RichText text_;
  int in_si_ = 0;
};

MergedRange parse_range(std::string_view ref) {
  const auto colon = ref.find(':');
  const auto first = parse_cell_reference(ref.substr(0, colon));
  const auto last =
      colon == std::string_view::npos ? first : parse_cell_reference(ref.substr(colon + 1));
  return MergedRange{std::min(first.first, last.first), std::min(first.second, last.second),
                     std::max(first.first, last.first), std::max(first.second, last.second)};
}

class SheetHandler : public SaxHandler {
 public:
  SheetHandler(Budget& budget, const std::vector<std::string>& shared, Sheet& sheet)
      : budget_(budget), shared_(shared), sheet_(sheet), inline_(budget.limits) {}

  void start(std::string_view name, const XML_Char** attrs) override {
    if (in_cell_) {
      if (in_is_) {
        inline_.start(name);
      } else if (name == "v") {
        in_v_ = true;
        has_v_ = true;
        v_.clear();
      } else if (name == "f") {
        formula_ = true;  // also <f t="shared" si="0"/>, which has no text
      } else if (name == "is") {
        in_is_ = true;
        has_is_ = true;
        inline_.reset();
      }
      return;
    }
    if (name == "sheetData") {
      in_sheet_data_ = true;
    } else if (in_sheet_data_ && name == "row") {
      start_row(attrs);
    } else if (in_row_ && name == "c") {
      start_cell(attrs);
    } else if (name == "mergeCells") {
      in_merge_cells_ = true;
    } else if (in_merge_cells_ && name == "mergeCell") {
      if (const auto ref = attribute(attrs, "ref")) add_merge(*ref);
    }
  }

  void end(std::string_view name) override {
    if (in_cell_) {
      if (name == "c") {
        finish_cell();
      } else if (in_is_) {
        if (name == "is") {
          in_is_ = false;
        } else {
          inline_.end(name);
        }
      } else if (name == "v") {
        in_v_ = false;
      }
      return;
    }
    if (name == "row" && in_row_) {
      in_row_ = false;
      previous_row_ = row_;
    } else if (name == "sheetData") {
      in_sheet_data_ = false;
    } else if (name == "mergeCells") {
      in_merge_cells_ = false;
    }
  }

  void text(std::string_view s) override {
    if (!in_cell_) return;
    if (in_is_) {
      inline_.text(s);
    } else if (in_v_) {
      v_.append(s);
      if (v_.size() > budget_.limits.max_string_bytes) {
        throw WorkbookError("单元格 " + cell_name() + " 的值长于 " + limit_text(budget_.limits.max_string_bytes) +
                            "，拒绝读取（可用 --limit cell-bytes=N 调整）");
      }
    }
  }

  // Sorts the cells, keeps the last of duplicates and computes the extent.
  void finish() {
    auto& cells = sheet_.cells;
    const auto before = [](const SheetCell& a, const SheetCell& b) {
      return a.row != b.row ? a.row < b.row : a.col < b.col;
    };
    const auto same = [](const SheetCell& a, const SheetCell& b) {
      return a.row == b.row && a.col == b.col;
    };
    bool strictly_sorted = true;
    for (std::size_t i = 1; i < cells.size() && strictly_sorted; ++i) {
      strictly_sorted = before(cells[i - 1], cells[i]);
    }
    if (!strictly_sorted) {
      std::stable_sort(cells.begin(), cells.end(), before);
      // Later duplicates win, as when a spreadsheet program loads the file.
      std::vector<SheetCell> unique;
      unique.reserve(cells.size());
      for (auto& cell : cells) {
        if (!unique.empty() && same(unique.back(), cell)) {
          unique.back() = std::move(cell);
        } else {
          unique.push_back(std::move(cell));
        }
      }
      budget_.cells -= cells.size() - unique.size();
      cells = std::move(unique);
    }
    cells.shrink_to_fit();
    sheet_.max_row = cells.empty() ? 0 : cells.back().row;
    sheet_.max_col = 0;
    for (const auto& cell : cells) sheet_.max_col = std::max(sheet_.max_col, cell.col);
  }

 private:
  void start_row(const XML_Char** attrs) {
    in_row_ = true;
    if (const auto r = attribute(attrs, "r")) {
      const auto n = parse_uint(trim(*r), kMaxRows);
      if (!n || *n == 0) throw WorkbookError("行号无效：" + quoted(*r));
      row_ = static_cast<std::uint32_t>(*n);
    } else {
      // The spec lets r be omitted: the row follows the previous one.
      if (previous_row_ >= kMaxRows)
        throw WorkbookError("行数超过 " + std::to_string(kMaxRows));
      row_ = previous_row_ + 1;
    }
    col_ = 0;
  }

  void start_cell(const XML_Char** attrs) {
    if (const auto r = attribute(attrs, "r")) {
      const auto [row, col] = parse_cell_reference(trim(*r));
      row_ = row;  // a row without r takes its number from its cells
      col_ = col;
    } else {
      // Position follows the previous cell of the row.
      if (col_ >= kMaxCols) {
        throw WorkbookError("第" + std::to_string(row_) + "行的列数超过 " +
                            std::to_string(kMaxCols));
      }
      ++col_;
    }
    in_cell_ = true;
    type_ = std::string(attribute(attrs, "t").value_or("n"));
    formula_ = has_v_ = has_is_ = in_v_ = in_is_ = false;
    v_.clear();
  }

  std::string cell_name() const {
    std::string letters;
    for (std::uint32_t c = col_; c > 0; c = (c - 1) / 26) {
      letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return letters + std::to_string(row_);
  }

  void finish_cell() {
    in_cell_ = in_v_ = in_is_ = false;
    CellValue value;
    value.formula = formula_;
    if (type_ == "s") {
      if (has_v_ && !trim(v_).empty()) {
        const auto index = parse_uint(trim(v_), std::numeric_limits<std::uint64_t>::max() / 10);
        if (!index)
          throw WorkbookError("单元格 " + cell_name() + "：共享字符串序号无效：" +
                              quoted(v_));
        if (*index >= shared_.size()) {
          throw WorkbookError("单元格 " + cell_name() + " 引用第 " +
                              std::to_string(*index) + " 个共享字符串，但只有 " +
                              std::to_string(shared_.size()) + " 个");
        }
        value.type = CellValue::Type::string;
        value.text = shared_[static_cast<std::size_t>(*index)];
      }
    } else if (type_ == "inlineStr") {
      if (has_is_) {
        value.type = CellValue::Type::string;
        value.text = inline_.take();
      } else if (has_v_) {  // some writers put the text in <v>
        value.type = CellValue::Type::string;
        value.text = decode_escapes(v_);
      }
    } else if (type_ == "str") {
      if (has_v_) {
        value.type = CellValue::Type::string;
        value.text = decode_escapes(v_);
      }
    } else if (type_ == "b") {
      if (has_v_ && !trim(v_).empty()) {
        const auto v = trim(v_);
        value.type = CellValue::Type::boolean;
        if (v == "1" || v == "true") {
          value.text = "TRUE";
        } else if (v == "0" || v == "false") {
          value.text = "FALSE";
        } else {
          throw WorkbookError("单元格 " + cell_name() + "：布尔值无效：" + quoted(v));
        }
      }
    } else if (type_ == "e") {
      if (has_v_ && !trim(v_).empty()) {
        value.type = CellValue::Type::error;
        value.text = std::string(trim(v_));
      }
    } else if (type_ == "d") {
      if (has_v_ && !trim(v_).empty()) {
        value.type = CellValue::Type::string;  // ISO 8601 text, kept as written
        value.text = std::string(trim(v_));
      }
    } else {  // "n", or an unknown type read as a number if it has one
      if (has_v_ && !trim(v_).empty()) {
        value.type = CellValue::Type::number;
        value.text = v_;  // literal, so callers can parse fixed-point
      }
    }
    if (value.type == CellValue::Type::empty && !value.formula) return;  // styled blank cell

    if (budget_.cells >= budget_.limits.max_cells) {
      throw WorkbookError("工作簿的单元格超过 " + std::to_string(budget_.limits.max_cells) +
                          " 个（在单元格 " + cell_name() + "），拒绝读取（可用 --limit cells=N 调整）");
    }
    ++budget_.cells;
    if (sheet_.cells.empty() || sheet_.cells.back().row != row_) {
      if (budget_.rows >= budget_.limits.max_rows) {
        throw WorkbookError("工作簿中有内容的行超过 " + std::to_string(budget_.limits.max_rows) +
                            " 行（在第 " + std::to_string(row_) + " 行），拒绝读取（可用 --limit rows=N 调整）");
      }
      ++budget_.rows;
    }
    budget_.add_text(value.text.size());
    sheet_.cells.push_back(SheetCell{row_, col_, std::move(value)});
  }

  void add_merge(std::string_view ref) {
    if (budget_.merges >= budget_.limits.max_merges) {
      throw WorkbookError("工作簿的合并单元格超过 " + std::to_string(budget_.limits.max_merges) +
                          " 个，拒绝读取（可用 --limit merges=N 调整）");
    }
    ++budget_.merges;
    try {
      sheet_.merges.push_back(parse_range(trim(ref)));
    } catch (const WorkbookError& e) {
      throw WorkbookError("合并区域 " + quoted(ref) + "：" + e.what());
    }
  }

  Budget& budget_;
  const std::vector<std::string>& shared_;
  Sheet& sheet_;
  RichText inline_;

  bool in_sheet_data_ = false, in_row_ = false, in_merge_cells_ = false;
  std::uint32_t row_ = 0, previous_row_ = 0, col_ = 0;
  // The open cell.
  bool in_cell_ = false, in_v_ = false, in_is_ = false, has_v_ = false, has_is_ = false;
  bool formula_ = false;
  std::string type_, v_;
};

// ---------------------------------------------------------------------------------------------

class Reader {
 public:
  Reader(const std::string& path, const ReadLimits& limits)
      : path_(path), limits_(limits), budget_{limits}, zip_(open(path, limits)) {}

  Workbook read() {
    const std::string workbook_part = find_workbook_part();
    const std::string base = directory_of(workbook_part);
    const std::string rels_part = base + "_rels/" + workbook_part.substr(base.size()) + ".rels";

    WorkbookHandler workbook;
    parse(workbook_part, workbook);
    RelsHandler rels;
    parse(rels_part, rels);

    // Shared strings: from the relationship when there is one, else the conventional name.
    std::optional<std::string> sst_part;
    for (const auto& [id, rel] : rels.rels) {
      if (!rel.external && ends_with(rel.type, "/sharedStrings")) {
        sst_part = existing(resolve_target(base, rel.target), rel.target);
        if (!sst_part) fail(resolve_target(base, rel.target), "part is missing from the archive");
        break;
      }
    }
    if (!sst_part) sst_part = zip_.find(base + "sharedStrings.xml");
    if (sst_part) {
      SharedStringsHandler handler(budget_, shared_);
      parse(*sst_part, handler);
    }

    Workbook result;
    for (const auto& entry : workbook.sheets) {
      const auto rel = rels.rels.find(entry.rel_id);
      if (rel == rels.rels.end()) {
        fail(workbook_part, "sheet " + quoted(entry.name) + " refers to relationship " +
                                quoted(entry.rel_id) + ", which " + rels_part + " does not define");
      }
      // Chartsheets, dialog and macro sheets hold no cell grid of interest.
      if (rel->second.external || !ends_with(rel->second.type, "/worksheet")) continue;
      const std::string resolved = resolve_target(base, rel->second.target);
      const auto part = existing(resolved, rel->second.target);
      if (!part)
        fail(resolved, "part is missing from the archive (sheet " + quoted(entry.name) + ")");

      Sheet sheet;
      sheet.name = entry.name;
      sheet.part = *part;
      sheet.hidden = entry.hidden;
      SheetHandler handler(budget_, shared_, sheet);
      parse(*part, handler);
      handler.finish();
      result.sheets.push_back(std::move(sheet));
    }
    return result;
  }

 private:
  static ZipArchive open(const std::string& path, const ReadLimits& limits) {
    try {
      return ZipArchive(path, limits.max_zip_entries);
    } catch (const ZipError& e) {
      std::string message = e.what();
      // Password-protected .xlsx files and legacy .xls are OLE2 compound files, not zips.
      std::ifstream in(path, std::ios::binary);
      unsigned char magic[8] = {};
      if (in.read(reinterpret_cast<char*>(magic), sizeof magic)) {
        static constexpr unsigned char kOle2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        if (std::equal(std::begin(magic), std::end(magic), std::begin(kOle2))) {
          message +=
              " (it is an OLE2 compound file: a legacy .xls or a password-protected workbook)";
        }
      }
      throw WorkbookError(message);
    }
  }

  [[noreturn]] void fail(const std::string& part, const std::string& message) const {
    throw WorkbookError(path_ + ": " + part + ": " + message);
  }

  // The stored name for a resolved target; some writers put package-absolute paths without the
  // leading '/', so the raw target is tried too.
  std::optional<std::string> existing(const std::string& resolved, std::string_view raw) const {
    if (auto found = zip_.find(resolved)) return found;
    return zip_.find(resolve_target("", raw));
  }

  std::string find_workbook_part() {
    constexpr std::string_view kDefault = "xl/workbook.xml";
    if (const auto root_rels = zip_.find("_rels/.rels")) {
      RelsHandler rels;
      parse(*root_rels, rels);
      for (const auto& [id, rel] : rels.rels) {
        if (!rel.external && ends_with(rel.type, "/officeDocument")) {
          const std::string resolved = resolve_target("", rel.target);
          if (auto found = zip_.find(resolved)) return *found;
          fail(resolved, "part is missing from the archive (the main workbook part)");
        }
      }
    }
    if (auto found = zip_.find(kDefault)) return *found;
    fail(std::string(kDefault), "part is missing from the archive (is this an .xlsx workbook?)");
  }

  void parse(const std::string& part, SaxHandler& handler) {
    try {
      XmlParser parser(handler, limits_);
      zip_.read_chunks(
          part,
          [&](std::string_view chunk) {
            budget_.xml_bytes += chunk.size();
            if (budget_.xml_bytes > limits_.max_workbook_bytes) {
              throw WorkbookError("工作簿各部件解压后共超过 " + limit_text(limits_.max_workbook_bytes) +
                                  "（压缩炸弹？），拒绝读取（可用 --limit workbook-bytes=N 调整）");
            }
            // expat takes int lengths; chunks are 64 KiB, so this never truncates.
            parser.feed(chunk, false);
          },
          limits_.max_part_bytes);
      parser.feed({}, true);
    } catch (const ZipError& e) {
      throw WorkbookError(e.what());  // already names the archive and the part
    } catch (const WorkbookError& e) {
      fail(part, e.what());
    }
  }

  const std::string& path_;
  const ReadLimits& limits_;
  Budget budget_;
  ZipArchive zip_;
  std::vector<std::string> shared_;
};

}  // namespace

std::pair<std::uint32_t, std::uint32_t> parse_cell_reference(std::string_view ref) {
  const auto bad = [&](const char* why) {
    return WorkbookError("单元格地址无效：" + quoted(ref) + "：" + why);
  };
  std::size_t i = 0;
  std::uint64_t col = 0;
  while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
    const char upper = static_cast<char>(ref[i] >= 'a' ? ref[i] - 'a' + 'A' : ref[i]);
    col = col * 26 + static_cast<std::uint64_t>(upper - 'A' + 1);
    if (++i > 3 || col > kMaxCols) throw bad("列超出 XFD");
  }
  if (i == 0) throw bad("缺少列字母");
  const std::string_view digits = ref.substr(i);
  if (digits.empty()) throw bad("缺少行号");
  for (char c : digits) {
    if (c < '0' || c > '9') throw bad("含有意外的字符");
  }
  const auto row = parse_uint(digits, kMaxRows);
  if (!row) throw bad("行号超过 1048576");
  if (*row == 0) throw bad("行号为 0");
  return {static_cast<std::uint32_t>(*row), static_cast<std::uint32_t>(col)};
}

const CellValue* Sheet::at(std::uint32_t row, std::uint32_t col) const {
  const auto it = std::lower_bound(
      cells.begin(), cells.end(), std::pair{row, col},
      [](const SheetCell& cell, const std::pair<std::uint32_t, std::uint32_t>& key) {
        return cell.row != key.first ? cell.row < key.first : cell.col < key.second;
      });
  if (it == cells.end() || it->row != row || it->col != col) return nullptr;
  return &it->value;
}

std::string_view Sheet::text(std::uint32_t row, std::uint32_t col) const {
  const CellValue* value = at(row, col);
  return value == nullptr ? std::string_view() : std::string_view(value->text);
}

const MergedRange* Sheet::merge_at(std::uint32_t row, std::uint32_t col) const {
  for (const auto& merge : merges) {
    if (merge.contains(row, col)) return &merge;
  }
  return nullptr;
}

const Sheet* Workbook::find(std::string_view name) const {
  for (const auto& sheet : sheets) {
    if (sheet.name == name) return &sheet;
  }
  return nullptr;
}

Workbook read_workbook(const std::string& path, const ReadLimits& limits) {
  return Reader(path, limits).read();
}

}  // namespace budgetxl::xlsx

#include "fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace budgetxl::fuzz {

namespace fs = std::filesystem;

namespace {

struct Scratch {
  std::string dir;
  Scratch() {
    std::error_code ec;
    const fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir = (base / ("budgetxl-fuzz-" + std::to_string(::getpid()))).string();
    fs::create_directories(dir, ec);
    if (ec) {
      std::fprintf(stderr, "fuzz: cannot create %s\n", dir.c_str());
      std::abort();
    }
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

const std::string& scratch_dir() {
  static Scratch scratch;
  return scratch.dir;
}

void write_file(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) {
    std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
}

void write_file(const std::string& path, const std::string& content) {
  write_file(path, reinterpret_cast<const std::uint8_t*>(content.data()), content.size());
}

}  // namespace budgetxl::fuzz

//===- ParserGuard.h - Reject input that crashes MLIR 22's parser -*- C++
//-*-===//
//
// Debian's MLIR 22 parser dereferences a null float semantics on a dense
// array of `index` (`array<index: 1>`): it accepts the element type and then
// asks for its bit width (llvm-project issue 179045, fixed after 22 by pull
// request 179075). Our tools scan their input text first and report such an
// array as one error instead of crashing.
//
//===----------------------------------------------------------------------===//

#ifndef POOL_SUPPORT_PARSERGUARD_H
#define POOL_SUPPORT_PARSERGUARD_H

#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <optional>
#include <unistd.h>

namespace mlir::pool {

/// The offset of the first `array<index` outside string literals and
/// comments, if any (whitespace between the tokens included).
inline std::optional<size_t> findIndexDenseArray(llvm::StringRef text) {
  auto isIdent = [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.';
  };
  auto skipSpace = [&](size_t i) {
    while (i < text.size() && llvm::isSpace(text[i]))
      ++i;
    return i;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
        if (text[i] == '\\')
          ++i;
      continue;
    }
    if (text.substr(i).starts_with("//")) {
      i = text.find('\n', i);
      if (i == llvm::StringRef::npos)
        break;
      continue;
    }
    if (!text.substr(i).starts_with("array") ||
        (i > 0 && (isIdent(text[i - 1]) ||
                   llvm::StringRef("%@#^!").contains(text[i - 1]))))
      continue;
    size_t j = skipSpace(i + 5);
    if (j >= text.size() || text[j] != '<')
      continue;
    j = skipSpace(j + 1);
    if (text.substr(j).starts_with("index") &&
        (j + 5 == text.size() || !isIdent(text[j + 5])))
      return i;
  }
  return std::nullopt;
}

/// Prints one error at the first dense array of `index` in the main buffer
/// of `sourceMgr`; true if there is one.
inline bool diagnoseIndexDenseArray(llvm::SourceMgr &sourceMgr) {
  const llvm::MemoryBuffer *buffer =
      sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
  std::optional<size_t> at = findIndexDenseArray(buffer->getBuffer());
  if (!at)
    return false;
  sourceMgr.PrintMessage(
      llvm::SMLoc::getFromPointer(buffer->getBufferStart() + *at),
      llvm::SourceMgr::DK_Error,
      "a dense array of 'index' is not supported (MLIR 22's parser crashes "
      "on it); use a fixed-width element type such as 'array<i64: ...>'");
  return true;
}

/// True (after one error) if `inputFile` ("-": standard input) holds what
/// MLIR 22's parser crashes on. Standard input is read here and put back,
/// through a temporary file, for the tool's own driver to read again; a
/// file that cannot be opened is left to the driver to report.
inline bool rejectInputFile(llvm::StringRef inputFile, llvm::StringRef tool) {
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> file =
      mlir::openInputFile(inputFile, &error);
  if (!file)
    return false;
  if (inputFile == "-") {
    llvm::StringRef text = file->getBuffer();
    std::FILE *copy = std::tmpfile();
    if (!copy ||
        std::fwrite(text.data(), 1, text.size(), copy) != text.size() ||
        std::fflush(copy) != 0 || lseek(fileno(copy), 0, SEEK_SET) != 0 ||
        dup2(fileno(copy), STDIN_FILENO) < 0) {
      llvm::errs() << tool << ": cannot buffer standard input\n";
      return true;
    }
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(file), llvm::SMLoc());
  return diagnoseIndexDenseArray(sourceMgr);
}

} // namespace mlir::pool

#endif // POOL_SUPPORT_PARSERGUARD_H

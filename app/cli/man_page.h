#pragma once
#include <cstdio>

namespace ts::cli {

// tokenscope-cli(1) in troff, made from the verbs' own --help texts, so the installed manual page
// says what the program does (the build writes it; `tokenscope-cli --man` prints it).
void printManPage(std::FILE* out);

} // namespace ts::cli

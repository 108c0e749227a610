// tokenscope-cli: the engine's headless face. One verb per job; see `tokenscope-cli --help`.
#include "man_page.h"
#include "verbs.h"

#include <cstdio>
#include <cstring>
#include <exception>

namespace {

void printHelp(std::FILE* out)
{
    std::fprintf(out, "tokenscope-cli %s - the Tokenscope engine from the command line\n\n"
                "usage: tokenscope-cli VERB [--db PATH] [options]\n\nverbs:\n",
                TOKENSCOPE_VERSION);
    for (const auto& v : ts::cli::verbs())
        std::fprintf(out, "  %-9s %s\n", v.name, v.summary);
    std::fprintf(out, "\nWithout --db the default workspace is used (the demo has its own).\n"
                "`tokenscope-cli VERB --help` describes a verb; `--man` prints the manual page (troff).\n"
                "Exit codes: 0 ok, 1 error, 2 usage error.\n");
}

const ts::cli::Verb* findVerb(const char* name)
{
    for (const auto& v : ts::cli::verbs())
        if (std::strcmp(v.name, name) == 0)
            return &v;
    return nullptr;
}

int dispatch(int argc, char** argv)
{
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        printHelp(argc < 2 ? stderr : stdout); // without a verb it is a usage error
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "--man")) { // the manual page, in troff
        ts::cli::printManPage(stdout);
        return 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::printf("tokenscope-cli %s\n", TOKENSCOPE_VERSION);
        return 0;
    }
    const ts::cli::Verb* verb = findVerb(argv[1]);
    if (!verb)
        throw ts::cli::Exit{2, std::string("unknown verb '") + argv[1] + "' (see tokenscope-cli --help)"};
    std::vector<std::string> rest(argv + 2, argv + argc);
    for (const auto& a : rest)
        if (a == "--help" || a == "-h") {
            std::printf("%s", verb->usage);
            return 0;
        }
    auto parsed = ts::cli::parse(rest, verb->spec);
    if (!parsed.error.empty())
        throw ts::cli::Exit{2, std::string(verb->name) + ": " + parsed.error + " (see --help)"};
    return verb->run(parsed.args);
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return dispatch(argc, argv);
    } catch (const ts::cli::Exit& e) {
        std::fprintf(stderr, "tokenscope-cli: %s\n", e.message.c_str());
        return e.code;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "tokenscope-cli: %s\n", e.what());
        return 1;
    }
}

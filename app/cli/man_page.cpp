#include "man_page.h"

#include "verbs.h"

#include <string>
#include <string_view>

namespace ts::cli {

namespace {

// Text as troff prints it literally: backslashes and hyphens escaped, and a line that starts with
// a control character ('.' or '\'') guarded, so usage texts cannot turn into requests.
std::string escaped(std::string_view text)
{
    std::string out;
    bool lineStart = true;
    for (char c : text) {
        if (lineStart && (c == '.' || c == '\''))
            out += "\\&";
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
        lineStart = c == '\n';
    }
    return out;
}

} // namespace

void printManPage(std::FILE* out)
{
    std::fprintf(out, ".TH TOKENSCOPE\\-CLI 1 \"\" \"tokenscope-cli %s\" \"User Commands\"\n", TOKENSCOPE_VERSION);
    std::fputs(".SH NAME\ntokenscope\\-cli \\- the Tokenscope LLM workbench's engine from the command line\n"
               ".SH SYNOPSIS\n.B tokenscope\\-cli\n.I VERB\n.RB [ \\-\\-db\n.IR PATH ]\n.RI [ options ]\n"
               ".br\n.B tokenscope\\-cli\n.RB ( \\-\\-help | \\-\\-version | \\-\\-man )\n"
               ".SH DESCRIPTION\nTokenscope records, prices and inspects traffic to large language models. "
               "Its workspace is one SQLite file holding traces, spans, messages and raw exchanges; the "
               "desktop app\n.BR tokenscope\nand this program open the same files, and several processes may "
               "use one workspace at once.\nWithout\n.B \\-\\-db\nthe user's default workspace is used.\n"
               ".SH VERBS\n",
               out);
    for (const Verb& verb : verbs()) {
        std::fprintf(out, ".SS %s\n%s.\n.PP\n.nf\n", escaped(verb.name).c_str(), escaped(verb.summary).c_str());
        std::string usage = escaped(verb.usage);
        if (!usage.empty() && usage.back() != '\n')
            usage += '\n';
        std::fputs(usage.c_str(), out);
        std::fputs(".fi\n", out);
    }
    std::fputs(".SH EXIT STATUS\n0 on success, 1 on a user error (one line on standard error naming the problem), "
               "2 on a usage error.\n"
               ".SH FILES\nThe default workspace lives in the platform's data folder "
               "(\\fI$XDG_DATA_HOME/tokenscope\\fR, else \\fI~/.local/share/tokenscope\\fR); the demo workspace is a "
               "separate file there.\n"
               "Price overrides: \\fI~/.config/tokenscope/catalog\\-overrides.json\\fR.\n"
               ".SH SEE ALSO\n.BR tokenscope (1),\n.BR sqlite3 (1)\n",
               out);
}

} // namespace ts::cli

#include "common/read_note.h"

#include "common/format.h"

using namespace Qt::StringLiterals;

namespace ts::ui {

QString readNote(std::int64_t read, std::int64_t inWorkspace)
{
    if (inWorkspace == 0)
        return u"No traces in this workspace yet."_s;
    if (read < inWorkspace)
        return u"Read the newest "_s % format::grouped(read) % u" of "_s % format::grouped(inWorkspace) %
               u" traces."_s;
    return u"Read all "_s % format::grouped(inWorkspace) % (inWorkspace == 1 ? u" trace."_s : u" traces."_s);
}

} // namespace ts::ui

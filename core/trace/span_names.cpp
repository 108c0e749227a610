#include "trace/span_names.h"

namespace ts::codec {

std::string_view kindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Server:
        return "server";
    case SpanKind::Client:
        return "client";
    case SpanKind::Internal:
        break;
    }
    return "internal";
}

SpanKind kindFromName(std::string_view name)
{
    if (name == "server")
        return SpanKind::Server;
    if (name == "client")
        return SpanKind::Client;
    return SpanKind::Internal;
}

std::string_view statusName(SpanStatus status)
{
    switch (status) {
    case SpanStatus::Ok:
        return "ok";
    case SpanStatus::Error:
        return "error";
    case SpanStatus::Unset:
        break;
    }
    return "unset";
}

SpanStatus statusFromName(std::string_view name)
{
    if (name == "ok")
        return SpanStatus::Ok;
    if (name == "error")
        return SpanStatus::Error;
    return SpanStatus::Unset;
}

} // namespace ts::codec

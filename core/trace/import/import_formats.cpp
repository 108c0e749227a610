#include "trace/import/import_formats.h"

#include "trace/import/langfuse_mapper.h"
#include "trace/import/langsmith_mapper.h"
#include "trace/import/litellm_mapper.h"
#include "trace/import/openai_batch_mapper.h"
#include "trace/import/otlp_mapper.h"

namespace ts::import {

const std::vector<const ImportFormat*>& importFormats()
{
    static const std::vector<const ImportFormat*> formats{
        &tokenscopeFormat(), // an OTLP export with Tokenscope's scope: before plain OTLP
        &otlpFormat(),
        &langfuseFormat(),
        &langsmithFormat(),
        &openaiBatchFormat(),
        &litellmFormat(),
    };
    return formats;
}

const ImportFormat* findFormat(std::string_view name)
{
    for (const ImportFormat* f : importFormats())
        if (f->name == name)
            return f;
    return nullptr;
}

const ImportFormat* detectFormat(std::string_view record)
{
    for (const ImportFormat* f : importFormats())
        if (f->detect(record))
            return f;
    return nullptr;
}

std::string unknownFormatMessage()
{
    std::string out = "unknown format; Tokenscope reads: ";
    for (const ImportFormat* f : importFormats()) {
        if (f != importFormats().front())
            out += ", ";
        out += std::string(f->name) + " (" + std::string(f->description) + ")";
    }
    return out;
}

} // namespace ts::import

#include "trace/import/otlp_batches.h"

namespace ts::import {

void OtlpBatches::beginResourceSpans()
{
    resource_.clear();
    haveResource_ = false;
}

void OtlpBatches::setResource(std::string text)
{
    resource_ = std::move(text);
    haveResource_ = true;
    for (const Held& held : held_)
        handOn(held.scope, held.spans, held.line);
    held_.clear();
}

void OtlpBatches::beginScope()
{
    scope_.clear();
    haveScope_ = false;
}

void OtlpBatches::setScope(std::string text)
{
    scope_ = std::move(text);
    haveScope_ = true;
}

void OtlpBatches::addSpan(std::string_view text, std::int64_t line)
{
    if (spans_.empty())
        spansLine_ = line;
    else
        spans_ += ',';
    spans_ += text;
    if (spans_.size() >= kBatchBytes && haveScope_)
        release();
}

void OtlpBatches::endScope()
{
    release();
    beginScope();
}

void OtlpBatches::endResourceSpans()
{
    release();
    for (const Held& held : held_)
        handOn(held.scope, held.spans, held.line);
    held_.clear();
    beginResourceSpans();
}

void OtlpBatches::flush()
{
    endScope();
    endResourceSpans();
}

void OtlpBatches::release()
{
    if (spans_.empty())
        return;
    if (haveResource_)
        handOn(scope_, spans_, spansLine_);
    else
        held_.push_back({scope_, spans_, spansLine_});
    spans_.clear();
}

void OtlpBatches::handOn(const std::string& scope, const std::string& spans, std::int64_t line)
{
    record_.assign("{\"resource\":");
    record_ += resource_.empty() ? std::string_view("{}") : std::string_view(resource_);
    record_ += ",\"scopeSpans\":[{\"scope\":";
    record_ += scope.empty() ? std::string_view("{}") : std::string_view(scope);
    record_ += ",\"spans\":[";
    record_ += spans;
    record_ += "]}]}";
    sink_.record(record_, line);
}

} // namespace ts::import

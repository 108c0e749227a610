#include "tokens/bpe_encoder.h"

#include "tokens/bpe_merge.h"
#include "tokens/encoding_spec.h"
#include "tokens/pretokenizer.h"
#include "tokens/rank_file_locator.h"
#include "tokens/rank_table.h"
#include "tokens/sha256.h"
#include "tokens/tokenizer_error.h"

#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace ts {
namespace {

const EncodingSpec& specOrThrow(std::string_view name)
{
    if (const auto* spec = findEncodingSpec(name))
        return *spec;
    throw TokenizerError("unknown encoding \"" + std::string(name) + "\" (known: o200k_base, cl100k_base)");
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw TokenizerError("cannot read rank file " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

} // namespace

BpeEncoder::BpeEncoder(std::string name, std::unique_ptr<const RankTable> ranks, std::unique_ptr<const PreTokenizer> split)
    : m_name(std::move(name)), m_ranks(std::move(ranks)), m_split(std::move(split))
{
}

BpeEncoder::~BpeEncoder() = default;

std::shared_ptr<const BpeEncoder> BpeEncoder::loadFromFile(std::string_view encodingName, const std::filesystem::path& rankFile)
{
    const auto& spec = specOrThrow(encodingName);
    const auto text = readFile(rankFile);
    if (const auto hash = sha256Hex(text); hash != spec.sha256)
        throw TokenizerError("rank file " + rankFile.string() + " is not the " + std::string(spec.name)
                             + " file tiktoken expects (sha256 " + hash + ", expected " + std::string(spec.sha256)
                             + "); it is corrupt or the wrong file");
    auto ranks = std::make_unique<const RankTable>(RankTable::parse(text));
    auto split = std::make_unique<const PreTokenizer>(spec.pattern);
    return std::shared_ptr<const BpeEncoder>(new BpeEncoder(std::string(spec.name), std::move(ranks), std::move(split)));
}

std::shared_ptr<const BpeEncoder> BpeEncoder::load(std::string_view encodingName)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const BpeEncoder>, std::less<>> cache;
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(encodingName); it != cache.end())
        return it->second;
    specOrThrow(encodingName);
    const auto path = findRankFile(encodingName);
    if (!path)
        throw TokenizerError("no rank file " + std::string(encodingName)
                             + ".tiktoken found (set TOKENSCOPE_RESOURCES to the resources directory)");
    auto encoder = loadFromFile(encodingName, *path);
    cache.emplace(std::string(encodingName), encoder);
    return encoder;
}

std::vector<std::uint32_t> BpeEncoder::encode(std::string_view text) const
{
    std::vector<std::uint32_t> ids;
    ids.reserve(text.size() / 4);
    m_split->split(text, [&](std::string_view piece) { bpe::encodePiece(*m_ranks, piece, ids); });
    return ids;
}

std::size_t BpeEncoder::count(std::string_view text) const { return encode(text).size(); }

std::string BpeEncoder::decode(const std::vector<std::uint32_t>& ids) const
{
    std::string out;
    for (auto id : ids)
        out += m_ranks->bytes(id);
    return out;
}

} // namespace ts

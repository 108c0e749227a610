#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ts {

class PreTokenizer;
class RankTable;

// A tiktoken-compatible byte-pair encoder (o200k_base, cl100k_base). encode() equals tiktoken's
// encode_ordinary: special-token strings are plain text. Invalid UTF-8 never throws; each run of
// invalid bytes is its own piece, encoded from its raw bytes, so decode(encode(x)) == x always.
class BpeEncoder {
public:
    // Cached per name and thread-safe; finds the rank file (see rank_file_locator.h).
    // Throws TokenizerError if the encoding is unknown or its rank file is missing or wrong.
    static std::shared_ptr<const BpeEncoder> load(std::string_view encodingName);
    // Uncached; the file must still carry the encoding's expected sha256.
    static std::shared_ptr<const BpeEncoder> loadFromFile(std::string_view encodingName,
                                                          const std::filesystem::path& rankFile);
    ~BpeEncoder();

    std::vector<std::uint32_t> encode(std::string_view text) const;
    std::size_t count(std::string_view text) const;
    std::string decode(const std::vector<std::uint32_t>& ids) const;
    const std::string& name() const { return m_name; }

private:
    BpeEncoder(std::string name, std::unique_ptr<const RankTable> ranks, std::unique_ptr<const PreTokenizer> split);

    std::string m_name;
    std::unique_ptr<const RankTable> m_ranks;
    std::unique_ptr<const PreTokenizer> m_split;
};

} // namespace ts

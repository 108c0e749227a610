#pragma once
#include <random>
#include <string>
#include <vector>

namespace ts::demo::corpus {

// Deterministic text for generated traffic: prompts, documents, code, people.
std::string userName(std::mt19937_64& rng, int population);
std::string pick(const std::vector<std::string>& items, std::mt19937_64& rng);
std::string document(int index, int approxTokens); // the same index gives the same document
std::string codeSnippet(std::mt19937_64& rng);
extern const std::vector<std::string> kWriterTasks;
extern const std::vector<std::string> kRagQuestions;
extern const std::vector<std::string> kKnowledgeBases;
extern const std::string kRagSystemPrompt;
extern const std::string kWriterSystemPrompt;
extern const std::string kCopilotSystemPrompt;
extern const std::string kAgentSystemPrompt;

} // namespace ts::demo::corpus

#include "guard_bench_corpus.h"

#include <random>
#include <string_view>
#include <vector>

namespace ts::bench {

namespace {

const std::vector<std::string_view> kProse{
    "Can you help me refactor this function so it handles the empty case? ",
    "The build fails on CI but works locally, probably a cache issue. ",
    "I think the problem is that the iterator is invalidated after the push_back. ",
    "Thanks, that worked! Now the tests pass and the latency is back to normal. ",
    "Ich habe das Problem mit dem Cache noch nicht gelöst, aber der Fehler tritt seltener auf. ",
    "Kannst du mir erklären, warum die Abfrage so langsam ist, obwohl es einen Index gibt? ",
    "Merci pour la réponse rapide, ça marche maintenant avec la nouvelle configuration. ",
    "Pourquoi est-ce que le serveur renvoie une erreur 502 après quelques minutes ? ",
    "¿Puedes explicar cómo funciona el algoritmo de ordenación en este caso? ",
    "El informe trimestral muestra un crecimiento del 12 % respecto al año anterior. ",
    "Revenue grew 12.5% to $3.2M in Q3 2023, up from 2.8M; churn fell to 1.9%. ",
    "The meeting moved to 14:30 on 2024-03-15, see the invite for the room number. ",
    "See https://docs.example.com/guide/getting-started#install for the details. ",
    "Use git rebase -i HEAD~3 to squash the last three commits before you push. ",
    "Summarise the following customer review in two sentences and keep the tone neutral. ",
    "The model answered in 240 ms on average, with a p99 of 1.2 s under load. ",
};

const std::vector<std::string_view> kCode{
    "```python\nimport numpy as np\nfor i in range(10):\n    print(np.sqrt(i) * 2)\n```\n",
    "```cpp\nstd::vector<int> values{1, 2, 3};\nauto it = std::find(values.begin(), values.end(), 2);\nif (it != values.end())\n    std::cout << *it << '\\n';\n```\n",
    "```js\nconst response = await fetch(`/api/users/${userId}`, { headers: { 'Content-Type': 'application/json' } });\nconst data = await response.json();\n```\n",
    "```\n2024-03-15T10:30:00.123Z INFO  request_id=8f14e45f-ceea-467a-9af0-2b7c3f0e1a9d status=200 duration_ms=42\n2024-03-15T10:30:01.456Z WARN  retrying upstream after 503 (attempt 2/5)\n```\n",
    "```sql\nSELECT user_id, COUNT(*) AS orders FROM orders WHERE created_at > NOW() - INTERVAL '30 days' GROUP BY user_id;\n```\n",
    "```yaml\nservices:\n  api:\n    image: registry.example.com/team/api:1.14.2\n    ports: [\"8080:8080\"]\n```\n",
};

const std::vector<std::string_view> kSensitive{
    "Mail me at jane.doe@example.com when it's done. ",
    "Call me on +44 20 7946 0958 after six. ",
    "Meine Nummer ist +49 30 901820. ",
    "Card 4111 1111 1111 1111 was charged twice. ",
    "Bitte an DE89 3704 0044 0532 0130 00 überweisen. ",
    "The server at 192.168.1.10 is down again. ",
    "I was born on 12 March 1985 in Leeds. ",
    "export OPENAI_API_KEY=sk-proj-Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789abcdEFGH ",
    "token ghp_Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789 ",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYz8Kq3mNp4T ",
};

} // namespace

std::string ordinaryGuardText(std::size_t bytes, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::string text;
    text.reserve(bytes + 1024);
    std::size_t sinceSensitive = 0;
    while (text.size() < bytes) {
        const std::size_t before = text.size();
        const auto roll = rng() % 100;
        if (roll < 12)
            text += kCode[rng() % kCode.size()];
        else
            text += kProse[rng() % kProse.size()];
        if (roll % 7 == 0)
            text += "\n\n";
        sinceSensitive += text.size() - before;
        if (sinceSensitive > 4096 + rng() % 8192) {
            text += kSensitive[rng() % kSensitive.size()];
            sinceSensitive = 0;
        }
    }
    text.resize(bytes);
    return text;
}

std::string pathologicalGuardText(std::size_t bytes, std::uint64_t seed)
{
    static const std::vector<std::string_view> units{"aaaaaaaaaaaaaaaa", "4111111111111111", "@@@@", "a@a@",
                                                     "1.1.1.1.", "a1::b2::", "+1 +1 ", "born born ",
                                                     "sk-sk-sk-", "eyJhbGciOiJIUzI1NiJ9.", "xoxb-xoxb-",
                                                     "-----BEGIN PRIVATE KEY-----"};
    std::mt19937_64 rng(seed);
    std::string text;
    text.reserve(bytes + 64 * 1024);
    while (text.size() < bytes) {
        const std::string_view unit = units[rng() % units.size()];
        for (std::size_t i = 0, n = 1 + rng() % 4096; i < n; ++i)
            text += unit;
    }
    text.resize(bytes);
    return text;
}

} // namespace ts::bench

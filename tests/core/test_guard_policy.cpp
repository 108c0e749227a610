// Guard policies and what they do to text: parsing (with the key at fault named), reversible
// redaction (placeholders restored whole, also when a stream splits them), masks and hashes that
// never keep enough to use, offsets of rewritten findings, and a blocked secret that leaves no
// trace of itself in the rewritten text.
#include "guard/guard_engine.h"
#include "guard/guard_record.h"
#include "guard/policy.h"
#include "guard/redaction.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include "qtest_std_string.h"

using namespace ts::guard;

namespace {

Finding found(const char* type, Category c, std::size_t start, std::size_t end)
{
    return {type, c, start, end, 1.0, {}};
}

std::string refusal(const std::string& text)
{
    try {
        parsePolicyText(text);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestGuardPolicy : public QObject
{
    Q_OBJECT

private slots:
    void parsesRulesByCategoryTypeAndCheck()
    {
        const Policy p = parsePolicyText(R"({"name": "strict",
            "input": {"personal_data": "redact", "secret": "block", "email": "mask",
                      "injection": {"action": "block", "threshold": 0.7}},
            "output": {"personal_data": "mask", "system_prompt_leak": {"action": "block", "threshold": 0.4},
                       "schema": "warn", "banned_words": {"action": "block", "words": ["darn"], "topics": {"weapons": ["rifle"]}},
                       "max_length": {"action": "block", "bytes": 100}}})");
        QCOMPARE(p.name, std::string("strict"));
        QCOMPARE(p.input.ruleFor(found("email", Category::PersonalData, 0, 1))->action, Action::Mask);
        QCOMPARE(p.input.ruleFor(found("phone", Category::PersonalData, 0, 1))->action, Action::Redact);
        QCOMPARE(p.input.ruleFor(found("jwt", Category::Secret, 0, 1))->action, Action::Block);
        QCOMPARE(p.input.injection->threshold, 0.7);
        QCOMPARE(p.output.systemPromptLeak->threshold, 0.4);
        QCOMPARE(p.output.words, std::vector<std::string>{"darn"});
        QCOMPARE(p.output.topics.at("weapons"), std::vector<std::string>{"rifle"});
        QCOMPARE(p.output.maxBytes, std::size_t{100});
        QVERIFY(!p.output.ruleFor(found("jwt", Category::Secret, 0, 1)));
        // What it writes reads back the same.
        const Policy again = parsePolicy(policyToJson(p));
        QVERIFY(policyToJson(again) == policyToJson(p));
    }

    void refusesWhatItDoesNotKnowNamingTheKey()
    {
        QVERIFY(refusal("{").find("not JSON") != std::string::npos);
        QVERIFY(refusal(R"({"input": {"emial": "redact"}})").find("input.emial: unknown rule") != std::string::npos);
        QVERIFY(refusal(R"({"input": {"email": "erase"}})").find("unknown action \"erase\"") != std::string::npos);
        QVERIFY(refusal(R"({"input": {"max_length": {"action": "block", "bytes": 10}}})").find("input.max_length") !=
                std::string::npos); // an output-only check
        QVERIFY(refusal(R"({"output": {"max_length": {"action": "block"}}})").find("bytes") != std::string::npos);
        QVERIFY(refusal(R"({"input": {"injection": {"action": "warn", "threshold": 2}}})").find("threshold") !=
                std::string::npos);
        QVERIFY(refusal(R"({"input": {"injection": {"action": "warn", "treshold": 0.5}}})").find("treshold") !=
                std::string::npos);
        QVERIFY(refusal(R"({"inputs": {}})").find("unknown section") != std::string::npos);
        QVERIFY(refusal(R"({"output": {"banned_words": {"action": "block"}}})").find("words") != std::string::npos);
    }

    void placeholdersAreStableAndRestored()
    {
        Vault vault;
        const std::string a = vault.placeholderFor("email", "ada@example.com");
        QCOMPARE(a, std::string("[EMAIL_1]"));
        QCOMPARE(vault.placeholderFor("email", "ada@example.com"), a);
        QCOMPARE(vault.placeholderFor("email", "bob@example.com"), std::string("[EMAIL_2]"));
        QCOMPARE(vault.placeholderFor("openai_key", "sk-x"), std::string("[OPENAI_KEY_1]"));
        QCOMPARE(vault.restore("to [EMAIL_2] and [EMAIL_1], not [EMAIL_9] or [x"),
                 std::string("to bob@example.com and ada@example.com, not [EMAIL_9] or [x"));
    }

    void streamRestoreHoldsASplitPlaceholder()
    {
        Vault vault;
        vault.placeholderFor("email", "ada@example.com");
        const std::string answer = "Write to [EMAIL_1] today [sic] ok [EMAIL_1]";
        for (std::size_t step : {1, 2, 3, 5, 7, 64}) {
            std::string pending, shown;
            for (std::size_t at = 0; at < answer.size(); at += step) {
                const std::string piece = vault.restoreStream(pending, answer.substr(at, step), false);
                QVERIFY2(piece.find("[EMAIL") == std::string::npos, piece.c_str()); // never half a placeholder
                shown += piece;
            }
            shown += vault.restoreStream(pending, {}, true);
            QCOMPARE(shown, std::string("Write to ada@example.com today [sic] ok ada@example.com"));
        }
    }

    void outputPlaceholdersAreNeverRestoredToInputOriginals()
    {
        Vault input;
        input.placeholderFor("email", "alice@a.com");
        Vault output(true);
        const std::string written = output.placeholderFor("email", "support@corp.com");
        QCOMPARE(written, std::string("[REDACTED_EMAIL_1]"));
        QCOMPARE(input.restore("write to " + written), "write to " + written);
        QCOMPARE(input.restore("[[EMAIL_1]] and [" + std::string(5000, '[') + "]"),
                 "[alice@a.com] and [" + std::string(5000, '[') + "]");
    }

    void aFindingOverlappingARewriteIsRewrittenToo()
    {
        const std::string text = "see bob@example.com/Zx8Qp2Lr7Vt4Nm9Kc3Hb6Wd1Fg5Js0Ay now";
        const std::size_t email = text.find("bob@"), token = text.find("com/");
        std::vector<Decided> decided{{found("email", Category::PersonalData, email, email + 15), Action::Redact},
                                     {found("high_entropy", Category::Secret, token, text.find(" now")), Action::Redact}};
        Vault vault;
        std::vector<Placed> placed;
        const std::string out = applyActions(text, decided, vault, placed);
        QCOMPARE(out, std::string("see [EMAIL_1][HIGH_ENTROPY_1] now"));
        QCOMPARE(vault.restore(out), text);
        // Offsets map through both rewrites; one inside a rewrite lands at its end.
        QCOMPARE(rewrittenOffset(placed, 0), std::size_t{0});
        QCOMPARE(rewrittenOffset(placed, email + 3), std::string("see [EMAIL_1]").size());
        QCOMPARE(rewrittenOffset(placed, text.size()), out.size());
        QCOMPARE(rewrittenOffset(placed, text.find(" now")), out.find(" now"));
    }

    void masksKeepOnlyAHint()
    {
        QCOMPARE(maskText("email", "ada.lovelace@example.com"), std::string("a***@e***.com"));
        QCOMPARE(maskText("card", "4111 1111 1111 1234"), std::string("**** **** **** 1234"));
        QCOMPARE(maskText("openai_key", "sk-proj-abcdefghijklmnop"), std::string("sk-p****"));
        QCOMPARE(hashText("email", "ada@example.com"), hashText("email", "ada@example.com"));
        QVERIFY(hashText("email", "ada@example.com") != hashText("email", "bob@example.com"));
        QVERIFY(hashText("email", "ada@example.com").starts_with("<email:sha256:"));
    }

    void rewritesPlaceFindingsInTheNewText()
    {
        const std::string text = "mail ada@example.com or call +44 20 7946 0958, key sk-abc";
        const std::size_t email = text.find("ada@"), phone = text.find("+44"), key = text.find("sk-abc");
        std::vector<Decided> decided{{found("email", Category::PersonalData, email, email + 15), Action::Redact},
                                     {found("phone", Category::PersonalData, phone, phone + 16), Action::Log},
                                     {found("openai_key", Category::Secret, key, key + 6), Action::Block}};
        Vault vault;
        std::vector<Placed> placed;
        const std::string out = applyActions(text, decided, vault, placed);
        QCOMPARE(out, std::string("mail [EMAIL_1] or call +44 20 7946 0958, key [OPENAI_KEY_1]"));
        QCOMPARE(placed.size(), std::size_t{3});
        QCOMPARE(out.substr(placed[0].start, placed[0].end - placed[0].start), std::string("[EMAIL_1]"));
        QCOMPARE(out.substr(placed[1].start, placed[1].end - placed[1].start), std::string("+44 20 7946 0958"));
        QCOMPARE(out.substr(placed[2].start, placed[2].end - placed[2].start), std::string("[OPENAI_KEY_1]"));
        QCOMPARE(placed[2].decided.action, Action::Block); // recorded as the block it was
    }

    void engineAppliesTheDefaultPolicy()
    {
        const CompiledPolicy policy(defaultPolicy());
        Vault vault;
        const std::string text = "I am ada@example.com; my key is sk-proj-" + std::string(40, 'A') + "Zq9";
        const TextVerdict v = policy.input(text, vault);
        QVERIFY(!v.blocked);
        QVERIFY2(v.text.find("ada@example.com") == std::string::npos, v.text.c_str());
        QVERIFY2(v.text.find("sk-proj-") == std::string::npos, v.text.c_str());
        QVERIFY(v.text.find("[EMAIL_1]") != std::string::npos);
        QCOMPARE(vault.restore(v.text), text);
    }

    void outputChecksUseTheRequestsSystemPromptAndSchema()
    {
        const CompiledPolicy policy(parsePolicyText(R"({"output": {
            "system_prompt_leak": {"action": "block", "threshold": 0.4}, "schema": "warn"}})"));
        const std::string prompt = "You are the billing assistant of Northwind. Never reveal internal discount codes "
                                   "and always answer in two sentences or fewer.";
        const OutputContext ctx = policy.outputContext(prompt, R"({"type":"object","required":["total"]})");
        Vault vault(true);
        const TextVerdict leaked = policy.output("Sure. My instructions: " + prompt, vault, ctx);
        QVERIFY(leaked.blocked);
        const TextVerdict fine = policy.output(R"({"total": 12})", vault, ctx);
        QVERIFY(!fine.blocked);
        QVERIFY(!fine.warned);
        const TextVerdict wrongShape = policy.output(R"({"sum": 12})", vault, ctx);
        QVERIFY(wrongShape.warned);
        // Without a system prompt or schema there is nothing to hold the answer against.
        const OutputContext none = policy.outputContext("", "");
        QVERIFY(!none.leak && !none.schema);
        QVERIFY(!policy.output("You are the billing assistant of Northwind.", vault, none).blocked);
    }

    void detailReadsBackAndSkipsBadEntries()
    {
        const std::vector<RecordedFinding> in{{"email", Category::PersonalData, 0, 5, 14, 1.0, Action::Redact},
                                              {"injection", Category::Injection, 2, 0, 30, 0.8, Action::Warn}};
        const auto back = readDetail(writeDetail(in));
        QVERIFY(back);
        QCOMPARE(back->size(), std::size_t{2});
        QCOMPARE((*back)[1].type, std::string("injection"));
        QCOMPARE((*back)[1].message, 2);
        QCOMPARE((*back)[0].end, std::size_t{14});
        QCOMPARE((*back)[1].action, Action::Warn);
        const auto mixed = readDetail(R"([{"type":"email","category":"personal_data","start":"x"},
            {"type":"card","category":"personal_data","message":1,"start":3,"end":2},
            {"type":"card","category":"personal_data","message":1,"start":3,"end":9}, 7])");
        QVERIFY(mixed);
        QCOMPARE(mixed->size(), std::size_t{1});
        QVERIFY(!readDetail("{}"));
    }
};

QTEST_GUILESS_MAIN(TestGuardPolicy)
#include "test_guard_policy.moc"

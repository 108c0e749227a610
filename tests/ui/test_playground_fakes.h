#pragma once
// A playground session the test drives by hand: it keeps every request and replies when told.
#include "bridge/playground_session.h"

namespace ts::ui::test {

class ScriptedSession final : public PlaygroundSession
{
  public:
    std::vector<ChatRequest> sent;

    void send(const ChatRequest& request) override
    {
        sent.push_back(request);
        busy_ = true;
    }
    void stop() override {}
    bool busy() const override { return busy_; }
    std::vector<std::pair<QString, QStringList>> models() const override
    {
        return {{QStringLiteral("simulated"), {QStringLiteral("gpt-4o-mini")}}};
    }
    void reply(const ReplyOutcome& outcome)
    {
        busy_ = false;
        Q_EMIT finished(outcome);
    }
    void replyText(const QString& text)
    {
        ReplyOutcome o;
        o.text = text;
        reply(o);
    }
    void replyCalls(const std::vector<ToolCall>& calls)
    {
        ReplyOutcome o;
        o.toolCalls = calls;
        reply(o);
    }

  private:
    bool busy_ = false;
};

} // namespace ts::ui::test

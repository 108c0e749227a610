#pragma once
#include <functional>

namespace ts::ui {
class PlaygroundPanel;
}

namespace ts::app {

// The playground's example for screenshots: a weather tool and a JSON-schema response format,
// a question to the simulated model, and its tool call shown with a result typed in, ready to send.
// `ready` runs once the call is on screen (or the reply came without one).
void stagePlaygroundExample(ui::PlaygroundPanel& panel, std::function<void()> ready);

} // namespace ts::app

#pragma once
#include <stdexcept>
#include <string>

namespace ts {

// A workspace that cannot be used, with a message that names the file and says what to do.
class WorkspaceError : public std::runtime_error
{
  public:
    enum class Reason { Missing, NotAWorkspace, Corrupt, Locked, NewerSchema, Io };
    WorkspaceError(Reason reason, const std::string& message) : std::runtime_error(message), reason_(reason)
    {
    }
    Reason reason() const { return reason_; }

  private:
    Reason reason_;
};

} // namespace ts

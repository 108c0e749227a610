# One place for the project's warning flags; TOKENSCOPE_WERROR turns them into errors (CI does).
add_library(tokenscope_warnings INTERFACE)
target_compile_options(tokenscope_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
  # Partial aggregate initialisation of value types with defaults is intended.
  -Wno-missing-field-initializers)
if(TOKENSCOPE_WERROR)
  target_compile_options(tokenscope_warnings INTERFACE -Werror)
endif()

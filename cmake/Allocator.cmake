# The executables' memory allocator. Importing, the gateway and the GUI's live panels allocate many
# small objects on one thread and free them on another (a trace built by a reader, written and
# dropped by the store's writer); glibc's malloc spends a third of an import's CPU there
# (malloc_consolidate, cross-arena frees). jemalloc (Debian's libjemalloc2) cuts the import's CPU
# by about 25% (bench/import_bench). TOKENSCOPE_ALLOCATOR=system keeps glibc's (for Valgrind or
# sanitizer builds). Only executables link it: core and ui stay allocator-neutral libraries.
set(TOKENSCOPE_ALLOCATOR "jemalloc" CACHE STRING "Memory allocator of the executables: jemalloc or system")
set_property(CACHE TOKENSCOPE_ALLOCATOR PROPERTY STRINGS jemalloc system)

add_library(tokenscope_allocator INTERFACE)
if(TOKENSCOPE_ALLOCATOR STREQUAL "jemalloc")
  find_library(TOKENSCOPE_JEMALLOC NAMES jemalloc)
  if(NOT TOKENSCOPE_JEMALLOC)
    message(FATAL_ERROR "jemalloc not found: apt-get install libjemalloc-dev "
                        "(scripts/install-deps.sh), or configure with -DTOKENSCOPE_ALLOCATOR=system")
  endif()
  target_link_libraries(tokenscope_allocator INTERFACE ${TOKENSCOPE_JEMALLOC})
  target_compile_definitions(tokenscope_allocator INTERFACE TOKENSCOPE_JEMALLOC=1)
elseif(NOT TOKENSCOPE_ALLOCATOR STREQUAL "system")
  message(FATAL_ERROR "TOKENSCOPE_ALLOCATOR is '${TOKENSCOPE_ALLOCATOR}'; use jemalloc or system")
endif()

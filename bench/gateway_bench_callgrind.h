#pragma once
#include <string>

namespace ts::bench {

// What the process under callgrind serves: the upstream alone, or the gateway in front of it
// (traces dropped, or written to a real TraceStore).
enum class ServedPath { Direct, Gateway, GatewayStore };
bool parseServedPath(const std::string& text, ServedPath& path); // "direct", "gateway", "gateway-store"
const char* nameOf(ServedPath path);

// Starts this program under `valgrind --tool=callgrind --instr-atstart=no` serving `path`, sends
// `requests` requests on one connection from this (uninstrumented) process with instrumentation on
// only around them, and returns the instructions counted per request (0 on failure, with a message
// on stderr). The callgrind output stays in outDir for callgrind_annotate.
double instructionsPerRequest(ServedPath path, long requests, const std::string& outDir);

// The process under callgrind: serves `path`, prints "READY <upstream port> <target port>", and
// exits when its stdin closes.
int serveUnderCallgrind(ServedPath path);

} // namespace ts::bench

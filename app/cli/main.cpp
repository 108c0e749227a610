#include <cstdio>

int main() { std::puts("tokenscope-cli " TOKENSCOPE_VERSION); return 0; }

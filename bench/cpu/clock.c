// Estimates the core clock while busy: a chain of dependent integer adds retires one per cycle, so
// adds per second = cycles per second. Used to derive this CPU's peak fp32 FLOP/s in docs/BENCHMARKS.md.
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
    const long iterations = 20000000;  // x 100 dependent adds each
    double best = 1e9;
    for (int repeat = 0; repeat < 5; repeat++) {
        unsigned long x = 1;
        double start = now();
        for (long i = 0; i < iterations; i++) {
            __asm__ volatile(
                ".rept 100\n\t"
                "add $1, %0\n\t"
                ".endr"
                : "+r"(x));
        }
        double elapsed = now() - start;
        if (elapsed < best) best = elapsed;
        if (x == 0) puts("");  // keep x alive
    }
    printf("{\"ghz\": %.3f}\n", iterations * 100.0 / best / 1e9);
    return 0;
}

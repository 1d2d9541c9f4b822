package pagein

// growStack grows the goroutine's stack to 512 KB in one step: a frame
// of 300 KB does not fit a smaller one, and the runtime doubles a stack
// until the frame that overflowed it fits. It returns a byte of its
// frame so that the frame is not optimised away.
//
// goldmark's util package compiles a pattern in its init function whose
// compilation recurses past 256 KB of stack, on the main goroutine. Grown
// by doubling, from 8 KB, the stack was copied seven times (4 KB to
// 512 KB), the frames of the recursion adjusted at each copy, and 500 KB
// of new stack memory touched on the way (the probe on
// runtime.copystack: newsize 16384 … 524288; with this, 16384 then
// 524288). kamdesk-cli --version: 29.2 instead of 30.8 ms of CPU time,
// medians of 41 alternated runs (2026-12-02). The frame's zeroing
// touches 300 KB of the new stack, which the compilation touches anyway.
//
//go:noinline
func growStack(n int) byte {
	var a, b, c [100 << 10]byte // each under the compiler's 128 KB for a variable on the stack
	a[n], b[n], c[n] = byte(n), byte(n), byte(n)
	return a[n/2] + b[n/3] + c[n/4]
}

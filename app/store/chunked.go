package store

import "sync/atomic"

// decoded counts the records and summaries the store has decoded.
var decoded atomic.Int64

// Decoded returns how many records and summaries the store has decoded
// since the program started: a count of work, for the tests that check
// that what a command costs grows with the workspace no faster than it
// should (app/cli/scale_test.go), where time would be noise.
func Decoded() int64 { return decoded.Load() }

// chunked collects values in chunks joined once at the end: growing one
// slice of 100,000 people by append copied it a dozen times, a third of
// reading them.
type chunked[T any] struct {
	chunks [][]T
	cur    []T
	n      int
}

// next adds a zero value and returns it, to fill in.
func (c *chunked[T]) next() *T {
	const chunk = 1024
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.chunks = append(c.chunks, c.cur)
		}
		c.cur = make([]T, 0, chunk)
	}
	var zero T
	c.cur = append(c.cur, zero)
	c.n++
	return &c.cur[len(c.cur)-1]
}

// all returns the values in order, nil when there are none.
func (c *chunked[T]) all() []T {
	if c.n == 0 {
		return nil
	}
	if len(c.chunks) == 0 {
		return c.cur
	}
	out := make([]T, 0, c.n)
	for _, ch := range append(c.chunks, c.cur) {
		out = append(out, ch...)
	}
	return out
}

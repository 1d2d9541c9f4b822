package contacts

// Progress is told how much of a file a reader has read: a fraction
// from 0 to 1 that only rises, about a hundred times over a file however
// large (a card or a row at a time would be thousands of calls), and 1
// once the file is read. It is called on the reader's goroutine.
type Progress func(done float64)

// ticker tells a Progress how far a reader got through n steps of one
// phase of its work, the phase spanning the fractions from..from+span.
type ticker struct {
	p          Progress
	n          int
	from, span float64
	next, step int
}

// newTicker is a ticker for n steps of the phase from..from+span of p;
// p may be nil.
func newTicker(p Progress, n int, from, span float64) ticker {
	step := max(1, n/100)
	return ticker{p: p, n: max(n, 1), from: from, span: span, next: step, step: step}
}

// at says step i of n is reached; only every hundredth of them is told.
func (t *ticker) at(i int) {
	if t.p == nil || i < t.next {
		return
	}
	t.next = i + t.step
	t.p(t.from + t.span*float64(i)/float64(t.n))
}

// done tells p the reader is through: 1.
func done(p Progress) {
	if p != nil {
		p(1)
	}
}

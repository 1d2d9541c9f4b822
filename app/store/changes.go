package store

import "sync"

// The generation of a workspace counts its committed writes: every change
// made through this Store bumps it once the change is committed (or has
// failed: a bump too many only costs a recomputation). What is worked out
// from the whole workspace, the readiness of every proposal, is kept with
// the generation it was worked out at and recomputed when that moved on.
//
// Most changes may touch anything a proposal's readiness reads (the
// account and its people, the team, the references, the library). Saving
// or sending a proposal touches that proposal only, and saving an account,
// a person, an event or a promise touches the proposals to that account
// only (to both accounts, for a person who moved), and they say so: the
// readiness of the other proposals stands.

// changeLogSize is how many recent changes the log remembers; a cache
// further behind recomputes everything.
const changeLogSize = 256

// touch is what a change touched: the proposals with these IDs and the
// proposals to these accounts.
type touch struct {
	proposals []string
	accounts  []string
}

// change is one committed write: the generation it made and what it
// touched, anything when all is set.
type change struct {
	gen uint64
	touch
	all bool
}

// changeLog is the generation and the recent changes. It is safe for
// concurrent use.
type changeLog struct {
	mu     sync.Mutex
	gen    uint64
	recent []change // the last changes, oldest first
}

// note records a committed change touching t, or anything when t is nil.
func (l *changeLog) note(t *touch) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
	c := change{gen: l.gen, all: t == nil}
	if t == nil {
		// Whatever came before is covered by this change.
		l.recent = l.recent[:0]
	} else {
		c.touch = *t
		if len(l.recent) == changeLogSize {
			l.recent = append(l.recent[:0], l.recent[1:]...)
		}
	}
	l.recent = append(l.recent, c)
}

// generation returns the current generation.
func (l *changeLog) generation() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.gen
}

// since returns the current generation and what the changes after
// generation from touched; all is set when a change may have touched
// anything, or the log no longer reaches back to from.
func (l *changeLog) since(from uint64) (gen uint64, t touch, all bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gen == from {
		return l.gen, t, false
	}
	if len(l.recent) == 0 || l.recent[0].gen > from+1 {
		return l.gen, t, true
	}
	for _, c := range l.recent {
		if c.gen <= from {
			continue
		}
		if c.all {
			return l.gen, touch{}, true
		}
		t.proposals = append(t.proposals, c.proposals...)
		t.accounts = append(t.accounts, c.accounts...)
	}
	return l.gen, t, false
}

// Generation returns the generation of the workspace: a number that grows
// with every change committed through this Store, and only then. Two calls
// returning the same number saw the same workspace, as far as this
// process changed it.
func (s *Store) Generation() uint64 { return s.changes.generation() }

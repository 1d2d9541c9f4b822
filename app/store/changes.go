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
// or sending a proposal touches that proposal only, and says so: the
// readiness of the other proposals stands.

// changeLogSize is how many recent changes the log remembers; a cache
// further behind recomputes everything.
const changeLogSize = 256

// change is one committed write: the generation it made and the proposals
// it touched, all when nil.
type change struct {
	gen       uint64
	proposals []string
}

// changeLog is the generation and the recent changes. It is safe for
// concurrent use.
type changeLog struct {
	mu     sync.Mutex
	gen    uint64
	recent []change // the last changes, oldest first
}

// note records a committed change touching proposals, or anything when
// proposals is nil.
func (l *changeLog) note(proposals []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
	if proposals == nil {
		// Whatever came before is covered by this change.
		l.recent = l.recent[:0]
	} else if len(l.recent) == changeLogSize {
		l.recent = append(l.recent[:0], l.recent[1:]...)
	}
	l.recent = append(l.recent, change{gen: l.gen, proposals: proposals})
}

// generation returns the current generation.
func (l *changeLog) generation() uint64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.gen
}

// since returns the current generation and the proposals the changes
// after generation from touched; all is set when a change may have touched
// anything, or the log no longer reaches back to from.
func (l *changeLog) since(from uint64) (gen uint64, proposals []string, all bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.gen == from {
		return l.gen, nil, false
	}
	if len(l.recent) == 0 || l.recent[0].gen > from+1 {
		return l.gen, nil, true
	}
	for _, c := range l.recent {
		if c.gen <= from {
			continue
		}
		if c.proposals == nil {
			return l.gen, nil, true
		}
		proposals = append(proposals, c.proposals...)
	}
	return l.gen, proposals, false
}

// Generation returns the generation of the workspace: a number that grows
// with every change committed through this Store, and only then. Two calls
// returning the same number saw the same workspace, as far as this
// process changed it.
func (s *Store) Generation() uint64 { return s.changes.generation() }

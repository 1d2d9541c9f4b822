package handover

import (
	"errors"

	"kamdesk/dossier"
)

// Take says which side wins a record that differs.
type Take int

const (
	// TakeNone chooses no side: an import writes only when every record
	// that differs has one.
	TakeNone Take = iota
	// TakeMine keeps the workspace's version.
	TakeMine
	// TakeTheirs replaces it with the bundle's, unless that cannot be
	// taken (Conflict.Refused): then it stays as it is.
	TakeTheirs
)

// String is "mine", "theirs" or "", as the command line and its JSON
// write a side.
func (t Take) String() string {
	switch t {
	case TakeMine:
		return "mine"
	case TakeTheirs:
		return "theirs"
	}
	return ""
}

// Choice says which side wins each record that differs: the side Each
// gives its Key, else All.
type Choice struct {
	All  Take
	Each map[string]Take
}

// Key names a record among a plan's: its kind and ID.
func (r Record) Key() string { return r.Kind + "/" + r.ID }

// For is the side c chooses for the record of kind and id.
func (c Choice) For(kind, id string) Take {
	if t := c.Each[kind+"/"+id]; t != TakeNone {
		return t
	}
	return c.All
}

// orTheirs is c with the bundle's side for the records it leaves
// without one.
func (c Choice) orTheirs() Choice {
	if c.All == TakeNone {
		c.All = TakeTheirs
	}
	return c
}

// ErrDiffers matches an import refused because records differ and no side
// was chosen for them.
var ErrDiffers = errors.New("records differ")

// Undecided counts the records that differ for which c chooses no side.
func (p *Plan) Undecided(c Choice) int {
	n := 0
	for _, r := range p.Conflicts {
		if c.For(r.Kind, r.ID) == TakeNone {
			n++
		}
	}
	return n
}

// Writes counts the records importing with c adds and replaces; the
// timeline entries it leaves out (LeftOut) are not among them.
func (p *Plan) Writes(c Choice) (added, replaced int) {
	added = len(p.New)
	for _, r := range p.Conflicts {
		if r.Refused == "" && c.For(r.Kind, r.ID) == TakeTheirs {
			replaced++
		}
	}
	for _, l := range p.LeftOut(c) {
		if p.status[l.Key()] == fresh {
			added--
		} else if c.For(l.Kind, l.ID) == TakeTheirs {
			replaced--
		}
	}
	return added, replaced
}

// Kept counts the records that differ for which c chooses the bundle's
// version but that cannot be taken (Conflict.Refused): they stay as they
// are here.
func (p *Plan) Kept(c Choice) int {
	n := 0
	for _, r := range p.Conflicts {
		if r.Refused != "" && c.For(r.Kind, r.ID) == TakeTheirs {
			n++
		}
	}
	return n
}

// Import writes what the plan says, with c choosing between the versions
// of records that differ: all or nothing. When c leaves a record that
// differs without a side it writes nothing and returns an error matching
// ErrDiffers.
func (p *Plan) Import(ws Workspace, c Choice) error {
	if n := p.Undecided(c); n > 0 {
		return dossier.ErrAs("records that differ between the workspace and the bundle: {{.Count}}; nothing was imported",
			map[string]any{"Count": n}, ErrDiffers)
	}
	if added, replaced := p.Writes(c); added+replaced == 0 {
		return nil
	}
	return ws.Put(p.Batch(c))
}

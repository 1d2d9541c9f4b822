package dossier

import "time"

// BinEntry is one deletion that can be undone.
type BinEntry struct {
	ID      string    `json:"id"`
	Deleted time.Time `json:"deleted"`
	What    string    `json:"what"`  // "account", "person"...
	Label   string    `json:"label"` // the record's name
	// Records is how many records went with it (an account takes its
	// people, events, promises and proposals).
	Records int `json:"records"`
}

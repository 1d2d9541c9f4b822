package store

import (
	"fmt"
	"kamdesk/dossier"

	"github.com/dgraph-io/badger/v4"
)

// Our team members and references: the records proposals credit and cite.

// Team returns our team members by name.
func (s *Store) Team() ([]dossier.TeamMember, error) {
	var out []dossier.TeamMember
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = list[dossier.TeamMember](txn, kTeam)
		return err
	})
	sortBy(out, func(m dossier.TeamMember) string { return m.Name })
	return out, err
}

// TeamMember returns the team member with id.
func (s *Store) TeamMember(id string) (dossier.TeamMember, error) {
	var m dossier.TeamMember
	if err := validID(kTeam, id); err != nil {
		return m, err
	}
	err := s.view(func(txn *badger.Txn) error { return get(txn, kTeam, id, &m) })
	return m, err
}

// SaveTeamMember validates m and writes it.
// A record without an ID is created (see CreateTeamMember); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SaveTeamMember(m *dossier.TeamMember) error { return s.saveTeamMember(m, m.ID == "") }

// CreateTeamMember adds a new team member: without an ID it is given a fresh one,
// with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreateTeamMember(m *dossier.TeamMember) error { return s.saveTeamMember(m, true) }

func (s *Store) saveTeamMember(m *dossier.TeamMember, create bool) error {
	return saveRecord(s, m, create, teamSaving())
}

// teamSaving is how Save and Put write team members.
func teamSaving() saving[dossier.TeamMember] {
	return saving[dossier.TeamMember]{
		k: kTeam, fallback: "team",
		of: func(c *dossier.TeamMember) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, name: c.Name, label: label(c.Name, c.ID)}
		},
	}
}

// References returns the references, newest first.
func (s *Store) References() ([]dossier.Reference, error) {
	var out []dossier.Reference
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = list[dossier.Reference](txn, kReference)
		return err
	})
	sortReferences(out)
	return out, err
}

// sortReferences orders references newest first, then by client.
func sortReferences(refs []dossier.Reference) {
	sortBy(refs, func(r dossier.Reference) string { return fmt.Sprintf("%04d", 9999-r.Year) + r.Client })
}

// Reference returns the reference with id.
func (s *Store) Reference(id string) (dossier.Reference, error) {
	var r dossier.Reference
	if err := validID(kReference, id); err != nil {
		return r, err
	}
	err := s.view(func(txn *badger.Txn) error { return get(txn, kReference, id, &r) })
	return r, err
}

// SaveReference validates r and writes it.
// A record without an ID is created (see CreateReference); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SaveReference(r *dossier.Reference) error { return s.saveReference(r, r.ID == "") }

// CreateReference adds a new reference: without an ID it is given a fresh one,
// with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreateReference(r *dossier.Reference) error { return s.saveReference(r, true) }

func (s *Store) saveReference(r *dossier.Reference, create bool) error {
	return saveRecord(s, r, create, referenceSaving())
}

// referenceSaving is how Save and Put write references.
func referenceSaving() saving[dossier.Reference] {
	return saving[dossier.Reference]{
		k: kReference, fallback: "ref",
		of: func(c *dossier.Reference) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, name: c.Client, label: label(c.Project, c.ID)}
		},
	}
}

package store

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Batch is what Put writes: records of every kind that belongs to an
// account's dossier, with the library sections, team members and
// references, the copies of what was sent and the attachments' bytes.
type Batch struct {
	Team       []dossier.TeamMember
	References []dossier.Reference
	Sections   []proposal.Section
	Accounts   []dossier.Account
	People     []dossier.Person
	Events     []dossier.Event
	Promises   []dossier.Promise
	Proposals  []proposal.Proposal
	Sent       []proposal.Snapshot // copies of what was sent, by ProposalID and ID
	Files      map[string][]byte   // attachments' bytes by file ID
	// Notes are new timeline events, written last under fresh IDs: what
	// the batch changed, for the record.
	Notes []dossier.Event
}

// Put adds the records of b that the workspace lacks and replaces those it
// has (by kind and ID), in one transaction: all or nothing. Each record
// goes through the checks and writes of its Save (validation, the records
// it names exist, in b or the workspace, indexes and summaries), as a
// creation with its own ID or as an update. A proposal keeps its
// revisions and sendings, whose copies must be in b or the workspace;
// one that replaces a stored proposal keeps every sending on record as it
// is (proposal.CheckHandedOver). A timeline entry that records a sending
// must come with its copy, in b or the workspace. Sent copies and
// attachments are never changed once written: those the
// workspace has are left as they are; an attachment's bytes must match the
// checksum of the events that name it, a photo's that of its person.
func (s *Store) Put(b Batch) error {
	now := s.now()
	size := int64(saveBudget)
	for _, f := range b.Files {
		size += int64(len(f)) + 64
	}
	for i := range b.Sent {
		size += snapshotSize(&b.Sent[i])
	}
	for i := range b.Sections {
		size += int64(len(b.Sections[i].Body)) + 512
	}
	size += int64(len(b.People)+len(b.Events)+len(b.Promises)+len(b.Proposals)+len(b.Team)+len(b.References)+len(b.Accounts)+len(b.Notes)) * 4096
	for _, e := range b.Events {
		for _, a := range e.Attachments {
			data, ok := b.Files[a.FileID]
			if !ok {
				continue
			}
			sum := sha256.Sum256(data)
			if int64(len(data)) != a.Size || (a.SHA256 != "" && hex.EncodeToString(sum[:]) != a.SHA256) {
				return dossier.Err("event {{.Event}}: attachment {{.File}} is damaged (checksum mismatch)",
					map[string]any{"Event": label(e.Title, e.ID), "File": a.Name}, ErrDamaged)
			}
		}
	}
	for _, p := range b.People {
		if p.Photo == nil {
			continue
		}
		if data, ok := b.Files[p.Photo.FileID]; ok {
			sum := sha256.Sum256(data)
			if int64(len(data)) != p.Photo.Size || hex.EncodeToString(sum[:]) != p.Photo.SHA256 {
				return dossier.Err("person {{.Person}}: photo {{.File}} is damaged (checksum mismatch)",
					map[string]any{"Person": label(p.Name, p.ID), "File": p.Photo.Name}, ErrDamaged)
			}
		}
	}
	return s.updateSized(size, func(txn *badger.Txn) error {
		if err := putFiles(txn, b.Files); err != nil {
			return err
		}
		for i := range b.Team {
			if err := putOne(txn, now, &b.Team[i], b.Team[i].ID, teamSaving()); err != nil {
				return err
			}
		}
		for i := range b.References {
			if err := putOne(txn, now, &b.References[i], b.References[i].ID, referenceSaving()); err != nil {
				return err
			}
		}
		for i := range b.Sections {
			c := b.Sections[i]
			taken, err := exists(txn, kSection.key(c.ID))
			if err != nil {
				return err
			}
			if err := writeSection(txn, now, &c, !taken); err != nil {
				return err
			}
		}
		for i := range b.Accounts {
			if err := putOne(txn, now, &b.Accounts[i], b.Accounts[i].ID, accountSaving()); err != nil {
				return err
			}
		}
		for _, i := range managersFirst(b.People) {
			var was personWas
			if err := putOne(txn, now, &b.People[i], b.People[i].ID, personSaving(&was, nil)); err != nil {
				return err
			}
		}
		for i := range b.Events {
			if err := checkSentCopy(txn, &b.Events[i], b.Sent); err != nil {
				return err
			}
			if err := putOne(txn, now, &b.Events[i], b.Events[i].ID, eventSaving()); err != nil {
				return err
			}
		}
		for i := range b.Promises {
			if err := putOne(txn, now, &b.Promises[i], b.Promises[i].ID, promiseSaving()); err != nil {
				return err
			}
		}
		for i := range b.Sent {
			snap := &b.Sent[i]
			if !dossier.ValidID(snap.ProposalID) || !dossier.ValidID(snap.ID) {
				return dossier.Err(`"{{.Proposal}}"/"{{.Copy}}" is not a valid sent copy`, map[string]any{"Proposal": snap.ProposalID, "Copy": snap.ID}, dossier.ErrInvalid)
			}
			if ok, err := exists(txn, snapPart(snap.ProposalID, snap.ID, 0)); err != nil {
				return err
			} else if !ok {
				if err := writeSnapshot(txn.Set, snap.ProposalID, snap); err != nil {
					return err
				}
			}
		}
		for i := range b.Proposals {
			p := b.Proposals[i]
			taken, err := exists(txn, kProposal.key(p.ID))
			if err != nil {
				return err
			}
			if err := prepareRecord(&p, now, proposalSaving(!taken, true)); err != nil {
				return err
			}
			if err := writeRecord(txn, &p, !taken, proposalSaving(!taken, true)); err != nil {
				return err
			}
		}
		for i := range b.Notes {
			e := b.Notes[i]
			e.ID = ""
			if err := prepareRecord(&e, now, eventSaving()); err != nil {
				return err
			}
			if err := writeRecord(txn, &e, true, eventSaving()); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkSentCopy reports an error when e records a sending whose copy is
// neither among sent nor in the workspace: a timeline entry never points
// at a copy that is not there.
func checkSentCopy(txn *badger.Txn, e *dossier.Event, sent []proposal.Snapshot) error {
	prop, snap, ok := strings.Cut(e.Sent, "/")
	if !ok || slices.ContainsFunc(sent, func(s proposal.Snapshot) bool { return s.ProposalID == prop && s.ID == snap }) {
		return nil
	}
	if !dossier.ValidID(prop) || !dossier.ValidID(snap) {
		return nil // Validate names it
	}
	if ok, err := exists(txn, snapPart(prop, snap, 0)); err != nil || ok {
		return err
	}
	return dossier.Err("event {{.Event}}: the sent copy {{.Copy}} of proposal {{.Proposal}} it opens is not in the workspace",
		map[string]any{"Event": label(e.Title, e.ID), "Copy": snap, "Proposal": prop}, dossier.ErrNotFound)
}

// putOne writes a copy of rec, whose ID is id, as a creation when the
// workspace lacks it and as an update when it has it.
func putOne[T any, P interface {
	*T
	Validate() error
}](txn *badger.Txn, now time.Time, rec P, id string, how saving[T]) error {
	if err := validID(how.k, id); err != nil {
		return err
	}
	taken, err := exists(txn, how.k.key(id))
	if err != nil {
		return err
	}
	c := *rec
	if err := prepareRecord(P(&c), now, how); err != nil {
		return err
	}
	return writeRecord(txn, P(&c), !taken, how)
}

// putFiles writes the attachments the workspace lacks, in chunks as
// PutFile does.
func putFiles(txn *badger.Txn, files map[string][]byte) error {
	ids := make([]string, 0, len(files))
	for id := range files {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if !dossier.ValidID(id) {
			return dossier.Err(`"{{.ID}}" is not a valid file ID`, map[string]any{"ID": id}, dossier.ErrInvalid)
		}
		if ok, err := exists(txn, fileKey(id, 0)); err != nil {
			return err
		} else if ok {
			continue
		}
		if err := writeFile(txn.Set, id, files[id]); err != nil {
			return err
		}
	}
	return nil
}

// writeFile writes data as the file id with set, in chunks.
func writeFile(set func(key, value []byte) error, id string, data []byte) error {
	if len(data) > dossier.MaxFile {
		return dossier.Err("{{.File}} is larger than {{.Max}} MB, the limit for one attachment",
			map[string]any{"File": id, "Max": dossier.MaxFile >> 20}, dossier.ErrInvalid)
	}
	if len(data) == 0 {
		return set(fileKey(id, 0), nil)
	}
	for i := 0; i*chunkSize < len(data); i++ {
		if err := set(fileKey(id, uint32(i)), data[i*chunkSize:min(len(data), (i+1)*chunkSize)]); err != nil {
			return err
		}
	}
	return nil
}

// managersFirst orders the people so that each comes after the manager
// they report to, when the manager is among them: a person's save checks
// the reporting line in the workspace as written so far. A loop is left
// to that check to refuse.
func managersFirst(people []dossier.Person) []int {
	at := make(map[string]int, len(people))
	for i, p := range people {
		at[p.ID] = i
	}
	done := make([]bool, len(people))
	order := make([]int, 0, len(people))
	var visit func(i, depth int)
	visit = func(i, depth int) {
		if done[i] {
			return
		}
		done[i] = true
		if j, ok := at[people[i].ReportsTo]; ok && depth < len(people) {
			visit(j, depth+1)
		}
		order = append(order, i)
	}
	for i := range people {
		visit(i, 0)
	}
	return order
}

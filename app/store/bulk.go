package store

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Import adds every record of w (team, references, accounts, people,
// events, promises) to the workspace in a few large write batches: the
// fast path for bringing in a whole workspace at once, thousands of
// records a second where one Save a record syncs the disk each time. The
// rules of w are not imported; the workspace keeps its own.
//
// Every record must carry its ID and is checked as its Save method checks
// it: it validates; the account of a person, event or promise exists (in w
// or in the workspace); a person's manager works for the same account and
// the reporting line does not loop; the people of an event or a promise
// work for its account; an account's owner is a team member; an event's
// attachments and a person's photo are stored. Import only adds: a
// record whose ID is already in the workspace, or twice in w, is refused.
// Nothing is written unless every record checks out; an error while
// writing (a full disk) can leave part of w written, each record whole
// and indexed.
func (s *Store) Import(w dossier.Workspace) error {
	if err := s.writable(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db.IsClosed() {
		return errors.New("the workspace is closed")
	}
	var recs []importRecord
	err := s.db.View(func(txn *badger.Txn) error {
		c := importCheck{txn: txn, w: &w, now: s.now()}
		var err error
		recs, err = c.run()
		return err
	})
	if err != nil {
		return dossier.Err("import", nil, err)
	}
	size := int64(saveBudget)
	for _, r := range recs {
		size += int64(len(r.value)) + 64
	}
	if err := s.room(size); err != nil {
		return dossier.Err("import", nil, err)
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	defer s.changes.note(nil) // after the flush, written or not
	for _, r := range recs {
		if r.k.byAcct {
			if err := wb.Set(r.k.ixKey(r.acct, r.id), nil); err != nil {
				return dossier.Err("import", nil, err)
			}
		}
		if err := setRecordIn(wb, r.k.key(r.id), r.value); err != nil {
			return dossier.Err("import", nil, err)
		}
	}
	if err := wb.Flush(); err != nil {
		return dossier.Err("import", nil, err)
	}
	return nil
}

// importRecord is one record of an import, encoded and ready to write.
type importRecord struct {
	k     kind
	id    string
	acct  string // the account, for kinds indexed by account
	value []byte
}

// importCheck checks the records of an import against each other and the
// workspace seen by txn.
type importCheck struct {
	txn  *badger.Txn
	w    *dossier.Workspace
	now  time.Time
	ids  map[string]bool   // kind name + "/" + ID of every record of w
	acct map[string]string // person ID → account ID, for the people of w
	boss map[string]string // person ID → manager ID, for the people of w
	out  []importRecord
}

func (c *importCheck) run() ([]importRecord, error) {
	w := c.w
	c.ids = map[string]bool{}
	c.acct = make(map[string]string, len(w.People))
	c.boss = make(map[string]string, len(w.People))
	n := len(w.Team) + len(w.References) + len(w.Accounts) + len(w.People) + len(w.Events) + len(w.Promises)
	c.out = make([]importRecord, 0, n)
	// IDs first, so that records may name records later in w.
	for _, r := range w.Team {
		if err := c.newID(kTeam, r.ID); err != nil {
			return nil, err
		}
	}
	for _, r := range w.References {
		if err := c.newID(kReference, r.ID); err != nil {
			return nil, err
		}
	}
	for _, r := range w.Accounts {
		if err := c.newID(kAccount, r.ID); err != nil {
			return nil, err
		}
	}
	for _, p := range w.People {
		if err := c.newID(kPerson, p.ID); err != nil {
			return nil, err
		}
		c.acct[p.ID], c.boss[p.ID] = p.AccountID, p.ReportsTo
	}
	for _, r := range w.Events {
		if err := c.newID(kEvent, r.ID); err != nil {
			return nil, err
		}
	}
	for _, r := range w.Promises {
		if err := c.newID(kPromise, r.ID); err != nil {
			return nil, err
		}
	}

	for _, m := range w.Team {
		stamp(&m.Created, &m.Updated, c.now)
		if err := m.Validate(); err != nil {
			return nil, dossier.Err("team member {{.Member}}", map[string]any{"Member": label(m.Name, m.ID)}, err)
		}
		if err := c.add(kTeam, m.ID, "", &m); err != nil {
			return nil, err
		}
	}
	for _, r := range w.References {
		stamp(&r.Created, &r.Updated, c.now)
		if err := r.Validate(); err != nil {
			return nil, dossier.Err("reference {{.Reference}}", map[string]any{"Reference": label(r.Project, r.ID)}, err)
		}
		if err := c.add(kReference, r.ID, "", &r); err != nil {
			return nil, err
		}
	}
	for _, a := range w.Accounts {
		stamp(&a.Created, &a.Updated, c.now)
		if err := a.Validate(); err != nil {
			return nil, dossier.Err("account {{.Account}}", map[string]any{"Account": label(a.Name, a.ID)}, err)
		}
		if a.Owner != "" {
			if err := c.exists(kTeam, a.Owner); err != nil {
				return nil, dossier.Err("account {{.Account}}: owner", map[string]any{"Account": label(a.Name, a.ID)}, err)
			}
		}
		if err := c.add(kAccount, a.ID, "", &a); err != nil {
			return nil, err
		}
	}
	for _, p := range w.People {
		stamp(&p.Created, &p.Updated, c.now)
		if err := p.Validate(); err != nil {
			return nil, dossier.Err("person {{.Person}}", map[string]any{"Person": label(p.Name, p.ID)}, err)
		}
		if err := c.exists(kAccount, p.AccountID); err != nil {
			return nil, dossier.Err("person {{.Person}}", map[string]any{"Person": label(p.Name, p.ID)}, err)
		}
		if err := c.checkManager(&p); err != nil {
			return nil, err
		}
		if p.Photo != nil {
			if ok, err := exists(c.txn, fileKey(p.Photo.FileID, 0)); err != nil {
				return nil, err
			} else if !ok {
				return nil, dossier.Err("person {{.Person}}: photo {{.File}}", map[string]any{"Person": label(p.Name, p.ID), "File": p.Photo.Name}, dossier.ErrNotFound)
			}
		}
		if err := c.add(kPerson, p.ID, p.AccountID, &p); err != nil {
			return nil, err
		}
	}
	for _, e := range w.Events {
		stamp(&e.Created, &e.Updated, c.now)
		if err := e.Validate(); err != nil {
			return nil, dossier.Err("event {{.Event}}", map[string]any{"Event": label(e.Title, e.ID)}, err)
		}
		if err := c.checkAccountPeople(e.AccountID, e.People); err != nil {
			return nil, dossier.Err("event {{.Event}}", map[string]any{"Event": label(e.Title, e.ID)}, err)
		}
		for _, a := range e.Attachments {
			if ok, err := exists(c.txn, fileKey(a.FileID, 0)); err != nil {
				return nil, err
			} else if !ok && a.Size > 0 {
				return nil, dossier.Err("event {{.Event}}: attachment {{.File}}", map[string]any{"Event": label(e.Title, e.ID), "File": a.Name}, dossier.ErrNotFound)
			}
		}
		if err := c.add(kEvent, e.ID, e.AccountID, &e); err != nil {
			return nil, err
		}
	}
	for _, pr := range w.Promises {
		stamp(&pr.Created, &pr.Updated, c.now)
		if err := pr.Validate(); err != nil {
			return nil, dossier.Err("promise {{.Promise}}", map[string]any{"Promise": pr.ID}, err)
		}
		if err := c.checkAccountPeople(pr.AccountID, pr.People); err != nil {
			return nil, dossier.Err("promise {{.Promise}}", map[string]any{"Promise": pr.ID}, err)
		}
		if err := c.add(kPromise, pr.ID, pr.AccountID, &pr); err != nil {
			return nil, err
		}
	}
	return c.out, nil
}

// newID registers the ID of a record of w, refusing a missing ID, one
// given twice and one the workspace already has.
func (c *importCheck) newID(k kind, id string) error {
	if id == "" {
		return dossier.Err("a {{.Kind}} has no ID", map[string]any{"Kind": k.noun}, dossier.ErrInvalid)
	}
	if err := validID(k, id); err != nil {
		return err
	}
	if c.ids[k.name+"/"+id] {
		return dossier.Err(`{{.Kind}} ID "{{.ID}}" is given twice`, map[string]any{"Kind": k.noun, "ID": id}, dossier.ErrConflict)
	}
	c.ids[k.name+"/"+id] = true
	if ok, err := exists(c.txn, k.key(id)); err != nil {
		return err
	} else if ok {
		return dossier.Err(`the workspace already has a {{.Kind}} with ID "{{.ID}}"`, map[string]any{"Kind": k.noun, "ID": id}, dossier.ErrConflict)
	}
	return nil
}

// exists checks that the record of kind k with id is in w or in the
// workspace.
func (c *importCheck) exists(k kind, id string) error {
	if c.ids[k.name+"/"+id] {
		return nil
	}
	if err := validID(k, id); err != nil {
		return err
	}
	if ok, err := exists(c.txn, k.key(id)); err != nil {
		return err
	} else if !ok {
		return notFound(k, id)
	}
	return nil
}

// person returns the account and manager of person id, from w or the
// workspace.
func (c *importCheck) person(id string) (acct, boss string, err error) {
	if a, ok := c.acct[id]; ok {
		return a, c.boss[id], nil
	}
	if err := validID(kPerson, id); err != nil {
		return "", "", err
	}
	var p dossier.Person
	if err := get(c.txn, kPerson, id, &p); err != nil {
		return "", "", err
	}
	return p.AccountID, p.ReportsTo, nil
}

// checkManager is the import's checkManager: the reporting line of p
// stays within p's account and does not loop.
func (c *importCheck) checkManager(p *dossier.Person) error {
	seen := map[string]bool{p.ID: true}
	for id := p.ReportsTo; id != ""; {
		if seen[id] {
			return dossier.Err("person {{.Person}}: reports_to: the reporting line would loop back to them",
				map[string]any{"Person": label(p.Name, p.ID)}, dossier.ErrConflict)
		}
		seen[id] = true
		acct, boss, err := c.person(id)
		if err != nil {
			return dossier.Err("person {{.Person}}: reports_to", map[string]any{"Person": label(p.Name, p.ID)}, err)
		}
		if acct != p.AccountID {
			return dossier.Err("person {{.Person}}: reports_to: {{.Manager}} works for another account",
				map[string]any{"Person": label(p.Name, p.ID), "Manager": id}, dossier.ErrConflict)
		}
		id = boss
	}
	return nil
}

func (c *importCheck) checkAccountPeople(acct string, people []string) error {
	if err := c.exists(kAccount, acct); err != nil {
		return err
	}
	for _, id := range people {
		a, _, err := c.person(id)
		if err != nil {
			return err
		}
		if a != acct {
			return dossier.Err("{{.Person}} works for another account", map[string]any{"Person": id}, dossier.ErrConflict)
		}
	}
	return nil
}

func (c *importCheck) add(k kind, id, acct string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.out = append(c.out, importRecord{k: k, id: id, acct: acct, value: b})
	return nil
}

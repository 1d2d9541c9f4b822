package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// Accounts returns every account, most important first.
func (s *Store) Accounts() ([]dossier.Account, error) {
	var out []dossier.Account
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = list[dossier.Account](txn, kAccount)
		return err
	})
	dossier.SortAccounts(out)
	return out, err
}

// Account returns the account with id.
func (s *Store) Account(id string) (dossier.Account, error) {
	var a dossier.Account
	if err := validID(kAccount, id); err != nil {
		return a, err
	}
	err := s.view(func(txn *badger.Txn) error { return get(txn, kAccount, id, &a) })
	return a, err
}

// SaveAccount validates a and writes it, giving it an ID when it has none.
// On success a carries its ID and time stamps.
// A record without an ID is created (see CreateAccount); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SaveAccount(a *dossier.Account) error { return s.saveAccount(a, a.ID == "") }

// CreateAccount adds a new account: without an ID it is given a fresh one,
// with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreateAccount(a *dossier.Account) error { return s.saveAccount(a, true) }

func (s *Store) saveAccount(a *dossier.Account, create bool) error {
	return saveRecord(s, a, create, accountSaving())
}

// accountSaving is how Save and Put write accounts.
func accountSaving() saving[dossier.Account] {
	return saving[dossier.Account]{
		k: kAccount, fallback: "account",
		of: func(c *dossier.Account) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, name: c.Name, label: label(c.Name, c.ID)}
		},
		touched: func(c *dossier.Account) touch { return touch{accounts: []string{c.ID}} },
		check: func(txn *badger.Txn, c *dossier.Account) error {
			if c.Owner != "" {
				if ok, err := exists(txn, kTeam.key(c.Owner)); err != nil {
					return err
				} else if !ok {
					return dossier.Err("account {{.Account}}: owner", map[string]any{"Account": label(c.Name, c.ID)}, notFound(kTeam, c.Owner))
				}
			}
			return nil
		},
	}
}

func label(name, id string) string {
	if strings.TrimSpace(name) != "" {
		return fmt.Sprintf("%q", name)
	}
	if id == "" {
		return "(new)"
	}
	return id
}

// People returns the people of account acct, or everybody when acct is
// empty, in dossier order (decision makers first).
func (s *Store) People(acct string) ([]dossier.Person, error) {
	var out []dossier.Person
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = listAllOrOf[dossier.Person](txn, kPerson, acct)
		return err
	})
	dossier.SortPeople(out)
	return out, err
}

// Person returns the person with id.
func (s *Store) Person(id string) (dossier.Person, error) {
	var p dossier.Person
	if err := validID(kPerson, id); err != nil {
		return p, err
	}
	err := s.view(func(txn *badger.Txn) error { return get(txn, kPerson, id, &p) })
	return p, err
}

// SavePerson validates p and writes it. The account must exist; the
// manager p reports to must be a person of the same account, and the
// reporting line may not loop back to p.
// A record without an ID is created (see CreatePerson); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SavePerson(p *dossier.Person) error { return s.savePerson(p, p.ID == "") }

// CreatePerson adds a new person: without an ID it is given a fresh one,
// with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreatePerson(p *dossier.Person) error { return s.savePerson(p, true) }

func (s *Store) savePerson(p *dossier.Person, create bool) error {
	var was personWas
	return saveRecord(s, p, create, personSaving(&was, nil))
}

// personWas is what a person's save reads of the person as stored, when
// it was.
type personWas struct {
	AccountID string `json:"account_id"`
	Photo     *struct {
		FileID string `json:"file_id"`
	} `json:"photo"`
}

// personSaving is how Save and Put write people; check fills was. photo
// is the bytes of a new photo (SavePersonWithPhoto), written under the
// person's Photo.FileID, nil when the person's photo is stored already
// or they have none.
func personSaving(was *personWas, photo []byte) saving[dossier.Person] {
	return saving[dossier.Person]{
		k: kPerson, fallback: "person",
		of: func(c *dossier.Person) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, account: c.AccountID,
				name: c.Name, label: label(c.Name, c.ID)}
		},
		touched: func(c *dossier.Person) touch { return touch{accounts: []string{c.AccountID, was.AccountID}} },
		check: func(txn *badger.Txn, c *dossier.Person) error {
			if err := get(txn, kPerson, c.ID, &was); err != nil && !errors.Is(err, dossier.ErrNotFound) {
				return err
			}
			if ok, err := exists(txn, kAccount.key(c.AccountID)); err != nil {
				return err
			} else if !ok {
				return dossier.Err("person {{.Person}}", map[string]any{"Person": label(c.Name, c.ID)}, notFound(kAccount, c.AccountID))
			}
			if err := checkManager(txn, c); err != nil {
				return err
			}
			return savePhoto(txn, c, was, photo)
		},
		extra: int64(len(photo)),
	}
}

func checkManager(txn *badger.Txn, p *dossier.Person) error {
	seen := map[string]bool{p.ID: true}
	for id := p.ReportsTo; id != ""; {
		if seen[id] {
			return dossier.Err("person {{.Person}}: reports_to: the reporting line would loop back to them",
				map[string]any{"Person": label(p.Name, p.ID)}, dossier.ErrConflict)
		}
		seen[id] = true
		var m dossier.Person
		if err := get(txn, kPerson, id, &m); err != nil {
			return dossier.Err("person {{.Person}}: reports_to", map[string]any{"Person": label(p.Name, p.ID)}, err)
		}
		if m.AccountID != p.AccountID {
			return dossier.Err("person {{.Person}}: reports_to: {{.Manager}} works for another account",
				map[string]any{"Person": label(p.Name, p.ID), "Manager": m.Name}, dossier.ErrConflict)
		}
		id = m.ReportsTo
	}
	return nil
}

// Events returns the timeline events of account acct, newest first.
func (s *Store) Events(acct string) ([]dossier.Event, error) {
	if err := validID(kAccount, acct); err != nil {
		return nil, err
	}
	var out []dossier.Event
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = listOf[dossier.Event](txn, kEvent, acct)
		return err
	})
	sortBy(out, func(e dossier.Event) string { return invert(e.Date.String()) + e.ID })
	return out, err
}

// SaveEvent validates e and writes it; the account and the people involved
// must exist.
// A record without an ID is created (see CreateEvent); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SaveEvent(e *dossier.Event) error { return s.saveEvent(e, e.ID == "") }

// CreateEvent adds a new event: without an ID it is given a fresh one,
// with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreateEvent(e *dossier.Event) error { return s.saveEvent(e, true) }

func (s *Store) saveEvent(e *dossier.Event, create bool) error {
	return saveRecord(s, e, create, eventSaving())
}

// eventSaving is how Save and Put write events.
func eventSaving() saving[dossier.Event] {
	return saving[dossier.Event]{
		k: kEvent, fallback: "event",
		of: func(c *dossier.Event) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, account: c.AccountID,
				name: c.Title, label: label(c.Title, c.ID)}
		},
		// Events and promises are not read by the readiness check.
		touched: func(*dossier.Event) touch { return touch{} },
		check: func(txn *badger.Txn, c *dossier.Event) error {
			if err := checkAccountPeople(txn, c.AccountID, c.People); err != nil {
				return dossier.Err("event {{.Event}}", map[string]any{"Event": label(c.Title, c.ID)}, err)
			}
			for _, a := range c.Attachments {
				if ok, err := exists(txn, fileKey(a.FileID, 0)); err != nil {
					return err
				} else if !ok && a.Size > 0 {
					return dossier.Err("event {{.Event}}: attachment {{.File}}", map[string]any{"Event": label(c.Title, c.ID), "File": a.Name}, dossier.ErrNotFound)
				}
			}
			return nil
		},
	}
}

// Promises returns the promises made to account acct, by due date.
func (s *Store) Promises(acct string) ([]dossier.Promise, error) {
	if err := validID(kAccount, acct); err != nil {
		return nil, err
	}
	var out []dossier.Promise
	err := s.view(func(txn *badger.Txn) (err error) {
		out, err = listOf[dossier.Promise](txn, kPromise, acct)
		return err
	})
	sortBy(out, func(p dossier.Promise) string { return p.Due.String() + p.ID })
	return out, err
}

// SavePromise validates p and writes it; the account and the people must
// exist.
// A record without an ID is created (see CreatePromise); one with an ID is
// updated and must exist, else the error matches dossier.ErrConflict.
func (s *Store) SavePromise(p *dossier.Promise) error { return s.savePromise(p, p.ID == "") }

// CreatePromise adds a new promise: without an ID it is given a fresh one,
// with an ID that ID must be free (else the error matches
// dossier.ErrConflict).
func (s *Store) CreatePromise(p *dossier.Promise) error { return s.savePromise(p, true) }

func (s *Store) savePromise(p *dossier.Promise, create bool) error {
	return saveRecord(s, p, create, promiseSaving())
}

// promiseSaving is how Save and Put write promises.
func promiseSaving() saving[dossier.Promise] {
	return saving[dossier.Promise]{
		k: kPromise, fallback: "promise",
		// A promise is named by its ID (as in bulk.go), except where its ID
		// is refused.
		of: func(c *dossier.Promise) recordOf {
			return recordOf{id: &c.ID, created: &c.Created, updated: &c.Updated, account: c.AccountID,
				name: c.Text, label: c.ID, claimLabel: label(c.Text, c.ID)}
		},
		// Events and promises are not read by the readiness check.
		touched: func(*dossier.Promise) touch { return touch{} },
		check: func(txn *badger.Txn, c *dossier.Promise) error {
			if err := checkAccountPeople(txn, c.AccountID, c.People); err != nil {
				return dossier.Err("promise {{.Promise}}", map[string]any{"Promise": c.ID}, err)
			}
			return nil
		},
	}
}

func checkAccountPeople(txn *badger.Txn, acct string, people []string) error {
	if ok, err := exists(txn, kAccount.key(acct)); err != nil {
		return err
	} else if !ok {
		return notFound(kAccount, acct)
	}
	for _, id := range people {
		var p dossier.Person
		if err := get(txn, kPerson, id, &p); err != nil {
			return err
		}
		if p.AccountID != acct {
			return dossier.Err("{{.Person}} works for another account", map[string]any{"Person": p.Name}, dossier.ErrConflict)
		}
	}
	return nil
}

// Workspace returns every dossier record at one moment, for search and
// export.
func (s *Store) Workspace() (dossier.Workspace, error) {
	return s.workspace(true)
}

// Overview is the workspace as the lists see it (the accounts list, the
// agenda, coverage): the rules, the accounts, the promises and the people
// as their summaries (dossier.Person.Summary); no events, team or
// references, which none of them show. At 100,000 people it reads a
// fraction of what Workspace reads.
func (s *Store) Overview() (dossier.Workspace, error) {
	return s.workspace(false)
}

// OverviewWithoutPeople is Overview without the people: the rules, the
// accounts and the promises, for a caller that reads the people's
// summaries as it goes (EachPersonSummary).
func (s *Store) OverviewWithoutPeople() (dossier.Workspace, error) {
	return s.readWorkspace(func(*badger.Txn, *dossier.Workspace) error { return nil })
}

// OverviewEach is Overview with the people not kept: begin is called with
// the workspace read so far (rules, accounts in their order, promises),
// then each with every person's summary in the store's order, decoded
// into the same Person each time (each copies what it keeps), all at one
// moment. The workspace returned has no people. At 100,000 people the
// agenda holds a fifth of what it held with Overview.
func (s *Store) OverviewEach(begin func(w *dossier.Workspace), each func(p *dossier.Person)) (dossier.Workspace, error) {
	return s.readWorkspace(func(txn *badger.Txn, w *dossier.Workspace) error {
		begin(w)
		return eachSummary(txn, func(p *dossier.Person) error {
			each(p)
			return nil
		})
	})
}

// workspace reads the dossier at one moment: every record when whole,
// else the records of Overview.
func (s *Store) workspace(whole bool) (dossier.Workspace, error) {
	return s.readWorkspace(func(txn *badger.Txn, w *dossier.Workspace) (err error) {
		if !whole {
			w.People, err = listSummaries(txn)
			return err
		}
		if w.People, err = list[dossier.Person](txn, kPerson); err != nil {
			return err
		}
		if w.Team, err = list[dossier.TeamMember](txn, kTeam); err != nil {
			return err
		}
		if w.References, err = list[dossier.Reference](txn, kReference); err != nil {
			return err
		}
		w.Events, err = list[dossier.Event](txn, kEvent)
		return err
	})
}

// readWorkspace reads the rules, then at one moment the accounts (in
// their order) and the promises, and whatever more reads.
func (s *Store) readWorkspace(more func(txn *badger.Txn, w *dossier.Workspace) error) (dossier.Workspace, error) {
	return s.readWorkspaceOf(readAccountsAndPromises, more)
}

// readWorkspaceOf is readWorkspace with the accounts and promises read
// by read (readAccountsAndPromises, or agendaAccountsAndPromises).
func (s *Store) readWorkspaceOf(read func(txn *badger.Txn, w *dossier.Workspace) error, more func(txn *badger.Txn, w *dossier.Workspace) error) (dossier.Workspace, error) {
	var w dossier.Workspace
	rules, err := s.Rules()
	if err != nil {
		return w, err
	}
	w.Rules = rules
	err = s.view(func(txn *badger.Txn) (err error) {
		if err := read(txn, &w); err != nil {
			return err
		}
		dossier.SortAccounts(w.Accounts)
		return more(txn, &w)
	})
	return w, err
}

// readAccountsAndPromises reads every account and promise whole.
func readAccountsAndPromises(txn *badger.Txn, w *dossier.Workspace) (err error) {
	if w.Accounts, err = list[dossier.Account](txn, kAccount); err != nil {
		return err
	}
	w.Promises, err = list[dossier.Promise](txn, kPromise)
	return err
}

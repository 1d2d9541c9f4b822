// Package accounts is the accounts area of the desk: the list of key
// accounts, an account's dossier with its org chart and timeline, the
// account and person editors, and the list of people across accounts.
// Its screens reach the workspace through Store and the rest of the desk
// through ui.Host; they open the places "accounts", "account/ID",
// "account-edit/ID", "person/ID" and "people".
package accounts

import (
	"io"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// Store is what the accounts area (the accounts and people lists, the
// dossier, the account and person editors, the timeline) needs from the
// workspace.
type Store interface {
	Accounts() ([]dossier.Account, error)
	Overview() (dossier.Workspace, error)
	OverviewEach(begin func(w *dossier.Workspace), each func(p *dossier.Person)) (dossier.Workspace, error)
	PeopleSummaries() ([]dossier.Person, error)
	Account(id string) (dossier.Account, error)
	SaveAccount(a *dossier.Account) error
	DeleteAccount(id string) (dossier.BinEntry, error)
	People(acct string) ([]dossier.Person, error)
	Person(id string) (dossier.Person, error)
	SavePerson(p *dossier.Person) error
	// SavePersonWithPhoto saves p with data, an image file named name, as
	// their new photo, in one transaction.
	SavePersonWithPhoto(p *dossier.Person, name string, data []byte) error
	// ImportPeople adds and fills in people all or nothing (an import of
	// contact cards), with the bytes of their new photos by SHA-256.
	ImportPeople(added, updated []dossier.Person, photos map[string][]byte) error
	// ImportAccounts adds and fills in accounts all or nothing (an
	// import of a CSV file of accounts).
	ImportAccounts(added, updated []dossier.Account) error
	// SaveMapping and Mapping keep the mapping of a CSV file's columns
	// (header → field) chosen for an import, by name.
	SaveMapping(kind, name string, m map[string]string) error
	Mapping(kind, name string) (map[string]string, error)
	DeletePerson(id string) (dossier.BinEntry, error)
	PersonalData(id string) (dossier.PersonalData, error)
	ErasePerson(id string, o dossier.EraseOptions) error
	Events(acct string) ([]dossier.Event, error)
	SaveEvent(e *dossier.Event) error
	DeleteEvent(id string) (dossier.BinEntry, error)
	Promises(acct string) ([]dossier.Promise, error)
	SavePromise(p *dossier.Promise) error
	DeletePromise(id string) (dossier.BinEntry, error)
	PutFile(name string, r io.Reader) (dossier.Attachment, error)
	File(a dossier.Attachment) ([]byte, error)
	Team() ([]dossier.TeamMember, error)
	Rules() (dossier.Rules, error)
	Restore(id string) error // undoes a deletion
	ui.SnapshotStore         // what was sent, from the timeline
}

package handover

import (
	"slices"
	"time"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Source is what Gather reads of a workspace (the store).
type Source interface {
	Account(id string) (dossier.Account, error)
	People(acct string) ([]dossier.Person, error)
	Events(acct string) ([]dossier.Event, error)
	Promises(acct string) ([]dossier.Promise, error)
	Proposals(acct string) ([]proposal.Proposal, error)
	Snapshot(prop, snap string) (proposal.Snapshot, error)
	Section(id string) (proposal.Section, error)
	TeamMember(id string) (dossier.TeamMember, error)
	Reference(id string) (dossier.Reference, error)
	File(a dossier.Attachment) ([]byte, error)
}

// Gather collects the bundle of account acct from src: the account, its
// people with their photos, events with their attachments, promises and proposals with the
// copies of what was sent, and the library sections, team members and
// references the account and its proposals use. made and schema go into
// its manifest.
func Gather(src Source, acct string, made time.Time, schema int) (*Bundle, error) {
	b := &Bundle{Made: made, Schema: schema, Files: map[string][]byte{}}
	var err error
	if b.Account, err = src.Account(acct); err != nil {
		return nil, err
	}
	if b.People, err = src.People(acct); err != nil {
		return nil, err
	}
	if b.Events, err = src.Events(acct); err != nil {
		return nil, err
	}
	if b.Promises, err = src.Promises(acct); err != nil {
		return nil, err
	}
	if b.Proposals, err = src.Proposals(acct); err != nil {
		return nil, err
	}
	files := func(as ...dossier.Attachment) error {
		for _, a := range as {
			if _, ok := b.Files[a.FileID]; ok || a.FileID == "" {
				continue
			}
			data, err := src.File(a)
			if err != nil {
				return err
			}
			b.Files[a.FileID] = data
		}
		return nil
	}
	for _, p := range b.People {
		if p.Photo != nil {
			if err := files(p.Photo.Attachment); err != nil {
				return nil, err
			}
		}
	}
	for _, e := range b.Events {
		if err := files(e.Attachments...); err != nil {
			return nil, err
		}
	}
	var team, refs, secs []string
	if b.Account.Owner != "" {
		team = append(team, b.Account.Owner)
	}
	for _, p := range b.Proposals {
		for _, s := range p.Sendings {
			snap, err := src.Snapshot(p.ID, s.ID)
			if err != nil {
				return nil, err
			}
			b.Sent = append(b.Sent, snap)
		}
		if p.Author != "" {
			team = append(team, p.Author)
		}
		for _, c := range p.Credits {
			team = append(team, c.MemberID)
		}
		refs = append(refs, p.References...)
		for _, it := range p.Items {
			if it.SectionID != "" && !it.Custom {
				secs = append(secs, it.SectionID)
			}
		}
	}
	if b.Team, err = each(team, src.TeamMember); err != nil {
		return nil, err
	}
	if b.References, err = each(refs, src.Reference); err != nil {
		return nil, err
	}
	if b.Sections, err = each(secs, src.Section); err != nil {
		return nil, err
	}
	return b, nil
}

// each reads the records of ids, each once, in ID order.
func each[T any](ids []string, get func(string) (T, error)) ([]T, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		r, err := get(id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Counts are the records of a bundle by kind, as reports show them.
type Counts struct {
	People      int `json:"people"`
	Events      int `json:"timeline_entries"`
	Attachments int `json:"attachments"` // the files: events' attachments and people's photos
	Promises    int `json:"promises"`
	Proposals   int `json:"proposals"`
	Sent        int `json:"sent_copies"`
	Sections    int `json:"sections"`
	Team        int `json:"team_members"`
	References  int `json:"references"`
}

// Count counts the records of b.
func (b *Bundle) Count() Counts {
	return Counts{People: len(b.People), Events: len(b.Events), Attachments: len(b.Files), Promises: len(b.Promises),
		Proposals: len(b.Proposals), Sent: len(b.Sent), Sections: len(b.Sections), Team: len(b.Team), References: len(b.References)}
}

package store

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// PersonalData gathers everything the workspace keeps about person id, for
// a subject-access request: the record, the events, promises and
// colleagues' records that involve or name the person
// (dossier.CollectPersonalData), the proposals addressed to them and sent
// to them with the copies that name them, and the deletions in the bin
// that hold their record or name.
func (s *Store) PersonalData(id string) (dossier.PersonalData, error) {
	var out dossier.PersonalData
	if err := validID(kPerson, id); err != nil {
		return out, err
	}
	err := s.view(func(txn *badger.Txn) error {
		var p dossier.Person
		if err := get(txn, kPerson, id, &p); err != nil {
			return err
		}
		var acct dossier.Account
		if err := get(txn, kAccount, p.AccountID, &acct); err != nil {
			return err
		}
		people, err := listOf[dossier.Person](txn, kPerson, p.AccountID)
		if err != nil {
			return err
		}
		events, err := listOf[dossier.Event](txn, kEvent, p.AccountID)
		if err != nil {
			return err
		}
		promises, err := listOf[dossier.Promise](txn, kPromise, p.AccountID)
		if err != nil {
			return err
		}
		out = dossier.CollectPersonalData(p, acct.Name, people, events, promises)
		props, err := listOf[proposal.Proposal](txn, kProposal, p.AccountID)
		if err != nil {
			return err
		}
		for _, pr := range props {
			out.Mentions = append(out.Mentions, proposalMentions(&p, &pr)...)
		}
		bin, err := binMentions(txn, &p)
		out.Mentions = append(out.Mentions, bin...)
		return err
	})
	return out, err
}

// proposalMentions are the ways proposal pr concerns person p: its
// sendings to them, and the variant of their stakeholder type that
// addresses them by name while it is a draft.
func proposalMentions(p *dossier.Person, pr *proposal.Proposal) []dossier.Mention {
	var out []dossier.Mention
	for _, snd := range pr.Sendings {
		for _, v := range snd.Variants {
			if slices.Contains(v.People, p.Name) {
				out = append(out, dossier.Mention{Kind: "sent copy", ID: pr.ID + "/" + snd.ID, Date: snd.On,
					Title: pr.Title, How: "sent to them (" + string(v.Audience) + " variant, revision " + strconv.Itoa(snd.Revision) + ")"})
			}
		}
	}
	if pr.SentRevision() < pr.Rev() && p.Type != dossier.OtherType {
		out = append(out, dossier.Mention{Kind: "proposal", ID: pr.ID, Date: pr.Issued, Title: pr.Title,
			How: "addressed by name in the " + string(p.Type) + " variant"})
	}
	return out
}

// binMentions are the deletions in the bin whose records hold p's record
// or name p.
func binMentions(txn *badger.Txn, p *dossier.Person) ([]dossier.Mention, error) {
	var out []dossier.Mention
	it := txn.NewIterator(badger.DefaultIteratorOptions)
	defer it.Close()
	pfx := []byte("bin/")
	idKey := kPerson.key(p.ID)
	for it.Seek(pfx); it.ValidForPrefix(pfx); it.Next() {
		var b binBody
		if err := it.Item().Value(func(v []byte) error { return json.Unmarshal(v, &b) }); err != nil {
			continue // a damaged entry is reported by Bin
		}
		how := ""
		for _, r := range append(b.Removed, b.Changed...) {
			switch {
			case bytes.Equal(r.Key, idKey):
				how = "holds their record"
			case how == "" && dossier.MentionsName(string(r.Old), p.Name):
				how = "names them"
			}
		}
		if how != "" {
			out = append(out, dossier.Mention{Kind: "bin", ID: b.ID, Title: b.What + " “" + b.Label + "”",
				Date: dossier.DateOf(b.Deleted), How: how})
		}
	}
	return out, nil
}

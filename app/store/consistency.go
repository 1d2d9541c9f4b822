package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// checkRecords is the consistency pass over the store's own keys, run
// before opening a workspace that was not closed properly: every record
// decodes, the index entry of every record indexed by account is there
// (ix/<kind>/<account>/<id>), every index entry points to its record
// under the same account, every attachment of an event and every
// person's photo is there, every
// person has its summary (summary.go) and every summary its person, and
// the bin, the sent copies and the schema version decode.
//
// An index entry or a summary whose record is missing, and a record
// whose summary is missing, are what an import cut short leaves (Import
// writes an index entry, its record and its summary, in batches that
// commit one after another): they are noted, to be mended after opening.
// Anything else is damage.
func (st *dbState) checkRecords() error {
	keys := make([]string, 0, len(st.values))
	for k := range st.values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if err := st.checkKey(key, st.values[key]); err != nil {
			return err
		}
	}
	return nil
}

// decoders decode the records of each kind and return the account they
// belong to, for the kinds indexed by account.
var decoders = map[string]func([]byte) (string, error){
	kAccount.name:   decodeAs[dossier.Account](nil),
	kTeam.name:      decodeAs[dossier.TeamMember](nil),
	kReference.name: decodeAs[dossier.Reference](nil),
	kSection.name:   decodeAs[proposal.Section](nil),
	kPerson.name:    decodeAs(func(p *dossier.Person) string { return p.AccountID }),
	kPromise.name:   decodeAs(func(p *dossier.Promise) string { return p.AccountID }),
	kProposal.name:  decodeAs(func(p *proposal.Proposal) string { return p.AccountID }),
	kEvent.name:     decodeAs(func(e *dossier.Event) string { return e.AccountID }),
}

func decodeAs[T any](account func(*T) string) func([]byte) (string, error) {
	return func(b []byte) (string, error) {
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return "", err
		}
		if account == nil {
			return "", nil
		}
		return account(&v), nil
	}
}

func (st *dbState) live(key string) bool {
	_, ok := st.newest[key]
	return ok
}

func (st *dbState) checkKey(key string, value []byte) error {
	prefix, rest, _ := strings.Cut(key, "/")
	if decode, ok := decoders[prefix]; ok {
		acct, err := decode(value)
		if err != nil {
			return damaged(err, dossier.Err("the record {{.Key}} cannot be read", map[string]any{"Key": squash(key)}, nil))
		}
		if acct != "" && !st.live("ix/"+prefix+"/"+acct+"/"+rest) {
			return damaged(nil, dossier.Err("the index entry of the record {{.Key}} is missing", map[string]any{"Key": squash(key)}, nil))
		}
		if prefix == kEvent.name {
			return st.checkAttachments(key, value)
		}
		if prefix == kPerson.name {
			if err := st.checkPhoto(key, value); err != nil {
				return err
			}
		}
		return st.checkSummary(key, value)
	}
	switch prefix {
	case "sum":
		if _, ok := st.values[rest]; !ok {
			st.dangling = append(st.dangling, []byte(key))
		}
	case "ix":
		parts := strings.SplitN(rest, "/", 3)
		if len(parts) != 3 {
			return nil // not one of this version's
		}
		record := parts[0] + "/" + parts[2]
		v, ok := st.values[record]
		if !ok {
			st.dangling = append(st.dangling, []byte(key))
			return nil
		}
		if decode, ok := decoders[parts[0]]; ok {
			if acct, err := decode(v); err == nil && acct != parts[1] {
				return damaged(nil, dossier.Err("the index entry {{.Key}} points to a record of another account", map[string]any{"Key": squash(key)}, nil))
			}
		}
	case "bin":
		var b binBody
		if err := json.Unmarshal(value, &b); err != nil {
			return damaged(err, dossier.Err("the bin entry {{.Key}} cannot be read", map[string]any{"Key": squash(key)}, nil))
		}
	case "sent":
		// A copy is in parts (sent.go): read it whole from its first.
		first, ok := strings.CutSuffix(key, "/0000")
		if !ok {
			return nil
		}
		var whole []byte
		for i := 0; ; i++ {
			part, ok := st.values[fmt.Sprintf("%s/%04d", first, i)]
			if !ok {
				break
			}
			whole = append(whole, part...)
		}
		var s proposal.Snapshot
		if err := json.Unmarshal(whole, &s); err != nil {
			return damaged(err, dossier.Err("the sent copy {{.Key}} cannot be read", map[string]any{"Key": squash(first)}, nil))
		}
	case "meta":
		if key == string(schemaKey) && len(value) != 4 {
			return damaged(nil, dossier.Err("its schema version has {{.Count}} bytes", map[string]any{"Count": len(value)}, nil))
		}
	}
	return nil
}

// checkSummary notes the summary to write of the record under key, when
// it has none or an outdated one, in a workspace that keeps summaries.
func (st *dbState) checkSummary(key string, value []byte) error {
	sk := summaryKey([]byte(key))
	if sk == nil || !st.summarized() {
		return nil
	}
	want, err := summaryOf([]byte(key), value)
	if err != nil {
		return damaged(err, dossier.Err("the record {{.Key}} cannot be read", map[string]any{"Key": squash(key)}, nil))
	}
	if have, ok := st.values[string(sk)]; !ok || !bytes.Equal(have, want) {
		if st.unsummed == nil {
			st.unsummed = map[string][]byte{}
		}
		st.unsummed[string(sk)] = want
	}
	return nil
}

// summarized reports whether the workspace keeps summaries: its schema
// is 3 or later (an older one gets them when it is migrated).
func (st *dbState) summarized() bool {
	v := st.values[string(schemaKey)]
	return len(v) == 4 && binary.BigEndian.Uint32(v) >= summarySchema
}

// checkAttachments checks that the files of the event stored under key are
// there.
func (st *dbState) checkAttachments(key string, value []byte) error {
	var e dossier.Event
	if err := json.Unmarshal(value, &e); err != nil {
		return damaged(err, dossier.Err("the record {{.Key}} cannot be read", map[string]any{"Key": squash(key)}, nil))
	}
	for _, a := range e.Attachments {
		if !st.live(string(fileKey(a.FileID, 0))) {
			return damaged(nil, dossier.Err("the attachment {{.File}} of the event {{.Event}} is missing", map[string]any{"File": squash(a.Name), "Event": squash(e.ID)}, nil))
		}
	}
	return nil
}

// checkPhoto checks that the photo of the person stored under key is
// there.
func (st *dbState) checkPhoto(key string, value []byte) error {
	var p personWas
	if err := json.Unmarshal(value, &p); err != nil {
		return damaged(err, dossier.Err("the record {{.Key}} cannot be read", map[string]any{"Key": squash(key)}, nil))
	}
	if p.Photo != nil && !st.live(string(fileKey(p.Photo.FileID, 0))) {
		return damaged(nil, dossier.Err("the photo of the person {{.Person}} is missing", map[string]any{"Person": squash(strings.TrimPrefix(key, kPerson.name+"/"))}, nil))
	}
	return nil
}

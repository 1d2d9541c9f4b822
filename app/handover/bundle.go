// Package handover writes and reads a handover bundle: one account with
// everything that belongs to it (people, timeline with its attachments,
// promises, proposals with the copies of what was sent) and the library
// sections, team members and references it uses, in one .kamdesk file.
//
// A bundle is a zip archive. Its first entry, manifest.json, names the
// format and its version, when the bundle was made, the account, the
// workspace schema, and every other entry with its size and SHA-256. The
// other entries are one JSON file a record (account.json, people/ID.json,
// events/ID.json, promises/ID.json, proposals/ID.json,
// sent/PROPOSAL/COPY.json, sections/ID.json, team/ID.json,
// references/ID.json) and the bytes of each attachment (files/ID). A
// reader checks the manifest and every entry before it uses any.
package handover

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"time"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Format is the name of the format in a bundle's manifest; Version its
// version, which a reader must know.
const (
	Format  = "kamdesk-handover"
	Version = 1
)

// Limits of a bundle a reader accepts, against archives built to exhaust
// memory: an entry holds at most one attachment (dossier.MaxFile) or one
// record, and an account has far fewer records than MaxEntries.
const (
	MaxEntry    = dossier.MaxFile + 1<<20
	MaxEntries  = 100_000
	MaxTotal    = 2 << 30
	maxManifest = 32 << 20
)

// ErrBundle matches every refusal of a file that is not a whole handover
// bundle: damaged, cut short, changed after it was made, or no bundle at
// all.
var ErrBundle = errors.New("not a whole handover bundle")

// Bundle is what a handover file holds.
type Bundle struct {
	Made       time.Time
	Schema     int
	Account    dossier.Account
	People     []dossier.Person
	Events     []dossier.Event
	Promises   []dossier.Promise
	Proposals  []proposal.Proposal
	Sent       []proposal.Snapshot // the copies of what was sent, of the proposals
	Sections   []proposal.Section
	Team       []dossier.TeamMember
	References []dossier.Reference
	Files      map[string][]byte // the attachments' bytes by file ID
}

// Manifest is the first entry of a bundle.
type Manifest struct {
	Format  string      `json:"format"`
	Version int         `json:"version"`
	Made    time.Time   `json:"made"`
	Account AccountName `json:"account"`
	Schema  int         `json:"schema"`
	Entries []Entry     `json:"entries"`
}

// AccountName names the account of a bundle.
type AccountName struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Entry is one entry of a bundle as its manifest lists it.
type Entry struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

const manifestName = "manifest.json"

type entry struct {
	name string
	data []byte
}

// entries returns the entries of b, manifest aside, in a stable order.
func (b *Bundle) entries() ([]entry, error) {
	var out []entry
	add := func(name string, v any) error {
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		out = append(out, entry{name, data})
		return nil
	}
	if err := add("account.json", b.Account); err != nil {
		return nil, err
	}
	for _, r := range b.People {
		if err := add("people/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.Events {
		if err := add("events/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.Promises {
		if err := add("promises/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.Proposals {
		if err := add("proposals/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.Sent {
		if err := add("sent/"+r.ProposalID+"/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.Sections {
		if err := add("sections/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.Team {
		if err := add("team/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	for _, r := range b.References {
		if err := add("references/"+r.ID+".json", r); err != nil {
			return nil, err
		}
	}
	ids := make([]string, 0, len(b.Files))
	for id := range b.Files {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		out = append(out, entry{"files/" + id, b.Files[id]})
	}
	return out, nil
}

// Write writes b to w as a bundle.
func Write(w io.Writer, b *Bundle) error {
	entries, err := b.entries()
	if err != nil {
		return err
	}
	m := Manifest{Format: Format, Version: Version, Made: b.Made.UTC().Truncate(time.Second),
		Account: AccountName{b.Account.ID, b.Account.Name}, Schema: b.Schema, Entries: make([]Entry, len(entries))}
	for i, e := range entries {
		sum := sha256.Sum256(e.data)
		m.Entries[i] = Entry{Name: e.name, Size: int64(len(e.data)), SHA256: hex.EncodeToString(sum[:])}
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, e := range append([]entry{{manifestName, mb}}, entries...) {
		method := zip.Deflate
		if strings.HasPrefix(e.name, "files/") {
			method = zip.Store // attachments are mostly compressed already
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: method, Modified: m.Made})
		if err != nil {
			return err
		}
		if _, err := f.Write(e.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// WriteFile writes b to the file at name, whole or not at all: into a
// temporary file beside it, renamed over name once synced.
func WriteFile(name string, b *Bundle) error {
	f, err := os.CreateTemp(path.Dir(toSlash(name)), ".kamdesk-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op after the rename
	if err := Write(f, b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func toSlash(name string) string {
	if os.PathSeparator != '/' {
		return strings.ReplaceAll(name, string(os.PathSeparator), "/")
	}
	return name
}

// at is the data of the refusal of bundle: its name and data.
func at(bundle string, data map[string]any) map[string]any {
	d := map[string]any{"Bundle": bundle}
	for k, v := range data {
		d[k] = v
	}
	return d
}

// ReadFile reads the bundle at name; see Read.
func ReadFile(name string) (*Bundle, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return Read(f, info.Size(), name)
}

// Read reads a bundle of size bytes from r; name names it in errors. The
// manifest and every entry are checked (names, sizes, checksums, the
// limits) before any record is decoded; a file that is not a whole bundle
// is refused with an error that matches ErrBundle and names the entry.
func Read(r io.ReaderAt, size int64, name string) (*Bundle, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, dossier.ErrAs("{{.Bundle}} is not a kamdesk bundle, or it is cut short (it cannot be read as a zip archive)", at(name, nil), ErrBundle)
	}
	if len(zr.File) == 0 || zr.File[0].Name != manifestName {
		return nil, dossier.ErrAs("{{.Bundle}} is not a kamdesk bundle: it does not begin with its manifest", at(name, nil), ErrBundle)
	}
	if len(zr.File) > MaxEntries+1 {
		return nil, dossier.ErrAs("{{.Bundle}} has more than {{.Max}} entries, more than a bundle may hold", at(name, map[string]any{"Max": MaxEntries}), ErrBundle)
	}
	mb, err := readEntry(zr.File[0], maxManifest)
	if err != nil {
		return nil, dossier.ErrAs("{{.Bundle}}: its manifest cannot be read (damaged or too large)", at(name, nil), ErrBundle)
	}
	var m Manifest
	if err := json.Unmarshal(mb, &m); err != nil || m.Format != Format {
		return nil, dossier.ErrAs("{{.Bundle}} is not a kamdesk bundle: its manifest is not one", at(name, nil), ErrBundle)
	}
	if m.Version != Version {
		return nil, dossier.ErrAs("{{.Bundle}} is a bundle of version {{.Version}}, which this kamdesk does not read", at(name, map[string]any{"Version": m.Version}), ErrBundle)
	}
	if len(m.Entries) != len(zr.File)-1 {
		return nil, dossier.ErrAs("{{.Bundle}}: the manifest lists {{.Listed}} entries but the bundle holds {{.Held}}",
			at(name, map[string]any{"Listed": len(m.Entries), "Held": len(zr.File) - 1}), ErrBundle)
	}
	data := make(map[string][]byte, len(m.Entries))
	var total int64
	for i, e := range m.Entries {
		f := zr.File[i+1]
		if f.Name != e.Name || data[e.Name] != nil {
			return nil, dossier.ErrAs("{{.Bundle}}: entry {{.Entry}} is not the one the manifest lists there", at(name, map[string]any{"Entry": f.Name}), ErrBundle)
		}
		if e.Size < 0 || e.Size > MaxEntry || f.UncompressedSize64 > MaxEntry {
			return nil, dossier.ErrAs("{{.Bundle}}: entry {{.Entry}} is larger than a bundle's entries may be", at(name, map[string]any{"Entry": e.Name}), ErrBundle)
		}
		if total += e.Size; total > MaxTotal {
			return nil, dossier.ErrAs("{{.Bundle}} is larger than a bundle may be", at(name, nil), ErrBundle)
		}
		b, err := readEntry(f, e.Size)
		if err != nil || int64(len(b)) != e.Size {
			return nil, dossier.ErrAs("{{.Bundle}}: entry {{.Entry}} is damaged or cut short", at(name, map[string]any{"Entry": e.Name}), ErrBundle)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != e.SHA256 {
			return nil, dossier.ErrAs("{{.Bundle}}: entry {{.Entry}} was changed after the bundle was made (its checksum does not match)", at(name, map[string]any{"Entry": e.Name}), ErrBundle)
		}
		if b == nil {
			b = []byte{}
		}
		data[e.Name] = b
	}
	out := &Bundle{Made: m.Made, Schema: m.Schema, Files: map[string][]byte{}}
	if err := out.decode(data, &m); err != nil {
		return nil, dossier.ErrAs("{{.Bundle}}: {{.Problem}}", at(name, map[string]any{"Problem": err}), ErrBundle)
	}
	return out, nil
}

// readEntry reads f whole, refusing more than max bytes.
func readEntry(f *zip.File, max int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		return nil, ErrBundle
	}
	return buf.Bytes(), nil
}

// decode fills b from the checked entries.
func (b *Bundle) decode(data map[string][]byte, m *Manifest) error {
	bad := func(entry string) error {
		return dossier.Err("entry {{.Entry}} is not a record of its kind", map[string]any{"Entry": entry}, nil)
	}
	acct, ok := data["account.json"]
	if !ok {
		return dossier.Err("it holds no account", nil, nil)
	}
	if json.Unmarshal(acct, &b.Account) != nil || b.Account.ID != m.Account.ID {
		return bad("account.json")
	}
	for _, e := range m.Entries {
		if e.Name == "account.json" {
			continue
		}
		dir, file := path.Split(e.Name)
		id := strings.TrimSuffix(file, ".json")
		v := data[e.Name]
		var err error
		switch dir {
		case "people/":
			err = decodeInto(&b.People, v, id, func(r *dossier.Person) string { return r.ID })
		case "events/":
			err = decodeInto(&b.Events, v, id, func(r *dossier.Event) string { return r.ID })
		case "promises/":
			err = decodeInto(&b.Promises, v, id, func(r *dossier.Promise) string { return r.ID })
		case "proposals/":
			err = decodeInto(&b.Proposals, v, id, func(r *proposal.Proposal) string { return r.ID })
		case "sections/":
			err = decodeInto(&b.Sections, v, id, func(r *proposal.Section) string { return r.ID })
		case "team/":
			err = decodeInto(&b.Team, v, id, func(r *dossier.TeamMember) string { return r.ID })
		case "references/":
			err = decodeInto(&b.References, v, id, func(r *dossier.Reference) string { return r.ID })
		case "files/":
			if !dossier.ValidID(file) {
				return bad(e.Name)
			}
			b.Files[file] = v
			continue
		default:
			prop, ok := strings.CutPrefix(strings.TrimSuffix(dir, "/"), "sent/")
			if !ok || !dossier.ValidID(prop) {
				return dossier.Err("entry {{.Entry}} is not one a bundle holds", map[string]any{"Entry": e.Name}, nil)
			}
			err = decodeInto(&b.Sent, v, id, func(r *proposal.Snapshot) string {
				if r.ProposalID != prop {
					return ""
				}
				return r.ID
			})
		}
		if err != nil || !strings.HasSuffix(file, ".json") {
			return bad(e.Name)
		}
	}
	return nil
}

// decodeInto decodes v as one record, whose ID must be id, and appends it.
func decodeInto[T any](to *[]T, v []byte, id string, idOf func(*T) string) error {
	var r T
	if err := json.Unmarshal(v, &r); err != nil {
		return err
	}
	if !dossier.ValidID(id) || idOf(&r) != id {
		return ErrBundle
	}
	*to = append(*to, r)
	return nil
}

package handover_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/app/handover"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func sample() *handover.Bundle {
	return &handover.Bundle{
		Made:       time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC),
		Schema:     4,
		Account:    dossier.Account{ID: "northbridge", Name: "Northbridge"},
		People:     []dossier.Person{{ID: "ann-k", AccountID: "northbridge", Name: "Ann K"}},
		Events:     []dossier.Event{{ID: "call-1", AccountID: "northbridge", Title: "Call", Attachments: []dossier.Attachment{{FileID: "file-abc", Name: "notes.txt", Size: 5}}}},
		Promises:   []dossier.Promise{{ID: "p-1", AccountID: "northbridge", Text: "Send the price list"}},
		Proposals:  []proposal.Proposal{{ID: "offer", AccountID: "northbridge", Title: "Offer"}},
		Sent:       []proposal.Snapshot{{ID: "v1-x", ProposalID: "offer", Revision: 1}},
		Sections:   []proposal.Section{{ID: "intro", Title: "Intro"}},
		Team:       []dossier.TeamMember{{ID: "me", Name: "Me"}},
		References: []dossier.Reference{{ID: "ref-1", Client: "Acme"}},
		Files:      map[string][]byte{"file-abc": []byte("hello")},
	}
}

func encode(t testing.TB, b *handover.Bundle) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := handover.Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(data []byte) (*handover.Bundle, error) {
	return handover.Read(bytes.NewReader(data), int64(len(data)), "x.kamdesk")
}

func TestBundleRoundTrip(t *testing.T) {
	want := sample()
	dir := t.TempDir()
	name := filepath.Join(dir, "northbridge.kamdesk")
	if err := handover.WriteFile(name, want); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".kamdesk-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	got, err := handover.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := asJSON(t, got), asJSON(t, want); g != w {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

// rezip rewrites the bundle data with edit applied to each entry's bytes
// (the manifest included), keeping the order.
func rezip(t *testing.T, data []byte, edit func(name string, b []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(edit(f.Name, b.Bytes()))
	}
	zw.Close()
	return buf.Bytes()
}

func editManifest(t *testing.T, data []byte, edit func(m *handover.Manifest)) []byte {
	return rezip(t, data, func(name string, b []byte) []byte {
		if name != "manifest.json" {
			return b
		}
		var m handover.Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		edit(&m)
		out, _ := json.Marshal(m)
		return out
	})
}

func TestBrokenBundlesAreRefused(t *testing.T) {
	good := encode(t, sample())
	cases := []struct {
		name, want string
		data       []byte
	}{
		{"one byte of an entry changed", "people/ann-k.json", rezip(t, good, func(name string, b []byte) []byte {
			if name == "people/ann-k.json" {
				b = bytes.Replace(b, []byte("Ann"), []byte("Anm"), 1)
			}
			return b
		})},
		{"a checksum in the manifest changed", "files/file-abc", editManifest(t, good, func(m *handover.Manifest) {
			for i := range m.Entries {
				if m.Entries[i].Name == "files/file-abc" {
					m.Entries[i].SHA256 = strings.Repeat("0", 64)
				}
			}
		})},
		{"an entry larger than it says", "account.json", editManifest(t, good, func(m *handover.Manifest) { m.Entries[0].Size-- })},
		{"an entry too large", "account.json", editManifest(t, good, func(m *handover.Manifest) { m.Entries[0].Size = handover.MaxEntry + 1 })},
		{"an entry not listed", "lists", editManifest(t, good, func(m *handover.Manifest) { m.Entries = m.Entries[1:] })},
		{"another format", "not a kamdesk bundle", editManifest(t, good, func(m *handover.Manifest) { m.Format = "zip" })},
		{"a later version", "version 2", editManifest(t, good, func(m *handover.Manifest) { m.Version = 2 })},
		{"cut short", "cut short", good[:len(good)*2/3]},
		{"not a zip", "not a kamdesk bundle", []byte("BEGIN:VCARD\nEND:VCARD\n")},
		{"empty", "not a kamdesk bundle", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := read(c.data)
			if err == nil || !errors.Is(err, handover.ErrBundle) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "x.kamdesk") {
				t.Fatalf("got %v, %v; want an error matching ErrBundle naming x.kamdesk and %q", b, err, c.want)
			}
		})
	}
}

// TestTooManyEntries: a bundle of more entries than MaxEntries is refused
// before any is read.
func TestTooManyEntries(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("manifest.json")
	w.Write([]byte("{}"))
	for i := 0; i <= handover.MaxEntries; i++ {
		zw.CreateHeader(&zip.FileHeader{Name: "x", Method: zip.Store})
	}
	zw.Close()
	if _, err := read(buf.Bytes()); !errors.Is(err, handover.ErrBundle) || !strings.Contains(err.Error(), "more than") {
		t.Fatalf("got %v", err)
	}
}

// FuzzRead: the reader never panics and never returns a bundle without
// an account; the seeds are in testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Add(encode(f, sample()))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := read(data)
		if err != nil {
			if !errors.Is(err, handover.ErrBundle) {
				t.Fatalf("error not matching ErrBundle: %v", err)
			}
			return
		}
		if b.Account.ID == "" && len(b.People) > 0 {
			t.Fatalf("a bundle without an account read: %+v", b)
		}
	})
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

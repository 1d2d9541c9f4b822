package export_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func sample(t *testing.T) (*proposal.Proposal, *proposal.Context, *store.Store) {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{NoGC: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	today := dossier.MustDate("2026-11-25")
	if _, err := st.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	p, err := st.Proposal("prop-northbridge-modular-controls")
	if err != nil {
		t.Fatal(err)
	}
	ctx, err := st.Context(p.AccountID, today)
	if err != nil {
		t.Fatal(err)
	}
	return &p, ctx, st
}

func TestProposalOneAndAll(t *testing.T) {
	p, ctx, st := sample(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "finance.html")
	got, _, err := export.Proposal(p, ctx, proposal.Finance, export.HTML, file, now, false)
	if err != nil || len(got) != 1 {
		t.Fatalf("export finance: %v, %v", got, err)
	}
	data, _ := os.ReadFile(file)
	for _, want := range []string{"<!DOCTYPE html>", "<table", "Valid until", "Prepared by"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("finance HTML lacks %q", want)
		}
	}
	all := filepath.Join(dir, "all")
	got, _, err = export.Proposal(p, ctx, proposal.All, export.Markdown, all, now, false)
	if err != nil || len(got) != 5 {
		t.Fatalf("export all: %d files, %v; want 5", len(got), err)
	}
	if len(p.Exports) != 6 || p.Exports[5].Format != "md" || p.Exports[5].Audience != proposal.All {
		t.Errorf("exports recorded = %+v", p.Exports)
	}
	if err := st.SaveProposal(p); err != nil {
		t.Errorf("the proposal with its exports does not save: %v", err)
	}
	entries, _ := os.ReadDir(all)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".kamdesk-") {
			t.Errorf("a temporary file was left behind: %s", e.Name())
		}
	}
	if _, _, err := export.Proposal(p, ctx, proposal.Finance, "pdf", file, now, true); !errors.Is(err, proposal.ErrInvalid) {
		t.Errorf("export as pdf: %v, want ErrInvalid", err)
	}
}

func TestLibraryRoundTrip(t *testing.T) {
	_, ctx, _ := sample(t)
	dir := filepath.Join(t.TempDir(), "library")
	files, err := export.Library(dir, ctx.Library, false)
	if err != nil || len(files) != len(ctx.Library) {
		t.Fatalf("Library wrote %d files, %v; want %d", len(files), err, len(ctx.Library))
	}
	back, err := proposal.ParseLibraryDir(os.DirFS(dir))
	if err != nil || len(back) != len(ctx.Library) {
		t.Fatalf("re-reading the exported library: %d sections, %v", len(back), err)
	}
}

func TestWriteFileKeepsTheOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	if err := export.WriteFile(path, []byte("first"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteFile(filepath.Join(dir, "missing", "x.txt"), []byte("y"), 0o600); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "first" {
		t.Errorf("file = %q", b)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
}

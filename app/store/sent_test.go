package store_test

import (
	"bytes"
	"errors"
	"testing"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var today = dossier.MustDate("2026-11-25")

// sendCastellan loads the sample and sends its draft to castellan as
// the desktop does: mark as sent, render the copies, record both.
func sendCastellan(t *testing.T, s *store.Store, on dossier.Date) (proposal.Proposal, proposal.Snapshot, dossier.Event) {
	t.Helper()
	p := draftOf(t, s, "castellan")
	ctx, err := s.Context(p.AccountID, on)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.MarkSent(on, proposal.DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	snap, err := export.Snapshot(&p, ctx, proposal.DefaultSentVariants(ctx))
	if err != nil {
		t.Fatal(err)
	}
	ev := dossier.Event{Kind: dossier.EventLetter, Date: on, Title: "Proposal sent"}
	if err := s.SendProposal(&p, snap, &ev); err != nil {
		t.Fatal(err)
	}
	return p, *snap, ev
}

func draftOf(t *testing.T, s *store.Store, acct string) proposal.Proposal {
	t.Helper()
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	props, err := s.Proposals(acct)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range props {
		if p.Status == proposal.Draft {
			return p
		}
	}
	t.Fatalf("no draft to %s in the sample", acct)
	return proposal.Proposal{}
}

// TestSentCopyIsKeptByteForByte: marking as sent keeps the Markdown and
// HTML of each variant with the date and the audience; the copy reads
// back byte for byte, from the proposal and from the timeline event.
func TestSentCopyIsKeptByteForByte(t *testing.T) {
	s := open(t, t.TempDir())
	on := today.AddDays(-2)
	p, snap, ev := sendCastellan(t, s, on)

	if len(p.Sendings) != 1 || p.Sendings[0].ID != snap.ID || p.Sendings[0].Revision != 1 || p.Sendings[0].On != on {
		t.Fatalf("sendings = %+v, want revision 1 sent on %s as %s", p.Sendings, on, snap.ID)
	}
	if ev.Sent != p.ID+"/"+snap.ID {
		t.Errorf("the event points to %q, want %q", ev.Sent, p.ID+"/"+snap.ID)
	}
	got, err := s.Snapshot(p.ID, snap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Files) == 0 || len(got.Files) != len(snap.Files) {
		t.Fatalf("%d files kept, want %d", len(got.Files), len(snap.Files))
	}
	for i, f := range got.Files {
		want := snap.Files[i]
		if f.Audience != want.Audience || f.Markdown != want.Markdown || !bytes.Equal(f.HTML, want.HTML) || f.Name != want.Name {
			t.Errorf("file %d (%s) differs from what was sent", i, f.Audience)
		}
		if len(f.HTML) < 1000 || !bytes.Contains(f.HTML, []byte("<html")) {
			t.Errorf("file %d (%s) is not a whole HTML document: %d bytes", i, f.Audience, len(f.HTML))
		}
	}
	if got.On != on || got.Revision != 1 || got.ProposalID != p.ID || got.At.IsZero() {
		t.Errorf("snapshot record = %s rev %d of %s at %v", got.On, got.Revision, got.ProposalID, got.At)
	}
	events, _ := s.Events(p.AccountID)
	found := false
	for _, e := range events {
		found = found || e.ID == ev.ID && e.Sent == ev.Sent
	}
	if !found {
		t.Error("the timeline has no event pointing to the copy")
	}
}

// TestSentRevisionCannotChange: once sent, the content of the revision is
// refused by every save; the follow-up may change; a new revision may
// change the content and is sent with a copy of its own, the earlier copy
// staying as it was.
func TestSentRevisionCannotChange(t *testing.T) {
	s := open(t, t.TempDir())
	p, first, _ := sendCastellan(t, s, today.AddDays(-7))

	edited := p
	edited.Pricing = append([]proposal.Line(nil), p.Pricing...)
	edited.Pricing[0].UnitPrice = proposal.MustDecimal("1.00")
	if err := s.SaveProposal(&edited); !errors.Is(err, dossier.ErrConflict) {
		t.Fatalf("saving a changed sent revision = %v, want ErrConflict", err)
	}
	if err := s.SendProposal(&edited, &proposal.Snapshot{Files: first.Files}, &dossier.Event{Kind: dossier.EventLetter,
		Date: today, Title: "again"}); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("sending the same revision again = %v, want ErrConflict", err)
	}

	followed := p
	if err := followed.CompleteTask(0, today.AddDays(-6), "arrived"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProposal(&followed); err != nil {
		t.Errorf("saving the follow-up of a sent revision: %v", err)
	}

	v2 := followed
	if err := v2.NewRevision(today); err != nil {
		t.Fatal(err)
	}
	v2.Pricing = edited.Pricing
	if err := s.SaveProposal(&v2); err != nil {
		t.Fatalf("saving revision 2: %v", err)
	}
	ctx, _ := s.Context(v2.AccountID, today)
	if err := v2.MarkSent(today, proposal.DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	snap, err := export.Snapshot(&v2, ctx, []proposal.Audience{proposal.Finance})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SendProposal(&v2, snap, &dossier.Event{Kind: dossier.EventLetter, Date: today, Title: "v2 sent"}); err != nil {
		t.Fatal(err)
	}
	if len(v2.Sendings) != 2 || v2.Sendings[1].Revision != 2 || v2.Sendings[1].Audiences()[0] != proposal.Finance {
		t.Errorf("sendings after v2 = %+v", v2.Sendings)
	}
	if f := snap.Files[0].Name; !bytes.Contains([]byte(f), []byte(" - v2 - ")) || bytes.Contains([]byte(f), []byte("Finance")) {
		t.Errorf("the copy of v2 is named %q, want the revision in it and not the audience (one variant went out)", f)
	}
	old, err := s.Snapshot(p.ID, first.ID)
	if err != nil || !bytes.Equal(old.Files[0].HTML, first.Files[0].HTML) {
		t.Errorf("the copy of revision 1 changed: %v", err)
	}
}

// TestDeletedProposalTakesItsCopies: deleting a proposal bins its copies;
// undoing brings them back.
func TestDeletedProposalTakesItsCopies(t *testing.T) {
	s := open(t, t.TempDir())
	p, snap, _ := sendCastellan(t, s, today)
	entry, err := s.DeleteProposal(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Snapshot(p.ID, snap.ID); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the copy outlived its proposal: %v", err)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Snapshot(p.ID, snap.ID); err != nil {
		t.Errorf("undo did not bring the copy back: %v", err)
	}
}

// TestSampleSentProposalHasItsCopy: the sample's sent proposal is loaded
// with what was sent.
func TestSampleSentProposalHasItsCopy(t *testing.T) {
	s := open(t, t.TempDir())
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	props, _ := s.Proposals("")
	for _, p := range props {
		if p.Status == proposal.Draft {
			continue
		}
		last, ok := p.LastSending()
		if !ok {
			t.Fatalf("sent proposal %s has no sending on record", p.ID)
		}
		if _, err := s.Snapshot(p.ID, last.ID); err != nil {
			t.Errorf("sent proposal %s: %v", p.ID, err)
		}
	}
}

package proposal

import (
	"errors"
	"testing"

	"kamdesk/dossier"
)

func TestRevisions(t *testing.T) {
	p, _ := northbridge()
	p.Issued, p.ValidDays, p.ValidUntil = fxDate("2026-03-02"), 0, fxDate("2026-04-01")
	if p.Rev() != 1 || p.SentRevision() != 0 || p.Frozen() || p.CanRevise() {
		t.Fatalf("a draft: rev %d, sent %d, frozen %v, can revise %v", p.Rev(), p.SentRevision(), p.Frozen(), p.CanRevise())
	}
	if err := p.NewRevision(fxDate("2026-03-03")); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewRevision of an unsent draft = %v, want ErrInvalid", err)
	}
	if err := p.MarkSent(fxDate("2026-03-02"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	if !p.Frozen() || !p.CanRevise() || p.SentRevision() != 1 {
		t.Fatalf("sent: frozen %v, can revise %v, sent revision %d", p.Frozen(), p.CanRevise(), p.SentRevision())
	}
	if err := p.NewRevision(fxDate("2026-03-10")); err != nil {
		t.Fatal(err)
	}
	// Its own validity: as long as the last one's (30 days), from today.
	if p.Rev() != 2 || p.Frozen() || p.Issued != fxDate("2026-03-10") || p.Expiry() != fxDate("2026-04-09") {
		t.Errorf("revision 2: rev %d, frozen %v, issued %s, expires %s; want 2, false, 2026-03-10, 2026-04-09",
			p.Rev(), p.Frozen(), p.Issued, p.Expiry())
	}
	if p.Status != Sent {
		t.Errorf("status %s while revision 1 is with the client, want sent", p.Status)
	}
	if err := p.Close(Lost, fxDate("2026-03-20"), "price"); err != nil {
		t.Fatal(err)
	}
	if !p.Frozen() || p.CanRevise() {
		t.Errorf("a lost proposal: frozen %v, can revise %v; want true, false", p.Frozen(), p.CanRevise())
	}
	if err := p.NewRevision(fxDate("2026-03-21")); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewRevision of a lost proposal = %v, want ErrInvalid", err)
	}
}

func TestCheckRevision(t *testing.T) {
	sp, _ := northbridge()
	sent := *sp
	if err := sent.MarkSent(fxDate("2026-03-02"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	sent.Sendings = []Sending{{ID: "v1-a", Revision: 1, On: fxDate("2026-03-02"), Variants: []SentTo{{Audience: Executive}}}}
	dp, _ := northbridge()
	draft := *dp

	edited := func(p Proposal) *Proposal {
		p.Pricing = append([]Line(nil), p.Pricing...)
		p.Pricing[0].UnitPrice = MustDecimal("1")
		return &p
	}
	followedUp := sent
	followedUp.Tasks = append([]Task(nil), sent.Tasks...)
	followedUp.CompleteTask(0, fxDate("2026-03-03"), "arrived")
	revised := *edited(sent)
	if err := revised.NewRevision(fxDate("2026-03-05")); err != nil {
		t.Fatal(err)
	}
	skipped := revised
	skipped.Revision = 3
	older := revised
	older.Revision = 1
	lost := sent
	lost.Close(Lost, fxDate("2026-03-20"), "price")
	forged := sent
	forged.Sendings = nil

	tests := []struct {
		name            string
		stored, updated *Proposal
		ok              bool
	}{
		{"a draft's content changes", &draft, edited(draft), true},
		{"a sent revision's content changes", &sent, edited(sent), false},
		{"the follow-up of a sent revision changes", &sent, &followedUp, true},
		{"a new revision with new content", &sent, &revised, true},
		{"a revision skipped", &sent, &skipped, false},
		{"a revision goes back", &revised, &older, false},
		{"a new revision of an unsent draft", &draft, func() *Proposal { p := draft; p.Revision = 2; return &p }(), false},
		{"a lost proposal's content changes", &lost, edited(lost), false},
		{"the record of sendings is dropped", &sent, &forged, false},
	}
	for _, tt := range tests {
		err := CheckRevision(tt.stored, tt.updated)
		if tt.ok && err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if !tt.ok && !errors.Is(err, dossier.ErrConflict) {
			t.Errorf("%s: %v, want ErrConflict", tt.name, err)
		}
	}
}

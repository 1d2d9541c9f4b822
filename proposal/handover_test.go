package proposal

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kamdesk/dossier"
)

func sending(id string, rev int, on string, people ...string) Sending {
	d := dossier.MustDate(on)
	return Sending{ID: id, Revision: rev, On: d, At: d.Time().Add(9 * time.Hour),
		Variants: []SentTo{{Audience: Executive, People: people}}}
}

// sent is a proposal with title whose revision rev was sent in sendings.
func sent(title string, rev int, sendings ...Sending) Proposal {
	p := Proposal{ID: "offer", AccountID: "acme", Title: title, Language: "en", Revision: rev,
		Issued: dossier.MustDate("2026-11-01"), ValidUntil: dossier.MustDate("2026-12-31"), Sendings: sendings}
	if len(sendings) > 0 {
		last := sendings[len(sendings)-1]
		p.Status, p.Sent = Sent, last.On
		p.Tasks = []Task{{Kind: TaskReceipt, Due: last.On.AddDays(1), Status: TaskOpen}}
	}
	return p
}

func ids(ss []Sending) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return strings.Join(out, ",")
}

// TestTakeTheirsKeepsEverySending: taking the other workspace's version
// adds its sendings and keeps this one's, oldest first, in both
// directions; the follow-up is that of the version that sent last; terms
// that differ from a revision sent here start the next revision, and a
// revision never goes back.
func TestTakeTheirsKeepsEverySending(t *testing.T) {
	today := dossier.MustDate("2026-12-05")
	s1 := sending("v1-a", 1, "2026-11-20", "Ada Lovelace")
	s2 := sending("v2-b", 2, "2026-11-28", "Ada Lovelace")
	sHere := sending("v1-h", 1, "2026-12-01", "Tom Hale")

	cases := []struct {
		name        string
		here, there Proposal
		sendings    string
		added       string
		rev         int
		title       string
		revised     bool
		followKept  bool
		termsKept   bool
	}{
		{"the bundle sent a later revision", sent("Offer", 1, s1), sent("Offer v2", 2, s1, s2),
			"v1-a,v2-b", "v2-b", 2, "Offer v2", false, false, false},
		{"this side sent a draft the bundle changed", sent("Offer", 1, sHere), sent("Offer renamed", 1),
			"v1-h", "", 2, "Offer renamed", true, true, false},
		{"both sent revision 1, this side later", sent("Offer here", 1, sHere), sent("Offer there", 1, s1),
			"v1-a,v1-h", "v1-a", 2, "Offer there", true, true, false},
		{"the bundle is behind", sent("Offer v2", 2, s1, s2), sent("Offer", 1, s1),
			"v1-a,v2-b", "", 2, "Offer v2", false, true, true},
		{"the bundle sent revision 1 after this side revised", sent("Offer v2", 2, s1), sent("Offer", 1, s1, sHere),
			"v1-a,v1-h", "v1-h", 2, "Offer v2", false, false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := TakeTheirs(&c.here, &c.there, today)
			if err != nil {
				t.Fatal(err)
			}
			p := got.Proposal
			if ids(p.Sendings) != c.sendings || ids(got.Added) != c.added || p.Rev() != c.rev || p.Title != c.title ||
				got.Revised != c.revised || got.FollowUpKept != c.followKept || got.TermsKept != c.termsKept {
				t.Errorf("got sendings %s (added %s), revision %d, title %q, revised %v, follow-up kept %v, terms kept %v;\nwant %s (%s), %d, %q, %v, %v, %v",
					ids(p.Sendings), ids(got.Added), p.Rev(), p.Title, got.Revised, got.FollowUpKept, got.TermsKept,
					c.sendings, c.added, c.rev, c.title, c.revised, c.followKept, c.termsKept)
			}
			if c.followKept && (p.Status != c.here.Status || p.Sent != c.here.Sent || len(p.Tasks) != len(c.here.Tasks)) {
				t.Errorf("the follow-up of the side that sent last was not kept: %s %s %v", p.Status, p.Sent, p.Tasks)
			}
			if c.revised && (p.Issued != today || !p.ValidUntil.IsZero() || p.ValidDays != 60) {
				t.Errorf("a new revision is issued today with the validity's length: issued %s, until %s, %d days", p.Issued, p.ValidUntil, p.ValidDays)
			}
			if err := CheckHandedOver(&c.here, &p); err != nil {
				t.Errorf("the store would refuse the result: %v", err)
			}
		})
	}
}

// TestTakeTheirsRefuses: a sending both sides have with different
// contents, and a proposal won here whose terms would change, are not
// taken; CheckHandedOver refuses a record that drops or rewrites a
// sending.
func TestTakeTheirsRefuses(t *testing.T) {
	today := dossier.MustDate("2026-12-05")
	s1 := sending("v1-a", 1, "2026-11-20", "Ada Lovelace")
	other := sending("v1-a", 1, "2026-11-20", "Tom Hale")
	here, there := sent("Offer", 1, s1), sent("Offer", 1, other)
	if _, err := TakeTheirs(&here, &there, today); !errors.Is(err, dossier.ErrConflict) || !strings.Contains(err.Error(), "2026-11-20 (v1-a)") {
		t.Errorf("a sending with other contents: %v", err)
	}
	won := sent("Offer", 1, s1)
	won.Status, won.Closed = Won, dossier.MustDate("2026-11-30")
	renamed := sent("Offer renamed", 1, s1)
	if _, err := TakeTheirs(&won, &renamed, today); !errors.Is(err, dossier.ErrConflict) || !strings.Contains(err.Error(), "won") {
		t.Errorf("new terms for a proposal won here: %v", err)
	}
	dropped := sent("Offer", 1)
	if err := CheckHandedOver(&here, &dropped); err == nil || !strings.Contains(err.Error(), "cannot be removed") {
		t.Errorf("a record without a sending on record: %v", err)
	}
	if err := CheckHandedOver(&here, &there); err == nil || !strings.Contains(err.Error(), "different contents") {
		t.Errorf("a record with a sending rewritten: %v", err)
	}
}

package store_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"kamdesk/app/store"
	"kamdesk/app/store/storetest"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

var readinessOpts = storetest.Options{Accounts: 12, PeoplePerAccount: 6, EventsPerAccount: 1, PromisesPerAccount: 1,
	Proposals: 30, Seed: 4}

func readinessStore(t *testing.T) *store.Store {
	t.Helper()
	s := openFast(t, t.TempDir())
	if err := storetest.Generate(s, readinessOpts); err != nil {
		t.Fatal(err)
	}
	return s
}

// readinessText writes a readiness as the test compares it: the counts
// and the text of every finding.
func readinessText(r proposal.Readiness) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d blocking, %d warnings", r.Blocking, r.Warnings)
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "\n  %s %s %s", f.Severity, f.Code, f.Text())
	}
	return b.String()
}

// fresh works out the readiness of every proposal the slow way, as the
// proposals list did: a context per proposal, then the check.
func fresh(t *testing.T, s *store.Store, today dossier.Date) map[string]string {
	t.Helper()
	props, err := s.Proposals("")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for i := range props {
		ctx, err := s.Context(props[i].AccountID, today)
		if err != nil {
			t.Fatal(err)
		}
		out[props[i].ID] = readinessText(proposal.ReadinessOf(proposal.Check(&props[i], ctx)))
	}
	return out
}

// cached returns what Readiness says, as readinessText.
func cached(t *testing.T, s *store.Store, today dossier.Date) map[string]string {
	t.Helper()
	got, err := s.Readiness(today)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for id, r := range got {
		out[id] = readinessText(r)
	}
	return out
}

// same fails the test unless Readiness agrees with the slow way, and
// returns the readiness.
func same(t *testing.T, s *store.Store, today dossier.Date, after string) map[string]string {
	t.Helper()
	want, got := fresh(t, s, today), cached(t, s, today)
	for id, w := range want {
		if got[id] != w {
			t.Errorf("after %s, the readiness of %s is stale:\n%s\nwant\n%s", after, id, got[id], w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("after %s, Readiness has %s, which is not a proposal", after, id)
		}
	}
	return want
}

// changed fails the test unless the change made a difference to proposal
// id's readiness (else it would not show a stale cache), or to some
// proposal's when id is empty.
func changed(t *testing.T, before, after map[string]string, id, what string) {
	t.Helper()
	if id != "" {
		if before[id] == after[id] {
			t.Fatalf("%s did not change the readiness of %s; the test shows nothing:\n%s", what, id, after[id])
		}
		return
	}
	for id := range after {
		if before[id] != after[id] {
			return
		}
	}
	t.Fatalf("%s changed the readiness of no proposal; the test shows nothing", what)
}

// drafts returns the drafts of s, whose content can change, failing the
// test unless there are a few.
func drafts(t *testing.T, s *store.Store) []proposal.Proposal {
	t.Helper()
	props, err := s.Proposals("")
	if err != nil || len(props) != readinessOpts.Proposals {
		t.Fatalf("%d proposals, %v; want %d", len(props), err, readinessOpts.Proposals)
	}
	props = slices.DeleteFunc(props, func(p proposal.Proposal) bool { return p.Status != proposal.Draft })
	if len(props) < 5 {
		t.Fatalf("%d drafts, want at least 5", len(props))
	}
	return props
}

// TestReadinessIsNeverStale changes, one by one, each kind of record the
// readiness check reads, and checks that Readiness follows every change.
func TestReadinessIsNeverStale(t *testing.T) {
	s := readinessStore(t)
	today := storetest.DefaultAnchor
	props := drafts(t, s)
	state := same(t, s, today, "generating")
	gen := s.Generation()
	again := cached(t, s, today)
	if s.Generation() != gen || len(again) != len(state) {
		t.Fatalf("a second call changed the generation or the answer")
	}

	step := func(what, id string, change func()) {
		t.Helper()
		change()
		after := same(t, s, today, what)
		changed(t, state, after, id, what)
		state = after
	}

	// The proposal edited: nobody credited any more.
	p := props[0]
	step("removing a proposal's credits", p.ID, func() {
		p.Credits, p.Author = nil, ""
		if err := s.SaveProposal(&p); err != nil {
			t.Fatal(err)
		}
	})

	// A library section edited: now in German, so every proposal that
	// follows it has a language mismatch.
	secs, err := s.Sections()
	if err != nil {
		t.Fatal(err)
	}
	sec := secs[0]
	step("editing a library section", "", func() {
		sec.Language = "de"
		if err := s.SaveSection(&sec); err != nil {
			t.Fatal(err)
		}
	})

	// A person of the account of a proposal: its decision maker no longer
	// reached by a variant, then renamed.
	q := props[1]
	people, err := s.People(q.AccountID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(people, func(pe dossier.Person) bool { return pe.Role == dossier.RoleDecisionMaker })
	if i < 0 {
		t.Fatalf("account %s has no decision maker", q.AccountID)
	}
	boss := people[i]
	step("changing a person's stakeholder type", q.ID, func() {
		boss.Type = dossier.OtherType
		if err := s.SavePerson(&boss); err != nil {
			t.Fatal(err)
		}
	})
	step("renaming a person named in a finding", q.ID, func() {
		boss.Name = "Wilhelmina Quarrington"
		if err := s.SavePerson(&boss); err != nil {
			t.Fatal(err)
		}
	})
	if !strings.Contains(state[q.ID], "Wilhelmina Quarrington") {
		t.Errorf("the readiness of %s does not name the renamed person:\n%s", q.ID, state[q.ID])
	}

	// A team member credited by a proposal is deleted.
	r := props[2]
	if len(r.Credits) == 0 {
		t.Fatalf("proposal %s credits nobody", r.ID)
	}
	step("deleting a credited team member", r.ID, func() {
		if _, err := s.DeleteTeamMember(r.Credits[0].MemberID); err != nil {
			t.Fatal(err)
		}
	})

	// A proposal deleted.
	if _, err := s.DeleteProposal(p.ID); err != nil {
		t.Fatal(err)
	}
	state = same(t, s, today, "deleting a proposal")
	if _, ok := state[p.ID]; ok {
		t.Errorf("the deleted proposal %s is still in Readiness", p.ID)
	}

	// A new proposal.
	n := proposal.Proposal{AccountID: q.AccountID, Title: "A new one", Language: "en", Status: proposal.Draft}
	if err := s.SaveProposal(&n); err != nil {
		t.Fatal(err)
	}
	state = same(t, s, today, "creating a proposal")
	if _, ok := state[n.ID]; !ok {
		t.Errorf("the new proposal %s is not in Readiness", n.ID)
	}

	// Another day: expiry dates move on.
	step("a new day", "", func() { today = today.AddDays(200) })
}

// TestReadinessConcurrent calls Readiness from several goroutines while
// others save proposals and people; once the writers are done, the
// answer is the workspace's. Run it under -race.
func TestReadinessConcurrent(t *testing.T) {
	s := readinessStore(t)
	today := storetest.DefaultAnchor
	props := drafts(t, s)
	people, err := s.People(props[0].AccountID)
	if err != nil {
		t.Fatal(err)
	}
	var writers, readers sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 16)
	for g := range 2 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := s.Readiness(today); err != nil {
					errs <- fmt.Errorf("reader %d: %w", g, err)
					return
				}
			}
		}()
	}
	writers.Add(2)
	go func() {
		defer writers.Done()
		for i := range 20 {
			p := props[i%len(props)]
			p.Title = fmt.Sprintf("Edited %d", i)
			if i%3 == 0 {
				p.Credits, p.Author = nil, ""
			}
			if err := s.SaveProposal(&p); err != nil {
				errs <- err
				return
			}
			props[i%len(props)] = p
		}
	}()
	go func() {
		defer writers.Done()
		for i := range 10 {
			pe := people[i%len(people)]
			pe.Name = fmt.Sprintf("Renamed Person %d", i)
			pe.Type = dossier.StakeholderTypes[i%len(dossier.StakeholderTypes)]
			if err := s.SavePerson(&pe); err != nil {
				errs <- err
				return
			}
		}
	}()
	writers.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	same(t, s, today, "concurrent saves")
}

// TestHeadsMatchTheFullLists: AccountNames and ProposalHeads list what
// Accounts and Proposals list, in the same order.
func TestHeadsMatchTheFullLists(t *testing.T) {
	s := readinessStore(t)
	accts, err := s.Accounts()
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.AccountNames()
	if err != nil || len(names) != len(accts) {
		t.Fatalf("AccountNames: %d, %v; want %d", len(names), err, len(accts))
	}
	for i := range accts {
		if names[i].ID != accts[i].ID || names[i].Name != accts[i].Name {
			t.Errorf("account %d: %+v, want %s %q", i, names[i], accts[i].ID, accts[i].Name)
		}
	}
	for _, acct := range []string{"", accts[0].ID} {
		props, err := s.Proposals(acct)
		if err != nil {
			t.Fatal(err)
		}
		heads, err := s.ProposalHeads(acct)
		if err != nil || len(heads) != len(props) {
			t.Fatalf("ProposalHeads(%q): %d, %v; want %d", acct, len(heads), err, len(props))
		}
		for i, p := range props {
			h := heads[i]
			if h.ID != p.ID || h.AccountID != p.AccountID || h.Title != p.Title || h.Status != p.Status ||
				h.Language != p.Language || !h.Updated.Equal(p.Updated) || h.Issued != p.Issued || h.ValidDays != p.ValidDays {
				t.Errorf("proposal %d: %+v, want %s %q", i, h, p.ID, p.Title)
			}
			hp := h.Proposal()
			nt, nok := p.NextTask()
			ht, hok := hp.NextTask()
			hd, hdok := hp.DaysLeft(storetest.DefaultAnchor)
			pd, pdok := p.DaysLeft(storetest.DefaultAnchor)
			if hp.StatusOn(storetest.DefaultAnchor) != p.StatusOn(storetest.DefaultAnchor) || nt != ht || nok != hok ||
				hd != pd || hdok != pdok || hp.Sent != p.Sent || hp.Closed != p.Closed {
				t.Errorf("proposal %s: the head's status, next task or days left differ from the proposal's", p.ID)
			}
		}
	}
	if _, err := s.ProposalHeads("no-such-account"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("ProposalHeads of an unknown account: %v, want ErrNotFound", err)
	}
}

// TestContextsMatchContext: the contexts read together, with the shared
// records read once, are those Context reads one at a time.
func TestContextsMatchContext(t *testing.T) {
	s := open(t, t.TempDir())
	if err := storetest.Generate(s, storetest.Options{Accounts: 6, PeoplePerAccount: 4, Proposals: 8, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	today := dossier.MustDate("2026-11-25")
	var ids []string
	for _, a := range must(s.Accounts()) {
		ids = append(ids, a.ID, a.ID) // twice: read once
	}
	got, err := s.Contexts(ids, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids)/2 {
		t.Errorf("%d contexts for %d accounts", len(got), len(ids)/2)
	}
	for _, id := range ids {
		want, err := s.Context(id, today)
		if err != nil {
			t.Fatal(err)
		}
		if string(mustJSON(got[id])) != string(mustJSON(want)) {
			t.Errorf("the context of %s read with the others differs from Context's", id)
		}
	}
	if _, err := s.Contexts([]string{"no-such-account"}, today); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Contexts of an unknown account: %v, want ErrNotFound", err)
	}
}

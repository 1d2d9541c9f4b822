package store_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"kamdesk/app/export"
	"kamdesk/app/store"
	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

func newSection(t *testing.T, s *store.Store, title string, k proposal.Kind) proposal.Section {
	t.Helper()
	sec := proposal.Section{Title: title, Kind: k, Language: "en",
		Audiences: proposal.Weights{proposal.Executive: 50}, Body: "Text of " + title + "."}
	if err := s.SaveSection(&sec); err != nil {
		t.Fatalf("SaveSection(%q): %v", title, err)
	}
	return sec
}

func TestSectionsSaveListDelete(t *testing.T) {
	s := open(t, t.TempDir())
	pricing := newSection(t, s, "Pricing", proposal.KindPricing)
	b := newSection(t, s, "beta benefits", proposal.KindBenefits)
	a := newSection(t, s, "Alpha benefits", proposal.KindBenefits)
	cover := newSection(t, s, "Cover", proposal.KindCover)
	if !strings.HasPrefix(pricing.ID, "pricing-") || pricing.Created != fixedNow || pricing.Updated != fixedNow {
		t.Errorf("saved section = %+v, want an ID from the title and time stamps %v", pricing, fixedNow)
	}
	got, err := s.Sections()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, sec := range got {
		ids = append(ids, sec.ID)
	}
	if want := []string{cover.ID, a.ID, b.ID, pricing.ID}; strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("Sections() = %v, want %v (kind order, then title)", ids, want)
	}

	bad := proposal.Section{Title: "No kind", Language: "en", Audiences: proposal.Weights{proposal.HR: 10}, Body: "x"}
	if err := s.SaveSection(&bad); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("SaveSection without a kind = %v, want ErrInvalid", err)
	}
	if _, err := s.Section("ghost"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Section(ghost) = %v, want ErrNotFound", err)
	}

	entry, err := s.DeleteSection(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if entry.What != "section" || entry.Label != "beta benefits" {
		t.Errorf("bin entry = %+v", entry)
	}
	if _, err := s.Section(b.ID); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("deleted section still there: %v", err)
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Section(b.ID); err != nil || got.Title != "beta benefits" {
		t.Errorf("restored section = %+v, %v", got, err)
	}
}

func TestImportSectionsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	now := fixedNow
	s, err := store.Open(dir, store.Options{NoGC: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	existing := newSection(t, s, "Existing", proposal.KindTerms)
	same := newSection(t, s, "Same", proposal.KindTeam)

	changed := existing
	changed.Body = "New terms."
	changed.Created, changed.Updated = time.Time{}, time.Time{}
	fresh := proposal.Section{ID: "fresh", Title: "Fresh", Kind: proposal.KindOther, Language: "en",
		Audiences: proposal.Weights{proposal.HR: 70}, Body: "New."}
	broken := fresh
	broken.ID, broken.Kind = "broken", "intro"

	// One bad section: nothing is imported.
	if _, _, err := s.ImportSections([]proposal.Section{changed, fresh, broken}); !errors.Is(err, dossier.ErrInvalid) {
		t.Fatalf("import with a bad section = %v, want ErrInvalid", err)
	}
	if _, err := s.Section("fresh"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("a failed import added a section: %v", err)
	}
	if got, _ := s.Section(existing.ID); got.Body != existing.Body {
		t.Errorf("a failed import changed a section: %q", got.Body)
	}
	// The same ID twice is a conflict.
	if _, _, err := s.ImportSections([]proposal.Section{fresh, fresh}); !errors.Is(err, dossier.ErrConflict) {
		t.Errorf("import with a duplicate ID = %v, want ErrConflict", err)
	}

	now = fixedNow.Add(time.Hour)
	added, updated, err := s.ImportSections([]proposal.Section{changed, fresh, same})
	if err != nil || added != 1 || updated != 1 {
		t.Fatalf("ImportSections = %d added, %d updated, %v; want 1, 1, nil", added, updated, err)
	}
	got, _ := s.Section(existing.ID)
	if got.Body != "New terms." || !got.Created.Equal(fixedNow) || !got.Updated.Equal(now) {
		t.Errorf("updated section = %+v, want the new body, created kept, updated now", got)
	}
	if got, _ := s.Section(same.ID); !got.Updated.Equal(fixedNow) {
		t.Errorf("an unchanged section was rewritten: updated %v", got.Updated)
	}
	if all, _ := s.Sections(); len(all) != 3 {
		t.Errorf("library has %d sections, want 3", len(all))
	}
}

func TestSaveProposalChecksReferences(t *testing.T) {
	s := open(t, t.TempDir())
	a := newAccount(t, s, "Acme")
	m := dossier.TeamMember{ID: "mara", Name: "Mara", Email: "mara@veldmark.example"}
	if err := s.CreateTeamMember(&m); err != nil {
		t.Fatal(err)
	}
	r := dossier.Reference{ID: "ref-x", Client: "X", Project: "Y"}
	if err := s.CreateReference(&r); err != nil {
		t.Fatal(err)
	}
	sec := newSection(t, s, "Benefits", proposal.KindBenefits)
	good := proposal.Proposal{AccountID: a.ID, Title: "Offer", Language: "en", Status: proposal.Draft,
		Author: "mara", Credits: []proposal.Credit{{MemberID: "mara", Role: "Lead"}}, References: []string{"ref-x"},
		Items: []proposal.Item{{SectionID: sec.ID},
			{SectionID: "gone", Custom: true, Title: "Copy", Kind: proposal.KindOther, Audiences: proposal.Weights{proposal.HR: 5}, Body: "Own text."}}}
	cases := []struct {
		name   string
		change func(p *proposal.Proposal)
		want   string
		is     error
	}{
		{"account", func(p *proposal.Proposal) { p.AccountID = "ghost" }, `account_id: no account with ID "ghost"`, dossier.ErrNotFound},
		{"author", func(p *proposal.Proposal) { p.Author = "nobody" }, `author: no team member with ID "nobody"`, dossier.ErrNotFound},
		{"credits", func(p *proposal.Proposal) { p.Credits = append(p.Credits, proposal.Credit{MemberID: "ghost"}) }, `credits: no team member with ID "ghost"`, dossier.ErrNotFound},
		{"references", func(p *proposal.Proposal) { p.References = []string{"ref-gone"} }, `references: no reference with ID "ref-gone"`, dossier.ErrNotFound},
		{"section", func(p *proposal.Proposal) { p.Items = append(p.Items, proposal.Item{SectionID: "gone"}) }, `items.2: no section with ID "gone"`, dossier.ErrNotFound},
		{"invalid", func(p *proposal.Proposal) { p.Title = "" }, "title: is required", dossier.ErrInvalid},
	}
	for _, c := range cases {
		p := good
		p.Credits = append([]proposal.Credit(nil), good.Credits...)
		p.Items = append([]proposal.Item(nil), good.Items...)
		c.change(&p)
		err := s.SaveProposal(&p)
		if !errors.Is(err, c.is) || !strings.Contains(fmtErr(err), c.want) {
			t.Errorf("%s: SaveProposal = %v, want %v naming %q", c.name, err, c.is, c.want)
		}
	}
	if all, _ := s.Proposals(""); len(all) != 0 {
		t.Errorf("failed saves stored %d proposals", len(all))
	}
	p := good
	if err := s.SaveProposal(&p); err != nil {
		t.Fatalf("SaveProposal: %v", err)
	}
	if !strings.HasPrefix(p.ID, "offer-") || !p.Created.Equal(fixedNow) {
		t.Errorf("saved proposal = %s created %v", p.ID, p.Created)
	}
	got, err := s.Proposal(p.ID)
	if err != nil || got.Title != "Offer" || len(got.Items) != 2 {
		t.Errorf("Proposal(%s) = %+v, %v", p.ID, got, err)
	}

	// Moving a proposal to another account moves its index entry.
	b := newAccount(t, s, "Bravo")
	got.AccountID = b.ID
	if err := s.SaveProposal(&got); err != nil {
		t.Fatal(err)
	}
	if pa, _ := s.Proposals(a.ID); len(pa) != 0 {
		t.Errorf("proposals of Acme after the move = %d, want 0", len(pa))
	}
	if pb, _ := s.Proposals(b.ID); len(pb) != 1 {
		t.Errorf("proposals of Bravo after the move = %d, want 1", len(pb))
	}
	if _, err := s.Proposals("ghost"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Proposals(ghost) = %v, want ErrNotFound", err)
	}

	entry, err := s.DeleteProposal(p.ID)
	if err != nil || entry.What != "proposal" || entry.Label != "Offer" || entry.Records != 2 {
		t.Fatalf("DeleteProposal = %+v, %v", entry, err)
	}
	if pb, _ := s.Proposals(b.ID); len(pb) != 0 {
		t.Errorf("deleted proposal still listed")
	}
	if err := s.Restore(entry.ID); err != nil {
		t.Fatal(err)
	}
	if pb, _ := s.Proposals(b.ID); len(pb) != 1 {
		t.Errorf("restored proposal not listed")
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestProposalsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	now := fixedNow
	s, err := store.Open(dir, store.Options{NoGC: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := newAccount(t, s, "Acme")
	var ids []string
	for i, title := range []string{"First", "Second", "Third"} {
		now = fixedNow.Add(time.Duration(i) * time.Hour)
		p := proposal.Proposal{AccountID: a.ID, Title: title, Language: "en", Status: proposal.Draft}
		if err := s.SaveProposal(&p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	got, _ := s.Proposals("")
	if len(got) != 3 || got[0].ID != ids[2] || got[2].ID != ids[0] {
		t.Errorf("Proposals order = %v, want newest first %v", got, ids)
	}
}

func TestContext(t *testing.T) {
	s := open(t, t.TempDir())
	today := dossier.MustDate("2026-11-25")
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	c, err := s.Context("northbridge", today)
	if err != nil {
		t.Fatal(err)
	}
	if c.Account.ID != "northbridge" || !c.Today.Equal(today) {
		t.Errorf("context account %q today %v", c.Account.ID, c.Today)
	}
	for _, p := range c.People {
		if p.AccountID != "northbridge" {
			t.Errorf("context has %s of %s", p.ID, p.AccountID)
		}
	}
	team, _ := s.Team()
	refs, _ := s.References()
	lib, _ := s.Sections()
	if len(c.People) == 0 || len(c.Team) != len(team) || len(c.References) != len(refs) || len(c.Library) != len(lib) || len(lib) == 0 {
		t.Errorf("context: %d people, %d/%d team, %d/%d references, %d/%d sections",
			len(c.People), len(c.Team), len(team), len(c.References), len(refs), len(c.Library), len(lib))
	}
	if _, err := s.Context("ghost", today); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("Context(ghost) = %v, want ErrNotFound", err)
	}
	if _, err := s.Context("../x", today); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("Context(../x) = %v, want ErrInvalid", err)
	}
}

// TestProposalContextIsContext: what an export reads of one proposal
// (ProposalContext: the team members, references and sections it names)
// assembles and checks every variant of every proposal of the sample as
// the whole context does, also once what it names is gone from the
// library, the team and the references.
func TestProposalContextIsContext(t *testing.T) {
	s := open(t, t.TempDir())
	today := dossier.MustDate("2026-11-25")
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	// One more section and member in the workspace that no proposal
	// names, so that the two contexts differ.
	extra := proposal.Section{Title: "Unused", Kind: proposal.KindOther, Body: "Not in any proposal.", Language: "en",
		Audiences: proposal.Weights{proposal.Executive: 50}}
	if err := s.SaveSection(&extra); err != nil {
		t.Fatal(err)
	}
	// An author the proposal does not credit.
	team, err := s.Team()
	if err != nil {
		t.Fatal(err)
	}
	authored := false
	for _, p := range must(s.Proposals("")) {
		for _, m := range team {
			if !slices.ContainsFunc(p.Credits, func(c proposal.Credit) bool { return c.MemberID == m.ID }) {
				p.Author = m.ID
				authored = authored || s.SaveProposal(&p) == nil
				break
			}
		}
	}
	if !authored {
		t.Fatal("no proposal takes an author it does not credit")
	}
	same := func(t *testing.T) {
		t.Helper()
		props, err := s.Proposals("")
		if err != nil || len(props) == 0 {
			t.Fatalf("%d proposals, %v", len(props), err)
		}
		for _, p := range props {
			whole, err := s.Context(p.AccountID, today)
			if err != nil {
				t.Fatal(err)
			}
			got, named, err := s.ProposalContext(p.ID, today)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, p) {
				t.Errorf("%s: ProposalContext's proposal differs from Proposals'", p.ID)
			}
			if len(named.Library) >= len(whole.Library) {
				t.Errorf("%s: %d sections read, the whole library has %d", p.ID, len(named.Library), len(whole.Library))
			}
			want, werr := proposal.Prepare(&p, whole, proposal.Variants...)
			have, herr := proposal.Prepare(&p, named, proposal.Variants...)
			if fmt.Sprint(werr) != fmt.Sprint(herr) || !reflect.DeepEqual(want, have) {
				t.Errorf("%s: prepared with what it names differs from prepared with the whole context (errors %v, %v)", p.ID, werr, herr)
			}
		}
	}
	same(t)
	// Gone: a section the proposals follow, a member they credit, a
	// reference they list (raw deletes; the store keeps them otherwise).
	props, _ := s.Proposals("")
	p := props[0]
	var keys []string
	for _, it := range p.Items {
		if it.SectionID != "" {
			keys = append(keys, "sect/"+it.SectionID)
			break
		}
	}
	if len(p.Credits) > 0 {
		keys = append(keys, "team/"+p.Credits[0].MemberID)
	}
	if len(p.References) > 0 {
		keys = append(keys, "ref/"+p.References[0])
	}
	if err := store.DeleteRawKeys(s, keys...); err != nil {
		t.Fatal(err)
	}
	same(t)
}

// TestProposalContextReadsManySections: a proposal of many sections
// (decoded on every core) gets each of them, in the order the whole
// library has them; a damaged one is named, the first of them in the
// proposal's order when two are.
func TestProposalContextReadsManySections(t *testing.T) {
	s := open(t, t.TempDir())
	today := dossier.MustDate("2026-11-25")
	if _, err := s.LoadSample(assets.Sample, today, export.Snapshot); err != nil {
		t.Fatal(err)
	}
	p := must(s.Proposals(""))[0]
	var ids []string
	for i := range 40 {
		sec := newSection(t, s, fmt.Sprintf("Part %02d", i), proposal.KindOther)
		p.Items = append(p.Items, proposal.Item{SectionID: sec.ID})
		ids = append(ids, sec.ID)
	}
	if err := s.SaveProposal(&p); err != nil {
		t.Fatal(err)
	}
	whole, err := s.Context(p.AccountID, today)
	if err != nil {
		t.Fatal(err)
	}
	_, named, err := s.ProposalContext(p.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	var want []proposal.Section
	for _, sec := range whole.Library {
		if slices.ContainsFunc(p.Items, func(it proposal.Item) bool { return it.SectionID == sec.ID }) {
			want = append(want, sec)
		}
	}
	if len(named.Library) < 40 || !reflect.DeepEqual(named.Library, want) {
		t.Fatalf("ProposalContext read %d sections, not the %d the proposal follows as the library has them", len(named.Library), len(want))
	}
	for _, i := range []int{31, 17} {
		if err := store.SetRawValue(s, "section/"+ids[i], []byte(`{"id": "`+ids[i]+`", "title": `)); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = s.ProposalContext(p.ID, today)
	if err == nil || !strings.Contains(err.Error(), ids[17]) || !strings.Contains(err.Error(), "is damaged") {
		t.Fatalf("with sections %s and %s damaged: %v", ids[17], ids[31], err)
	}
}

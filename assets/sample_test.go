package assets_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"kamdesk/assets"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// sampleFile is the layout of sample/workspace.json: the workspace with its
// dates written relative to Anchor.
type sampleFile struct {
	Anchor    dossier.Date        `json:"anchor"`
	Company   proposal.Company    `json:"company"`
	Workspace dossier.Workspace   `json:"workspace"`
	Library   []proposal.Section  `json:"library"`
	Proposals []proposal.Proposal `json:"proposals"`
}

// wantAnchor is the day the sample's plan and event dates are written
// relative to.
var wantAnchor = dossier.MustDate("2026-11-01")

// loadSample decodes the embedded sample strictly: unknown fields and
// trailing data are errors.
func loadSample(t *testing.T) sampleFile {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(assets.Sample))
	dec.DisallowUnknownFields()
	var s sampleFile
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("decoding sample/workspace.json: %v", err)
	}
	if err := dec.Decode(new(json.RawMessage)); !errors.Is(err, io.EOF) {
		t.Fatalf("data after the sample's JSON object: got %v, want io.EOF", err)
	}
	return s
}

func TestSampleAnchorAndRules(t *testing.T) {
	s := loadSample(t)
	if !s.Anchor.Equal(wantAnchor) {
		t.Errorf("anchor = %q, want %q", s.Anchor, wantAnchor)
	}
	r := s.Workspace.Rules
	if err := r.Validate(); err != nil {
		t.Errorf("rules %+v: %v", r, err)
	}
	if want := dossier.DefaultRules(); r != want {
		t.Errorf("rules = %+v, want the defaults %+v", r, want)
	}
}

// TestSampleCompany: the sample's company is whole, so its exports show
// the house style, and invented (a .example website, a postcode of no
// place).
func TestSampleCompany(t *testing.T) {
	c := loadSample(t).Company
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if c.Name == "" || c.Address == "" || c.Registration == "" || c.VAT == "" || c.BrandColour == "" ||
		len(c.Logo) == 0 || c.Signature == "" {
		t.Errorf("the sample's company lacks a part of the house style: %+v", c)
	}
	if !strings.HasSuffix(c.Website, ".example") {
		t.Errorf("website = %q, want a domain ending in .example", c.Website)
	}
	if logo, err := proposal.CleanLogo(c.Logo); err != nil || !bytes.Equal(logo, c.Logo) {
		t.Errorf("the logo is not kept as CleanLogo makes it: %v", err)
	}
}

// TestSampleRecordsValidate runs Validate on every record of the sample.
func TestSampleRecordsValidate(t *testing.T) {
	w := loadSample(t).Workspace
	type record struct {
		kind, id string
		validate func() error
		value    any
		created  time.Time
		updated  time.Time
	}
	var records []record
	for i := range w.Accounts {
		a := &w.Accounts[i]
		records = append(records, record{"account", a.ID, a.Validate, a, a.Created, a.Updated})
	}
	for i := range w.People {
		p := &w.People[i]
		records = append(records, record{"person", p.ID, p.Validate, p, p.Created, p.Updated})
	}
	for i := range w.Team {
		m := &w.Team[i]
		records = append(records, record{"team member", m.ID, m.Validate, m, m.Created, m.Updated})
	}
	for i := range w.References {
		r := &w.References[i]
		records = append(records, record{"reference", r.ID, r.Validate, r, r.Created, r.Updated})
	}
	for i := range w.Events {
		e := &w.Events[i]
		records = append(records, record{"event", e.ID, e.Validate, e, e.Created, e.Updated})
	}
	for i := range w.Promises {
		pr := &w.Promises[i]
		records = append(records, record{"promise", pr.ID, pr.Validate, pr, pr.Created, pr.Updated})
	}
	for _, r := range records {
		if err := r.validate(); err != nil {
			got, _ := json.Marshal(r.value)
			t.Errorf("%s %q: got %s, Validate() = %v, want nil", r.kind, r.id, got, err)
		}
		if !r.created.IsZero() || !r.updated.IsZero() {
			t.Errorf("%s %q: created/updated = %v/%v, want them left out of the sample", r.kind, r.id, r.created, r.updated)
		}
	}
}

// TestSampleIDs checks that IDs are readable, valid, unique within their
// kind and carry the prefix of their kind.
func TestSampleIDs(t *testing.T) {
	w := loadSample(t).Workspace
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	tests := []struct {
		kind   string
		ids    []string
		prefix func(i int) string
	}{
		{"account", ids(len(w.Accounts), func(i int) string { return w.Accounts[i].ID }),
			func(int) string { return "" }},
		{"person", ids(len(w.People), func(i int) string { return w.People[i].ID }),
			func(i int) string { return w.People[i].AccountID + "-" }},
		{"team member", ids(len(w.Team), func(i int) string { return w.Team[i].ID }),
			func(int) string { return "team-" }},
		{"reference", ids(len(w.References), func(i int) string { return w.References[i].ID }),
			func(int) string { return "ref-" }},
		{"event", ids(len(w.Events), func(i int) string { return w.Events[i].ID }),
			func(i int) string { return "evt-" + w.Events[i].AccountID + "-" }},
		{"promise", ids(len(w.Promises), func(i int) string { return w.Promises[i].ID }),
			func(i int) string { return "prm-" + w.Promises[i].AccountID + "-" }},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			if len(tt.ids) == 0 {
				t.Fatalf("%s IDs: got none, want some", tt.kind)
			}
			seen := map[string]bool{}
			for i, id := range tt.ids {
				if !dossier.ValidID(id) || strings.Contains(id, "_") || len(id) > 64 {
					t.Errorf("%s ID %q: not lowercase letters, digits and '-' within 64 characters", tt.kind, id)
				}
				if seen[id] {
					t.Errorf("%s ID %q: used twice, want unique", tt.kind, id)
				}
				seen[id] = true
				if p := tt.prefix(i); !strings.HasPrefix(id, p) || id == p {
					t.Errorf("%s ID %q: want the prefix %q and a readable name after it", tt.kind, id, p)
				}
			}
		})
	}
}

// TestSampleIntegrity checks that every reference between records points to
// a record that exists, in the right account.
func TestSampleIntegrity(t *testing.T) {
	w := loadSample(t).Workspace
	accounts := map[string]bool{}
	for _, a := range w.Accounts {
		accounts[a.ID] = true
	}
	team := map[string]bool{}
	for _, m := range w.Team {
		team[m.ID] = true
	}
	personAccount := map[string]string{}
	reportsTo := map[string]string{}
	for _, p := range w.People {
		personAccount[p.ID] = p.AccountID
		reportsTo[p.ID] = p.ReportsTo
	}

	for _, a := range w.Accounts {
		if !team[a.Owner] {
			t.Errorf("account %q: owner = %q, want the ID of a team member", a.ID, a.Owner)
		}
	}

	roots := map[string][]string{} // account ID -> people who report to nobody
	for _, p := range w.People {
		if !accounts[p.AccountID] {
			t.Errorf("person %q: account_id = %q, want an existing account", p.ID, p.AccountID)
		}
		if p.ReportsTo == "" {
			roots[p.AccountID] = append(roots[p.AccountID], p.ID)
			continue
		}
		boss, ok := personAccount[p.ReportsTo]
		switch {
		case !ok:
			t.Errorf("person %q: reports_to = %q, want an existing person", p.ID, p.ReportsTo)
		case boss != p.AccountID:
			t.Errorf("person %q of %q: reports_to %q of account %q, want someone of the same account", p.ID, p.AccountID, p.ReportsTo, boss)
		}
		// Follow the chain upwards; more steps than people means a cycle.
		id := p.ID
		for steps := 0; id != ""; steps++ {
			if steps > len(w.People) {
				t.Errorf("person %q: the reports_to chain loops, want it to end at the top of the account", p.ID)
				break
			}
			id = reportsTo[id]
		}
	}
	for _, a := range w.Accounts {
		if got := roots[a.ID]; len(got) != 1 {
			t.Errorf("account %q: people without reports_to = %q, want exactly one (the top of the org tree)", a.ID, got)
		}
	}

	checkPeople := func(kind, id, account string, people []string) {
		if !accounts[account] {
			t.Errorf("%s %q: account_id = %q, want an existing account", kind, id, account)
		}
		if len(people) == 0 {
			t.Errorf("%s %q: people = none, want the people involved", kind, id)
		}
		for _, pid := range people {
			got, ok := personAccount[pid]
			switch {
			case !ok:
				t.Errorf("%s %q: person %q does not exist, want an existing person", kind, id, pid)
			case got != account:
				t.Errorf("%s %q of %q: person %q belongs to %q, want the same account", kind, id, account, pid, got)
			}
		}
	}
	for _, e := range w.Events {
		checkPeople("event", e.ID, e.AccountID, e.People)
		if len(e.Attachments) > 0 {
			t.Errorf("event %q: attachments = %d, want none (the sample carries no files)", e.ID, len(e.Attachments))
		}
	}
	for _, pr := range w.Promises {
		checkPeople("promise", pr.ID, pr.AccountID, pr.People)
	}
}

// TestSampleAccounts checks the accounts and the coverage of their
// decision-making groups.
func TestSampleAccounts(t *testing.T) {
	w := loadSample(t).Workspace
	if got := len(w.Accounts); got < 3 {
		t.Fatalf("accounts = %d, want at least 3", got)
	}
	construction := false
	tiers := map[dossier.Tier]bool{}
	industries := map[string]bool{}
	var total float64
	for _, a := range w.Accounts {
		if strings.Contains(a.Industry, "onstruction") {
			construction = true
		}
		tiers[a.Tier] = true
		industries[a.Industry] = true
		total += a.RevenueShare
		if a.MonoDependent(w.Rules) {
			t.Errorf("account %q: revenue_share = %v, want at most the mono-dependence threshold %v", a.ID, a.RevenueShare, w.Rules.MonoDependencePercent)
		}
		for field, v := range map[string]string{"strategy": a.Strategy, "goals": a.Goals, "notes": a.Notes, "segment": a.Segment} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("account %q: %s = %q, want it filled in", a.ID, field, v)
			}
		}
		if len(a.Criteria) == 0 || len(a.Competitors) == 0 {
			t.Errorf("account %q: criteria = %q, competitors = %q, want both filled in", a.ID, a.Criteria, a.Competitors)
		}
		if a.NextTender.IsZero() || a.AnnualReview.IsZero() {
			t.Errorf("account %q: next_tender = %q, annual_review = %q, want both set", a.ID, a.NextTender, a.AnnualReview)
		}
	}
	if !construction {
		t.Errorf("industries = %v, want one in construction", industries)
	}
	if len(industries) != len(w.Accounts) {
		t.Errorf("distinct industries = %d, want one per account (%d)", len(industries), len(w.Accounts))
	}
	if len(tiers) < 3 {
		t.Errorf("distinct tiers = %d (%v), want at least 3", len(tiers), tiers)
	}
	if total <= 0 || total > 100 {
		t.Errorf("sum of revenue_share = %v, want above 0 and at most 100", total)
	}

	levels := map[dossier.Level]bool{}
	for _, a := range w.Accounts {
		people := w.PeopleByAccount()[a.ID]
		c := dossier.CoverageOf(people)
		for l := range c.ByLevel {
			levels[l] = true
		}
		if c.People < 5 || c.People > 8 {
			t.Errorf("account %q: people = %d, want 5 to 8", a.ID, c.People)
		}
		for _, typ := range dossier.StakeholderTypes {
			if c.ByType[typ] == 0 {
				t.Errorf("account %q: people of type %q = 0, want at least 1 (by type: %v)", a.ID, typ, c.ByType)
			}
		}
		if len(c.ByLevel) < 3 {
			t.Errorf("account %q: distinct ladder levels = %d (%v), want at least 3", a.ID, len(c.ByLevel), c.ByLevel)
		}
		if c.DecisionMakers < 1 {
			t.Errorf("account %q: decision makers = %d, want at least 1", a.ID, c.DecisionMakers)
		}
	}
	for _, l := range dossier.Ladder {
		if !levels[l] {
			t.Errorf("ladder level %q: used by nobody, want every level used in the sample", l)
		}
	}
}

// TestSamplePeople checks the personal facts the dossier is meant to show.
func TestSamplePeople(t *testing.T) {
	s := loadSample(t)
	w := s.Workspace
	months := map[time.Month]int{}
	var leapDay []string
	soon, withYear, withoutYear := 0, 0, 0
	nps := map[dossier.NPSClass]int{}
	overdue := 0
	for _, p := range w.People {
		if p.Birthday.IsZero() {
			t.Errorf("person %q: birthday missing, want one", p.ID)
			continue
		}
		months[p.Birthday.Month]++
		if p.Birthday.HasYear() {
			withYear++
		} else {
			withoutYear++
		}
		if p.Birthday.Month == time.February && p.Birthday.Day == 29 {
			leapDay = append(leapDay, p.ID)
			if !p.Birthday.HasYear() || time.Date(p.Birthday.Year, time.February, 29, 0, 0, 0, 0, time.UTC).Day() != 29 {
				t.Errorf("person %q: birthday = %q, want 29 February of a leap year", p.ID, p.Birthday)
			}
		}
		if n := p.Birthday.DaysUntil(s.Anchor); n <= w.Rules.BirthdayNoticeDays {
			soon++
		}
		if c, ok := p.NPSClass(); ok {
			nps[c]++
		}
		if p.ContactDue(w.Rules, s.Anchor.AddDays(-1)) {
			overdue++
		}
		if p.Email == "" || p.Phone == "" || p.Channel == "" || p.Role == "" || p.Influence == "" {
			t.Errorf("person %q: email %q, phone %q, channel %q, role %q, influence %q: want all set", p.ID, p.Email, p.Phone, p.Channel, p.Role, p.Influence)
		}
		if p.Position == "" || p.Department == "" || p.Hobbies == "" || p.Values == "" || p.Notes == "" || p.PrivacyNote == "" {
			t.Errorf("person %q: position, department, hobbies, values, notes or privacy_note empty, want all filled in", p.ID)
		}
		if p.LastContact.IsZero() || !p.LastContact.Before(s.Anchor) {
			t.Errorf("person %q: last_contact = %q, want a day before the anchor %q", p.ID, p.LastContact, s.Anchor)
		}
	}
	if len(months) < 10 {
		t.Errorf("birthday months = %d (%v), want at least 10", len(months), months)
	}
	if len(leapDay) != 1 {
		t.Errorf("people born on 29 February = %q, want exactly one", leapDay)
	}
	if soon < 1 {
		t.Errorf("birthdays within %d days of the anchor = %d, want at least 1", w.Rules.BirthdayNoticeDays, soon)
	}
	if withYear == 0 || withoutYear == 0 {
		t.Errorf("birthdays with year = %d, without = %d, want some of each", withYear, withoutYear)
	}
	for _, c := range []dossier.NPSClass{dossier.Promoter, dossier.Neutral, dossier.Detractor} {
		if nps[c] == 0 {
			t.Errorf("people who are NPS %s = 0, want at least 1 (by class: %v)", c, nps)
		}
	}
	if overdue == 0 {
		t.Errorf("people overdue for contact at the anchor = 0, want at least 1")
	}
}

func TestSampleTeamAndReferences(t *testing.T) {
	w := loadSample(t).Workspace
	if got := len(w.Team); got < 4 {
		t.Errorf("team members = %d, want at least 4", got)
	}
	for _, m := range w.Team {
		if m.Email == "" || m.Position == "" {
			t.Errorf("team member %q: email = %q, position = %q, want both set", m.ID, m.Email, m.Position)
		}
	}
	if got := len(w.References); got < 4 {
		t.Errorf("references = %d, want at least 4", got)
	}
	agreed, notAgreed := 0, 0
	for _, r := range w.References {
		if r.Referee.Agreed {
			agreed++
		} else {
			notAgreed++
		}
		if r.Year == 0 || r.Result == "" || r.Referee.Name == "" || r.Referee.Position == "" || r.Referee.Contact == "" {
			t.Errorf("reference %q: year %d, result %q, referee %+v: want all set", r.ID, r.Year, r.Result, r.Referee)
		}
		if !strings.ContainsAny(r.Result, "0123456789") {
			t.Errorf("reference %q: result = %q, want a quantified result", r.ID, r.Result)
		}
	}
	if agreed < 3 || notAgreed < 1 {
		t.Errorf("referees who agreed = %d, who did not = %d, want at least 3 and 1", agreed, notAgreed)
	}
}

// TestSampleTimeline checks events and promises, written relative to the
// anchor.
func TestSampleTimeline(t *testing.T) {
	s := loadSample(t)
	w := s.Workspace
	oldest := s.Anchor.AddMonths(-18)
	eventsPer := map[string]int{}
	kinds := map[dossier.EventKind]bool{}
	for _, e := range w.Events {
		eventsPer[e.AccountID]++
		kinds[e.Kind] = true
		if !e.Date.Before(s.Anchor) || e.Date.Before(oldest) {
			t.Errorf("event %q: date = %q, want between %q and the anchor %q", e.ID, e.Date, oldest, s.Anchor)
		}
	}
	for _, k := range dossier.EventKinds {
		if !kinds[k] {
			t.Errorf("event kind %q: used by no event, want every kind used", k)
		}
	}
	promisesPer := map[string]int{}
	statuses := map[dossier.PromiseStatus]int{}
	slipped, late := 0, 0
	for _, pr := range w.Promises {
		promisesPer[pr.AccountID]++
		statuses[pr.Status]++
		if pr.Late(s.Anchor) {
			late++
		}
		if pr.Made.IsZero() || pr.Made.After(s.Anchor) {
			t.Errorf("promise %q: made = %q, want a day up to the anchor %q", pr.ID, pr.Made, s.Anchor)
		}
		if pr.Status != dossier.PromiseOpen && (pr.DoneOn.Before(pr.Made) || pr.DoneOn.After(s.Anchor)) {
			t.Errorf("promise %q: done_on = %q, want between made %q and the anchor %q", pr.ID, pr.DoneOn, pr.Made, s.Anchor)
		}
		if pr.Status == dossier.PromiseOpen && !pr.DoneOn.IsZero() {
			t.Errorf("promise %q: open with done_on = %q, want no done_on", pr.ID, pr.DoneOn)
		}
		if !pr.Slipped() {
			continue
		}
		slipped++
		for i, sl := range pr.Slips {
			if !sl.NewDue.After(sl.OldDue) {
				t.Errorf("promise %q slip %d: new_due %q, old_due %q, want new after old", pr.ID, i, sl.NewDue, sl.OldDue)
			}
			if i > 0 && !sl.OldDue.Equal(pr.Slips[i-1].NewDue) {
				t.Errorf("promise %q slip %d: old_due = %q, want the previous new_due %q", pr.ID, i, sl.OldDue, pr.Slips[i-1].NewDue)
			}
			if sl.On.Before(pr.Made) || sl.On.After(s.Anchor) {
				t.Errorf("promise %q slip %d: on = %q, want between made %q and the anchor %q", pr.ID, i, sl.On, pr.Made, s.Anchor)
			}
			if !sl.ApologySent {
				t.Errorf("promise %q slip %d: apology_sent = false, want true", pr.ID, i)
			}
		}
		if last := pr.Slips[len(pr.Slips)-1].NewDue; !pr.Due.Equal(last) {
			t.Errorf("promise %q: due = %q, want the last slip's new_due %q", pr.ID, pr.Due, last)
		}
	}
	for _, a := range w.Accounts {
		if n := eventsPer[a.ID]; n < 3 || n > 6 {
			t.Errorf("account %q: events = %d, want 3 to 6", a.ID, n)
		}
		if n := promisesPer[a.ID]; n < 2 {
			t.Errorf("account %q: promises = %d, want at least 2", a.ID, n)
		}
	}
	if got := len(w.Promises); got < 6 {
		t.Errorf("promises = %d, want at least 6", got)
	}
	for _, st := range dossier.PromiseStatuses {
		if statuses[st] == 0 {
			t.Errorf("promises %s = 0, want at least 1 (by status: %v)", st, statuses)
		}
	}
	if slipped < 1 {
		t.Errorf("slipped promises = %d, want at least 1", slipped)
	}
	if late < 1 {
		t.Errorf("open promises late at the anchor = %d, want at least 1", late)
	}
}

// TestSampleAgenda checks that, on the anchor day, the sample fills the
// agenda with every kind of reminder the dossier produces.
func TestSampleAgenda(t *testing.T) {
	s := loadSample(t)
	items := dossier.Agenda(&s.Workspace, s.Anchor)
	kinds := map[dossier.AgendaKind]int{}
	late := 0
	for _, it := range items {
		kinds[it.Kind]++
		if it.Late {
			late++
		}
	}
	for _, k := range []dossier.AgendaKind{dossier.AgendaBirthday, dossier.AgendaContact,
		dossier.AgendaPromise, dossier.AgendaTenderPrep, dossier.AgendaReview} {
		if kinds[k] == 0 {
			t.Errorf("agenda items of kind %q on the anchor day = 0, want at least 1 (by kind: %v)", k, kinds)
		}
	}
	if late == 0 {
		t.Errorf("late agenda items on the anchor day = 0, want some")
	}
}

// TestSampleShiftsToToday checks the loader's contract: shifting by
// (today − anchor) keeps the records valid and moves plan dates, not
// birthdays.
func TestSampleShiftsToToday(t *testing.T) {
	s := loadSample(t)
	w := s.Workspace
	days := s.Anchor.DaysUntil(dossier.Today())
	before := w.People[0].Birthday
	firstEvent := w.Events[0].Date
	w.ShiftDates(days)
	if got, want := w.Events[0].Date, firstEvent.AddDays(days); !got.Equal(want) {
		t.Errorf("event %q after shifting %d days: date = %q, want %q", w.Events[0].ID, days, got, want)
	}
	if got := w.People[0].Birthday; got != before {
		t.Errorf("person %q after shifting: birthday = %q, want it unchanged %q", w.People[0].ID, got, before)
	}
}

// TestSampleIsInvented checks that contacts use reserved, fictional
// e-mail domains and phone ranges.
func TestSampleIsInvented(t *testing.T) {
	w := loadSample(t).Workspace
	fictionalPhone := []string{
		"+44 20 7946 0", "+44 113 496 0", "+44 161 496 0", "+44 1632 960", "+1 555 01",
	}
	type contact struct{ who, value string }
	var emails, phones []contact
	for _, p := range w.People {
		emails = append(emails, contact{"person " + p.ID, p.Email})
		phones = append(phones, contact{"person " + p.ID, p.Phone})
	}
	for _, m := range w.Team {
		emails = append(emails, contact{"team member " + m.ID, m.Email})
		phones = append(phones, contact{"team member " + m.ID, m.Phone})
	}
	for _, r := range w.References {
		c := contact{"referee of " + r.ID, r.Referee.Contact}
		if strings.Contains(c.value, "@") {
			emails = append(emails, c)
		} else {
			phones = append(phones, c)
		}
	}
	for _, c := range emails {
		if c.value != "" && !strings.HasSuffix(c.value, ".example") {
			t.Errorf("%s: e-mail = %q, want a domain ending in .example", c.who, c.value)
		}
	}
	for _, c := range phones {
		if c.value == "" {
			continue
		}
		if !slices.ContainsFunc(fictionalPhone, func(p string) bool { return strings.HasPrefix(c.value, p) }) {
			t.Errorf("%s: phone = %q, want one in a fictional range %q", c.who, c.value, fictionalPhone)
		}
	}
}

// TestSampleLibrary checks the section library: every section valid, every
// kind and every audience served, and each audience's favourite kinds
// weighted high for it.
func TestSampleLibrary(t *testing.T) {
	s := loadSample(t)
	if got := len(s.Library); got < 12 {
		t.Errorf("library sections = %d, want at least 12", got)
	}
	kinds := map[proposal.Kind]int{}
	audiences := map[proposal.Audience]int{}
	languages := map[string]int{}
	ids := map[string]bool{}
	// best[a][k] is the highest weight a section of kind k has for a.
	best := map[proposal.Audience]map[proposal.Kind]int{}
	for i := range s.Library {
		sec := &s.Library[i]
		if err := sec.Validate(); err != nil {
			t.Errorf("section %q: Validate() = %v, want nil", sec.ID, err)
		}
		if !dossier.ValidID(sec.ID) || ids[sec.ID] {
			t.Errorf("section ID %q: want a valid, unique ID", sec.ID)
		}
		ids[sec.ID] = true
		// English sections, and the Russian and Hungarian ones of the
		// proposals in those languages, their IDs saying so
		if lang, _, _ := strings.Cut(sec.ID, "-"); (lang == "ru" || lang == "hu") != (sec.Language == lang) || sec.Language != lang && sec.Language != "en" {
			t.Errorf("section %q: language = %q, want en, or ru or hu for an ID starting so", sec.ID, sec.Language)
		}
		languages[sec.Language]++
		if !sec.Created.IsZero() || !sec.Updated.IsZero() {
			t.Errorf("section %q: created/updated set, want them left out of the sample", sec.ID)
		}
		kinds[sec.Kind]++
		for a, w := range sec.Audiences {
			audiences[a]++
			if best[a] == nil {
				best[a] = map[proposal.Kind]int{}
			}
			best[a][sec.Kind] = max(best[a][sec.Kind], w)
		}
		// The file format round-trips every sample section.
		back, err := proposal.ParseSectionFile(proposal.SectionFileName(*sec), proposal.FormatSectionFile(*sec))
		if err != nil || back.Body != sec.Body || back.Title != sec.Title {
			t.Errorf("section %q does not round-trip through its file: %v", sec.ID, err)
		}
	}
	for _, k := range proposal.Kinds {
		if kinds[k] == 0 {
			t.Errorf("kind %q: no section, want every kind covered", k)
		}
	}
	for _, lang := range []string{"en", "ru", "hu"} {
		if languages[lang] < 10 {
			t.Errorf("%d sections in %s, want a library in each of en, ru and hu", languages[lang], lang)
		}
	}
	for _, a := range proposal.Audiences {
		if audiences[a] < 4 {
			t.Errorf("audience %q: %d sections, want at least 4", a, audiences[a])
		}
	}
	high := map[proposal.Audience][]proposal.Kind{
		proposal.Executive: {proposal.KindUniqueness, proposal.KindUnderstanding, proposal.KindBenefits},
		proposal.HR:        {proposal.KindTeam, proposal.KindReferences, proposal.KindOther},
		proposal.Finance:   {proposal.KindFigures, proposal.KindPricing, proposal.KindTerms},
		proposal.Technical: {proposal.KindSpecification, proposal.KindFigures},
	}
	for a, ks := range high {
		for _, k := range ks {
			if w := best[a][k]; w < 80 {
				t.Errorf("%s readers: best %s section weighs %d, want at least 80", a, k, w)
			}
		}
	}
	used := map[string]bool{}
	for _, sec := range s.Library {
		for _, n := range proposal.UsedPlaceholders(sec.Body) {
			used[n] = true
		}
	}
	for _, n := range []string{"account.name", "person.name", "valid_until", "author.name", "financial.payback_months"} {
		if !used[n] {
			t.Errorf("placeholder {{%s}}: used by no section, want it shown in the sample", n)
		}
	}
}

// sampleContext is what the store would give assembly for account acct.
func sampleContext(s sampleFile, acct string) *proposal.Context {
	w := s.Workspace
	a, _ := w.Account(acct)
	c := &proposal.Context{People: w.PeopleByAccount()[acct], Team: w.Team, References: w.References,
		Library: s.Library, Today: s.Anchor, Company: s.Company}
	if a != nil {
		c.Account = *a
	}
	return c
}

// TestSampleProposals checks the sample proposals: valid, resolving to
// records of the sample, one sent with its follow-up and one draft.
func TestSampleProposals(t *testing.T) {
	s := loadSample(t)
	w := s.Workspace
	if got := len(s.Proposals); got < 2 {
		t.Fatalf("proposals = %d, want at least 2", got)
	}
	has := func(n int, id func(int) string) map[string]bool {
		m := map[string]bool{}
		for i := 0; i < n; i++ {
			m[id(i)] = true
		}
		return m
	}
	accounts := has(len(w.Accounts), func(i int) string { return w.Accounts[i].ID })
	team := has(len(w.Team), func(i int) string { return w.Team[i].ID })
	refs := has(len(w.References), func(i int) string { return w.References[i].ID })
	sections := has(len(s.Library), func(i int) string { return s.Library[i].ID })
	statuses := map[proposal.Status]int{}
	for i := range s.Proposals {
		p := &s.Proposals[i]
		if err := p.Validate(); err != nil {
			t.Errorf("proposal %q: Validate() = %v, want nil", p.ID, err)
		}
		if !strings.HasPrefix(p.ID, "prop-"+p.AccountID+"-") {
			t.Errorf("proposal ID %q: want the prefix prop-%s-", p.ID, p.AccountID)
		}
		if !p.Created.IsZero() || !p.Updated.IsZero() || len(p.Exports) > 0 {
			t.Errorf("proposal %q: created, updated or exports set, want them left out of the sample", p.ID)
		}
		statuses[p.Status]++
		if !accounts[p.AccountID] {
			t.Errorf("proposal %q: account_id %q does not exist", p.ID, p.AccountID)
		}
		if !team[p.Author] {
			t.Errorf("proposal %q: author %q is not a team member", p.ID, p.Author)
		}
		if len(p.Credits) < 3 {
			t.Errorf("proposal %q: %d credits, want at least 3", p.ID, len(p.Credits))
		}
		for _, c := range p.Credits {
			if !team[c.MemberID] || c.Role == "" {
				t.Errorf("proposal %q: credit %+v, want an existing team member with a role", p.ID, c)
			}
		}
		agreed := false
		for _, id := range p.References {
			if !refs[id] {
				t.Errorf("proposal %q: reference %q does not exist", p.ID, id)
			}
			for _, r := range w.References {
				agreed = agreed || r.ID == id && r.Recommends()
			}
		}
		if !agreed {
			t.Errorf("proposal %q: no reference whose referee agreed, want one", p.ID)
		}
		for j, it := range p.Items {
			if it.SectionID != "" && !sections[it.SectionID] {
				t.Errorf("proposal %q item %d: section %q does not exist", p.ID, j, it.SectionID)
			}
		}
		if p.Issued.IsZero() || p.Expiry().IsZero() || !p.Issued.Before(s.Anchor) || !p.Expiry().After(s.Anchor) {
			t.Errorf("proposal %q: issued %v, expiry %v; want issued before and expiring after the anchor %v", p.ID, p.Issued, p.Expiry(), s.Anchor)
		}
		if len(p.Pricing) == 0 || p.Financial.IsZero() {
			t.Errorf("proposal %q: want pricing lines and a financial result", p.ID)
		}
		for _, a := range proposal.Variants {
			if _, err := proposal.Assemble(p, sampleContext(s, p.AccountID), a); err != nil {
				t.Errorf("proposal %q: Assemble(%s) = %v", p.ID, a, err)
			}
		}
	}
	if statuses[proposal.Sent] < 1 || statuses[proposal.Draft] < 1 {
		t.Errorf("proposal statuses = %v, want at least one sent and one draft", statuses)
	}
}

// TestSampleSentProposal checks the proposal to the construction client:
// sent a few days before the anchor with its follow-up planned as
// MarkSent plans it, priced in GBP with a discount, its financial result
// matching the price, and ready by the readiness check.
func TestSampleSentProposal(t *testing.T) {
	s := loadSample(t)
	var p *proposal.Proposal
	for i := range s.Proposals {
		if s.Proposals[i].AccountID == "northbridge" && s.Proposals[i].Status == proposal.Sent {
			p = &s.Proposals[i]
		}
	}
	if p == nil {
		t.Fatal("no sent proposal to northbridge, want one")
	}
	if d := p.Sent.DaysUntil(s.Anchor); d < 1 || d > 7 {
		t.Errorf("sent %v: %d days before the anchor, want 1 to 7", p.Sent, d)
	}
	if p.ValidDays != 45 || !p.ValidUntil.IsZero() {
		t.Errorf("valid_days = %d, valid_until = %v; want 45 days and no date", p.ValidDays, p.ValidUntil)
	}
	planned := *p
	planned.Tasks, planned.Status, planned.Sent = nil, proposal.Draft, dossier.Date{}
	if err := planned.MarkSent(p.Sent, proposal.DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	if len(p.Tasks) != len(planned.Tasks) {
		t.Fatalf("tasks = %d, want %d", len(p.Tasks), len(planned.Tasks))
	}
	for i, task := range p.Tasks {
		want := planned.Tasks[i]
		if task.Kind != want.Kind || !task.Due.Equal(want.Due) {
			t.Errorf("task %d = %s due %v, want %s due %v", i, task.Kind, task.Due, want.Kind, want.Due)
		}
		wantStatus := proposal.TaskOpen
		if task.Kind == proposal.TaskReceipt {
			wantStatus = proposal.TaskDone
		}
		if task.Status != wantStatus {
			t.Errorf("task %s: status %s, want %s", task.Kind, task.Status, wantStatus)
		}
	}
	discounted := false
	for _, l := range p.Pricing {
		discounted = discounted || l.Discount.Sign() > 0
		if l.Currency != "GBP" {
			t.Errorf("pricing line %q in %s, want GBP", l.Description, l.Currency)
		}
	}
	if !discounted {
		t.Error("no discounted pricing line, want one")
	}
	totals := proposal.Totals(p.Pricing)
	if len(totals) != 1 || !totals[0].Net.Equal(p.Financial.Investment) || p.Financial.Years != 5 || p.Financial.YearlyGain.Sign() <= 0 {
		t.Errorf("totals %v, financial %+v: want the investment equal to the net total, a yearly gain and 5 years", totals, p.Financial)
	}
	custom, own := 0, 0
	for _, it := range p.Items {
		switch {
		case it.SectionID != "" && it.Custom:
			custom++
		case it.SectionID == "":
			own++
		}
	}
	if custom < 1 || own < 1 {
		t.Errorf("items: %d customised copies, %d own sections; want at least one of each", custom, own)
	}
	if refs := len(p.References); refs < 2 || refs > 3 {
		t.Errorf("references = %d, want 2 or 3", refs)
	}
	if fs := proposal.Check(p, sampleContext(s, p.AccountID)); proposal.Blocking(fs) > 0 {
		for _, f := range fs {
			t.Errorf("readiness: %s %s: %s", f.Severity, f.Code, f.Text())
		}
	}
}

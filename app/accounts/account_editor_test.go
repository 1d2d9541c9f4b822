package accounts

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// visitShown calls f for o and everything under it that is shown: hidden
// objects (such as the content of tabs not selected) are skipped with
// their children.
func visitShown(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, x := range c.Objects {
			visitShown(x, f)
		}
	case fyne.Widget:
		for _, x := range test.WidgetRenderer(c).Objects() {
			visitShown(x, f)
		}
	}
}

// shownButton finds the shown button labelled text under root.
func shownButton(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	visitShown(root, func(o fyne.CanvasObject) {
		if b, ok := uitest.AsButton(o); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return found
}

// shownDialog returns the dialog on top of the window and its text.
func shownDialog(t *testing.T, w fyne.Window) (fyne.CanvasObject, string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	var texts []string
	visitShown(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	return top, strings.Join(texts, "\n")
}

func accountEditorShown(t *testing.T, d *ui.Frame) *accountEditor {
	t.Helper()
	e, ok := d.Current().(*accountEditor)
	if !ok {
		t.Fatalf("screen %v is %T, want the account form", d.Place(), d.Current())
	}
	return e
}

func TestNewAccountFormSavesEveryField(t *testing.T) {
	d, w, st := openAccounts(t, true)
	uitest.Shortcut(w, fyne.KeyN) // on the accounts list
	if p := d.Place(); p != (ui.Place{Screen: "account-edit", ID: "new"}) {
		t.Fatalf("Ctrl+N on the list opened %v, want account-edit/new", p)
	}
	s := accountEditorShown(t, d)
	if w.Canvas().Focused() != s.name {
		t.Error("the new account form does not put the cursor in Name")
	}
	test.AssertRendersToMarkup(t, "accountedit/new.xml", w.Canvas())
	if s.Dirty() {
		t.Error("an untouched new form reports changes")
	}

	uitest.Type(s.name, "Lumen Rail Systems")
	if !s.Dirty() {
		t.Error("typing a name does not make the form dirty")
	}
	uitest.Type(s.industry, "Rail")
	uitest.Type(s.segment, "Signalling, Nordics")
	s.tier.SetSelected("Key")
	test.Tap(s.criteria[1]) // large potential
	test.Tap(s.criteria[4]) // unhappy with a competitor
	uitest.Type(s.share, "12,5")
	uitest.Type(s.strategy, "Electrify every regional line by 2032.")
	uitest.Type(s.goals, "Cut delays by 20%.\nOne control room.")
	uitest.Type(s.competitors, "Ferrant Controls\n\n  Signum AB  \n")
	uitest.Type(s.tender.Entry, "2027-12-15")
	if got, want := s.prepStart.Text, "Preparation starts on 15 Mar 2027."; !s.prepStart.Visible() || got != want {
		t.Errorf("preparation start = %q (visible %v), want %q with the 9-month rule", got, s.prepStart.Visible(), want)
	}
	uitest.Type(s.prepMonths, "6")
	if got, want := s.prepStart.Text, "Preparation starts on 15 Jun 2027."; got != want {
		t.Errorf("with a 6-month override the preparation start = %q, want %q", got, want)
	}
	uitest.Type(s.review.Entry, "2027-01-20")
	s.owner.SetSelected("Priya Natarajan")
	test.Tap(s.passive)
	uitest.Type(s.notes, "Met at InnoTrans.")
	for _, f := range s.fields.Order {
		if f.Msg.Visible() {
			t.Errorf("field %s shows %q for valid input", f.Name, f.Msg.Text)
		}
	}

	uitest.Shortcut(w, fyne.KeyS)
	p := d.Place()
	if p.Screen != "account" {
		t.Fatalf("after saving the screen is %v, want the new account's dossier", p)
	}
	got, err := st.Account(p.ID)
	if err != nil {
		t.Fatalf("the saved account %q cannot be read: %v", p.ID, err)
	}
	want := dossier.Account{
		ID: p.ID, Name: "Lumen Rail Systems", Industry: "Rail", Segment: "Signalling, Nordics",
		Tier: dossier.TierKey, Criteria: []dossier.Criterion{dossier.CriterionPotential, dossier.CriterionUnhappy},
		RevenueShare: 12.5, Strategy: "Electrify every regional line by 2032.", Goals: "Cut delays by 20%.\nOne control room.",
		Competitors: []string{"Ferrant Controls", "Signum AB"}, NextTender: dossier.MustDate("2027-12-15"),
		TenderPrepMonths: 6, AnnualReview: dossier.MustDate("2027-01-20"), Owner: "team-priya-natarajan",
		Passive: true, Notes: "Met at InnoTrans.", Created: got.Created, Updated: got.Updated,
	}
	if !accountsEqual(got, want) {
		t.Errorf("saved account:\n got  %+v\n want %+v", got, want)
	}
	if !strings.HasPrefix(p.ID, "lumen-rail-systems-") {
		t.Errorf("new account ID = %q, want one made from its name", p.ID)
	}
	if got.Created.IsZero() {
		t.Error("the new account has no creation time")
	}
}

func accountsEqual(a, b dossier.Account) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Industry == b.Industry && a.Segment == b.Segment &&
		a.Tier == b.Tier && slices.Equal(a.Criteria, b.Criteria) && a.RevenueShare == b.RevenueShare &&
		a.Strategy == b.Strategy && a.Goals == b.Goals && slices.Equal(a.Competitors, b.Competitors) &&
		a.NextTender.Equal(b.NextTender) && a.TenderPrepMonths == b.TenderPrepMonths &&
		a.AnnualReview.Equal(b.AnnualReview) && a.Owner == b.Owner && a.Passive == b.Passive &&
		a.Notes == b.Notes && a.Created.Equal(b.Created)
}

func TestAccountFormValidatesAsYouType(t *testing.T) {
	d, _, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account-edit", ID: "new"})
	s := accountEditorShown(t, d)
	for _, f := range s.fields.Order {
		if f.Msg.Visible() {
			t.Errorf("the empty new form already shows %q under %s", f.Msg.Text, f.Name)
		}
	}
	msg := func(field string) string { return s.fields.MessageOf(field) }

	uitest.Type(s.name, "N")
	s.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if got := msg("name"); got != "is required" {
		t.Errorf("emptied name: message %q, want %q", got, "is required")
	}
	if got := msg("tier"); got != "" {
		t.Errorf("tier shows %q before the user touched it or tried to save", got)
	}
	uitest.Type(s.name, "Nordvik")
	if got := msg("name"); got != "" {
		t.Errorf("after typing a name its message is still %q", got)
	}

	cases := []struct {
		share, msg string
		mono       bool
	}{
		{"140", "must be between 0 and 100 percent", false},
		{"abc", "is not a number", false},
		{"-3", "must be between 0 and 100 percent", false},
		{"75", "", false},
		{"80", "", true},
		{"80,5", "", true},
		{"", "", false},
	}
	for _, c := range cases {
		uitest.Retype(s.share, c.share)
		if got := msg("revenue_share"); got != c.msg {
			t.Errorf("share %q: message %q, want %q", c.share, got, c.msg)
		}
		if got := s.monoWarning.Visible(); got != c.mono {
			t.Errorf("share %q: mono-dependence warning shown = %v, want %v", c.share, got, c.mono)
		}
	}
	uitest.Retype(s.share, "80")
	if want := "⚠ Above 75% of our revenue: we depend dangerously on this client."; s.monoWarning.Text != want {
		t.Errorf("warning = %q, want %q", s.monoWarning.Text, want)
	}

	uitest.Type(s.tender.Entry, "2026-02-30")
	if got := msg("next_tender"); got != "is past the end of the month: February 2026 has 28 days" {
		t.Errorf("tender 2026-02-30: message %q", got)
	}
	if s.prepStart.Visible() {
		t.Error("the preparation start is shown for an impossible tender date")
	}
	uitest.Retype(s.tender.Entry, "2027-03-31")
	if got := msg("next_tender"); got != "" {
		t.Errorf("valid tender date still shows %q", got)
	}
	if got, want := s.prepStart.Text, "Preparation started on 30 Jun 2026."; !s.prepStart.Visible() || got != want {
		t.Errorf("preparation start = %q, want %q", got, want)
	}
	uitest.Type(s.prepMonths, "x")
	if got := msg("tender_prep_months"); got != "is not a whole number" {
		t.Errorf("prep months x: message %q", got)
	}
	uitest.Retype(s.prepMonths, "40")
	if got := msg("tender_prep_months"); got != "must be between 0 and 36" {
		t.Errorf("prep months 40: message %q", got)
	}
	uitest.Type(s.review.Entry, "2027-13-01")
	if got := msg("annual_review"); got != "has no month 13: months go from 01 to 12" {
		t.Errorf("review 2027-13-01: message %q", got)
	}
}

func TestAccountFormFailedSaveKeepsEverything(t *testing.T) {
	d, w, st := openAccounts(t, true)
	before, _ := st.Accounts()
	d.Show(ui.Place{Screen: "account-edit", ID: "new"})
	s := accountEditorShown(t, d)
	uitest.Type(s.industry, "Logistics")
	uitest.Type(s.share, "abc")
	uitest.Type(s.notes, "First met at the fair.\nFollow up in spring.")
	test.Tap(s.saveBtn)

	if p := d.Place(); p.Screen != "account-edit" {
		t.Fatalf("a failed save left the form for %v", p)
	}
	if got := accountEditorShown(t, d); got != s {
		t.Fatal("a failed save rebuilt the form")
	}
	if s.industry.Text != "Logistics" || s.share.Text != "abc" || s.notes.Text() != "First met at the fair.\nFollow up in spring." {
		t.Errorf("typed text lost: industry %q, share %q, notes %q", s.industry.Text, s.share.Text, s.notes.Text())
	}
	for field, want := range map[string]string{"name": "is required", "tier": "is required", "revenue_share": "is not a number"} {
		if got := s.fields.MessageOf(field); got != want {
			t.Errorf("after the failed save %s shows %q, want %q", field, got, want)
		}
	}
	if !s.status.Visible() {
		t.Error("the form does not say that it was not saved")
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog was shown although every problem is shown under its field")
	}
	after, _ := st.Accounts()
	if len(after) != len(before) {
		t.Errorf("%d accounts after a failed save, want %d", len(after), len(before))
	}

	// Fixing the fields and saving again works.
	uitest.Type(s.name, "Nordvik Logistics")
	s.tier.SetSelected("Valued")
	uitest.Retype(s.share, "4")
	if s.status.Visible() {
		t.Error("the failure note stays after every problem was fixed")
	}
	test.Tap(s.saveBtn)
	p := d.Place()
	a, err := st.Account(p.ID)
	if p.Screen != "account" || err != nil {
		t.Fatalf("second save: place %v, read %v", p, err)
	}
	if a.Name != "Nordvik Logistics" || a.Industry != "Logistics" || a.RevenueShare != 4 || a.Notes != "First met at the fair.\nFollow up in spring." {
		t.Errorf("saved after fixing: %+v", a)
	}
}

func TestEditNorthbridge(t *testing.T) {
	d, w, st := openAccounts(t, true)
	orig, _ := st.Account("northbridge")
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	test.Tap(shownButton(t, w.Canvas().Content(), "Edit account"))
	if p := d.Place(); p != (ui.Place{Screen: "account-edit", ID: "northbridge"}) {
		t.Fatalf("Edit in the dossier opened %v", p)
	}
	s := accountEditorShown(t, d)
	test.AssertRendersToMarkup(t, "accountedit/northbridge.xml", w.Canvas())
	if s.Dirty() {
		t.Error("the form reports changes right after loading")
	}
	if s.name.Text != orig.Name || s.share.Text != "38" || s.tier.Selected != "Crown jewel" || s.owner.Selected != "Mara Lindqvist" ||
		s.competitors.Text() != strings.Join(orig.Competitors, "\n") || s.tender.Text != orig.NextTender.String() {
		t.Errorf("form not filled from the account: name %q share %q tier %q owner %q tender %q",
			s.name.Text, s.share.Text, s.tier.Selected, s.owner.Selected, s.tender.Text)
	}
	for i, c := range dossier.Criteria {
		if s.criteria[i].Checked != orig.Has(c) {
			t.Errorf("criterion %s ticked = %v, want %v", c, s.criteria[i].Checked, orig.Has(c))
		}
	}
	if s.monoWarning.Visible() {
		t.Error("the mono-dependence warning is shown at 38%")
	}
	if got, want := s.prepStart.Text, "Preparation started on 9 Oct 2026."; !s.prepStart.Visible() || got != want {
		t.Errorf("for the tender on %s the form says %q, want %q", s.tender.Text, got, want)
	}

	uitest.Retype(s.share, "81")
	if !s.monoWarning.Visible() {
		t.Error("no mono-dependence warning at 81%")
	}
	test.Tap(s.criteria[3]) // now in the media
	s.owner.SetSelected("None")
	test.Tap(s.saveBtn)
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Fatalf("after saving the screen is %v, want the dossier", p)
	}
	got, _ := st.Account("northbridge")
	want := orig
	want.RevenueShare = 81
	want.Criteria = []dossier.Criterion{dossier.CriterionBrand, dossier.CriterionPotential, dossier.CriterionNewSegment,
		dossier.CriterionMedia, dossier.CriterionManagementList}
	want.Owner = ""
	if !accountsEqual(got, want) {
		t.Errorf("after editing:\n got  %+v\n want %+v", got, want)
	}
	if !got.Updated.After(orig.Updated) && !got.Updated.Equal(orig.Updated) {
		t.Errorf("updated time went back: %v", got.Updated)
	}
	ds := d.Current().(*dossierScreen)
	if ds.acct.RevenueShare != 81 {
		t.Errorf("the dossier shows a share of %v after the save, want 81", ds.acct.RevenueShare)
	}
}

func TestAccountFormCancel(t *testing.T) {
	d, w, st := openAccounts(t, true)
	orig, _ := st.Account("northbridge")

	// Unchanged: Esc goes straight back to the dossier.
	d.Show(ui.Place{Screen: "account-edit", ID: "northbridge"})
	s := accountEditorShown(t, d)
	s.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Fatalf("Esc on an unchanged form went to %v, want the dossier", p)
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatal("Esc on an unchanged form asked a question")
	}

	// Changed: Esc asks; Cancel stays with the text, Discard leaves unsaved.
	d.Show(ui.Place{Screen: "account-edit", ID: "northbridge"})
	s = accountEditorShown(t, d)
	uitest.Retype(s.name, "Northbridge Renamed")
	s.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	_, text := shownDialog(t, w)
	if !strings.Contains(text, "not saved") {
		t.Errorf("the question on leaving is %q", text)
	}
	uitest.AnswerQuestion(t, w, "Cancel")
	if d.Current() != s || s.name.Text != "Northbridge Renamed" {
		t.Fatalf("answering Cancel left the form (%v) or lost the text %q", d.Place(), s.name.Text)
	}
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Esc on the window
	uitest.AnswerQuestion(t, w, "Discard")
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: "northbridge"}) {
		t.Fatalf("leaving went to %v, want the dossier", p)
	}
	if got, _ := st.Account("northbridge"); got.Name != orig.Name {
		t.Errorf("cancel saved the name %q", got.Name)
	}

	// Save saves, then goes where the user was going: a failed save stays.
	d.Show(ui.Place{Screen: "account-edit", ID: "northbridge"})
	s = accountEditorShown(t, d)
	uitest.Retype(s.name, "Northbridge Renamed")
	uitest.Retype(s.share, "about a third")
	d.Show(ui.Place{Screen: "agenda"})
	uitest.AnswerQuestion(t, w, "Save")
	if d.Current() != s || s.share.Text != "about a third" || s.fields.MessageOf("revenue_share") == "" {
		t.Fatalf("a failed save went to %v, or lost the text %q, or did not say why", d.Place(), s.share.Text)
	}
	uitest.Retype(s.share, "38")
	d.Show(ui.Place{Screen: "agenda"})
	uitest.AnswerQuestion(t, w, "Save")
	if got, _ := st.Account("northbridge"); got.Name != "Northbridge Renamed" {
		t.Errorf("Save on leaving stored the name %q", got.Name)
	}
	if p := d.Place(); p.Screen != "agenda" {
		t.Errorf("after Save the place is %v, want the agenda", p)
	}

	// A new account: back to the list.
	d.Show(ui.Place{Screen: "account-edit", ID: "new"})
	test.Tap(shownButton(t, w.Canvas().Content(), "Cancel"))
	if p := d.Place(); p != (ui.Place{Screen: "accounts"}) {
		t.Errorf("cancelling a new account went to %v, want the list", p)
	}
}

func TestDeleteAccountAndUndo(t *testing.T) {
	d, w, st := openAccounts(t, true)
	people, _ := st.People("northbridge")
	events, _ := st.Events("northbridge")
	if len(people) == 0 || len(events) == 0 {
		t.Fatal("the sample's northbridge has no people or events to delete")
	}
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	test.Tap(shownButton(t, w.Canvas().Content(), "Delete account"))
	dlg, text := shownDialog(t, w)
	if want := "Delete the account “Northbridge Build Group” with its 6 people, events and promises? You can undo this."; !strings.Contains(text, want) {
		t.Errorf("confirmation says %q, want %q", text, want)
	}
	// Saying no deletes nothing.
	test.Tap(shownButton(t, dlg, "No"))
	if _, err := st.Account("northbridge"); err != nil {
		t.Fatalf("answering No deleted the account: %v", err)
	}

	test.Tap(shownButton(t, w.Canvas().Content(), "Delete account"))
	dlg, _ = shownDialog(t, w)
	test.Tap(shownButton(t, dlg, "Delete"))
	if p := d.Place(); p.Screen != "accounts" {
		t.Fatalf("after deleting the screen is %v, want the list", p)
	}
	if _, err := st.Account("northbridge"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("the deleted account still reads: %v", err)
	}
	if left, _ := st.People("northbridge"); len(left) != 0 {
		t.Errorf("%d people of the deleted account are left", len(left))
	}
	if strings.Contains(d.Current().(*accountsScreen).String(), "northbridge") {
		t.Error("the list still shows the deleted account")
	}

	test.Tap(shownButton(t, d.Banner(), "Undo"))
	if _, err := st.Account("northbridge"); err != nil {
		t.Fatalf("after Undo the account is not back: %v", err)
	}
	if back, _ := st.People("northbridge"); len(back) != len(people) {
		t.Errorf("after Undo %d people are back, want %d", len(back), len(people))
	}
	if back, _ := st.Events("northbridge"); len(back) != len(events) {
		t.Errorf("after Undo %d events are back, want %d", len(back), len(events))
	}
	if !strings.Contains(d.Current().(*accountsScreen).String(), "northbridge") {
		t.Error("after Undo the list does not show the account")
	}
	if len(d.Banner().Objects) != 0 {
		t.Error("the undo bar stays after Undo")
	}
}

func TestAccountsListKeyboard(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	s := d.Current().(*accountsScreen)
	w.Canvas().Focus(s.table)
	key := func(k fyne.KeyName) { w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyDown)
	second := s.rows[1].acct.ID
	key(fyne.KeyReturn)
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: second}) {
		t.Fatalf("Down, Return on the list opened %v, want account/%s", p, second)
	}

	d.Show(ui.Place{Screen: "accounts"})
	s = d.Current().(*accountsScreen)
	w.Canvas().Focus(s.table)
	key(fyne.KeySpace)
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: s.rows[0].acct.ID}) {
		t.Errorf("Space on the list opened %v, want the first account", p)
	}

	d.Show(ui.Place{Screen: "accounts"})
	test.Tap(shownButton(t, w.Canvas().Content(), "New account"))
	if p := d.Place(); p != (ui.Place{Screen: "account-edit", ID: "new"}) {
		t.Errorf("the New account button opened %v", p)
	}
}

func TestFirstAccountInAnEmptyWorkspace(t *testing.T) {
	d, w, st := openAccounts(t, false)
	test.Tap(shownButton(t, w.Canvas().Content(), "New account"))
	s := accountEditorShown(t, d)
	if len(s.ownerIDs) != 1 || s.owner.Selected != "None" {
		t.Errorf("without a team the owner choices are %v (selected %q), want only None", s.owner.Options, s.owner.Selected)
	}
	uitest.Type(s.name, "Solway Water")
	s.tier.SetSelected("Crown jewel")
	test.Tap(s.saveBtn)
	accts, _ := st.Accounts()
	if len(accts) != 1 || accts[0].Name != "Solway Water" || accts[0].Tier != dossier.TierCrownJewel {
		t.Fatalf("accounts after saving the first one: %+v", accts)
	}
	if p := d.Place(); p != (ui.Place{Screen: "account", ID: accts[0].ID}) {
		t.Errorf("after saving the screen is %v, want its dossier", p)
	}
	test.Tap(shownButton(t, w.Canvas().Content(), "Accounts")) // back to the list
	if got := d.Current().(*accountsScreen).String(); got != accts[0].ID+"\n" {
		t.Errorf("the list shows %q, want the new account", got)
	}
}

// TestUndoBarStaysWhereItWasOffered: the undo bar of a deletion shows on
// the screen the deletion left the user on, and goes when they go
// elsewhere; it does not follow them to every screen.
func TestUndoBarStaysWhereItWasOffered(t *testing.T) {
	d, w, _ := openAccounts(t, true)
	d.Show(ui.Place{Screen: "account", ID: "northbridge"})
	test.Tap(shownButton(t, w.Canvas().Content(), "Delete account"))
	dlg, _ := shownDialog(t, w)
	test.Tap(shownButton(t, dlg, "Delete"))
	if p := d.Place(); p != (ui.Place{Screen: "accounts"}) || len(d.Banner().Objects) == 0 {
		t.Fatalf("after deleting: at %v, undo bar shown %v", p, len(d.Banner().Objects) > 0)
	}
	d.Show(ui.Place{Screen: "account", ID: "castellan"})
	if len(d.Banner().Objects) != 0 {
		t.Error("the undo bar followed the user to another account")
	}
}

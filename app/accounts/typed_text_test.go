package accounts

import (
	"fmt"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// What is typed is what is stored (issue 8): a sentence typed key by key
// into every multi-line field of kamdesk, at widths where its spaces fall
// at the ends of rows, is saved byte for byte.

func TestTypedTextIsStoredAccount(t *testing.T) {
	d, _, st := openAccounts(t, true)
	for _, width := range uitest.Widths {
		d.Show(ui.Place{Screen: "account-edit", ID: "new"})
		s := accountEditorShown(t, d)
		name := fmt.Sprintf("Account %v", width)
		test.Type(s.name, name)
		s.tier.SetSelected("Key")
		uitest.TypeAt(s.strategy, width, uitest.Sentence)
		uitest.TypeAt(s.goals, width, uitest.Sentence)
		uitest.TypeAt(s.notes, width, uitest.Sentence)
		test.Tap(s.saveBtn)
		accts, _ := st.Accounts()
		i := slices.IndexFunc(accts, func(a dossier.Account) bool { return a.Name == name })
		if i < 0 {
			t.Fatalf("account %q not saved", name)
		}
		uitest.CheckSentence(t, "strategy", width, accts[i].Strategy)
		uitest.CheckSentence(t, "goals", width, accts[i].Goals)
		uitest.CheckSentence(t, "notes", width, accts[i].Notes)
	}
}

func TestTypedTextIsStoredPerson(t *testing.T) {
	d, _, st := openAccounts(t, true)
	for _, width := range uitest.Widths {
		d.Show(ui.Place{Screen: "account", ID: "northbridge"})
		d.Show(ui.Place{Screen: "person", ID: "new:northbridge"})
		s := d.Current().(*personScreen)
		name := fmt.Sprintf("Person %v", width)
		test.Type(s.name, name)
		s.typ.Set(dossier.Finance)
		s.level.Set(dossier.Buyer)
		for _, f := range []fyne.Focusable{s.family, s.hobbies, s.values, s.notes, s.privacy} {
			uitest.TypeAt(f, width, uitest.Sentence)
		}
		d.OnSave()
		p, ok := personNamed(t, st, "northbridge", name)
		if !ok {
			t.Fatalf("person %q not saved", name)
		}
		for field, got := range map[string]string{"family": p.Family, "hobbies": p.Hobbies, "values": p.Values,
			"notes": p.Notes, "privacy note": p.PrivacyNote} {
			uitest.CheckSentence(t, field, width, got)
		}
	}
}

func TestTypedTextIsStoredTimeline(t *testing.T) {
	_, w, st, tl := openTimeline(t)
	const slipping = "prm-northbridge-training-outline"
	for i, width := range uitest.Widths {
		test.Tap(tl.addEvent)
		e := tl.eventEd
		title := fmt.Sprintf("Event %v", width)
		test.Type(e.title, title)
		uitest.TypeAt(e.text, width, uitest.Sentence)
		test.Tap(e.save)
		ev, ok := storedEvent(t, st, title)
		if !ok {
			t.Fatalf("event %q not saved: %q", title, labelTexts(topOverlay(w)))
		}
		uitest.CheckSentence(t, "what happened", width, ev.Text)

		test.Tap(tl.addPromise)
		pe := tl.promiseEd
		uitest.TypeAt(pe.text, width, uitest.Sentence)
		due := dossier.MustDate("2027-01-01").AddDays(i)
		pe.due.SetDate(due)
		test.Tap(pe.save)
		ps, _ := st.Promises("northbridge")
		j := slices.IndexFunc(ps, func(p dossier.Promise) bool { return p.Due.Equal(due) })
		if j < 0 {
			t.Fatalf("promise due %s not saved: %q", due, labelTexts(topOverlay(w)))
		}
		uitest.CheckSentence(t, "promise", width, ps[j].Text)

		test.Tap(tl.promiseRows[slipping].slip)
		se := tl.slipEd
		uitest.TypeAt(se.explanation, width, uitest.Sentence)
		se.newDue.SetDate(dossier.MustDate("2026-12-01").AddDays(i))
		test.Tap(se.save)
		p := storedPromise(t, st, slipping)
		if len(p.Slips) != i+1 {
			t.Fatalf("%d slips saved, want %d: %q", len(p.Slips), i+1, labelTexts(topOverlay(w)))
		}
		uitest.CheckSentence(t, "slip explanation", width, p.Slips[i].Explanation)
	}
}

package app

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/dossier"
)

// What is typed is what is stored (issue 8): a sentence typed key by key
// into every multi-line field of kamdesk, at widths where its spaces fall
// at the ends of rows, is saved byte for byte.

// tfSentence is the sentence of issue 8: typed key by key at many widths,
// Entry stored "asked for payment" as "asked forpayment".
const tfSentence = "Olga asked for payment terms and a discount for the second phase of the project, " +
	"then we talked about the schedule again."

// keyField is a field the tests type into key by key: an entry or a text
// area.
type keyField interface {
	fyne.Focusable
	fyne.Shortcutable
}

// tfWidths are the widths of the field the sentence is typed at.
var tfWidths = []float32{180, 260, 340, 430, 540, 700, 900}

// tfType shows field f width wide and types s into it, key by key.
func tfType(f fyne.Focusable, width float32, s string) {
	o := f.(fyne.CanvasObject)
	o.Resize(fyne.NewSize(width, max(o.Size().Height, 80)))
	test.Type(f, s)
}

// tfCheck compares what was stored in field at width with the sentence.
func tfCheck(t *testing.T, field string, width float32, got string) {
	t.Helper()
	if got != tfSentence {
		t.Errorf("%s typed %v wide, stored\n%q\nwant\n%q", field, width, got, tfSentence)
	}
}

func TestTypedTextIsStoredAccount(t *testing.T) {
	d, _, st := testDesk(t, true)
	for _, width := range tfWidths {
		d.Show(Place{Screen: "account-edit", ID: "new"})
		s := aeEditor(t, d)
		name := fmt.Sprintf("Account %v", width)
		test.Type(s.name, name)
		s.tier.SetSelected("Key")
		tfType(s.strategy, width, tfSentence)
		tfType(s.goals, width, tfSentence)
		tfType(s.notes, width, tfSentence)
		test.Tap(s.saveBtn)
		accts, _ := st.Accounts()
		i := slices.IndexFunc(accts, func(a dossier.Account) bool { return a.Name == name })
		if i < 0 {
			t.Fatalf("account %q not saved", name)
		}
		tfCheck(t, "strategy", width, accts[i].Strategy)
		tfCheck(t, "goals", width, accts[i].Goals)
		tfCheck(t, "notes", width, accts[i].Notes)
	}
}

func TestTypedTextIsStoredPerson(t *testing.T) {
	d, _, st := testDesk(t, true)
	for _, width := range tfWidths {
		d.Show(Place{Screen: "account", ID: "northbridge"})
		d.Show(Place{Screen: "person", ID: "new:northbridge"})
		s := d.Current().(*personScreen)
		name := fmt.Sprintf("Person %v", width)
		test.Type(s.name, name)
		s.typ.Set(dossier.Finance)
		s.level.Set(dossier.Buyer)
		for _, f := range []fyne.Focusable{s.family, s.hobbies, s.values, s.notes, s.privacy} {
			tfType(f, width, tfSentence)
		}
		d.OnSave()
		p, ok := personNamed(t, st, "northbridge", name)
		if !ok {
			t.Fatalf("person %q not saved", name)
		}
		for field, got := range map[string]string{"family": p.Family, "hobbies": p.Hobbies, "values": p.Values,
			"notes": p.Notes, "privacy note": p.PrivacyNote} {
			tfCheck(t, field, width, got)
		}
	}
}

func TestTypedTextIsStoredTimeline(t *testing.T) {
	_, w, st, tl := tlOpen(t)
	const slipping = "prm-northbridge-training-outline"
	for i, width := range tfWidths {
		test.Tap(tl.addEvent)
		e := tl.eventEd
		title := fmt.Sprintf("Event %v", width)
		test.Type(e.title, title)
		tfType(e.text, width, tfSentence)
		test.Tap(e.save)
		ev, ok := tlEvent(t, st, title)
		if !ok {
			t.Fatalf("event %q not saved: %q", title, tlTexts(tlOverlay(w)))
		}
		tfCheck(t, "what happened", width, ev.Text)

		test.Tap(tl.addPromise)
		pe := tl.promiseEd
		tfType(pe.text, width, tfSentence)
		due := dossier.MustDate("2027-01-01").AddDays(i)
		pe.due.SetDate(due)
		test.Tap(pe.save)
		ps, _ := st.Promises("northbridge")
		j := slices.IndexFunc(ps, func(p dossier.Promise) bool { return p.Due.Equal(due) })
		if j < 0 {
			t.Fatalf("promise due %s not saved: %q", due, tlTexts(tlOverlay(w)))
		}
		tfCheck(t, "promise", width, ps[j].Text)

		test.Tap(tl.promiseRows[slipping].slip)
		se := tl.slipEd
		tfType(se.explanation, width, tfSentence)
		se.newDue.SetDate(dossier.MustDate("2026-12-01").AddDays(i))
		test.Tap(se.save)
		p := tlPromise(t, st, slipping)
		if len(p.Slips) != i+1 {
			t.Fatalf("%d slips saved, want %d: %q", len(p.Slips), i+1, tlTexts(tlOverlay(w)))
		}
		tfCheck(t, "slip explanation", width, p.Slips[i].Explanation)
	}
}

func TestTypedTextIsStoredFollowUpNote(t *testing.T) {
	_, w, st, _, f := fuOpen(t, sampleSent)
	for i, width := range tfWidths {
		f.onMove(1)
		due := dossier.MustDate("2026-12-02").AddDays(i)
		f.ask.date.SetDate(due)
		tfType(f.ask.note, width, tfSentence)
		test.Tap(f.ask.ok)
		title := "Follow-up moved to " + due.String() +
			": Ask about next steps (“Factory-commissioned controls for the Doncaster modular plant”)"
		ev, ok := fuEvent(t, st, "northbridge", title)
		if !ok {
			t.Fatalf("no event %q; dialog %v", title, w.Canvas().Overlays().Top() != nil)
		}
		tfCheck(t, "follow-up note", width, ev.Text)
	}
}

func TestTypedTextIsStoredLibrarySection(t *testing.T) {
	_, w, st, s := libOpen(t, "")
	for _, width := range tfWidths {
		prShortcut(w, fyne.KeyN)
		e := s.ed
		test.Type(e.title, fmt.Sprintf("Section %v", width))
		test.Type(e.weights[0], "50")
		tfType(e.body, width, tfSentence)
		prShortcut(w, fyne.KeyS)
		sec, err := st.Section(fmt.Sprintf("section-%v", width))
		if err != nil {
			t.Fatalf("section %v not saved: %v", width, err)
		}
		tfCheck(t, "section text", width, sec.Body)
	}
}

func TestTypedTextIsStoredProposal(t *testing.T) {
	d, _, st, b, s := openSections(t)
	d.opts.After = func(time.Duration, func()) {} // the readiness check waits for a pause in typing
	for _, width := range tfWidths {
		s.addOwn()
		blk := s.blocks[len(s.blocks)-1]
		tfType(blk.ed.body, width, tfSentence)
		b.OnSave()
		p, err := st.Proposal(castellanProposal)
		if err != nil {
			t.Fatal(err)
		}
		tfCheck(t, "proposal section text", width, p.Items[len(p.Items)-1].Body)
	}
	b.showTab(tabFinancial)
	e := b.parts[tabFinancial].(*financialEditor)
	for _, width := range tfWidths {
		e.note.SetText("")
		tfType(e.note, width, tfSentence)
		b.OnSave()
		p, _ := st.Proposal(castellanProposal)
		tfCheck(t, "financial note", width, p.Financial.Note)
	}
}

func TestTypedTextIsStoredReference(t *testing.T) {
	_, w, st, s := tmOpen(t)
	s.tabs.SelectIndex(1)
	for _, width := range tfWidths {
		tmShortcut(w, fyne.KeyN)
		f := s.refs.form.(*referenceForm)
		client := fmt.Sprintf("Client %v", width)
		test.Type(f.client, client)
		test.Type(f.project, "Lighting controls")
		tfType(f.result, width, tfSentence)
		tmShortcut(w, fyne.KeyS)
		refs, _ := st.References()
		i := slices.IndexFunc(refs, func(r dossier.Reference) bool { return r.Client == client })
		if i < 0 {
			t.Fatalf("reference %q not saved", client)
		}
		tfCheck(t, "quantified result", width, refs[i].Result)
	}
}

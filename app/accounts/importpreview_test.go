package accounts

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/i18n"
	"kamdesk/app/ui/uitest"
	"kamdesk/dossier"
)

// TestPreviewChoiceShowsItsWholeOption: in every language, the choice
// of a duplicate in the preview shows each of its options whole ("Fill
// in what the person lacks" was cut to "Fill in what …") at the dialog's
// size.
func TestPreviewChoiceShowsItsWholeOption(t *testing.T) {
	for _, code := range i18n.Languages {
		t.Run(code, func(t *testing.T) {
			uitest.UseLanguage(t, code)
			f, w, st := openAccounts(t, true)
			q := &uitest.Queue{Host: f}
			s, _ := NewDossier(q, st, "northbridge")
			tomasz := dossier.Person{AccountID: "northbridge", Name: "Tomasz Lis", Type: dossier.Technical, Level: dossier.Buyer}
			if err := st.SavePerson(&tomasz); err != nil {
				t.Fatal(err)
			}
			imp := s.importFrom("cards.vcf", func() ([]byte, error) { return []byte(importCards), nil })
			q.Run()
			var choice *widget.Select
			for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
				if sel, ok := o.(*widget.Select); ok && sel != imp.all && sel.Visible() {
					choice = sel
				}
			}
			if choice == nil {
				t.Fatal("no choice shown for the duplicate")
			}
			for _, option := range choice.Options {
				choice.SetSelected(option)
				shown := ""
				for _, o := range test.LaidOutObjects(choice) {
					if text, ok := o.(*canvas.Text); ok && text.Visible() {
						shown += text.Text
					}
				}
				if shown != option {
					t.Errorf("the choice %q shows %q (%v wide)", option, shown, choice.Size().Width)
				}
			}
		})
	}
}

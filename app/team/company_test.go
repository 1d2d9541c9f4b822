package team

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kamdesk/app/ui"
	"kamdesk/app/ui/uitest"
	"kamdesk/proposal"
)

// TestCompanyScreen: the company screen's preview follows the form as the
// user types (name, brand colour, details, logo); a colour that is not
// #rrggbb is marked and nothing is saved; Save keeps the house style,
// which the store then gives every export.
func TestCompanyScreen(t *testing.T) {
	f, w, st := uitest.Open(t, true)
	if err := st.SaveCompany(proposal.Company{}); err != nil { // the sample's
		t.Fatal(err)
	}
	f.SetScreens(map[string]ui.Maker{
		"company": func(string) (ui.Screen, error) { return NewCompany(f, st) },
		"team":    func(id string) (ui.Screen, error) { return NewScreen(f, st, id) },
	})
	f.Open(ui.Place{Screen: "company"})
	s, ok := f.Current().(*companyScreen)
	if !ok {
		t.Fatalf("screen %T, want the company screen", f.Current())
	}
	w.Resize(fyne.NewSize(1024, 700))
	if w.Canvas().Focused() != s.name {
		t.Errorf("the form opens with the focus on %T, want the name", w.Canvas().Focused())
	}
	uitest.Type(s.name, "Veldmark Controls Ltd")
	uitest.Type(s.vat, "VAT GB 987 6543 21")
	if s.pvCompany.Text != "Veldmark Controls Ltd" || s.pvDetails.FullText() != "Veldmark Controls Ltd · VAT GB 987 6543 21" {
		t.Errorf("the preview shows %q / %q", s.pvCompany.Text, s.pvDetails.FullText())
	}
	uitest.Type(s.colour, "red")
	if s.fs.MessageOf("brand_colour") == "" {
		t.Error("no message under a colour that is not #rrggbb")
	}
	if s.SaveChanges() {
		t.Fatal("a company with a bad colour was saved")
	}
	s.colour.SetText("#7a1f3d")
	if got := s.pvTitle.Color; got != s.brand() || s.fs.MessageOf("brand_colour") != "" {
		t.Errorf("the preview's title is %v, the message %q", got, s.fs.MessageOf("brand_colour"))
	}
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	var b bytes.Buffer
	png.Encode(&b, img)
	s.logo = b.Bytes()
	s.changed()
	if len(s.logoBox.Objects) != 1 || s.removeLogo.Disabled() {
		t.Error("the preview shows no logo")
	}
	if want := "Yours sincerely,\n\n‹the author's name›\n‹the author's position›\nVeldmark Controls Ltd"; s.pvSignature.FullText() != want {
		t.Errorf("the signature's preview = %q, want the default %q", s.pvSignature.FullText(), want)
	}
	uitest.Type(s.signature, "{{author.name}} for {{company.name}}")
	if want := "Yours sincerely,\n\n‹the author's name› for Veldmark Controls Ltd"; s.pvSignature.FullText() != want {
		t.Errorf("the signature's preview = %q, want %q", s.pvSignature.FullText(), want)
	}
	if !s.Dirty() {
		t.Error("the changes are not unsaved")
	}
	if !s.SaveChanges() || s.Dirty() {
		t.Fatal("the company was not saved")
	}
	c, err := st.Company()
	if err != nil || c.Name != "Veldmark Controls Ltd" || c.BrandColour != "#7a1f3d" || len(c.Logo) == 0 ||
		c.Signature != "{{author.name}} for {{company.name}}" {
		t.Errorf("stored company = %+v, %v", c, err)
	}
	test.Tap(s.removeLogo)
	if s.logo != nil || !s.Dirty() {
		t.Error("Remove the logo did not remove it")
	}
}

package team

import (
	"bytes"
	"encoding/json"
	"image/color"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// CompanyStore is what the company screen reads and writes.
type CompanyStore interface {
	Company() (proposal.Company, error)
	SaveCompany(c proposal.Company) error
}

// companyScreen edits our company, the house style of every exported
// proposal, beside a live preview of the cover page it gives them
// (File → Company and house style…; kamdesk company set does the same).
type companyScreen struct {
	host  ui.Host
	st    CompanyStore
	saved string // the company as stored, to tell unsaved changes

	fs                                   ui.FieldSet
	name, registration, vat, web, colour *ui.Entry
	address, signature                   *ui.TextArea
	logo                                 []byte // a PNG (proposal.CleanLogo)
	paper                                *widget.RadioGroup
	status                               *ui.FitLabel

	// the preview of the cover page
	logoBox                *fyne.Container
	pvCompany, pvTitle     *canvas.Text
	pvRule                 *canvas.Rectangle
	pvDetails, pvSignature *ui.WrapLabel
	removeLogo, chooseLogo *widget.Button
}

// NewCompany is the company screen.
func NewCompany(h ui.Host, st CompanyStore) (ui.Screen, error) {
	c, err := st.Company()
	if err != nil {
		return nil, err
	}
	s := &companyScreen{host: h, st: st}
	entry := func(text string) *ui.Entry {
		e := ui.NewEntry(s.OnCancel)
		e.SetText(text)
		e.OnChanged = func(string) { s.changed() }
		return e
	}
	s.name, s.registration, s.vat, s.web = entry(c.Name), entry(c.Registration), entry(c.VAT), entry(c.Website)
	s.colour = entry(c.BrandColour)
	s.colour.SetPlaceHolder("#0b5563")
	s.address = ui.NewTextArea(s.OnCancel)
	s.address.SetMinRowsVisible(3)
	s.address.SetText(c.Address)
	s.address.OnChanged = func(string) { s.changed() }
	s.signature = ui.NewTextArea(s.OnCancel)
	s.signature.SetMinRowsVisible(3)
	s.signature.SetText(c.Signature)
	s.signature.SetPlaceHolder(proposal.DefaultSignature)
	s.signature.OnChanged = func(string) { s.changed() }
	s.logo = c.Logo
	s.status = ui.NewFitLabel("")
	s.chooseLogo = widget.NewButtonWithIcon(lang.L("Choose a logo…"), theme.FolderOpenIcon(), s.onChooseLogo)
	s.removeLogo = widget.NewButtonWithIcon(lang.L("Remove the logo"), theme.DeleteIcon(), func() {
		s.logo = nil
		s.changed()
	})
	s.fs.Add(ui.NewField("name", lang.L("Name"), s.name))
	s.fs.Add(ui.NewField("address", lang.L("Address"), s.address))
	s.fs.Add(ui.NewField("registration", lang.L("Registration"), s.registration))
	s.fs.Add(ui.NewField("vat", lang.L("VAT"), s.vat))
	s.fs.Add(ui.NewField("website", lang.L("Website"), s.web))
	s.fs.Add(ui.NewField("brand_colour", lang.L("Brand colour"), s.colour))
	s.fs.Add(ui.NewField("logo", lang.L("Logo"), container.NewHBox(s.chooseLogo, s.removeLogo)))
	s.paper = widget.NewRadioGroup([]string{"A4", "Letter"}, func(string) { s.changed() })
	s.paper.Horizontal, s.paper.Required = true, true
	s.paper.Selected = "A4"
	if c.Paper == "letter" {
		s.paper.Selected = "Letter"
	}
	s.fs.Add(ui.NewField("paper", lang.L("Paper of PDFs"), s.paper))
	s.fs.Add(ui.NewField("signature", lang.L("Signature of letters"), s.signature))
	s.saved = s.snapshot()
	return s, nil
}

// company is the company as the form has it.
func (s *companyScreen) company() proposal.Company {
	return proposal.Company{Name: strings.TrimSpace(s.name.Text), Address: strings.TrimSpace(s.address.Text()),
		Registration: strings.TrimSpace(s.registration.Text), VAT: strings.TrimSpace(s.vat.Text),
		Website: strings.TrimSpace(s.web.Text), BrandColour: strings.TrimSpace(s.colour.Text), Logo: s.logo,
		Paper: s.paperValue(), Signature: strings.TrimSpace(s.signature.Text())}
}

// paperValue is the paper chosen: "" for A4 (the default), "letter".
func (s *companyScreen) paperValue() string {
	if s.paper != nil && s.paper.Selected == "Letter" {
		return "letter"
	}
	return ""
}

func (s *companyScreen) snapshot() string {
	b, _ := json.Marshal(s.company())
	return string(b)
}

// Dirty reports changes that are not saved.
func (s *companyScreen) Dirty() bool { return s.snapshot() != s.saved }

// changed shows the preview again and what is wrong, as the user types.
func (s *companyScreen) changed() {
	s.fs.ShowProblems(s.company().Validate())
	s.showPreview()
	s.status.SetText("")
	if s.Dirty() {
		s.status.SetText(lang.L("unsaved changes"))
	}
}

// OnSave saves the company (Ctrl+S).
func (s *companyScreen) OnSave() { s.SaveChanges() }

// SaveChanges saves the company and reports whether it was saved.
func (s *companyScreen) SaveChanges() bool {
	c := s.company()
	if err := s.st.SaveCompany(c); err != nil {
		if rest := s.fs.ShowProblems(err); len(rest) > 0 || len(dossier.ProblemsOf(err)) == 0 {
			s.host.ShowError(err)
		}
		s.status.SetText(lang.L("Not saved: please fix the fields marked in red."))
		return false
	}
	s.saved = s.snapshot()
	s.status.SetText(lang.L("Saved: exported proposals open with this cover page."))
	return true
}

// OnCancel puts the form back as stored (Esc); the desk asks first.
func (s *companyScreen) OnCancel() {
	s.host.Show(ui.Place{Screen: "team"})
}

// FocusFirst puts the cursor in the name.
func (s *companyScreen) FocusFirst() { s.host.Window().Canvas().Focus(s.name) }

// onChooseLogo reads a PNG, JPEG, GIF or SVG chosen in a file dialog.
func (s *companyScreen) onChooseLogo() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.host.ShowError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, proposal.MaxLogoBytes+1))
		if err == nil {
			data, err = proposal.CleanLogo(data)
		}
		if err != nil {
			s.fs.By["logo"].SetMessage(lang.L("is not a picture kamdesk can use: {{.Error}}", map[string]any{"Error": ui.ErrorText(err)}))
			return
		}
		s.logo = data
		s.changed()
	}, s.host.Window())
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".gif", ".svg"}))
	fd.Show()
}

// brand is the brand colour typed, or the export's own when it is none.
func (s *companyScreen) brand() color.Color {
	c := strings.TrimSpace(s.colour.Text)
	if len(c) == 7 && c[0] == '#' {
		if v, err := strconv.ParseUint(c[1:], 16, 32); err == nil {
			return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
		}
	}
	return color.NRGBA{R: 0x0b, G: 0x55, B: 0x63, A: 0xff}
}

// showPreview draws the cover page as the company now makes it.
func (s *companyScreen) showPreview() {
	if s.logoBox == nil {
		return // not drawn yet
	}
	c := s.company()
	s.logoBox.Objects = nil
	if len(c.Logo) > 0 {
		img := canvas.NewImageFromReader(bytes.NewReader(c.Logo), "logo.png")
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(200, 60))
		s.logoBox.Objects = []fyne.CanvasObject{img}
	}
	s.logoBox.Refresh()
	if c.Logo == nil {
		s.removeLogo.Disable()
	} else {
		s.removeLogo.Enable()
	}
	name := c.Name
	if name == "" {
		name = lang.L("Your company's name")
	}
	s.pvCompany.Text = name
	s.pvCompany.Refresh()
	s.pvTitle.Color = s.brand()
	s.pvTitle.Refresh()
	s.pvRule.FillColor = s.brand()
	s.pvRule.Refresh()
	s.pvDetails.SetText(c.DetailsLine())
	s.pvSignature.SetText(lang.L("Yours sincerely,") + "\n\n" + c.SignatureOf(map[string]string{
		"author.name": lang.L("‹the author's name›"), "author.position": lang.L("‹the author's position›"),
		"author.email": lang.L("‹the author's e-mail›"), "author.phone": lang.L("‹the author's phone›"),
		"company.name": c.Name}))
}

// Content is the form beside the preview.
func (s *companyScreen) Content() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Company and house style"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), s.OnSave)
	save.Importance = widget.HighImportance
	header := container.NewBorder(nil, nil, title, save, s.status)
	hint := ui.NewWrapLabel(lang.L("Every exported proposal opens with a cover page in these colours, closes its credits with these details, and prints the company's name and the page numbers at the foot of its pages. A letter that ends in {{.Placeholder}} is signed with the signature below: it may name {{.Names}}; a line naming a value the proposal lacks is left out.",
		map[string]any{"Placeholder": "{{signature}}", "Names": "{{author.name}}, {{author.position}}, {{author.email}}, {{author.phone}}, {{company.name}}"}))
	hint.Importance = widget.LowImportance
	form := container.NewVScroll(container.NewPadded(ui.NewWrapColumn(hint, s.fs.Grid())))

	s.logoBox = container.NewStack()
	// The cover as it prints: on white paper, whatever the window's theme.
	ink, muted := color.NRGBA{A: 0xff}, color.NRGBA{R: 0x4a, G: 0x4a, B: 0x4a, A: 0xff}
	s.pvCompany = canvas.NewText("", muted)
	s.pvCompany.TextStyle = fyne.TextStyle{Bold: true}
	s.pvTitle = canvas.NewText(lang.L("The title of a proposal"), s.brand())
	s.pvTitle.TextSize = theme.TextSize() * 1.8
	s.pvTitle.TextStyle = fyne.TextStyle{Bold: true}
	s.pvRule = canvas.NewRectangle(s.brand())
	s.pvRule.SetMinSize(fyne.NewSize(0, 3))
	forLine := canvas.NewText(lang.L("For the client"), ink)
	s.pvDetails = ui.NewWrapLabel("")
	s.pvDetails.Importance = widget.LowImportance
	details := container.NewThemeOverride(s.pvDetails, paperTheme{fyne.CurrentApp().Settings().Theme()}) // muted on paper
	page := canvas.NewRectangle(color.White)
	page.StrokeColor, page.StrokeWidth, page.CornerRadius = theme.Color(theme.ColorNameSeparator), 1, 4
	cover := container.NewStack(page, container.NewPadded(container.NewPadded(container.NewVBox(
		container.NewHBox(s.logoBox), s.pvCompany, s.pvTitle, forLine, s.pvRule, details))))
	s.pvSignature = ui.NewWrapLabel("")
	letter := canvas.NewRectangle(color.White)
	letter.StrokeColor, letter.StrokeWidth, letter.CornerRadius = page.StrokeColor, 1, 4
	signed := container.NewStack(letter, container.NewPadded(container.NewThemeOverride(s.pvSignature, paperTheme{fyne.CurrentApp().Settings().Theme()})))
	bold := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	preview := container.NewVScroll(container.NewVBox(bold(lang.L("Cover page")), cover,
		bold(lang.L("The end of a letter")), signed))
	s.showPreview()
	split := container.NewHSplit(form, container.NewPadded(preview))
	split.Offset = 0.55
	return container.NewBorder(container.NewVBox(header, widget.NewSeparator()), nil, nil, nil, split)
}

// paperTheme is the desk's theme in its light variant: the preview of a
// cover page is on white paper in a dark window too.
type paperTheme struct{ fyne.Theme }

func (p paperTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return p.Theme.Color(n, theme.VariantLight)
}

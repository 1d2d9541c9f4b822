package proposals

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/export"
	"kamdesk/app/preview"
	"kamdesk/app/ui"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// audiencesPart shows each variant of the proposal as its readers get
// it: who it is addressed to, what the readiness check says about it, and
// a preview that looks like the export. Assembling a variant costs a
// little, so it is done only for the variant on screen, and only when it
// comes on screen or the readiness check ran again (after a pause in
// typing), never on each keystroke.
type audiencesPart struct {
	b     *builder
	root  *shownBox
	tabs  *ui.Tabs
	views []*variantView
	gen   int // counts the changes of the working copy seen by the check
	// assembled counts the variants assembled for the preview.
	assembled int

	// opened is the last file opened in the browser.
	opened string
}

// variantView is the tab of one variant.
type variantView struct {
	a       proposal.Audience
	box     *fyne.Container // holds the view once built
	built   int             // the generation shown; -1 before the first
	waiting bool            // its first build waits for the window to draw
	variant *proposal.Variant
	people  *fyne.Container
	finds   *fyne.Container
	preview fyne.CanvasObject
	open    *widget.Button
	scroll  *container.Scroll
	moves   [][2]*widget.Button // each section's up and down, in reading order
	reset   *widget.Button      // back to the suggested order
}

func newAudiencesPart(b *builder) *audiencesPart {
	a := &audiencesPart{b: b}
	var items []*container.TabItem
	for _, aud := range proposal.Variants {
		v := &variantView{a: aud, box: container.NewStack(), built: -1}
		a.views = append(a.views, v)
		items = append(items, container.NewTabItem(ui.Tr(aud.Label()), v.box))
	}
	// made with its tabs at once: each Append refreshes the tabs (and
	// parses their icons again)
	a.tabs = ui.NewTabs(items...)
	a.tabs.OnSelected = func(*container.TabItem) { a.showCurrent() }
	a.root = newShownBox(a.tabs, a.showCurrent)
	return a
}

func (a *audiencesPart) Content() fyne.CanvasObject { return a.root }

// reload marks every variant as out of date; the check that follows a
// reload shows the current one again.
func (a *audiencesPart) reload() { a.gen++ }

// onChecked shows the current variant again if it is on screen; the
// others wait until they are.
func (a *audiencesPart) onChecked() {
	a.gen++
	if a.onScreen() {
		a.showCurrent()
	}
}

// onScreen reports whether the builder shows this tab.
func (a *audiencesPart) onScreen() bool {
	b := a.b
	return b.tabs != nil && b.tabOf[tabAudiences] != nil && b.tabs.Selected() == b.tabOf[tabAudiences]
}

// current is the view of the variant whose tab is selected.
func (a *audiencesPart) current() *variantView {
	i := a.tabs.SelectedIndex()
	if i < 0 || i >= len(a.views) {
		i = 0
	}
	return a.views[i]
}

// showAudience selects the tab of variant aud.
func (a *audiencesPart) showAudience(aud proposal.Audience) {
	for i, v := range a.views {
		if v.a == aud {
			a.tabs.SelectIndex(i)
		}
	}
	a.showCurrent()
}

// showCurrent builds the current variant's view unless it is up to date.
// A variant shown for the first time is built once the window drew the
// tab: assembling it and laying out its preview kept the UI goroutine
// another 30-40 ms on top of the builder's own opening.
func (a *audiencesPart) showCurrent() {
	v := a.current()
	switch {
	case v.built == a.gen || v.waiting:
	case v.scroll == nil:
		v.waiting = true
		a.b.host.Defer(func() {
			v.waiting = false
			if v.built != a.gen && a.current() == v {
				a.build(v)
			}
		})
	default:
		a.build(v)
	}
}

// build assembles the variant of v and shows it.
func (a *audiencesPart) build(v *variantView) {
	b := a.b
	v.built = a.gen
	a.assembled++
	variant, err := proposal.Assemble(&b.p, b.ctx, v.a)
	v.variant = variant
	people := b.ctx.Addressees(v.a)

	v.people = container.NewVBox() // a line each: a name, position and level whole
	for _, p := range people {
		v.people.Add(addresseeChip(p))
	}
	var who fyne.CanvasObject = v.people
	if len(people) == 0 {
		none := widget.NewLabel(lang.L("Nobody of this type in the dossier"))
		none.Importance = widget.LowImportance
		who = none
	}

	v.finds = ui.NewWrapColumn()
	for _, f := range b.findings {
		if f.Audience == v.a {
			v.finds.Add(newFindingRow(f, false, b.jump))
		}
	}
	if len(v.finds.Objects) == 0 {
		ok := widget.NewLabel(lang.L("The readiness check found nothing to fix in this variant."))
		ok.Importance = widget.SuccessImportance
		ok.Wrapping = fyne.TextWrapWord
		v.finds.Add(ok)
	}

	var more []fyne.CanvasObject // the preview's blocks put in after the window drew
	if err != nil {
		msg := widget.NewLabel(lang.L("This variant cannot be assembled: {{.Error}}", map[string]any{"Error": ui.ErrorText(err)}))
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		v.preview = msg
	} else {
		above, under := export.DocumentOf(&b.p, b.ctx, variant, time.Now()).CoverLines()
		blocks := preview.DocumentBlocks(variant.Markdown, above, under)
		first := len(blocks)
		if v.scroll == nil { // shown afresh: the reader starts at the top
			first = min(first, previewFirstBlocks)
		}
		v.preview, more = ui.NewWrapColumn(blocks[:first]...), blocks[first:]
	}
	v.open = widget.NewButtonWithIcon(lang.L("Open in browser"), ui.Icon(theme.ComputerIcon()), func() { a.openInBrowser(v.a) })
	if err != nil {
		v.open.Disable()
	}

	heading := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	page := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	page.StrokeColor = theme.Color(theme.ColorNameSeparator)
	page.StrokeWidth = 1
	page.CornerRadius = 4
	paper := container.NewStack(page, container.NewPadded(container.NewPadded(v.preview)))
	body := ui.NewWrapColumn(
		heading(lang.L("Addressed to")), who,
		heading(lang.L("Readiness of this variant")), v.finds,
		heading(lang.L("Reading order")), ui.NewReadable(a.orderView(v)),
		heading(lang.L("Preview")), ui.NewReadable(paper),
	)
	top := container.NewBorder(nil, nil, nil, v.open,
		widget.NewLabel(lang.L("What the {{.Audience}} readers get", map[string]any{"Audience": ui.Tr(v.a.Label())})))
	scroll := container.NewVScroll(body)
	v.box.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, scroll)}
	v.box.Refresh()
	if v.scroll != nil { // the reader stays where they were reading
		scroll.ScrollToOffset(v.scroll.Offset)
	}
	v.scroll = scroll
	if len(more) > 0 {
		a.b.host.Defer(func() { a.morePreview(v, v.preview, more) })
	}
}

// previewFirstBlocks are the blocks of a variant's preview (paragraphs,
// headings, tables) shown as the tab opens, about what a window 800
// pixels tall shows under the addressees and findings; the others come previewMoreBlocks at a time once the window drew
// (laying out and wrapping the whole of a long variant at once kept the
// UI goroutine about 0.1 s).
const previewFirstBlocks, previewMoreBlocks = 8, 16

// morePreview puts the next blocks in the preview col of v, and asks to be
// called again for the rest; it stops when v shows another preview.
func (a *audiencesPart) morePreview(v *variantView, col fyne.CanvasObject, more []fyne.CanvasObject) {
	c, ok := col.(*fyne.Container)
	if !ok || v.preview != col || v.scroll == nil {
		return
	}
	n := min(len(more), previewMoreBlocks)
	c.Objects = append(c.Objects, more[:n]...)
	c.Layout.Layout(c.Objects, c.Size()) // the new blocks wrapped at the column's width
	// Then the page made taller and the scroll bars sized again: the
	// scroll's own renderer does that. Scroll.Refresh would also refresh
	// its whole content, every block shown so far wrapped again, which
	// made the fill-in quadratic (a long variant's Preview kept the UI
	// goroutine 0.3 s).
	v.scroll.Base.Refresh()
	if n < len(more) {
		rest := more[n:]
		a.b.host.Defer(func() { a.morePreview(v, col, rest) })
	}
}

// addresseeChip shows a person the variant speaks to: a dot in the colour
// of their rung on the ladder, their name, position and level.
func addresseeChip(p dossier.Person) fyne.CanvasObject {
	dot := canvas.NewCircle(ui.LevelColor(p.Level))
	dot.StrokeWidth = 0
	sz := theme.TextSize()
	dotBox := container.NewCenter(container.NewGridWrap(fyne.NewSize(sz*0.8, sz*0.8), dot))
	name := widget.NewRichText(
		&widget.TextSegment{Text: p.Name, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
	)
	line := p.Position
	if lvl := ui.Tr(p.Level.Label()); lvl != "" {
		if line != "" {
			line += " · "
		}
		line += lvl
	}
	if line != "" {
		name.Segments = append(name.Segments, &widget.TextSegment{Text: "  " + line,
			Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
	}
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, dotBox, nil, name)
}

// openInBrowser writes the variant for aud as the export would into the
// view folder, and opens it with the system's viewer.
func (a *audiencesPart) openInBrowser(aud proposal.Audience) {
	b := a.b
	data, err := export.Render(&b.p, b.ctx, aud, "html", time.Now().UTC().Truncate(time.Second))
	if err != nil {
		b.host.ShowError(err)
		return
	}
	path, err := b.host.ViewFile(export.FileName(&b.p, b.ctx, aud, export.HTML, true, b.host.Today()), data)
	if err != nil {
		b.host.ShowError(err)
		return
	}
	a.opened = path
	b.host.OpenPath(path)
}

// shownBox holds content and calls onShown whenever it is shown, as the
// builder's tabs show the content of the selected tab.
type shownBox struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onShown func()
}

func newShownBox(content fyne.CanvasObject, onShown func()) *shownBox {
	s := &shownBox{content: content, onShown: onShown}
	s.ExtendBaseWidget(s)
	return s
}

// Show shows the box and tells onShown.
func (s *shownBox) Show() {
	s.BaseWidget.Show()
	s.onShown()
}

func (s *shownBox) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.content) }

package proposals

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/proposal"
)

// libraryPicker is the "Add from library" dialog: the library filtered by
// kind, audience, language and text, with a check per section.
type libraryPicker struct {
	s        *sectionsEditor
	kind     *ui.Choice[proposal.Kind]
	audience *ui.Choice[proposal.Audience]
	language *widget.Select
	langs    []string // the languages of the library, in the language Select's order after "all"
	filter   *widget.Entry
	list     *ui.List
	none     *widget.Label
	count    *widget.Label
	shown    []*proposal.Section
	picked   map[string]bool
	dlg      *dialog.ConfirmDialog
}

func (s *sectionsEditor) openPicker() {
	p := &libraryPicker{s: s, picked: map[string]bool{}}
	s.picker = p
	p.kind = ui.NewChoice(proposal.Kinds, proposal.Kind.Label, lang.L("All kinds"), func(proposal.Kind) { p.apply() })
	p.audience = ui.NewChoice(proposal.Audiences, proposal.Audience.Label, lang.L("All audiences"), func(proposal.Audience) { p.apply() })
	for _, sec := range s.b.ctx.Library {
		if !slices.Contains(p.langs, sec.Language) {
			p.langs = append(p.langs, sec.Language)
		}
	}
	slices.Sort(p.langs)
	p.language = widget.NewSelect(append([]string{lang.L("All languages")}, p.langs...), func(string) { p.apply() })
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder(lang.L("Filter by words"))
	p.filter.OnChanged = func(string) { p.apply() }
	p.count = widget.NewLabel("")
	p.none = widget.NewLabel(lang.L("No library section matches the filters."))
	p.list = ui.NewList(func() int { return len(p.shown) }, p.newRow, p.updateRow)
	p.list.OnSelected = func(i widget.ListItemID) { // Space or Enter on a row ticks it, or unticks it
		p.list.Unselect(i)
		if i >= 0 && i < len(p.shown) {
			p.pick(p.shown[i].ID, !p.picked[p.shown[i].ID])
			p.list.RefreshItem(i)
		}
	}
	p.kind.Set("")
	p.audience.Set("")
	if slices.Contains(p.langs, s.b.p.Language) {
		p.language.SetSelected(s.b.p.Language)
	} else {
		p.language.SetSelectedIndex(0)
	}
	p.apply()
	filters := container.NewGridWithColumns(4, p.kind, p.audience, p.language, p.filter)
	body := container.NewBorder(container.NewVBox(filters, p.count), nil, nil, nil, container.NewStack(p.none, p.list))
	p.dlg = dialog.NewCustomConfirm(lang.L("Add sections from the library"), lang.L("Add"), lang.L("Cancel"), body,
		func(ok bool) {
			if ok {
				p.addPicked()
			}
			s.picker = nil
		}, s.b.host.Window())
	p.dlg.Resize(fyne.NewSize(860, 560))
	p.dlg.Show()
	s.b.host.Window().Canvas().Focus(p.list) // the arrows move in the sections at once
}

// apply shows the library sections that pass the filters.
func (p *libraryPicker) apply() {
	if p.list == nil || p.language == nil || p.filter == nil {
		return // still being built
	}
	kind, aud := p.kind.Value(), p.audience.Value()
	language := ""
	if i := p.language.SelectedIndex(); i > 0 {
		language = p.langs[i-1]
	}
	words := strings.Fields(strings.ToLower(p.filter.Text))
	p.shown = p.shown[:0]
	for i := range p.s.b.ctx.Library {
		sec := &p.s.b.ctx.Library[i]
		if kind != "" && sec.Kind != kind || aud != "" && sec.Audiences[aud] <= 0 ||
			language != "" && sec.Language != language {
			continue
		}
		hay := strings.ToLower(sec.ID + " " + sec.Title + " " + sec.Body)
		if !secAllWords(hay, words) {
			continue
		}
		p.shown = append(p.shown, sec)
	}
	p.none.Hidden = len(p.shown) > 0
	p.none.Refresh()
	p.list.Refresh()
	p.showCount()
}

// secAllWords reports whether hay contains every one of words.
func secAllWords(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func (p *libraryPicker) showCount() {
	p.count.SetText(lang.L("{{.Shown}} of {{.Total}} sections shown · {{.Picked}} selected",
		map[string]any{"Shown": len(p.shown), "Total": len(p.s.b.ctx.Library), "Picked": len(p.picked)}))
}

func (p *libraryPicker) newRow() fyne.CanvasObject {
	meta := widget.NewLabel("")
	meta.Importance = widget.LowImportance
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(widget.NewCheck("", nil), meta)
}

func (p *libraryPicker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	sec := p.shown[id]
	for _, obj := range o.(*fyne.Container).Objects {
		switch w := obj.(type) {
		case *widget.Check:
			w.OnChanged = nil
			w.Text = sec.Title
			w.Checked = p.picked[sec.ID]
			w.Refresh()
			secID := sec.ID
			w.OnChanged = func(on bool) { p.pick(secID, on) }
		case *widget.Label:
			meta := ui.Tr(sec.Kind.Label()) + " · " + secWeights(sec.Audiences) + " · " + sec.Language
			if slices.ContainsFunc(p.s.b.p.Items, func(it proposal.Item) bool { return it.SectionID == sec.ID }) {
				meta += " · " + lang.L("already in this proposal")
			}
			w.SetText(meta)
		}
	}
}

// pick selects or unselects a library section.
func (p *libraryPicker) pick(id string, on bool) {
	if on {
		p.picked[id] = true
	} else {
		delete(p.picked, id)
	}
	p.showCount()
}

// addPicked adds the selected sections, in library order.
func (p *libraryPicker) addPicked() {
	var ids []string
	for _, sec := range p.s.b.ctx.Library {
		if p.picked[sec.ID] {
			ids = append(ids, sec.ID)
		}
	}
	p.s.addFromLibrary(ids)
}

// addFromLibrary appends items that follow the library sections ids.
func (s *sectionsEditor) addFromLibrary(ids []string) {
	items := make([]proposal.Item, len(ids))
	for i, id := range ids {
		items[i] = proposal.Item{SectionID: id}
	}
	if added := s.add(items...); len(added) > 0 {
		s.ensureVisible(added[0])
	}
}

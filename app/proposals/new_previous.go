package proposals

import (
	"maps"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"

	"kamdesk/proposal"
)

// previousLabel names a proposal in the list to start from: its title and
// its account's name.
func previousLabel(title, account string) string {
	if account == "" {
		return title
	}
	return title + " — " + account
}

func (f *newProposalForm) fromPrevious() bool { return f.from.Selected == f.from.Options[1] }

func (f *newProposalForm) showSource() {
	if f.source == nil {
		return
	}
	if f.fromPrevious() {
		f.source.Objects = []fyne.CanvasObject{f.fromPrev}
	} else {
		f.source.Objects = []fyne.CanvasObject{f.fromLib}
	}
	f.source.Refresh()
	f.relayout()
}

// previous is the proposal chosen to start from.
func (f *newProposalForm) previous() (proposal.Proposal, bool) {
	i := f.prevSel.SelectedIndex()
	if i < 0 || i >= len(f.props) {
		return proposal.Proposal{}, false
	}
	if id := f.props[i].ID; f.prev == nil || f.prev.ID != id {
		p, err := f.st.Proposal(id)
		if err != nil {
			f.host.ShowError(err)
			return proposal.Proposal{}, false
		}
		f.prev = &p
	}
	return *f.prev, true
}

// onPrevious takes the language, team and validity of the proposal
// chosen to start from; the user may still change them.
func (f *newProposalForm) onPrevious() {
	p, ok := f.previous()
	if !ok {
		return
	}
	f.busy = true
	f.language.SetText(p.Language)
	if days := validityDays(&p); days > 0 {
		f.valid.SetText(strconv.Itoa(days))
	}
	f.order = nil
	for _, c := range p.Credits {
		f.order = append(f.order, c.MemberID)
	}
	for i, m := range f.team {
		f.credits[i].SetChecked(slices.Contains(f.order, m.ID))
	}
	f.busy = false
	f.changed("items")
}

// validityDays is how many days a proposal is valid from its issue date.
func validityDays(p *proposal.Proposal) int {
	if !p.ValidUntil.IsZero() && !p.Issued.IsZero() {
		return p.Issued.DaysUntil(p.ValidUntil)
	}
	return p.ValidDays
}

// copyProposalContent copies what a new proposal takes from a previous
// one: its sections, pricing, financial result and references. Nothing
// is shared with prev.
func copyProposalContent(p, prev *proposal.Proposal) {
	p.Items = nil
	for _, it := range prev.Items {
		it.Audiences = maps.Clone(it.Audiences)
		p.Items = append(p.Items, it)
	}
	p.Pricing = slices.Clone(prev.Pricing)
	p.Financial = prev.Financial
	p.References = slices.Clone(prev.References)
}

package proposal

import (
	"kamdesk/dossier"
)

// Agenda kinds of proposals, beside the dossier's.
const (
	AgendaExpiry   dossier.AgendaKind = "proposal-expiry"    // a proposal about to expire, or expired
	AgendaFollowUp dossier.AgendaKind = "proposal-follow-up" // a follow-up task due or late
)

// Agenda lists what the proposals need from today to horizon: proposals
// that expire by then (or have expired) and are neither won nor lost, and
// open follow-up tasks due by then or late. accountName names the
// accounts for the messages. Items are not sorted; merge them with the
// dossier's agenda and use dossier.SortAgenda.
func Agenda(props []Proposal, accountName func(id string) string, today, horizon dossier.Date) []dossier.AgendaItem {
	var out []dossier.AgendaItem
	for _, p := range props {
		if p.Status.Closed() {
			continue
		}
		title := dossier.OneLine(p.Title)
		acct := accountName(p.AccountID)
		if e := p.Expiry(); !e.IsZero() && !e.After(horizon) {
			it := dossier.AgendaItem{Date: e, Kind: AgendaExpiry, Late: e.Before(today),
				AccountID: p.AccountID, RecordID: p.ID,
				Message: "Proposal “{{.Title}}” to {{.Account}} expires on {{.Date}}",
				Data:    map[string]any{"Title": title, "Account": acct, "Date": e}}
			if it.Late {
				it.Message = "Proposal “{{.Title}}” to {{.Account}} expired on {{.Date}}"
			}
			out = append(out, it)
		}
		for _, t := range p.Tasks {
			if t.Status != TaskOpen || t.Due.IsZero() || t.Due.After(horizon) {
				continue
			}
			out = append(out, dossier.AgendaItem{
				Date: t.Due, Kind: AgendaFollowUp, Late: t.Due.Before(today),
				AccountID: p.AccountID, RecordID: p.ID,
				// the step in the proposal's language (Step, not Task, which
				// the desk would translate into its own)
				Message: "Follow up “{{.Title}}”: {{.Step}}",
				// TaskKind tells the steps apart where a calendar needs it
				Data: map[string]any{"Title": title, "Account": acct, "Step": p.TaskName(t.Kind), "TaskKind": string(t.Kind)}})
		}
	}
	return out
}

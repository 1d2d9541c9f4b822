package proposal

import "kamdesk/dossier"

// ShiftDates moves every date of p by days: the issue and expiry dates,
// when it was sent and closed, and the follow-up tasks' due and done
// dates. A task due date that lands on a Saturday or Sunday moves on to
// the Monday, as follow-up calls are made on working days. Export times
// and time stamps are history and stay. The sample workspace uses it to
// stay current, like dossier.Workspace.ShiftDates.
func (p *Proposal) ShiftDates(days int) {
	mv := func(d *dossier.Date) {
		if !d.IsZero() {
			*d = d.AddDays(days)
		}
	}
	mv(&p.Issued)
	mv(&p.ValidUntil)
	mv(&p.Sent)
	mv(&p.Closed)
	for i := range p.Tasks {
		t := &p.Tasks[i]
		mv(&t.Due)
		mv(&t.DoneOn)
		for !t.Due.IsZero() && t.Due.IsWeekend() {
			t.Due = t.Due.AddDays(1)
		}
	}
}

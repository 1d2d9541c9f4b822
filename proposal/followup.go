// The follow-up routine of a sent proposal.

package proposal

import (
	"kamdesk/dossier"
)

// TaskKind is one step of the follow-up routine after sending.
type TaskKind string

// Follow-up steps, from the practice of key account work.
const (
	TaskReceipt       TaskKind = "receipt"       // call to check it arrived
	TaskNextSteps     TaskKind = "next-steps"    // ask about next steps
	TaskConsideration TaskKind = "consideration" // ask how long they need
	TaskMeeting       TaskKind = "meeting"       // agree a call or meeting on intermediate results
)

// TaskKinds lists the follow-up steps in order.
var TaskKinds = []TaskKind{TaskReceipt, TaskNextSteps, TaskConsideration, TaskMeeting}

// Label is the English label of k, for translation.
func (k TaskKind) Label() string {
	switch k {
	case TaskReceipt:
		return "Check the proposal arrived"
	case TaskNextSteps:
		return "Ask about next steps"
	case TaskConsideration:
		return "Ask how long they need to consider it"
	case TaskMeeting:
		return "Agree a call or meeting on intermediate results"
	}
	return string(k)
}

// TaskName names step k of p's follow-up in p's language (Locale.Task),
// whatever the language of the desk: "Проверить, что предложение
// получено" for a Russian proposal.
func (p *Proposal) TaskName(k TaskKind) string { return LocaleOf(p.Language).Task(k) }

// TaskStatus is where a follow-up task stands.
type TaskStatus string

// Task statuses.
const (
	TaskOpen    TaskStatus = "open"
	TaskDone    TaskStatus = "done"
	TaskDropped TaskStatus = "dropped"
)

// Task is a dated follow-up step.
type Task struct {
	Kind   TaskKind     `json:"kind"`
	Due    dossier.Date `json:"due"`
	Status TaskStatus   `json:"status"`
	DoneOn dossier.Date `json:"done_on"`
	Note   string       `json:"note,omitempty"` // what was learnt: the answer, the agreed date
}

// FollowUp are the working-day offsets of the follow-up routine after a
// proposal is sent. They are defaults a user can change.
type FollowUp struct {
	Receipt       int `json:"receipt"`       // call to check it arrived
	NextSteps     int `json:"next_steps"`    // ask about next steps
	Consideration int `json:"consideration"` // ask how long they need
	Meeting       int `json:"meeting"`       // agree a call or meeting
}

// DefaultFollowUp is the routine of domain practice: the receipt check on
// the next working day, next steps and consideration time in the same
// week, the meeting on intermediate results a week after sending.
func DefaultFollowUp() FollowUp {
	return FollowUp{Receipt: 1, NextSteps: 2, Consideration: 2, Meeting: 5}
}

// MarkSent records that the current revision of p was sent on day on and
// plans the follow-up tasks. Sending a new revision replaces the open
// tasks of the earlier one and keeps finished ones. A revision is sent
// once: the store records the sending with its snapshot.
func (p *Proposal) MarkSent(on dossier.Date, f FollowUp) error {
	if on.IsZero() {
		return dossier.Err("sent: the date is required", nil, ErrInvalid)
	}
	if !on.InRange() {
		return dossier.OutOfRange(dossier.Err("sent: {{.Date}} is outside the dates kamdesk accepts (1900-01-01 to 2199-12-31)", map[string]any{"Date": on.String()}, ErrInvalid))
	}
	for _, d := range []int{f.Receipt, f.NextSteps, f.Consideration, f.Meeting} {
		if due := on.AddWorkingDays(max(d, 1)); !due.InRange() {
			return dossier.OutOfRange(dossier.Err("sent: the follow-up call due on {{.Date}} would be outside the dates kamdesk accepts (1900-01-01 to 2199-12-31)",
				map[string]any{"Date": due.String()}, ErrInvalid))
		}
	}
	if p.Status.Closed() {
		return dossier.Err("the proposal is already {{.Status}}", map[string]any{"Status": string(p.Status)}, ErrInvalid)
	}
	if p.SentRevision() >= p.Rev() {
		return dossier.Err("revision {{.Revision}} was sent already; start revision {{.Next}} to send new terms",
			map[string]any{"Revision": p.Rev(), "Next": p.Rev() + 1}, ErrInvalid)
	}
	if s, ok := p.LastSending(); ok && on.Before(s.On) {
		return dossier.Err("sent: revision {{.Revision}} cannot be sent before revision {{.Sent}} was ({{.Date}})",
			map[string]any{"Revision": p.Rev(), "Sent": s.Revision, "Date": s.On.String()}, ErrInvalid)
	}
	p.Status = Sent
	p.Sent = on
	kept := p.Tasks[:0]
	for _, t := range p.Tasks {
		if t.Status != TaskOpen {
			kept = append(kept, t)
		}
	}
	p.Tasks = kept
	for _, s := range []struct {
		k    TaskKind
		days int
	}{{TaskReceipt, f.Receipt}, {TaskNextSteps, f.NextSteps}, {TaskConsideration, f.Consideration}, {TaskMeeting, f.Meeting}} {
		p.Tasks = append(p.Tasks, Task{Kind: s.k, Due: on.AddWorkingDays(max(s.days, 1)), Status: TaskOpen})
	}
	return nil
}

// NextTask returns the open follow-up task due first, and false when none
// is open.
func (p *Proposal) NextTask() (Task, bool) {
	var next Task
	found := false
	for _, t := range p.Tasks {
		if t.Status == TaskOpen && (!found || t.Due.Before(next.Due)) {
			next, found = t, true
		}
	}
	return next, found
}

// CompleteTask marks task i done on day on with what was learnt. When the
// receipt is confirmed the proposal moves to Received.
func (p *Proposal) CompleteTask(i int, on dossier.Date, note string) error {
	if i < 0 || i >= len(p.Tasks) {
		return dossier.Err("no follow-up task {{.Index}}", map[string]any{"Index": i}, ErrNotFound)
	}
	t := &p.Tasks[i]
	t.Status, t.DoneOn, t.Note = TaskDone, on, note
	if t.Kind == TaskReceipt && p.Status == Sent {
		p.Status = Received
	}
	if t.Kind != TaskReceipt && (p.Status == Sent || p.Status == Received) {
		p.Status = InDiscussion
	}
	return nil
}

// MoveTask gives open task i a new due date.
func (p *Proposal) MoveTask(i int, due dossier.Date) error {
	if i < 0 || i >= len(p.Tasks) {
		return dossier.Err("no follow-up task {{.Index}}", map[string]any{"Index": i}, ErrNotFound)
	}
	if due.IsZero() {
		return dossier.Err("due: the date is required", nil, ErrInvalid)
	}
	if !due.InRange() {
		return dossier.OutOfRange(dossier.Err("due: {{.Date}} is outside the dates kamdesk accepts (1900-01-01 to 2199-12-31)", map[string]any{"Date": due.String()}, ErrInvalid))
	}
	p.Tasks[i].Due = due
	return nil
}

// DropTask marks task i as no longer needed.
func (p *Proposal) DropTask(i int, on dossier.Date) error {
	if i < 0 || i >= len(p.Tasks) {
		return dossier.Err("no follow-up task {{.Index}}", map[string]any{"Index": i}, ErrNotFound)
	}
	p.Tasks[i].Status, p.Tasks[i].DoneOn = TaskDropped, on
	return nil
}

// Close records the outcome: won or lost, on day on, with the reason.
func (p *Proposal) Close(s Status, on dossier.Date, why string) error {
	if !s.Closed() {
		return dossier.Err(`"{{.Value}}" is not an outcome (won or lost)`, map[string]any{"Value": string(s)}, ErrInvalid)
	}
	p.Status, p.Closed, p.Outcome = s, on, why
	for i := range p.Tasks {
		if p.Tasks[i].Status == TaskOpen {
			p.Tasks[i].Status, p.Tasks[i].DoneOn = TaskDropped, on
		}
	}
	return nil
}

package proposal

import (
	"time"

	"kamdesk/dossier"
)

// Head is a proposal as a chooser or a list row shows it: what it is, to
// whom, where it stands and its follow-up, not its content. Its JSON is
// the same fields of a Proposal's, so the store decodes a head from a
// stored proposal without reading the rest.
type Head struct {
	ID         string       `json:"id"`
	AccountID  string       `json:"account_id"`
	Title      string       `json:"title"`
	Language   string       `json:"language"`
	Status     Status       `json:"status"`
	Issued     dossier.Date `json:"issued"`
	ValidDays  int          `json:"valid_days,omitempty"`
	ValidUntil dossier.Date `json:"valid_until"`
	Sent       dossier.Date `json:"sent"`
	Closed     dossier.Date `json:"closed"`
	Tasks      []Task       `json:"tasks,omitempty"`
	Updated    time.Time    `json:"updated"`
}

// Proposal returns a proposal with the fields of h and no content: enough
// for its StatusOn, DaysLeft, Expiry and NextTask.
func (h *Head) Proposal() Proposal {
	return Proposal{ID: h.ID, AccountID: h.AccountID, Title: h.Title, Language: h.Language,
		Status: h.Status, Issued: h.Issued, ValidDays: h.ValidDays, ValidUntil: h.ValidUntil,
		Sent: h.Sent, Closed: h.Closed, Tasks: h.Tasks, Updated: h.Updated}
}

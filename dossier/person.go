package dossier

import "time"

// Person is a member of an account's decision-making group: business facts,
// personal facts that widen the ways to communicate, and where our
// relationship with them stands.
type Person struct {
	ID         string `json:"id"`
	AccountID  string `json:"account_id"`
	Name       string `json:"name"`
	Position   string `json:"position,omitempty"`
	Department string `json:"department,omitempty"`
	ReportsTo  string `json:"reports_to,omitempty"` // ID of a person of the same account

	Role      BuyingRole      `json:"role,omitempty"`
	Influence Influence       `json:"influence,omitempty"`
	Type      StakeholderType `json:"type"`
	Level     Level           `json:"level"`

	Email   string  `json:"email,omitempty"`
	Phone   string  `json:"phone,omitempty"`
	Channel Channel `json:"channel,omitempty"` // preferred channel

	Birthday Birthday `json:"birthday"`
	Family   string   `json:"family,omitempty"`
	Hobbies  string   `json:"hobbies,omitempty"`
	Values   string   `json:"values,omitempty"`
	Notes    string   `json:"notes,omitempty"`

	// NPS is the satisfaction score 0–10, nil when not asked.
	NPS *int `json:"nps"`

	LastContact Date `json:"last_contact"`
	NextContact Date `json:"next_contact"`

	// PrivacyNote records where the personal facts come from and whether
	// the person agreed to their being kept.
	PrivacyNote string `json:"privacy_note,omitempty"`

	// Photo is the person's picture, nil when there is none; its bytes
	// are a file of the workspace, as attachments are.
	Photo *Photo `json:"photo,omitempty"`

	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Summary is p as lists show it (the people list, an account's coverage,
// the agenda's birthdays and contacts): every field but the personal
// texts (family, hobbies, values, notes), the privacy note and the
// manager, which only the person's own screens show. The store keeps it
// next to the record, so that a list of a hundred thousand people reads a
// fraction of the bytes. It keeps the photo's reference (a hundred bytes,
// not the image): the store finds every person's photo file through the
// summaries.
func (p Person) Summary() Person {
	p.ReportsTo, p.Family, p.Hobbies, p.Values, p.Notes, p.PrivacyNote = "", "", "", "", "", ""
	return p
}

// Validate reports every problem with p, each naming its field. It does not
// check that the account or the manager exist; the store does.
func (p *Person) Validate() error {
	var pr Problems
	pr.id("id", p.ID, false)
	pr.id("account_id", p.AccountID, true)
	pr.required("name", p.Name)
	pr.line("name", p.Name)
	pr.line("position", p.Position)
	pr.line("department", p.Department)
	pr.id("reports_to", p.ReportsTo, false)
	if p.ReportsTo != "" && p.ReportsTo == p.ID {
		pr.Add("reports_to", "cannot be the person themselves", nil)
	}
	enum(&pr, "role", BuyingRoles, p.Role, false)
	enum(&pr, "influence", Influences, p.Influence, false)
	enum(&pr, "type", StakeholderTypes, p.Type, true)
	enum(&pr, "level", Ladder, p.Level, true)
	pr.email("email", p.Email)
	pr.phone("phone", p.Phone)
	enum(&pr, "channel", Channels, p.Channel, false)
	if err := p.Birthday.check(); err != nil {
		pr.Add("birthday", "is not a valid date", nil)
	}
	for _, f := range []struct{ name, v string }{
		{"family", p.Family}, {"hobbies", p.Hobbies}, {"values", p.Values},
		{"notes", p.Notes}, {"privacy_note", p.PrivacyNote},
	} {
		pr.text(f.name, f.v)
	}
	pr.Date("last_contact", p.LastContact)
	pr.Date("next_contact", p.NextContact)
	if p.NPS != nil && (*p.NPS < 0 || *p.NPS > 10) {
		pr.Add("nps", "must be between 0 and 10", nil)
	}
	if p.Photo != nil {
		p.Photo.check(&pr, true)
	}
	return pr.Err()
}

// NPSClass returns the class of the person's score and false when no score
// is recorded.
func (p *Person) NPSClass() (NPSClass, bool) {
	if p.NPS == nil {
		return "", false
	}
	return ClassifyNPS(*p.NPS), true
}

// ContactDue reports whether the person should be contacted by today: the
// agreed next contact has come, or the last contact is older than the
// interval of r.
func (p *Person) ContactDue(r Rules, today Date) bool {
	if !p.NextContact.IsZero() {
		return !p.NextContact.After(today)
	}
	if p.LastContact.IsZero() {
		return false
	}
	return p.LastContact.AddDays(r.OrDefault().ContactIntervalDays).Before(today.AddDays(1))
}

// ContactDate returns when the person should next be contacted: the agreed
// date, else the last contact plus the interval of r, else the zero Date.
func (p *Person) ContactDate(r Rules) Date {
	if !p.NextContact.IsZero() {
		return p.NextContact
	}
	if p.LastContact.IsZero() {
		return Date{}
	}
	return p.LastContact.AddDays(r.OrDefault().ContactIntervalDays)
}

// IntPtr returns a pointer to v, for NPS scores.
func IntPtr(v int) *int { return &v }

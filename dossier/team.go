package dossier

import (
	"strings"
	"time"
)

// TeamMember is one of us: someone who prepares proposals and is credited
// in them with position and contacts.
type TeamMember struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Position string    `json:"position,omitempty"`
	Email    string    `json:"email,omitempty"`
	Phone    string    `json:"phone,omitempty"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
}

// Validate reports every problem with m.
func (m *TeamMember) Validate() error {
	var p Problems
	p.id("id", m.ID, false)
	p.required("name", m.Name)
	p.line("name", m.Name)
	p.line("position", m.Position)
	p.email("email", m.Email)
	p.phone("phone", m.Phone)
	return p.Err()
}

// Reachable reports whether m can be credited: a client reading the
// proposal must be able to contact every credited member.
func (m *TeamMember) Reachable() bool { return m.Email != "" || m.Phone != "" }

// Referee is the person at a past client who can recommend us.
type Referee struct {
	Name     string `json:"name"`
	Position string `json:"position,omitempty"`
	Contact  string `json:"contact,omitempty"` // e-mail or phone
	// Agreed is true when the referee agreed to be contacted by our
	// prospective clients. Without it their contacts are never printed.
	Agreed bool `json:"agreed"`
}

// Reference is a delivered project that shows what we can do: HR readers
// weigh similar projects for significant companies and people who will
// recommend us.
type Reference struct {
	ID      string    `json:"id"`
	Client  string    `json:"client"`
	Project string    `json:"project"`
	Year    int       `json:"year,omitempty"`
	Result  string    `json:"result,omitempty"` // the quantified result
	Referee Referee   `json:"referee"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Validate reports every problem with r.
func (r *Reference) Validate() error {
	var p Problems
	p.id("id", r.ID, false)
	p.required("client", r.Client)
	p.line("client", r.Client)
	p.required("project", r.Project)
	p.line("project", r.Project)
	if r.Year != 0 && (r.Year < 1950 || r.Year > 2100) {
		p.Add("year", "must be between 1950 and 2100", nil)
	}
	p.text("result", r.Result)
	p.line("referee.name", r.Referee.Name)
	p.line("referee.position", r.Referee.Position)
	p.line("referee.contact", r.Referee.Contact)
	if r.Referee.Agreed && (strings.TrimSpace(r.Referee.Name) == "" || strings.TrimSpace(r.Referee.Contact) == "") {
		p.Add("referee.agreed", "needs the referee's name and contact", nil)
	}
	return p.Err()
}

// Recommends reports whether r names a referee who agreed to be contacted.
func (r *Reference) Recommends() bool {
	return r.Referee.Agreed && strings.TrimSpace(r.Referee.Name) != "" && strings.TrimSpace(r.Referee.Contact) != ""
}

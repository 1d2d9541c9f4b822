package contacts

import (
	"strconv"
	"strings"

	"kamdesk/dossier"
)

// field is one field of a person as cards carry it, an import compares
// it with the person's record and a merge fills it.
type field struct {
	name string // the JSON name, as messages and --json say it
	prop string // the vCard property that holds it
	// get returns the value as text ("" when empty), set reads it from a
	// card's X-KAMDESK- property (nil for the standard properties, which
	// the reader reads itself), copy copies it from src to dst.
	get  func(p *dossier.Person) string
	set  func(p *dossier.Person, v string) error
	copy func(dst, src *dossier.Person)
	// same tells whether two people hold the same value, when their
	// texts (get) do not say it (two photos described alike); nil when
	// they do.
	same func(a, b *dossier.Person) bool
}

// kamdeskPrefix starts the properties of the fields vCard has no place for.
const kamdeskPrefix = "X-KAMDESK-"

// fields are a person's fields that cards carry, in the order of the
// person's screen. The reporting line is among them (by ID); the ID,
// the account and the time stamps are not. The photo is read and written
// by the reader and writer themselves (photo.go, write.go).
var fields = []field{
	{name: "name", prop: "FN",
		get: func(p *dossier.Person) string { return p.Name }, copy: func(d, s *dossier.Person) { d.Name = s.Name }},
	{name: "position", prop: "TITLE",
		get: func(p *dossier.Person) string { return p.Position }, copy: func(d, s *dossier.Person) { d.Position = s.Position }},
	{name: "department", prop: "ORG",
		get: func(p *dossier.Person) string { return p.Department }, copy: func(d, s *dossier.Person) { d.Department = s.Department }},
	{name: "reports_to", prop: kamdeskPrefix + "REPORTS-TO",
		get: func(p *dossier.Person) string { return p.ReportsTo }, copy: func(d, s *dossier.Person) { d.ReportsTo = s.ReportsTo }},
	{name: "role", prop: kamdeskPrefix + "ROLE",
		get:  func(p *dossier.Person) string { return string(p.Role) },
		set:  func(p *dossier.Person, v string) error { p.Role = dossier.BuyingRole(v); return nil },
		copy: func(d, s *dossier.Person) { d.Role = s.Role }},
	{name: "influence", prop: kamdeskPrefix + "INFLUENCE",
		get:  func(p *dossier.Person) string { return string(p.Influence) },
		set:  func(p *dossier.Person, v string) error { p.Influence = dossier.Influence(v); return nil },
		copy: func(d, s *dossier.Person) { d.Influence = s.Influence }},
	{name: "type", prop: kamdeskPrefix + "TYPE",
		get:  func(p *dossier.Person) string { return string(p.Type) },
		set:  func(p *dossier.Person, v string) error { p.Type = dossier.StakeholderType(v); return nil },
		copy: func(d, s *dossier.Person) { d.Type = s.Type }},
	{name: "level", prop: kamdeskPrefix + "LEVEL",
		get:  func(p *dossier.Person) string { return string(p.Level) },
		set:  func(p *dossier.Person, v string) error { p.Level = dossier.Level(v); return nil },
		copy: func(d, s *dossier.Person) { d.Level = s.Level }},
	{name: "email", prop: "EMAIL",
		get: func(p *dossier.Person) string { return p.Email }, copy: func(d, s *dossier.Person) { d.Email = s.Email }},
	{name: "phone", prop: "TEL",
		get: func(p *dossier.Person) string { return p.Phone }, copy: func(d, s *dossier.Person) { d.Phone = s.Phone }},
	{name: "channel", prop: kamdeskPrefix + "CHANNEL",
		get:  func(p *dossier.Person) string { return string(p.Channel) },
		set:  func(p *dossier.Person, v string) error { p.Channel = dossier.Channel(v); return nil },
		copy: func(d, s *dossier.Person) { d.Channel = s.Channel }},
	{name: "birthday", prop: "BDAY",
		get: func(p *dossier.Person) string { return p.Birthday.String() }, copy: func(d, s *dossier.Person) { d.Birthday = s.Birthday }},
	{name: "family", prop: kamdeskPrefix + "FAMILY",
		get:  func(p *dossier.Person) string { return p.Family },
		set:  func(p *dossier.Person, v string) error { p.Family = v; return nil },
		copy: func(d, s *dossier.Person) { d.Family = s.Family }},
	{name: "hobbies", prop: kamdeskPrefix + "HOBBIES",
		get:  func(p *dossier.Person) string { return p.Hobbies },
		set:  func(p *dossier.Person, v string) error { p.Hobbies = v; return nil },
		copy: func(d, s *dossier.Person) { d.Hobbies = s.Hobbies }},
	{name: "values", prop: kamdeskPrefix + "VALUES",
		get:  func(p *dossier.Person) string { return p.Values },
		set:  func(p *dossier.Person, v string) error { p.Values = v; return nil },
		copy: func(d, s *dossier.Person) { d.Values = s.Values }},
	{name: "notes", prop: "NOTE",
		get: func(p *dossier.Person) string { return p.Notes }, copy: func(d, s *dossier.Person) { d.Notes = s.Notes }},
	{name: "nps", prop: kamdeskPrefix + "NPS",
		get: func(p *dossier.Person) string {
			if p.NPS == nil {
				return ""
			}
			return strconv.Itoa(*p.NPS)
		},
		set: func(p *dossier.Person, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				return dossier.Err(`"{{.Text}}" is not a whole number`, map[string]any{"Text": v}, dossier.ErrInvalid)
			}
			p.NPS = &n
			return nil
		},
		copy: func(d, s *dossier.Person) {
			d.NPS = nil
			if s.NPS != nil {
				d.NPS = dossier.IntPtr(*s.NPS)
			}
		}},
	{name: "last_contact", prop: kamdeskPrefix + "LAST-CONTACT",
		get: func(p *dossier.Person) string { return p.LastContact.String() },
		set: func(p *dossier.Person, v string) (err error) {
			p.LastContact, err = dossier.ParseDate(v)
			return err
		},
		copy: func(d, s *dossier.Person) { d.LastContact = s.LastContact }},
	{name: "next_contact", prop: kamdeskPrefix + "NEXT-CONTACT",
		get: func(p *dossier.Person) string { return p.NextContact.String() },
		set: func(p *dossier.Person, v string) (err error) {
			p.NextContact, err = dossier.ParseDate(v)
			return err
		},
		copy: func(d, s *dossier.Person) { d.NextContact = s.NextContact }},
	{name: "privacy_note", prop: kamdeskPrefix + "PRIVACY-NOTE",
		get:  func(p *dossier.Person) string { return p.PrivacyNote },
		set:  func(p *dossier.Person, v string) error { p.PrivacyNote = v; return nil },
		copy: func(d, s *dossier.Person) { d.PrivacyNote = s.PrivacyNote }},
	{name: "photo", prop: "PHOTO",
		get: func(p *dossier.Person) string {
			if p.Photo == nil {
				return ""
			}
			return p.Photo.Describe()
		},
		copy: func(d, s *dossier.Person) { d.Photo = s.Photo },
		same: func(a, b *dossier.Person) bool {
			return a.Photo != nil && b.Photo != nil && a.Photo.SHA256 == b.Photo.SHA256
		}},
}

// fieldByProp finds the field of an X-KAMDESK- property that set reads.
func fieldByProp(prop string) *field {
	for i := range fields {
		if fields[i].prop == prop && fields[i].set != nil {
			return &fields[i]
		}
	}
	return nil
}

// fieldNamed finds the field with the JSON name.
func fieldNamed(name string) *field {
	for i := range fields {
		if fields[i].name == name {
			return &fields[i]
		}
	}
	return nil
}

package dossier

import (
	"fmt"
	"strings"
)

// PersonalData is everything a workspace keeps about one person, with
// where it comes from: what a key account manager needs to answer a
// subject-access request ("what do you hold about me?").
type PersonalData struct {
	Person  Person `json:"person"`
	Account string `json:"account"` // the account's name
	// Source is the person's "source and consent" note.
	Source string `json:"source_and_consent"`
	// Facts are the fields of the person's record that hold something, in
	// the order of the form.
	Facts []Fact `json:"facts"`
	// Mentions are the other records that name or involve the person.
	Mentions []Mention `json:"mentions"`
}

// Fact is one field of a person's record with its value as text.
type Fact struct {
	Field string `json:"field"` // as validation names it: "birthday", "family"
	Value string `json:"value"`
}

// Mention is a record that involves or names a person.
type Mention struct {
	Kind  string `json:"kind"` // "event", "promise", "colleague", "proposal", "sent copy", "bin"
	ID    string `json:"id"`
	Date  Date   `json:"date"`
	Title string `json:"title"`
	// How says how the record concerns the person: "involved", "named in
	// the text", "reports to them", "sent to them", "holds their record".
	How string `json:"how"`
}

// CollectPersonalData gathers what the dossier records of account keep
// about p: the person's own fields, and the events, promises and colleagues
// that involve or name them. people, events and promises are the
// account's. The store adds what lies outside the dossier (proposals, sent
// copies, the bin).
func CollectPersonalData(p Person, account string, people []Person, events []Event, promises []Promise) PersonalData {
	d := PersonalData{Person: p, Account: account, Source: p.PrivacyNote, Facts: Facts(p),
		Mentions: []Mention{}}
	named := func(texts ...string) bool {
		for _, t := range texts {
			if MentionsName(t, p.Name) {
				return true
			}
		}
		return false
	}
	for _, e := range events {
		switch {
		case contains(e.People, p.ID):
			d.Mentions = append(d.Mentions, Mention{Kind: "event", ID: e.ID, Date: e.Date, Title: e.Title, How: "involved"})
		case named(e.Title, e.Text):
			d.Mentions = append(d.Mentions, Mention{Kind: "event", ID: e.ID, Date: e.Date, Title: e.Title, How: "named in the text"})
		}
	}
	for _, pr := range promises {
		switch {
		case contains(pr.People, p.ID):
			d.Mentions = append(d.Mentions, Mention{Kind: "promise", ID: pr.ID, Date: pr.Made, Title: pr.Text, How: "involved"})
		case named(pr.Text):
			d.Mentions = append(d.Mentions, Mention{Kind: "promise", ID: pr.ID, Date: pr.Made, Title: pr.Text, How: "named in the text"})
		}
	}
	for _, o := range people {
		switch {
		case o.ID == p.ID:
		case o.ReportsTo == p.ID:
			d.Mentions = append(d.Mentions, Mention{Kind: "colleague", ID: o.ID, Title: o.Name, How: "reports to them"})
		case named(o.Family, o.Hobbies, o.Values, o.Notes, o.PrivacyNote):
			d.Mentions = append(d.Mentions, Mention{Kind: "colleague", ID: o.ID, Title: o.Name, How: "named in the text"})
		}
	}
	return d
}

// MentionsName reports whether text names the person called name: the
// whole name, case folded, as words.
func MentionsName(text, name string) bool {
	name = OneLine(name)
	if name == "" || text == "" {
		return false
	}
	t := " " + strings.ToLower(strings.Join(strings.Fields(text), " ")) + " "
	n := strings.ToLower(name)
	for i := strings.Index(t, n); i >= 0; {
		before, after := t[i-1], t[min(i+len(n), len(t)-1)]
		if !isWordByte(before) && !isWordByte(after) {
			return true
		}
		j := strings.Index(t[i+1:], n)
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Facts lists the fields of p that hold something, in the order of the
// person form, each as text.
func Facts(p Person) []Fact {
	var out []Fact
	add := func(field, value string) {
		if strings.TrimSpace(value) != "" {
			out = append(out, Fact{Field: field, Value: value})
		}
	}
	add("name", p.Name)
	add("position", p.Position)
	add("department", p.Department)
	add("reports_to", p.ReportsTo)
	add("role", string(p.Role))
	add("influence", string(p.Influence))
	add("type", string(p.Type))
	add("level", string(p.Level))
	add("email", p.Email)
	add("phone", p.Phone)
	add("channel", string(p.Channel))
	if !p.Birthday.IsZero() {
		add("birthday", p.Birthday.String())
	}
	add("family", p.Family)
	add("hobbies", p.Hobbies)
	add("values", p.Values)
	add("notes", p.Notes)
	if p.NPS != nil {
		add("nps", fmt.Sprint(*p.NPS))
	}
	if !p.LastContact.IsZero() {
		add("last_contact", p.LastContact.String())
	}
	if !p.NextContact.IsZero() {
		add("next_contact", p.NextContact.String())
	}
	add("privacy_note", p.PrivacyNote)
	if p.Photo != nil {
		add("photo", p.Photo.Describe())
	}
	return out
}

// EraseOptions say how far erasing a person reaches.
type EraseOptions struct {
	// Mentions also replaces the person's name, e-mail and phone wherever
	// a text mentions them: events, promises, colleagues' notes, proposal
	// sending records and the copies of what was sent, deletions in the
	// bin.
	Mentions bool
}

package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"kamdesk/dossier"
)

// UserError rewords store and validation errors for a dialog: field
// problems become one line per field, and the sentinel suffixes that only
// matter to programs (": invalid", ": not found") are dropped.
func UserError(err error) error {
	switch {
	case errors.Is(err, dossier.ErrLocked), errors.Is(err, dossier.ErrDamaged):
		return errors.New(Sentence(ErrorText(err)))
	case errors.Is(err, dossier.ErrInvalid):
		var lines []string
		for _, p := range dossier.ProblemsOf(err) {
			lines = append(lines, FieldLabel(p.Field)+": "+Tr(p.Message, p.Data))
		}
		if len(lines) > 0 {
			return fmt.Errorf("%s\n%s", lang.L("Please check these fields:"), strings.Join(lines, "\n"))
		}
	}
	msg := ErrorText(err)
	for _, sentinel := range []error{dossier.ErrInvalid, dossier.ErrNotFound, dossier.ErrConflict} {
		msg = strings.TrimSuffix(msg, ": "+ErrorText(sentinel))
	}
	return errors.New(Sentence(msg))
}

// Sentence is s as a sentence shown on its own (a dialog's message):
// its first letter a capital ("рабочая область …" is "Рабочая область
// …"); a text that opens with kamdesk's name or with no letter (a path)
// stays as it is.
func Sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) || strings.HasPrefix(s, "kamdesk") {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// ErrorText is err in the desk's language (dossier.ErrorIn with Tr).
func ErrorText(err error) string {
	return dossier.ErrorIn(err, func(text string, data map[string]any) string {
		if data == nil {
			return Tr(text)
		}
		return Tr(text, data)
	})
}

// FieldLabel names a record field the way forms label it.
// Nested fields of lists are named by list, position and field:
// "items.3.body" is "Sections 4 · Text".
func FieldLabel(field string) string {
	if l, ok := fieldLabels[field]; ok {
		return lang.L(l)
	}
	if list, rest, ok := strings.Cut(field, "."); ok {
		if i, rest2, ok := strings.Cut(rest, "."); ok {
			if n, err := strconv.Atoi(i); err == nil {
				return fmt.Sprintf("%s %d · %s", FieldLabel(list), n+1, FieldLabel(rest2))
			}
		}
	}
	return field
}

var fieldLabels = map[string]string{
	"name": "Name", "industry": "Industry", "segment": "Segment or territory", "tier": "Tier",
	"criteria": "Why it is key", "revenue_share": "Share of our revenue", "strategy": "Strategy",
	"goals": "Goals", "competitors": "Competitors", "next_tender": "Next tender",
	"tender_prep_months": "Tender preparation (months)", "annual_review": "Annual review",
	"owner": "Owner", "notes": "Notes", "position": "Position", "department": "Department",
	"reports_to": "Reports to", "role": "Buying role", "influence": "Influence", "type": "Stakeholder type",
	"level": "Ladder level", "email": "E-mail", "phone": "Phone", "channel": "Preferred channel",
	"birthday": "Birthday", "family": "Family", "hobbies": "Hobbies", "values": "Values", "nps": "NPS",
	"last_contact": "Last contact", "next_contact": "Next contact", "privacy_note": "Source and consent", "photo": "Photo",
	"title": "Title", "date": "Date", "kind": "Kind", "text": "Text", "due": "Due", "people": "People",
	"audiences": "Audiences", "body": "Text", "language": "Language", "account_id": "Account",
	"author": "Author", "items": "Sections", "pricing": "Pricing", "references": "References",
	"credits": "Team credits", "valid_days": "Valid for (days)", "valid_until": "Valid until",
	"issued": "Issue date", "status": "Status", "sent": "Sent on", "outcome": "Outcome",
	"address": "Address", "registration": "Registration", "vat": "VAT", "website": "Website",
	"brand_colour": "Brand colour", "logo": "Logo", "paper": "Paper of PDFs", "signature": "Signature of letters",
	"financial.currency": "Currency", "financial.investment": "Investment",
	"financial.yearly_gain": "Yearly gain", "financial.years": "Years", "financial.note": "Note",
	"client": "Client", "project": "Project", "year": "Year", "result": "Result",
	"referee.name": "Referee", "referee.position": "Referee's position", "referee.contact": "Referee's contact",
	"referee.agreed": "Referee agreed", "made": "Made on", "done_on": "Done on", "slips": "Slips",
	"attachments": "Attachments", "explanation": "Explanation", "new_due": "New date",
	"description": "Description", "quantity": "Quantity", "unit": "Unit", "unit_price": "Unit price",
	"discount": "Discount %", "currency": "Currency", "id": "ID", "on": "Date", "revision": "Revision",
	"closed": "Closed on", "tasks": "Follow-up task", "sendings": "Sending", "note": "Note",
}

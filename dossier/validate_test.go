package dossier_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"kamdesk/dossier"
)

var (
	longLine = strings.Repeat("x", dossier.MaxLine+1)
	longText = strings.Repeat("x", dossier.MaxText+1)
	// Multibyte text at exactly the limit: more bytes than the limit, but
	// not more characters.
	fullLineRunes = strings.Repeat("é", dossier.MaxLine/2) + strings.Repeat("日", dossier.MaxLine/2)
	fullTextRunes = strings.Repeat("ж", dossier.MaxText)
)

func validAccount() dossier.Account {
	return dossier.Account{
		ID:           "acme",
		Name:         "Acme Construction",
		Industry:     "Construction",
		Tier:         dossier.TierKey,
		Criteria:     []dossier.Criterion{dossier.CriterionBrand, dossier.CriterionPotential},
		RevenueShare: 32.5,
		Strategy:     "Expand into hospitals.\nTwo new regions a year.",
		Competitors:  []string{"BuildCo", "Stone & Sons"},
		NextTender:   d("2026-11-30"),
		Owner:        "kam-1",
	}
}

func TestAccountValidate(t *testing.T) {
	base := validAccount()
	checkValid(t, base.Validate())
	minimal := dossier.Account{Name: "Acme", Tier: dossier.TierOther}
	checkValid(t, minimal.Validate())

	tests := []struct {
		name   string
		change func(a *dossier.Account)
		field  string
		text   string
	}{
		{"name missing", func(a *dossier.Account) { a.Name = "" }, "name", "is required"},
		{"name blank", func(a *dossier.Account) { a.Name = "   " }, "name", "is required"},
		{"name too long", func(a *dossier.Account) { a.Name = longLine }, "name", "at most 200"},
		{"name two lines", func(a *dossier.Account) { a.Name = "Acme\nEvil" }, "name", "one line"},
		{"name NUL", func(a *dossier.Account) { a.Name = "Acme\x00" }, "name", "control character"},
		{"name escape", func(a *dossier.Account) { a.Name = "Acme\x1b[31m" }, "name", "control character"},
		{"name C1 control", func(a *dossier.Account) { a.Name = "Acme\u0085" }, "name", "control character"},
		{"name DEL", func(a *dossier.Account) { a.Name = "Acme\x7f" }, "name", "control character"},
		{"name bad UTF-8", func(a *dossier.Account) { a.Name = "Acme\xff\xfe" }, "name", "UTF-8"},
		{"industry too long", func(a *dossier.Account) { a.Industry = longLine }, "industry", "at most 200"},
		{"segment too long", func(a *dossier.Account) { a.Segment = longLine }, "segment", "at most 200"},
		{"bad id", func(a *dossier.Account) { a.ID = "Acme Corp" }, "id", "valid ID"},
		{"id with slash", func(a *dossier.Account) { a.ID = "../acme" }, "id", "valid ID"},
		{"id too long", func(a *dossier.Account) { a.ID = strings.Repeat("a", 65) }, "id", "valid ID"},
		{"tier missing", func(a *dossier.Account) { a.Tier = "" }, "tier", "is required"},
		{"tier unknown", func(a *dossier.Account) { a.Tier = "gold" }, "tier", "allowed values"},
		{"criterion unknown", func(a *dossier.Account) { a.Criteria = []dossier.Criterion{"cheap"} }, "criteria", "allowed values"},
		{"criterion twice", func(a *dossier.Account) {
			a.Criteria = []dossier.Criterion{dossier.CriterionMedia, dossier.CriterionMedia}
		}, "criteria", "twice"},
		{"revenue share negative", func(a *dossier.Account) { a.RevenueShare = -1 }, "revenue_share", "between 0 and 100"},
		{"revenue share above 100", func(a *dossier.Account) { a.RevenueShare = 100.5 }, "revenue_share", "between 0 and 100"},
		{"revenue share NaN", func(a *dossier.Account) { a.RevenueShare = math.NaN() }, "revenue_share", "between 0 and 100"},
		{"revenue share infinite", func(a *dossier.Account) { a.RevenueShare = math.Inf(1) }, "revenue_share", "between 0 and 100"},
		{"strategy too long", func(a *dossier.Account) { a.Strategy = longText }, "strategy", "at most 20000"},
		{"goals too long", func(a *dossier.Account) { a.Goals = longText }, "goals", "at most 20000"},
		{"goals control", func(a *dossier.Account) { a.Goals = "grow\x07" }, "goals", "control character"},
		{"notes bad UTF-8", func(a *dossier.Account) { a.Notes = "\xc3\x28" }, "notes", "UTF-8"},
		{"competitor empty", func(a *dossier.Account) { a.Competitors = []string{"BuildCo", "  "} }, "competitors", "empty item"},
		{"competitor too long", func(a *dossier.Account) { a.Competitors = []string{longLine} }, "competitors", "at most 200"},
		{"too many competitors", func(a *dossier.Account) {
			a.Competitors = make([]string, dossier.MaxList+1)
			for i := range a.Competitors {
				a.Competitors[i] = fmt.Sprint("c", i)
			}
		}, "competitors", "101, at most 100"},
		{"prep months negative", func(a *dossier.Account) { a.TenderPrepMonths = -1 }, "tender_prep_months", "between 0 and 36"},
		{"prep months too many", func(a *dossier.Account) { a.TenderPrepMonths = 37 }, "tender_prep_months", "between 0 and 36"},
		{"owner bad id", func(a *dossier.Account) { a.Owner = "Anna K." }, "owner", "valid ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAccount()
			tt.change(&a)
			checkOnlyField(t, a.Validate(), tt.field, tt.text)
		})
	}

	ok := []struct {
		name   string
		change func(a *dossier.Account)
	}{
		{"multibyte name at the limit", func(a *dossier.Account) { a.Name = fullLineRunes }},
		{"multibyte strategy at the limit", func(a *dossier.Account) { a.Strategy = fullTextRunes }},
		{"tab in notes", func(a *dossier.Account) { a.Notes = "a\tb\r\nc" }},
		{"share 0", func(a *dossier.Account) { a.RevenueShare = 0 }},
		{"share 100", func(a *dossier.Account) { a.RevenueShare = 100 }},
		{"prep months 36", func(a *dossier.Account) { a.TenderPrepMonths = 36 }},
		{"all criteria", func(a *dossier.Account) { a.Criteria = append([]dossier.Criterion(nil), dossier.Criteria...) }},
		{"no id yet", func(a *dossier.Account) { a.ID = "" }},
		{"id with dash and underscore", func(a *dossier.Account) { a.ID = "acme-2_b" }},
		{"max competitors", func(a *dossier.Account) {
			a.Competitors = make([]string, dossier.MaxList)
			for i := range a.Competitors {
				a.Competitors[i] = fmt.Sprint("c", i)
			}
		}},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			a := validAccount()
			tt.change(&a)
			checkValid(t, a.Validate())
		})
	}
}

func TestAccountValidateReportsEveryProblem(t *testing.T) {
	a := dossier.Account{Name: "", Tier: "gold", RevenueShare: 120, Notes: "x\x00"}
	err := a.Validate()
	probs := dossier.ProblemsOf(err)
	for _, f := range []string{"name", "tier", "revenue_share", "notes"} {
		if probs.For(f) == nil {
			t.Errorf("problems %v do not name %q", err, f)
		}
	}
	if len(probs) != 4 {
		t.Errorf("len(problems) = %d, want 4: %v", len(probs), err)
	}
}

func TestTooLongMessage(t *testing.T) {
	a := validAccount()
	a.Name = strings.Repeat("ü", dossier.MaxLine+1) // 201 characters, 402 bytes
	fe := dossier.ProblemsOf(a.Validate()).For("name")
	if fe == nil {
		t.Fatalf("no problem for name with %d characters", dossier.MaxLine+1)
	}
	if got, want := fe.Text(), "is too long (201 characters, at most 200)"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	if got, want := fe.Error(), "name: is too long (201 characters, at most 200)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if fe.Data["Max"] != dossier.MaxLine {
		t.Errorf("Data[Max] = %v, want %d", fe.Data["Max"], dossier.MaxLine)
	}
	if !strings.Contains(fe.Message, "{{.Max}}") {
		t.Errorf("Message = %q, want the untranslated template with {{.Max}}", fe.Message)
	}

	a = validAccount()
	a.Notes = longText
	fe = dossier.ProblemsOf(a.Validate()).For("notes")
	if fe == nil {
		t.Fatalf("no problem for notes with %d characters", dossier.MaxText+1)
	}
	if got, want := fe.Text(), "is too long (20001 characters, at most 20000)"; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

func validPerson() dossier.Person {
	return dossier.Person{
		ID:         "anna",
		AccountID:  "acme",
		Name:       "Anna Berg",
		Position:   "CFO",
		Department: "Finance",
		ReportsTo:  "carl",
		Role:       dossier.RoleDecisionMaker,
		Influence:  dossier.InfluenceHigh,
		Type:       dossier.Finance,
		Level:      dossier.Buyer,
		Email:      "anna.berg@acme.example",
		Phone:      "+49 (30) 1234-5678",
		Channel:    dossier.ChannelPhone,
		Birthday:   dossier.Birthday{Day: 17, Month: time.May, Year: 1980},
		Hobbies:    "Sailing",
		NPS:        dossier.IntPtr(8),
	}
}

func TestPersonValidate(t *testing.T) {
	base := validPerson()
	checkValid(t, base.Validate())
	minimal := dossier.Person{AccountID: "acme", Name: "Bo", Type: dossier.OtherType, Level: dossier.Opponent}
	checkValid(t, minimal.Validate())

	tests := []struct {
		name   string
		change func(p *dossier.Person)
		field  string
		text   string
	}{
		{"account missing", func(p *dossier.Person) { p.AccountID = "" }, "account_id", "is required"},
		{"account bad", func(p *dossier.Person) { p.AccountID = "ACME" }, "account_id", "valid ID"},
		{"name missing", func(p *dossier.Person) { p.Name = "" }, "name", "is required"},
		{"name too long", func(p *dossier.Person) { p.Name = longLine }, "name", "at most 200"},
		{"name control", func(p *dossier.Person) { p.Name = "Anna\x00Berg" }, "name", "control character"},
		{"name bad UTF-8", func(p *dossier.Person) { p.Name = "Anna \xff" }, "name", "UTF-8"},
		{"position too long", func(p *dossier.Person) { p.Position = longLine }, "position", "at most 200"},
		{"department two lines", func(p *dossier.Person) { p.Department = "Fin\rance" }, "department", "one line"},
		{"reports to self", func(p *dossier.Person) { p.ReportsTo = p.ID }, "reports_to", "themselves"},
		{"reports to bad id", func(p *dossier.Person) { p.ReportsTo = "Carl Smith" }, "reports_to", "valid ID"},
		{"role unknown", func(p *dossier.Person) { p.Role = "boss" }, "role", "allowed values"},
		{"influence unknown", func(p *dossier.Person) { p.Influence = "huge" }, "influence", "allowed values"},
		{"type missing", func(p *dossier.Person) { p.Type = "" }, "type", "is required"},
		{"type unknown", func(p *dossier.Person) { p.Type = "ceo" }, "type", "allowed values"},
		{"level missing", func(p *dossier.Person) { p.Level = "" }, "level", "is required"},
		{"level unknown", func(p *dossier.Person) { p.Level = "friend" }, "level", "allowed values"},
		{"channel unknown", func(p *dossier.Person) { p.Channel = "fax" }, "channel", "allowed values"},
		{"email no domain", func(p *dossier.Person) { p.Email = "a@" }, "email", "e-mail"},
		{"email with name", func(p *dossier.Person) { p.Email = "Name <a@b.example>" }, "email", "e-mail"},
		{"email in brackets", func(p *dossier.Person) { p.Email = "<a@b.example>" }, "email", "e-mail"},
		{"email no at", func(p *dossier.Person) { p.Email = "anna.acme.example" }, "email", "e-mail"},
		{"email two addresses", func(p *dossier.Person) { p.Email = "a@b.example, c@d.example" }, "email", "e-mail"},
		{"email with space", func(p *dossier.Person) { p.Email = " a@b.example" }, "email", "e-mail"},
		{"email too long", func(p *dossier.Person) { p.Email = strings.Repeat("a", 200) + "@b.example" }, "email", "at most 200"},
		{"phone letters", func(p *dossier.Person) { p.Phone = "call me" }, "phone", "only digits"},
		{"phone semicolon", func(p *dossier.Person) { p.Phone = "123;456" }, "phone", "only digits"},
		{"phone too short", func(p *dossier.Person) { p.Phone = "12" }, "phone", "not a phone number"},
		{"phone only punctuation", func(p *dossier.Person) { p.Phone = "+()" }, "phone", "not a phone number"},
		{"phone too many digits", func(p *dossier.Person) { p.Phone = "+1 234 567 890 123 456 789 012" }, "phone", "not a phone number"},
		{"birthday impossible", func(p *dossier.Person) { p.Birthday = dossier.Birthday{Day: 30, Month: time.February} }, "birthday", "valid date"},
		{"birthday 29 Feb common year", func(p *dossier.Person) {
			p.Birthday = dossier.Birthday{Day: 29, Month: time.February, Year: 1981}
		}, "birthday", "valid date"},
		{"birthday month 13", func(p *dossier.Person) { p.Birthday = dossier.Birthday{Day: 1, Month: 13} }, "birthday", "valid date"},
		{"birthday month without day", func(p *dossier.Person) { p.Birthday = dossier.Birthday{Month: time.May} }, "birthday", "valid date"},
		{"birthday year 1800", func(p *dossier.Person) { p.Birthday = dossier.Birthday{Day: 1, Month: 1, Year: 1800} }, "birthday", "valid date"},
		{"family too long", func(p *dossier.Person) { p.Family = longText }, "family", "at most 20000"},
		{"hobbies control", func(p *dossier.Person) { p.Hobbies = "golf\x1b" }, "hobbies", "control character"},
		{"values bad UTF-8", func(p *dossier.Person) { p.Values = "\xe2\x82" }, "values", "UTF-8"},
		{"notes too long", func(p *dossier.Person) { p.Notes = longText }, "notes", "at most 20000"},
		{"privacy note too long", func(p *dossier.Person) { p.PrivacyNote = longText }, "privacy_note", "at most 20000"},
		{"NPS -1", func(p *dossier.Person) { p.NPS = dossier.IntPtr(-1) }, "nps", "between 0 and 10"},
		{"NPS 11", func(p *dossier.Person) { p.NPS = dossier.IntPtr(11) }, "nps", "between 0 and 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPerson()
			tt.change(&p)
			checkOnlyField(t, p.Validate(), tt.field, tt.text)
		})
	}

	ok := []struct {
		name   string
		change func(p *dossier.Person)
	}{
		{"NPS nil", func(p *dossier.Person) { p.NPS = nil }},
		{"NPS 0", func(p *dossier.Person) { p.NPS = dossier.IntPtr(0) }},
		{"NPS 10", func(p *dossier.Person) { p.NPS = dossier.IntPtr(10) }},
		{"no birthday", func(p *dossier.Person) { p.Birthday = dossier.Birthday{} }},
		{"29 Feb without year", func(p *dossier.Person) { p.Birthday = dossier.Birthday{Day: 29, Month: time.February} }},
		{"29 Feb 2024", func(p *dossier.Person) { p.Birthday = dossier.Birthday{Day: 29, Month: time.February, Year: 2024} }},
		{"no contacts", func(p *dossier.Person) { p.Email, p.Phone, p.Channel = "", "", "" }},
		{"phone with slash and extension", func(p *dossier.Person) { p.Phone = "030/123 456 x12" }},
		{"phone with dots", func(p *dossier.Person) { p.Phone = "030.123.456" }},
		{"email plus tag", func(p *dossier.Person) { p.Email = "anna+kam@acme.example" }},
		{"no manager", func(p *dossier.Person) { p.ReportsTo = "" }},
		{"no role or influence", func(p *dossier.Person) { p.Role, p.Influence = "", "" }},
		{"multibyte name at the limit", func(p *dossier.Person) { p.Name = fullLineRunes }},
		{"multibyte notes at the limit", func(p *dossier.Person) { p.Notes = fullTextRunes }},
		{"no id yet, no manager", func(p *dossier.Person) { p.ID, p.ReportsTo = "", "" }},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			p := validPerson()
			tt.change(&p)
			checkValid(t, p.Validate())
		})
	}
}

func TestPersonValidateEveryEnumValue(t *testing.T) {
	for _, typ := range dossier.StakeholderTypes {
		for _, lvl := range dossier.Ladder {
			p := validPerson()
			p.Type, p.Level = typ, lvl
			if err := p.Validate(); err != nil {
				t.Errorf("type %q level %q: Validate() = %v, want nil", typ, lvl, err)
			}
		}
	}
	for _, r := range dossier.BuyingRoles {
		p := validPerson()
		p.Role = r
		if err := p.Validate(); err != nil {
			t.Errorf("role %q: Validate() = %v, want nil", r, err)
		}
	}
	for _, c := range dossier.Channels {
		p := validPerson()
		p.Channel = c
		if err := p.Validate(); err != nil {
			t.Errorf("channel %q: Validate() = %v, want nil", c, err)
		}
	}
}

func validMember() dossier.TeamMember {
	return dossier.TeamMember{ID: "kam-1", Name: "Maria Lind", Position: "Key account manager",
		Email: "maria@us.example", Phone: "+46 8 123 45"}
}

func TestTeamMemberValidate(t *testing.T) {
	base := validMember()
	checkValid(t, base.Validate())

	tests := []struct {
		name   string
		change func(m *dossier.TeamMember)
		field  string
		text   string
	}{
		{"name missing", func(m *dossier.TeamMember) { m.Name = " " }, "name", "is required"},
		{"name too long", func(m *dossier.TeamMember) { m.Name = longLine }, "name", "at most 200"},
		{"position control", func(m *dossier.TeamMember) { m.Position = "KAM\x00" }, "position", "control character"},
		{"email bad", func(m *dossier.TeamMember) { m.Email = "a@" }, "email", "e-mail"},
		{"email with name", func(m *dossier.TeamMember) { m.Email = "Maria <maria@us.example>" }, "email", "e-mail"},
		{"phone bad", func(m *dossier.TeamMember) { m.Phone = "ext. 12" }, "phone", "only digits"},
		{"id bad", func(m *dossier.TeamMember) { m.ID = "-kam" }, "id", "valid ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := validMember()
			tt.change(&m)
			checkOnlyField(t, m.Validate(), tt.field, tt.text)
		})
	}
}

func TestTeamMemberReachable(t *testing.T) {
	tests := []struct {
		email, phone string
		want         bool
	}{
		{"maria@us.example", "", true},
		{"", "+46 8 123 45", true},
		{"maria@us.example", "+46 8 123 45", true},
		{"", "", false},
	}
	for _, tt := range tests {
		m := dossier.TeamMember{Name: "Maria", Email: tt.email, Phone: tt.phone}
		if got := m.Reachable(); got != tt.want {
			t.Errorf("Reachable() with email %q phone %q = %v, want %v", tt.email, tt.phone, got, tt.want)
		}
	}
}

func validReference() dossier.Reference {
	return dossier.Reference{ID: "ref-1", Client: "Nordbank", Project: "Branch refit", Year: 2024,
		Result:  "12% lower running costs",
		Referee: dossier.Referee{Name: "Olof Ek", Position: "COO", Contact: "olof@nordbank.example", Agreed: true}}
}

func TestReferenceValidate(t *testing.T) {
	base := validReference()
	checkValid(t, base.Validate())

	tests := []struct {
		name   string
		change func(r *dossier.Reference)
		field  string
		text   string
	}{
		{"client missing", func(r *dossier.Reference) { r.Client = "" }, "client", "is required"},
		{"project missing", func(r *dossier.Reference) { r.Project = "" }, "project", "is required"},
		{"project too long", func(r *dossier.Reference) { r.Project = longLine }, "project", "at most 200"},
		{"year 1949", func(r *dossier.Reference) { r.Year = 1949 }, "year", "between 1950 and 2100"},
		{"year 2101", func(r *dossier.Reference) { r.Year = 2101 }, "year", "between 1950 and 2100"},
		{"result too long", func(r *dossier.Reference) { r.Result = longText }, "result", "at most 20000"},
		{"referee name two lines", func(r *dossier.Reference) { r.Referee.Name = "Olof\nEk" }, "referee.name", "one line"},
		{"referee position too long", func(r *dossier.Reference) { r.Referee.Position = longLine }, "referee.position", "at most 200"},
		{"referee contact control", func(r *dossier.Reference) { r.Referee.Contact = "olof\x00" }, "referee.contact", "control character"},
		{"agreed without contact", func(r *dossier.Reference) { r.Referee.Contact = "" }, "referee.agreed", "name and contact"},
		{"agreed without name", func(r *dossier.Reference) { r.Referee.Name = "" }, "referee.agreed", "name and contact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validReference()
			tt.change(&r)
			checkOnlyField(t, r.Validate(), tt.field, tt.text)
		})
	}

	for _, r := range []dossier.Reference{
		{Client: "Nordbank", Project: "Refit"},                                         // no year, no referee
		{Client: "Nordbank", Project: "Refit", Referee: dossier.Referee{Name: "Olof"}}, // named, not agreed
		{Client: "Nordbank", Project: "Refit", Year: 1950},
		{Client: "Nordbank", Project: "Refit", Year: 2100},
	} {
		if err := r.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v, want nil", r, err)
		}
	}
}

func TestReferenceRecommends(t *testing.T) {
	tests := []struct {
		name    string
		referee dossier.Referee
		want    bool
	}{
		{"agreed with name and contact", dossier.Referee{Name: "Olof", Contact: "+46 8 1", Agreed: true}, true},
		{"not agreed", dossier.Referee{Name: "Olof", Contact: "+46 8 1"}, false},
		{"agreed without contact", dossier.Referee{Name: "Olof", Agreed: true}, false},
		{"agreed without name", dossier.Referee{Contact: "+46 8 1", Agreed: true}, false},
		{"nobody", dossier.Referee{}, false},
	}
	for _, tt := range tests {
		r := dossier.Reference{Client: "Nordbank", Project: "Refit", Referee: tt.referee}
		if got := r.Recommends(); got != tt.want {
			t.Errorf("%s: Recommends() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func validEvent() dossier.Event {
	return dossier.Event{ID: "ev-1", AccountID: "acme", Kind: dossier.EventMeeting, Date: d("2026-03-02"),
		Title: "Kick-off", People: []string{"anna", "carl"}, Text: "Agreed next steps.",
		Attachments: []dossier.Attachment{{FileID: "f1", Name: "minutes.pdf", Size: 1024}}}
}

func TestEventValidate(t *testing.T) {
	base := validEvent()
	checkValid(t, base.Validate())

	tests := []struct {
		name   string
		change func(e *dossier.Event)
		field  string
		text   string
	}{
		{"account missing", func(e *dossier.Event) { e.AccountID = "" }, "account_id", "is required"},
		{"kind missing", func(e *dossier.Event) { e.Kind = "" }, "kind", "is required"},
		{"kind unknown", func(e *dossier.Event) { e.Kind = "party" }, "kind", "allowed values"},
		{"date missing", func(e *dossier.Event) { e.Date = dossier.Date{} }, "date", "is required"},
		{"title missing", func(e *dossier.Event) { e.Title = "" }, "title", "is required"},
		{"title too long", func(e *dossier.Event) { e.Title = longLine }, "title", "at most 200"},
		{"person bad id", func(e *dossier.Event) { e.People = []string{"anna", "Carl"} }, "people", "valid ID"},
		{"person empty id", func(e *dossier.Event) { e.People = []string{""} }, "people", "is required"},
		{"too many people", func(e *dossier.Event) { e.People = make([]string, dossier.MaxList+1) }, "people", "at most 100"},
		{"text too long", func(e *dossier.Event) { e.Text = longText }, "text", "at most 20000"},
		{"attachment path", func(e *dossier.Event) { e.Attachments[0].Name = "../../etc/passwd" }, "attachments", "not safe"},
		{"attachment reserved", func(e *dossier.Event) { e.Attachments[0].Name = "CON.txt" }, "attachments", "not safe"},
		{"attachment no name", func(e *dossier.Event) { e.Attachments[0].Name = "" }, "attachments", "not safe"},
		{"attachment no file", func(e *dossier.Event) { e.Attachments[0].FileID = "" }, "attachments", "is required"},
		{"too many attachments", func(e *dossier.Event) {
			e.Attachments = make([]dossier.Attachment, dossier.MaxList+1)
			for i := range e.Attachments {
				e.Attachments[i] = dossier.Attachment{FileID: fmt.Sprint("f", i), Name: "a.pdf"}
			}
		}, "attachments", "101, at most 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := validEvent()
			e.Attachments = append([]dossier.Attachment(nil), e.Attachments...)
			tt.change(&e)
			checkOnlyField(t, e.Validate(), tt.field, tt.text)
		})
	}

	for _, k := range dossier.EventKinds {
		e := validEvent()
		e.Kind = k
		if err := e.Validate(); err != nil {
			t.Errorf("kind %q: Validate() = %v, want nil", k, err)
		}
	}
}

func validPromise() dossier.Promise {
	return dossier.Promise{ID: "pr-1", AccountID: "acme", People: []string{"anna"},
		Text: "Send the revised price list", Made: d("2026-03-02"), Due: d("2026-03-06"),
		Status: dossier.PromiseOpen}
}

func TestPromiseValidate(t *testing.T) {
	base := validPromise()
	checkValid(t, base.Validate())

	tests := []struct {
		name   string
		change func(p *dossier.Promise)
		field  string
		text   string
	}{
		{"account missing", func(p *dossier.Promise) { p.AccountID = "" }, "account_id", "is required"},
		{"people bad", func(p *dossier.Promise) { p.People = []string{"Anna"} }, "people", "valid ID"},
		{"text missing", func(p *dossier.Promise) { p.Text = "  " }, "text", "is required"},
		{"text too long", func(p *dossier.Promise) { p.Text = longText }, "text", "at most 20000"},
		{"due missing", func(p *dossier.Promise) { p.Due = dossier.Date{} }, "due", "is required"},
		{"due before made", func(p *dossier.Promise) { p.Due = d("2026-03-01") }, "due", "before the day the promise was made"},
		{"status missing", func(p *dossier.Promise) { p.Status = "" }, "status", "is required"},
		{"status unknown", func(p *dossier.Promise) { p.Status = "forgotten" }, "status", "allowed values"},
		{"kept without done_on", func(p *dossier.Promise) { p.Status = dossier.PromiseKept }, "done_on", "kept or dropped"},
		{"dropped without done_on", func(p *dossier.Promise) { p.Status = dossier.PromiseDropped }, "done_on", "kept or dropped"},
		{"slip without explanation", func(p *dossier.Promise) {
			p.Slips = []dossier.Slip{{On: d("2026-03-05"), Explanation: " ", OldDue: d("2026-03-04"), NewDue: d("2026-03-06")}}
		}, "slips", "explanation"},
		{"slip not later", func(p *dossier.Promise) {
			p.Slips = []dossier.Slip{{On: d("2026-03-05"), Explanation: "Supplier late", OldDue: d("2026-03-06"), NewDue: d("2026-03-06")}}
		}, "slips", "new date after the old one"},
		{"slip without new date", func(p *dossier.Promise) {
			p.Slips = []dossier.Slip{{On: d("2026-03-05"), Explanation: "Supplier late", OldDue: d("2026-03-04")}}
		}, "slips", "new date after the old one"},
		{"slip explanation too long", func(p *dossier.Promise) {
			p.Slips = []dossier.Slip{{On: d("2026-03-05"), Explanation: longText, OldDue: d("2026-03-04"), NewDue: d("2026-03-06")}}
		}, "slips", "at most 20000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPromise()
			tt.change(&p)
			checkOnlyField(t, p.Validate(), tt.field, tt.text)
		})
	}

	ok := []struct {
		name   string
		change func(p *dossier.Promise)
	}{
		{"due on the day made", func(p *dossier.Promise) { p.Due = p.Made }},
		{"made unknown", func(p *dossier.Promise) { p.Made = dossier.Date{} }},
		{"kept with date", func(p *dossier.Promise) { p.Keep(d("2026-03-05")) }},
		{"dropped with date", func(p *dossier.Promise) { p.Drop(d("2026-03-05")) }},
		{"slipped properly", func(p *dossier.Promise) {
			if err := p.Slip(d("2026-03-05"), "Supplier late", true, d("2026-03-10")); err != nil {
				t.Fatalf("Slip error = %v", err)
			}
		}},
	}
	for _, tt := range ok {
		t.Run(tt.name, func(t *testing.T) {
			p := validPromise()
			tt.change(&p)
			checkValid(t, p.Validate())
		})
	}
}

func TestRulesValidate(t *testing.T) {
	if err := dossier.DefaultRules().Validate(); err != nil {
		t.Fatalf("DefaultRules().Validate() = %v, want nil", err)
	}
	tests := []struct {
		name   string
		change func(r *dossier.Rules)
		field  string
	}{
		{"prep months 0", func(r *dossier.Rules) { r.TenderPrepMonths = 0 }, "tender_prep_months"},
		{"prep months 37", func(r *dossier.Rules) { r.TenderPrepMonths = 37 }, "tender_prep_months"},
		{"mono 0", func(r *dossier.Rules) { r.MonoDependencePercent = 0 }, "mono_dependence_percent"},
		{"mono negative", func(r *dossier.Rules) { r.MonoDependencePercent = -5 }, "mono_dependence_percent"},
		{"mono 100.1", func(r *dossier.Rules) { r.MonoDependencePercent = 100.1 }, "mono_dependence_percent"},
		{"mono NaN", func(r *dossier.Rules) { r.MonoDependencePercent = math.NaN() }, "mono_dependence_percent"},
		{"contact interval 0", func(r *dossier.Rules) { r.ContactIntervalDays = 0 }, "contact_interval_days"},
		{"contact interval 367", func(r *dossier.Rules) { r.ContactIntervalDays = 367 }, "contact_interval_days"},
		{"birthday notice negative", func(r *dossier.Rules) { r.BirthdayNoticeDays = -1 }, "birthday_notice_days"},
		{"birthday notice 0", func(r *dossier.Rules) { r.BirthdayNoticeDays = 0 }, "birthday_notice_days"},
		{"birthday notice 367", func(r *dossier.Rules) { r.BirthdayNoticeDays = 367 }, "birthday_notice_days"},
		{"agenda 0", func(r *dossier.Rules) { r.AgendaDays = 0 }, "agenda_days"},
		{"agenda 367", func(r *dossier.Rules) { r.AgendaDays = 367 }, "agenda_days"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := dossier.DefaultRules()
			tt.change(&r)
			checkOnlyField(t, r.Validate(), tt.field, "must be")
		})
	}

	edges := dossier.Rules{TenderPrepMonths: 36, MonoDependencePercent: 100, ContactIntervalDays: 366,
		BirthdayNoticeDays: 366, AgendaDays: 366}
	if err := edges.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v, want nil", edges, err)
	}
	low := dossier.Rules{TenderPrepMonths: 1, MonoDependencePercent: 0.5, ContactIntervalDays: 1,
		BirthdayNoticeDays: 1, AgendaDays: 1}
	if err := low.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v, want nil", low, err)
	}
}

// A rule the settings accept must be the rule the agenda applies: OrDefault
// fills zero values, so a valid rule must never be zero.
func TestRulesValidSurviveOrDefault(t *testing.T) {
	for _, days := range []int{0, 1, 7, 30} {
		r := dossier.DefaultRules()
		r.BirthdayNoticeDays = days
		if r.Validate() != nil {
			continue
		}
		if got := r.OrDefault().BirthdayNoticeDays; got != days {
			t.Errorf("valid BirthdayNoticeDays %d becomes %d after OrDefault", days, got)
		}
	}
}

func TestRulesOrDefault(t *testing.T) {
	got := dossier.Rules{}.OrDefault()
	if want := dossier.DefaultRules(); got != want {
		t.Errorf("Rules{}.OrDefault() = %+v, want %+v", got, want)
	}
	if want := (dossier.Rules{TenderPrepMonths: 9, MonoDependencePercent: 75, ContactIntervalDays: 60,
		BirthdayNoticeDays: 30, AgendaDays: 30}); got != want {
		t.Errorf("DefaultRules() = %+v, want %+v", got, want)
	}
	custom := dossier.Rules{TenderPrepMonths: 6, MonoDependencePercent: 50}
	got = custom.OrDefault()
	if got.TenderPrepMonths != 6 || got.MonoDependencePercent != 50 || got.ContactIntervalDays != 60 ||
		got.BirthdayNoticeDays != 30 || got.AgendaDays != 30 {
		t.Errorf("%+v.OrDefault() = %+v, want custom values kept and the rest defaulted", custom, got)
	}
}

func TestFieldErrorText(t *testing.T) {
	tests := []struct {
		msg  string
		data map[string]any
		want string
	}{
		{"is too long ({{.Len}} characters, at most {{.Max}})", map[string]any{"Len": 201, "Max": 200},
			"is too long (201 characters, at most 200)"},
		{"must be after the current due date {{.Due}}", map[string]any{"Due": "2026-03-06"},
			"must be after the current due date 2026-03-06"},
		{"at most {{.Max}}", nil, "at most {{.Max}}"},
		{"at most {{.Max}}", map[string]any{"Len": 3}, "at most {{.Max}}"},
		{"{{.A}}{{.A}}", map[string]any{"A": "x"}, "xx"},
		{"is required", map[string]any{"Max": 1}, "is required"},
		{"broken {{.Max", map[string]any{"Max": 1}, "broken {{.Max"},
	}
	for _, tt := range tests {
		fe := &dossier.FieldError{Field: "f", Message: tt.msg, Data: tt.data}
		if got := fe.Text(); got != tt.want {
			t.Errorf("Text() of %q with %v = %q, want %q", tt.msg, tt.data, got, tt.want)
		}
		if got, want := fe.Error(), "f: "+tt.want; got != want {
			t.Errorf("Error() = %q, want %q", got, want)
		}
		if !errors.Is(fe, dossier.ErrInvalid) {
			t.Errorf("errors.Is(FieldError, ErrInvalid) = false, want true")
		}
	}
}

func TestProblems(t *testing.T) {
	var none dossier.Problems
	if err := none.Err(); err != nil {
		t.Errorf("empty Problems.Err() = %v, want nil", err)
	}
	if got := none.For("name"); got != nil {
		t.Errorf("empty Problems.For(name) = %v, want nil", got)
	}

	var p dossier.Problems
	p.Add("name", "is required", nil)
	p.Add("email", "is not a valid e-mail address", nil)
	p.Add("name", "must fit on one line", nil)
	err := fmt.Errorf("saving person: %w", p.Err())

	if !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("errors.Is(wrapped problems, ErrInvalid) = false, want true")
	}
	if errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("errors.Is(wrapped problems, ErrNotFound) = true, want false")
	}
	got := dossier.ProblemsOf(err)
	if len(got) != 3 {
		t.Fatalf("len(ProblemsOf) = %d, want 3", len(got))
	}
	if fe := got.For("name"); fe == nil || fe.Message != "is required" {
		t.Errorf("For(name) = %v, want the first problem with name (is required)", fe)
	}
	if fe := got.For("phone"); fe != nil {
		t.Errorf("For(phone) = %v, want nil", fe)
	}
	want := "saving person: name: is required; email: is not a valid e-mail address; name: must fit on one line"
	if err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
	var fe *dossier.FieldError
	if !errors.As(err, &fe) || fe.Field != "name" {
		t.Errorf("errors.As(FieldError) = %v, want the first problem", fe)
	}

	single := fmt.Errorf("ctx: %w", &dossier.FieldError{Field: "due", Message: "is required"})
	if got := dossier.ProblemsOf(single); len(got) != 1 || got.For("due") == nil {
		t.Errorf("ProblemsOf(single FieldError) = %v, want one problem with due", got)
	}
	if got := dossier.ProblemsOf(errors.New("disk full")); got != nil {
		t.Errorf("ProblemsOf(plain error) = %v, want nil", got)
	}
	if got := dossier.ProblemsOf(nil); got != nil {
		t.Errorf("ProblemsOf(nil) = %v, want nil", got)
	}
}

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"acme", true},
		{"a", true},
		{"0", true},
		{"acme-2_b", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"", false},
		{"-acme", false},
		{"_acme", false},
		{"Acme", false},
		{"acme corp", false},
		{"acme/x", false},
		{"..", false},
		{"acmé", false},
		{"acme\n", false},
	}
	for _, tt := range tests {
		if got := dossier.ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

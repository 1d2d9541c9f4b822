package proposal

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"kamdesk/dossier"
)

// Sentinel errors, the same as the dossier's so callers test one set.
var (
	ErrInvalid  = dossier.ErrInvalid
	ErrNotFound = dossier.ErrNotFound
)

// Audience is who a variant of a proposal speaks to: one of the four
// stakeholder types a proposal is argued for, or the whole group.
type Audience string

// Audiences.
const (
	Executive Audience = Audience(dossier.Executive)
	HR        Audience = Audience(dossier.HR)
	Finance   Audience = Audience(dossier.Finance)
	Technical Audience = Audience(dossier.Technical)
	All       Audience = "all" // the whole decision-making group
)

// Audiences lists the four tailored audiences, without All.
var Audiences = []Audience{Executive, HR, Finance, Technical}

// Variants lists every variant a proposal is assembled in: the four
// audiences and the whole group.
var Variants = []Audience{Executive, HR, Finance, Technical, All}

// ParseAudience reads an audience word.
func ParseAudience(s string) (Audience, error) {
	a := Audience(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Variants, a) {
		return a, nil
	}
	return "", dossier.Err(`"{{.Value}}" is not an audience (executive, hr, finance, technical or all)`, map[string]any{"Value": s}, ErrInvalid)
}

// Label is the English label of a, for translation.
func (a Audience) Label() string {
	if a == All {
		return "Whole group"
	}
	return dossier.StakeholderType(a).Label()
}

// Reaches reports whether a variant for a is read by a person of type t:
// the whole group reaches everybody.
func (a Audience) Reaches(t dossier.StakeholderType) bool {
	return a == All || string(a) == string(t)
}

// Kind is what a section of a proposal does.
type Kind string

// Section kinds, in the order a whole-group proposal usually runs.
const (
	KindCover         Kind = "cover-letter"
	KindUnderstanding Kind = "understanding" // understanding of the client's business
	KindBenefits      Kind = "benefits"
	KindUniqueness    Kind = "uniqueness" // uniqueness and exclusivity
	KindReferences    Kind = "references"
	KindFigures       Kind = "figures" // statistics, figures and the financial result
	KindSpecification Kind = "specification"
	KindPricing       Kind = "pricing"
	KindTerms         Kind = "terms"
	KindTeam          Kind = "team"
	KindValidity      Kind = "validity"
	KindOther         Kind = "other"
)

// Kinds lists every kind in proposal order.
var Kinds = []Kind{KindCover, KindUnderstanding, KindBenefits, KindUniqueness, KindReferences,
	KindFigures, KindSpecification, KindPricing, KindTerms, KindTeam, KindValidity, KindOther}

// Rank is the position of k in proposal order.
func (k Kind) Rank() int {
	if i := slices.Index(Kinds, k); i >= 0 {
		return i
	}
	return len(Kinds)
}

// Label is the English label of k, for translation.
func (k Kind) Label() string {
	switch k {
	case KindCover:
		return "Cover letter"
	case KindUnderstanding:
		return "Understanding of your business"
	case KindBenefits:
		return "Benefits"
	case KindUniqueness:
		return "Uniqueness and exclusivity"
	case KindReferences:
		return "References"
	case KindFigures:
		return "Figures and financial result"
	case KindSpecification:
		return "Specification"
	case KindPricing:
		return "Pricing"
	case KindTerms:
		return "Terms"
	case KindTeam:
		return "Team"
	case KindValidity:
		return "Validity"
	case KindOther:
		return "Other"
	}
	return string(k)
}

// Factual reports whether a section of kind k carries facts and figures:
// what opponents, doubters, financiers and technical readers need.
func (k Kind) Factual() bool {
	return k == KindFigures || k == KindSpecification || k == KindPricing
}

// Weights says how much a section matters to each audience, 1–100; an
// audience that is absent is not served by the section.
type Weights map[Audience]int

// For returns the weight for audience a (0 when not served). For the whole
// group a section weighs its largest weight.
func (w Weights) For(a Audience) int {
	if a == All {
		m := 0
		for _, v := range w {
			m = max(m, v)
		}
		return m
	}
	return w[a]
}

// Section is a reusable piece of a proposal kept in the library: Markdown
// with placeholders such as {{account.name}} resolved from the workspace.
type Section struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Kind      Kind      `json:"kind"`
	Audiences Weights   `json:"audiences"`
	Language  string    `json:"language"` // BCP 47 code: "en", "de", "ru"...
	Body      string    `json:"body"`     // Markdown
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
}

// MaxBody is the longest section body, in characters.
const MaxBody = 100000

// Validate reports every problem with s.
func (s *Section) Validate() error {
	var p dossier.Problems
	if s.ID != "" && !dossier.ValidID(s.ID) {
		p.Add("id", "is not a valid ID (lowercase letters, digits, '-' and '_')", nil)
	}
	if strings.TrimSpace(s.Title) == "" {
		p.Add("title", "is required", nil)
	} else if n := utf8.RuneCountInString(s.Title); n > dossier.MaxLine || strings.ContainsAny(s.Title, "\r\n") {
		p.Add("title", "must be one line of at most {{.Max}} characters", map[string]any{"Max": dossier.MaxLine})
	} else {
		p.Controls("title", s.Title)
	}
	if !slices.Contains(Kinds, s.Kind) {
		p.Add("kind", "is not one of the allowed values", map[string]any{"Value": s.Kind})
	}
	checkWeights(&p, s.Audiences)
	if !ValidLanguage(s.Language) {
		p.Add("language", "is not a language code such as en, de or pt-BR", map[string]any{"Value": s.Language})
	}
	if n := utf8.RuneCountInString(s.Body); n > MaxBody {
		p.Add("body", "is too long ({{.Len}} characters, at most {{.Max}})", map[string]any{"Len": n, "Max": MaxBody})
	} else {
		p.Controls("body", s.Body)
	}
	var u *UnknownPlaceholderError
	if err := CheckPlaceholders(s.Body); errors.As(err, &u) {
		// in words the user interfaces translate
		m := placeholderProblem(u).(*dossier.Message)
		p.Add("body", m.Text, m.Data)
	} else if err != nil {
		p.Add("body", "{{.Error}}", map[string]any{"Error": err.Error()})
	}
	return p.Err()
}

func checkWeights(p *dossier.Problems, w Weights) {
	if len(w) == 0 {
		p.Add("audiences", "needs at least one audience", nil)
	}
	for a, v := range w {
		if !slices.Contains(Audiences, a) {
			p.Add("audiences", "{{.Value}} is not an audience (executive, hr, finance, technical)", map[string]any{"Value": a})
		} else if v < 1 || v > 100 {
			p.Add("audiences", "weight for {{.Value}} must be between 1 and 100", map[string]any{"Value": a})
		}
	}
}

// ValidLanguage accepts simple BCP 47 tags: "en", "de", "pt-BR", "zh-Hant".
func ValidLanguage(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if len(part) < 2 || len(part) > 8 {
			return false
		}
		for _, c := range part {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

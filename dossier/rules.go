package dossier

import "math"

// Rules are the practitioners' rules of thumb the workspace applies. They
// are defaults a user can change, never hard-coded truths.
type Rules struct {
	// TenderPrepMonths is how long before a tender its preparation starts.
	TenderPrepMonths int `json:"tender_prep_months"`
	// MonoDependencePercent is the share of our revenue above which we
	// depend dangerously on one client.
	MonoDependencePercent float64 `json:"mono_dependence_percent"`
	// ContactIntervalDays is how long a key person may go without contact
	// before the agenda reminds the user (after a sale: every one to two
	// months).
	ContactIntervalDays int `json:"contact_interval_days"`
	// BirthdayNoticeDays is how far ahead the agenda shows birthdays.
	BirthdayNoticeDays int `json:"birthday_notice_days"`
	// AgendaDays is how far ahead the agenda looks for everything else.
	AgendaDays int `json:"agenda_days"`
}

// DefaultRules returns the rules of thumb of key account practice.
func DefaultRules() Rules {
	return Rules{
		TenderPrepMonths:      9,
		MonoDependencePercent: 75,
		ContactIntervalDays:   60,
		BirthdayNoticeDays:    30,
		AgendaDays:            30,
	}
}

// Validate checks the rules are usable.
func (r Rules) Validate() error {
	var p Problems
	if r.TenderPrepMonths < 1 || r.TenderPrepMonths > 36 {
		p.Add("tender_prep_months", "must be between 1 and 36", nil)
	}
	if math.IsNaN(r.MonoDependencePercent) || r.MonoDependencePercent <= 0 || r.MonoDependencePercent > 100 {
		p.Add("mono_dependence_percent", "must be above 0 and at most 100", nil)
	}
	if r.ContactIntervalDays < 1 || r.ContactIntervalDays > 366 {
		p.Add("contact_interval_days", "must be between 1 and 366", nil)
	}
	// 0 is not allowed: OrDefault reads it as "unset" and would apply 30.
	if r.BirthdayNoticeDays < 1 || r.BirthdayNoticeDays > 366 {
		p.Add("birthday_notice_days", "must be between 1 and 366", nil)
	}
	if r.AgendaDays < 1 || r.AgendaDays > 366 {
		p.Add("agenda_days", "must be between 1 and 366", nil)
	}
	return p.Err()
}

// OrDefault fills unset fields with defaults, so a workspace written by an
// older version that lacked a rule still works.
func (r Rules) OrDefault() Rules {
	d := DefaultRules()
	if r.TenderPrepMonths == 0 {
		r.TenderPrepMonths = d.TenderPrepMonths
	}
	if r.MonoDependencePercent == 0 {
		r.MonoDependencePercent = d.MonoDependencePercent
	}
	if r.ContactIntervalDays == 0 {
		r.ContactIntervalDays = d.ContactIntervalDays
	}
	if r.BirthdayNoticeDays == 0 {
		r.BirthdayNoticeDays = d.BirthdayNoticeDays
	}
	if r.AgendaDays == 0 {
		r.AgendaDays = d.AgendaDays
	}
	return r
}

package dossier_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"kamdesk/dossier"
)

func TestPromiseSlip(t *testing.T) {
	p := validPromise() // due 2026-03-06
	if p.Slipped() {
		t.Fatalf("new promise Slipped() = true, want false")
	}
	if err := p.Slip(d("2026-03-05"), "The supplier delivers a day late", true, d("2026-03-09")); err != nil {
		t.Fatalf("Slip error = %v, want nil", err)
	}
	if got := p.Due.String(); got != "2026-03-09" {
		t.Errorf("Due after Slip = %s, want 2026-03-09", got)
	}
	if p.Status != dossier.PromiseOpen {
		t.Errorf("Status after Slip = %q, want %q", p.Status, dossier.PromiseOpen)
	}
	if !p.Slipped() || len(p.Slips) != 1 {
		t.Fatalf("Slips after one Slip = %d (Slipped %v), want 1 (true)", len(p.Slips), p.Slipped())
	}
	want := dossier.Slip{On: d("2026-03-05"), Explanation: "The supplier delivers a day late", ApologySent: true,
		OldDue: d("2026-03-06"), NewDue: d("2026-03-09")}
	if got := p.Slips[0]; got != want {
		t.Errorf("Slips[0] = %+v, want %+v", got, want)
	}

	// A second slip records the rescheduled date as the old one.
	if err := p.Slip(d("2026-03-09"), "Customs hold", false, d("2026-03-16")); err != nil {
		t.Fatalf("second Slip error = %v, want nil", err)
	}
	if len(p.Slips) != 2 {
		t.Fatalf("len(Slips) = %d, want 2", len(p.Slips))
	}
	if got := p.Slips[1]; got.OldDue.String() != "2026-03-09" || got.NewDue.String() != "2026-03-16" || got.ApologySent {
		t.Errorf("Slips[1] = %+v, want old 2026-03-09, new 2026-03-16, no apology", got)
	}
	if p.Due.String() != "2026-03-16" {
		t.Errorf("Due = %s, want 2026-03-16", p.Due)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate() after slips = %v, want nil", err)
	}
}

func TestPromiseSlipRejects(t *testing.T) {
	tests := []struct {
		name        string
		status      dossier.PromiseStatus
		on          dossier.Date
		explanation string
		newDue      dossier.Date
		field       string
	}{
		{"empty explanation", dossier.PromiseOpen, d("2026-03-05"), "", d("2026-03-09"), "explanation"},
		{"blank explanation", dossier.PromiseOpen, d("2026-03-05"), " \t\n", d("2026-03-09"), "explanation"},
		{"explanation too long", dossier.PromiseOpen, d("2026-03-05"), longText, d("2026-03-09"), "explanation"},
		{"explanation with control", dossier.PromiseOpen, d("2026-03-05"), "late\x00", d("2026-03-09"), "explanation"},
		{"new date same as old", dossier.PromiseOpen, d("2026-03-05"), "late", d("2026-03-06"), "new_due"},
		{"new date earlier", dossier.PromiseOpen, d("2026-03-05"), "late", d("2026-03-04"), "new_due"},
		{"no new date", dossier.PromiseOpen, d("2026-03-05"), "late", dossier.Date{}, "new_due"},
		{"no day told", dossier.PromiseOpen, dossier.Date{}, "late", d("2026-03-09"), "on"},
		{"kept promise", dossier.PromiseKept, d("2026-03-05"), "late", d("2026-03-09"), "status"},
		{"dropped promise", dossier.PromiseDropped, d("2026-03-05"), "late", d("2026-03-09"), "status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPromise()
			p.Status = tt.status
			before := p.Due
			err := p.Slip(tt.on, tt.explanation, true, tt.newDue)
			checkOnlyField(t, err, tt.field, "")
			if !p.Due.Equal(before) {
				t.Errorf("Due after rejected Slip = %v, want unchanged %v", p.Due, before)
			}
			if len(p.Slips) != 0 {
				t.Errorf("len(Slips) after rejected Slip = %d, want 0", len(p.Slips))
			}
		})
	}

	p := validPromise()
	err := p.Slip(d("2026-03-05"), "late", true, d("2026-03-06"))
	if fe := dossier.ProblemsOf(err).For("new_due"); fe == nil || fe.Text() != "must be after the current due date 2026-03-06" {
		t.Errorf("new_due problem = %v, want %q", fe, "must be after the current due date 2026-03-06")
	}
}

func TestPromiseLate(t *testing.T) {
	tests := []struct {
		name   string
		status dossier.PromiseStatus
		due    string
		today  string
		want   bool
	}{
		{"open, due tomorrow", dossier.PromiseOpen, "2026-03-06", "2026-03-05", false},
		{"open, due today", dossier.PromiseOpen, "2026-03-06", "2026-03-06", false},
		{"open, due yesterday", dossier.PromiseOpen, "2026-03-06", "2026-03-07", true},
		{"kept, past due", dossier.PromiseKept, "2026-03-06", "2026-04-01", false},
		{"dropped, past due", dossier.PromiseDropped, "2026-03-06", "2026-04-01", false},
	}
	for _, tt := range tests {
		p := dossier.Promise{Status: tt.status, Due: d(tt.due)}
		if got := p.Late(d(tt.today)); got != tt.want {
			t.Errorf("%s: Late(%s) = %v, want %v", tt.name, tt.today, got, tt.want)
		}
	}
}

func TestPromiseKeepDrop(t *testing.T) {
	p := validPromise()
	p.Keep(d("2026-03-05"))
	if p.Status != dossier.PromiseKept || p.DoneOn.String() != "2026-03-05" {
		t.Errorf("after Keep: status %q done %v, want kept 2026-03-05", p.Status, p.DoneOn)
	}
	if p.Late(d("2026-12-31")) {
		t.Errorf("kept promise Late = true, want false")
	}
	if err := p.Slip(d("2026-03-07"), "late", true, d("2026-03-09")); err == nil {
		t.Errorf("Slip on a kept promise = nil, want an error")
	}

	p = validPromise()
	p.Drop(d("2026-03-04"))
	if p.Status != dossier.PromiseDropped || p.DoneOn.String() != "2026-03-04" {
		t.Errorf("after Drop: status %q done %v, want dropped 2026-03-04", p.Status, p.DoneOn)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Validate() after Drop = %v, want nil", err)
	}
}

func TestSafeFileName(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"report.pdf", "report.pdf"},
		{"Предложение 2026.docx", "Предложение 2026.docx"},
		{"../../etc/passwd", "passwd"},
		{"/etc/passwd", "passwd"},
		{`C:\x\y.txt`, "y.txt"},
		{`..\..\boot.ini`, "boot.ini"},
		{"dir/sub/", "sub"},
		{`a<b>c:d"e|f?g*h.txt`, "a_b_c_d_e_f_g_h.txt"},
		{"tab\there.txt", "tab_here.txt"},
		{"nul\x00byte.txt", "nul_byte.txt"},
		{"del\x7f.txt", "del_.txt"},
		{"CON.txt", "_CON.txt"},
		{"con", "_con"},
		{"Aux.tar.gz", "_Aux.tar.gz"},
		{"nul.pdf", "_nul.pdf"},
		{"PRN", "_PRN"},
		{"com1.log", "_com1.log"},
		{"LPT9.doc", "_LPT9.doc"},
		{"CONSOLE.txt", "CONSOLE.txt"},
		{"COM10.txt", "COM10.txt"},
		{"icon.png", "icon.png"},
		{"report.pdf.", "report.pdf"},
		{"report.pdf . .", "report.pdf"},
		{"report.pdf   ", "report.pdf"},
		{"  report.pdf", "report.pdf"},
		{".bashrc", ".bashrc"},
		{"", "file"},
		{".", "file"},
		{"..", "file"},
		{"...", "file"},
		{"   ", "file"},
		{"/", "file"},
		{"?", "file"},
		{"_", "_"},
	}
	for _, tt := range tests {
		if got := dossier.SafeFileName(tt.in); got != tt.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeFileNameLong(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantExt string
	}{
		{"ascii with extension", strings.Repeat("a", 300) + ".pdf", ".pdf"},
		{"multibyte with extension", strings.Repeat("日", 200) + ".docx", ".docx"},
		{"no extension", strings.Repeat("b", 500), ""},
		{"overlong extension dropped", "a." + strings.Repeat("x", 200), ""},
		{"words without extension", strings.Repeat("word ", 60), ""},
		{"dots without extension", strings.Repeat("v1.", 60) + strings.Repeat("x", 20), ""},
		{"words cut before extension", strings.Repeat("word ", 60) + ".txt", ".txt"},
		{"dots then long extension", strings.Repeat(".", 130) + "." + strings.Repeat("y", 20), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dossier.SafeFileName(tt.in)
			if n := utf8.RuneCountInString(got); n > 120 {
				t.Errorf("SafeFileName(long) has %d characters, want at most 120", n)
			}
			if got == "" {
				t.Fatalf("SafeFileName(long) = \"\", want a name")
			}
			if tt.wantExt != "" && !strings.HasSuffix(got, tt.wantExt) {
				t.Errorf("SafeFileName(long) = %q, want it to keep %q", got, tt.wantExt)
			}
			if strings.HasSuffix(got, " ") || strings.HasSuffix(got, ".") {
				t.Errorf("SafeFileName(long) = %q ends with a space or a dot, which Windows drops", got)
			}
			if again := dossier.SafeFileName(got); again != got {
				t.Errorf("SafeFileName(SafeFileName(long)) = %q, want the same %q", again, got)
			}
		})
	}
	if got := dossier.SafeFileName(strings.Repeat("a", 300) + ".pdf"); got != strings.Repeat("a", 116)+".pdf" {
		t.Errorf("SafeFileName(300 a + .pdf) = %q, want 116 a + .pdf", got)
	}
	if got := dossier.SafeFileName(strings.Repeat("a", 120)); got != strings.Repeat("a", 120) {
		t.Errorf("SafeFileName(120 characters) = %q, want it unchanged", got)
	}
}

// An attachment's name is checked against SafeFileName: whatever
// SafeFileName returns must pass that check, or the app would reject names
// it made itself.
func TestSafeFileNameIsStable(t *testing.T) {
	for _, in := range []string{
		"report.pdf", "../../etc/passwd", `C:\x\y.txt`, "CON.txt", "a<b>.txt", "report.pdf. .",
		"", "?", "_", "x\u00a0.", "x.\u00a0", "x\u2003 .", "\u00a0\u00a0", "\u3000CON.txt",
		strings.Repeat("word ", 60), strings.Repeat("日本 ", 60) + ".pdf",
	} {
		got := dossier.SafeFileName(in)
		if again := dossier.SafeFileName(got); again != got {
			t.Errorf("SafeFileName(%q) = %q, but SafeFileName(%q) = %q", in, got, got, again)
		}
		e := dossier.Event{AccountID: "acme", Kind: dossier.EventDocument, Date: d("2026-03-02"), Title: "Upload",
			Attachments: []dossier.Attachment{{FileID: "f1", Name: got}}}
		if err := e.Validate(); err != nil {
			t.Errorf("Validate() of attachment named SafeFileName(%q) = %q: %v, want nil", in, got, err)
		}
	}
}

func TestEventKindAndStatusLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range dossier.EventKinds {
		l := k.Label()
		if l == "" || l == string(k) || seen[l] {
			t.Errorf("EventKind(%q).Label() = %q, want a distinct English label", k, l)
		}
		seen[l] = true
	}
	if got := dossier.EventKind("party").Label(); got != "party" {
		t.Errorf("unknown EventKind Label() = %q, want %q", got, "party")
	}
	for s, want := range map[dossier.PromiseStatus]string{
		dossier.PromiseOpen: "Still open", dossier.PromiseKept: "Kept", dossier.PromiseDropped: "Dropped",
	} {
		if got := s.Label(); got != want {
			t.Errorf("PromiseStatus(%q).Label() = %q, want %q", s, got, want)
		}
	}
	if !errors.Is(dossier.ErrInvalid, dossier.ErrInvalid) || errors.Is(dossier.ErrInvalid, dossier.ErrConflict) {
		t.Errorf("sentinel errors are not distinct")
	}
}

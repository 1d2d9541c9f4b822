package proposal

import (
	"errors"
	"slices"
	"testing"
	"time"

	"kamdesk/dossier"
)

func TestLineNet(t *testing.T) {
	tests := []struct {
		name                 string
		qty, price, discount string
		wantGross, wantNet   string
	}{
		{"half a cent rounds up", "3", "33.335", "0", "100.01", "100.01"},
		{"0.125 rounds away from zero", "1", "0.125", "0", "0.13", "0.13"},
		{"0.124 rounds down", "1", "0.124", "0", "0.12", "0.12"},
		{"12.5% discount", "12", "4800", "12.5", "57600.00", "50400.00"},
		{"12.5% discount rounded once", "3", "19.99", "12.5", "59.97", "52.47"}, // 52.47375
		{"discount to half a cent", "1", "0.25", "50", "0.25", "0.13"},          // 0.125
		{"full discount", "2", "10", "100", "20.00", "0.00"},
		{"fractional quantity", "1.5", "1150", "0", "1725.00", "1725.00"},
		{"zero quantity", "0", "99.99", "10", "0.00", "0.00"},
	}
	for _, tt := range tests {
		l := Line{Quantity: fxDec(tt.qty), UnitPrice: fxDec(tt.price), Discount: fxDec(tt.discount), Currency: "GBP"}
		if got := l.Gross(); !got.Equal(fxDec(tt.wantGross)) {
			t.Errorf("%s: Gross() = %s, want %s", tt.name, got, tt.wantGross)
		}
		if got := l.Net(); !got.Equal(fxDec(tt.wantNet)) {
			t.Errorf("%s: Net() = %s, want %s", tt.name, got, tt.wantNet)
		}
	}
}

func TestDecimalRound(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"0.125", 2, "0.13"},
		{"-0.125", 2, "-0.13"},
		{"0.135", 2, "0.14"},
		{"2.5", 0, "3"},
		{"-2.5", 0, "-3"},
		{"14.45", 1, "14.5"},
		{"1.0049", 2, "1"},
	}
	for _, tt := range tests {
		if got := fxDec(tt.in).Round(tt.places).String(); got != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
	if got := fxDec("-0.001").Grouped(2, ","); got != "0.00" {
		t.Errorf("Grouped(-0.001) = %q, want 0.00 without a sign", got)
	}
	if got := fxDec("-1234567.5").Grouped(2, ","); got != "-1,234,567.50" {
		t.Errorf("Grouped(-1234567.5) = %q", got)
	}
}

func TestTotals(t *testing.T) {
	lines := []Line{
		{Quantity: fxDec("12"), UnitPrice: fxDec("4800"), Discount: fxDec("12.5"), Currency: "GBP"},
		{Quantity: fxDec("1"), UnitPrice: fxDec("100"), Discount: fxDec("10"), Currency: "EUR"},
		{Quantity: fxDec("3"), UnitPrice: fxDec("33.335"), Currency: "GBP"},
		{Quantity: fxDec("3"), UnitPrice: fxDec("19.99"), Discount: fxDec("12.5"), Currency: "GBP"},
	}
	// Lines whose figures do not validate count in no total.
	lines = append(lines,
		Line{Quantity: fxDec("1"), UnitPrice: fxDec("-500"), Discount: fxDec("150"), Currency: "GBP"},
		Line{Quantity: fxDec("-2"), UnitPrice: fxDec("10"), Currency: "EUR"},
		Line{Quantity: fxDec("1"), UnitPrice: fxDec("10"), Discount: fxDec("101"), Currency: "EUR"},
		Line{Quantity: fxDec("1"), UnitPrice: fxDec("10"), Currency: "€"},
	)
	got := Totals(lines)
	want := []Total{
		// Net is the sum of the rounded line amounts: 50400 + 100.01 + 52.47.
		{Currency: "GBP", Gross: fxDec("57759.98"), Discount: fxDec("7207.50"), Net: fxDec("50552.48")},
		{Currency: "EUR", Gross: fxDec("100"), Discount: fxDec("10"), Net: fxDec("90")},
	}
	if len(got) != len(want) {
		t.Fatalf("Totals() = %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Currency != w.Currency || !g.Gross.Equal(w.Gross) || !g.Discount.Equal(w.Discount) || !g.Net.Equal(w.Net) {
			t.Errorf("Totals()[%d] = %s gross %s discount %s net %s, want %s gross %s discount %s net %s",
				i, g.Currency, g.Gross, g.Discount, g.Net, w.Currency, w.Gross, w.Discount, w.Net)
		}
		if !g.Gross.Sub(g.Discount).Equal(g.Net) {
			t.Errorf("Totals()[%d]: gross − discount ≠ net", i)
		}
	}
	if got := Totals(nil); len(got) != 0 {
		t.Errorf("Totals(nil) = %v, want none", got)
	}
}

func TestPaybackMonths(t *testing.T) {
	tests := []struct {
		investment, gain string
		want             string
		ok               bool
	}{
		{"110950", "92000", "14.5", true}, // 14.47…
		{"1200", "1200", "12", true},      // exact: no rounding up
		{"1000", "1100", "11", true},      // 10.909…: up to 11.0, not 10.9
		{"1001", "12000", "1.1", true},    // 1.001: up, never down
		{"1000", "0", "0", false},
		{"1000", "-50", "0", false},
		{"0", "500", "0", false},
	}
	for _, tt := range tests {
		f := Financial{Currency: "GBP", Investment: fxDec(tt.investment), YearlyGain: fxDec(tt.gain)}
		got, ok := f.PaybackMonths()
		if ok != tt.ok || !got.Equal(fxDec(tt.want)) {
			t.Errorf("PaybackMonths(%s, %s) = %s, %v; want %s, %v", tt.investment, tt.gain, got, ok, tt.want, tt.ok)
		}
	}
}

func TestROI(t *testing.T) {
	tests := []struct {
		investment, gain string
		years            int
		want             string
		ok               bool
	}{
		{"110950", "92000", 3, "148.8", true}, // (276000 − 110950) / 110950
		{"100000", "45400", 3, "36.2", true},
		{"100000", "45400", 0, "36.2", true}, // 0 years means 3
		{"100000", "20000", 2, "-60", true},
		{"100000", "50000", 2, "0", true},
		{"0", "50000", 3, "0", false},
	}
	for _, tt := range tests {
		f := Financial{Investment: fxDec(tt.investment), YearlyGain: fxDec(tt.gain), Years: tt.years}
		got, ok := f.ROI()
		if ok != tt.ok || !got.Equal(fxDec(tt.want)) {
			t.Errorf("ROI(%s, %s, %d years) = %s, %v; want %s, %v", tt.investment, tt.gain, tt.years, got, ok, tt.want, tt.ok)
		}
	}
	if (Financial{}).Horizon() != 3 || (Financial{Years: 5}).Horizon() != 5 {
		t.Errorf("Horizon() does not default to 3 years")
	}
	if !(Financial{Currency: "GBP"}).IsZero() || (Financial{YearlyGain: fxDec("1")}).IsZero() {
		t.Errorf("IsZero() is wrong")
	}
}

func TestExpiry(t *testing.T) {
	tests := []struct {
		name       string
		issued     string
		days       int
		validUntil string
		want       string
	}{
		{"30 days across February of a leap year", "2028-01-31", 30, "", "2028-03-01"},
		{"30 days across February", "2027-01-31", 30, "", "2027-03-02"},
		{"into 29 February", "2028-02-28", 1, "", "2028-02-29"},
		{"across the year end", "2026-12-15", 30, "", "2027-01-14"},
		{"valid-until wins", "2026-03-02", 30, "2026-03-31", "2026-03-31"},
		{"valid-until without issue date", "", 0, "2026-03-31", "2026-03-31"},
		{"days without issue date", "", 30, "", ""},
		{"nothing set", "2026-03-02", 0, "", ""},
	}
	for _, tt := range tests {
		p := &Proposal{ValidDays: tt.days}
		if tt.issued != "" {
			p.Issued = fxDate(tt.issued)
		}
		if tt.validUntil != "" {
			p.ValidUntil = fxDate(tt.validUntil)
		}
		if got := p.Expiry().String(); got != tt.want {
			t.Errorf("%s: Expiry() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStatusOn(t *testing.T) {
	p := &Proposal{Issued: fxDate("2026-03-02"), ValidDays: 30, Status: Sent, Sent: fxDate("2026-03-02")}
	tests := []struct {
		today  string
		status Status
		want   Status
	}{
		{"2026-03-31", Sent, Sent},
		{"2026-04-01", Sent, Sent}, // the last valid day
		{"2026-04-02", Sent, Expired},
		{"2026-04-02", Draft, Expired},
		{"2026-04-02", InDiscussion, Expired},
		{"2026-04-02", Won, Won},
		{"2026-04-02", Lost, Lost},
	}
	for _, tt := range tests {
		p.Status = tt.status
		if got := p.StatusOn(fxDate(tt.today)); got != tt.want {
			t.Errorf("%s on %s: StatusOn() = %s, want %s", tt.status, tt.today, got, tt.want)
		}
	}
	if p.Status != Lost {
		t.Errorf("StatusOn changed the stored status to %s", p.Status)
	}
	noExpiry := &Proposal{Status: Sent}
	if got := noExpiry.StatusOn(fxDate("2030-01-01")); got != Sent {
		t.Errorf("without expiry StatusOn() = %s, want sent", got)
	}
	if days, ok := p.DaysLeft(fxDate("2026-03-27")); !ok || days != 5 {
		t.Errorf("DaysLeft() = %d, %v; want 5, true", days, ok)
	}
}

func TestMarkSent(t *testing.T) {
	tests := []struct {
		name string
		sent string
		want []string // due dates: receipt, next steps, consideration, meeting
	}{
		{"on a Friday", "2026-03-06", []string{"2026-03-09", "2026-03-10", "2026-03-10", "2026-03-13"}},
		{"on a Saturday", "2026-03-07", []string{"2026-03-09", "2026-03-10", "2026-03-10", "2026-03-13"}},
		{"on a Monday", "2026-03-02", []string{"2026-03-03", "2026-03-04", "2026-03-04", "2026-03-09"}},
	}
	for _, tt := range tests {
		p, _ := northbridge()
		if err := p.MarkSent(fxDate(tt.sent), DefaultFollowUp()); err != nil {
			t.Fatalf("%s: MarkSent() error: %v", tt.name, err)
		}
		if p.Status != Sent || p.Sent.String() != tt.sent {
			t.Errorf("%s: status %s sent %s, want sent on %s", tt.name, p.Status, p.Sent, tt.sent)
		}
		var kinds []TaskKind
		var due []string
		for _, task := range p.Tasks {
			kinds = append(kinds, task.Kind)
			due = append(due, task.Due.String())
			if task.Status != TaskOpen {
				t.Errorf("%s: new task %s is %s, want open", tt.name, task.Kind, task.Status)
			}
			if task.Due.IsWeekend() {
				t.Errorf("%s: task %s due on a weekend (%s)", tt.name, task.Kind, task.Due)
			}
		}
		if !slices.Equal(kinds, TaskKinds) || !slices.Equal(due, tt.want) {
			t.Errorf("%s: tasks %v due %v, want %v due %v", tt.name, kinds, due, TaskKinds, tt.want)
		}
		if wd := p.Tasks[0].Due.Weekday(); wd != time.Monday && tt.name != "on a Monday" {
			t.Errorf("%s: receipt check on %s, want Monday", tt.name, wd)
		}
	}

	// Sending a new revision keeps finished tasks and replans open ones;
	// the same revision is not sent twice.
	p, _ := northbridge()
	if err := p.MarkSent(fxDate("2026-03-02"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	if err := p.CompleteTask(0, fxDate("2026-03-03"), "arrived"); err != nil {
		t.Fatal(err)
	}
	if err := p.MarkSent(fxDate("2026-03-06"), DefaultFollowUp()); !errors.Is(err, ErrInvalid) {
		t.Errorf("sending revision 1 again = %v, want ErrInvalid", err)
	}
	if err := p.NewRevision(fxDate("2026-03-05")); err != nil {
		t.Fatal(err)
	}
	if err := p.MarkSent(fxDate("2026-03-06"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	if len(p.Tasks) != 5 || p.Tasks[0].Status != TaskDone || p.Tasks[1].Kind != TaskReceipt || p.Tasks[1].Due.String() != "2026-03-09" {
		t.Errorf("tasks after sending again = %+v", p.Tasks)
	}

	// A zero offset still gives the next working day; a closed proposal
	// cannot be sent; the date is required.
	p, _ = northbridge()
	if err := p.MarkSent(fxDate("2026-03-06"), FollowUp{}); err != nil || p.Tasks[0].Due.String() != "2026-03-09" {
		t.Errorf("MarkSent with zero offsets: %v, first due %s", err, p.Tasks[0].Due)
	}
	if err := p.MarkSent(dossier.Date{}, DefaultFollowUp()); !errors.Is(err, ErrInvalid) {
		t.Errorf("MarkSent(zero date) error = %v, want ErrInvalid", err)
	}
	if err := p.Close(Won, fxDate("2026-03-20"), "best payback"); err != nil {
		t.Fatal(err)
	}
	if err := p.MarkSent(fxDate("2026-03-23"), DefaultFollowUp()); !errors.Is(err, ErrInvalid) {
		t.Errorf("MarkSent(won) error = %v, want ErrInvalid", err)
	}
}

func TestCompleteTask(t *testing.T) {
	p, _ := northbridge()
	if err := p.MarkSent(fxDate("2026-03-06"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	if err := p.CompleteTask(9, fxDate("2026-03-09"), ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("CompleteTask(9) error = %v, want ErrNotFound", err)
	}
	if err := p.CompleteTask(0, fxDate("2026-03-09"), "Arrived; read by the CFO"); err != nil {
		t.Fatal(err)
	}
	if task := p.Tasks[0]; p.Status != Received || task.Status != TaskDone || task.DoneOn.String() != "2026-03-09" || task.Note != "Arrived; read by the CFO" {
		t.Errorf("after the receipt: status %s, task %+v", p.Status, task)
	}
	if err := p.CompleteTask(1, fxDate("2026-03-10"), "Board meets on 20 March"); err != nil {
		t.Fatal(err)
	}
	if p.Status != InDiscussion {
		t.Errorf("after next steps: status %s, want in-discussion", p.Status)
	}
	// A later receipt confirmation does not move the status back.
	if err := p.CompleteTask(0, fxDate("2026-03-11"), ""); err != nil || p.Status != InDiscussion {
		t.Errorf("receipt again: %v, status %s", err, p.Status)
	}

	// Next steps straight after sending move it into discussion.
	p, _ = northbridge()
	if err := p.MarkSent(fxDate("2026-03-06"), DefaultFollowUp()); err != nil {
		t.Fatal(err)
	}
	if err := p.CompleteTask(2, fxDate("2026-03-10"), "Two weeks"); err != nil || p.Status != InDiscussion {
		t.Errorf("consideration after sending: %v, status %s", err, p.Status)
	}

	// Closing drops open tasks; completing one afterwards keeps the outcome.
	if err := p.Close(Lost, fxDate("2026-03-20"), "price"); err != nil {
		t.Fatal(err)
	}
	for i, task := range p.Tasks {
		if i != 2 && task.Status != TaskDropped {
			t.Errorf("after closing task %d is %s, want dropped", i, task.Status)
		}
	}
	if err := p.CompleteTask(3, fxDate("2026-03-21"), ""); err != nil || p.Status != Lost {
		t.Errorf("completing after closing: %v, status %s", err, p.Status)
	}
	if err := p.Close(Sent, fxDate("2026-03-21"), ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("Close(sent) error = %v, want ErrInvalid", err)
	}
}

func TestParseDecimalSeparators(t *testing.T) {
	ok := map[string]string{
		"1,234,567.89": "1234567.89",
		"12 500":       "12500",
		"1'234.5":      "1234.5",
		"-0.25":        "-0.25",
		"999":          "999",
		"":             "0",
	}
	for in, want := range ok {
		got, err := ParseDecimal(in)
		if err != nil || got.String() != want {
			t.Errorf("ParseDecimal(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	// A decimal comma must not become a thousands separator: "12,50" is
	// not 1250.
	for _, in := range []string{"12,50", "1,5", "1,234,56", "1234,567", ",500", "1,,234", "1 234 567,89", "1.234,56"} {
		if got, err := ParseDecimal(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseDecimal(%q) = %s, %v; want ErrInvalid", in, got, err)
		}
	}
}

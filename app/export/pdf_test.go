package export_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kamdesk/app/export"
	"kamdesk/proposal"
)

// needBrowser skips a test without a browser to print PDFs, unless
// KAMDESK_REQUIRE_BROWSER is set (as .ci/run sets it, having installed
// chromium): there it fails, so the PDF path is never skipped unseen.
func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := export.FindBrowser(); err != nil {
		if os.Getenv("KAMDESK_REQUIRE_BROWSER") != "" {
			t.Fatalf("KAMDESK_REQUIRE_BROWSER is set and: %v", err)
		}
		t.Skip(err)
	}
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("KAMDESK_REQUIRE_BROWSER") != "" {
				t.Fatalf("%s (poppler-utils) is needed to read the PDFs", tool)
			}
			t.Skip(tool, " not installed")
		}
	}
}

// TestPDFEveryVariant prints every variant of the sample proposal as a
// PDF through the browser and reads it back: a plausible number of pages
// of the paper asked for, none blank, and the text layer holds the title,
// the credits and the validity date.
func TestPDFEveryVariant(t *testing.T) {
	if testing.Short() {
		t.Skip("prints PDFs with a browser")
	}
	needBrowser(t)
	p, ctx, _ := sample(t)
	dir := t.TempDir()
	files, _, err := export.Proposal(p, ctx, export.Every, export.PDF, dir, now, export.Options{})
	if err != nil || len(files) != len(proposal.Variants) {
		t.Fatalf("exporting every variant as PDF: %d files, %v", len(files), err)
	}
	until := "Valid until " + proposal.LocaleOf(p.Language).Date(p.Expiry()) // as the document writes it
	for _, f := range files {
		if !strings.HasSuffix(f, ".pdf") {
			t.Errorf("%s: not named .pdf", f)
		}
		pages, size := pdfInfo(t, f)
		if pages < 2 || pages > 20 {
			t.Errorf("%s: %d pages", filepath.Base(f), pages)
		}
		if !strings.Contains(size, "(A4)") {
			t.Errorf("%s: page size %q, want A4", filepath.Base(f), size)
		}
		text := pdfText(t, f, 0)
		for _, want := range []string{p.Title, "Prepared by", until} {
			if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
				t.Errorf("%s: the text has no %q", filepath.Base(f), want)
			}
		}
		for page := 1; page <= pages; page++ {
			if strings.TrimSpace(pdfText(t, f, page)) == "" {
				t.Errorf("%s: page %d is blank", filepath.Base(f), page)
			}
		}
	}

	// Letter paper when asked.
	one := filepath.Join(dir, "letter.pdf")
	if _, _, err := export.Proposal(p, ctx, proposal.Finance, export.PDF, one, now, export.Options{Paper: export.Letter}); err != nil {
		t.Fatal(err)
	}
	if _, size := pdfInfo(t, one); !strings.Contains(size, "(letter)") {
		t.Errorf("letter paper: page size %q", size)
	}
	// The workspace's paper when none is asked for.
	ctx.Company.Paper = export.Letter
	two := filepath.Join(dir, "workspace.pdf")
	if _, _, err := export.Proposal(p, ctx, proposal.Finance, export.PDF, two, now, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, size := pdfInfo(t, two); !strings.Contains(size, "(letter)") {
		t.Errorf("the workspace's letter paper: page size %q", size)
	}
}

// TestPDFWithoutABrowser: without a browser a PDF export says what to
// install and writes nothing.
func TestPDFWithoutABrowser(t *testing.T) {
	t.Setenv("KAMDESK_BROWSER", "/nonexistent/chromium")
	p, ctx, _ := sample(t)
	dir := t.TempDir()
	_, _, err := export.Proposal(p, ctx, proposal.Finance, export.PDF, filepath.Join(dir, "x.pdf"), now, export.Options{})
	if !errors.Is(err, export.ErrNoBrowser) || !strings.Contains(err.Error(), "apt install chromium") {
		t.Errorf("without a browser: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed PDF export left %d files", len(entries))
	}
	if len(p.Exports) != 0 {
		t.Errorf("a failed PDF export was recorded: %+v", p.Exports)
	}
}

// pdfInfo is the number of pages of the PDF and its page size in points.
func pdfInfo(t *testing.T, file string) (int, string) {
	t.Helper()
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	pages, size := 0, ""
	for _, line := range strings.Split(string(out), "\n") {
		k, v, _ := strings.Cut(line, ":")
		switch strings.TrimSpace(k) {
		case "Pages":
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		case "Page size":
			size = strings.TrimSpace(v)
		}
	}
	return pages, size
}

// pdfText is the text layer of the PDF: of one page, or all for 0.
func pdfText(t *testing.T, file string, page int) string {
	t.Helper()
	args := []string{"-layout"}
	if page > 0 {
		args = append(args, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
	}
	var out bytes.Buffer
	cmd := exec.Command("pdftotext", append(args, file, "-")...)
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return out.String()
}

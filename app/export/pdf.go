package export

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// A PDF of a variant is its HTML file printed by a Chromium-family browser
// already on the user's machine (Chromium, Chrome, Edge, Brave), headless,
// with the export stylesheet's print rules. kamdesk carries no PDF engine
// of its own: the browser lays the page out as the HTML file prints, so
// the PDF and the file never differ.

// Paper sizes of a PDF.
const (
	A4     = "a4"
	Letter = "letter"
)

// ErrNoBrowser is the error of a PDF export without a browser to print it.
var ErrNoBrowser = errors.New("no Chromium, Chrome or Edge was found to print the PDF: install one (Debian and Ubuntu: apt install chromium) or name its program in KAMDESK_BROWSER")

// browserNames are the programs looked for on the PATH, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
	"microsoft-edge", "microsoft-edge-stable", "brave-browser"}

// browserPlaces are where those browsers install themselves outside the
// PATH, per system.
func browserPlaces() []string {
	switch runtime.GOOS {
	case "darwin":
		return []string{"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"}
	case "windows":
		var out []string
		for _, env := range []string{"ProgramFiles", "ProgramFiles(x86)", "LocalAppData"} {
			if dir := os.Getenv(env); dir != "" {
				out = append(out, filepath.Join(dir, `Google\Chrome\Application\chrome.exe`),
					filepath.Join(dir, `Microsoft\Edge\Application\msedge.exe`))
			}
		}
		return out
	}
	return []string{"/snap/bin/chromium"}
}

// FindBrowser returns the program that prints PDFs: KAMDESK_BROWSER when
// set (it must exist), else the first Chromium-family browser found.
func FindBrowser() (string, error) {
	if b := strings.TrimSpace(os.Getenv("KAMDESK_BROWSER")); b != "" {
		if p, err := exec.LookPath(b); err == nil {
			return p, nil
		}
		return "", dossier.Err(`KAMDESK_BROWSER names "{{.Name}}", which cannot be run`, map[string]any{"Name": b}, ErrNoBrowser)
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	for _, p := range browserPlaces() {
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// paperCSS is css printing on paper (A4 or Letter).
func paperCSS(css, paper string) string {
	if paper == Letter {
		return strings.Replace(css, "size: A4;", "size: letter;", 1)
	}
	return css
}

// pdfTimeout bounds a browser's printing of one file.
const pdfTimeout = 90 * time.Second

// printPDF prints the standalone HTML document doc with browser and
// returns the PDF.
func printPDF(browser string, doc []byte) ([]byte, error) {
	dir, err := os.MkdirTemp("", "kamdesk-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "proposal.html"), filepath.Join(dir, "proposal.pdf")
	if err := os.WriteFile(in, doc, 0o600); err != nil {
		return nil, err
	}
	args := []string{"--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--user-data-dir=" + filepath.Join(dir, "profile"),
		"--no-pdf-header-footer", "--print-to-pdf=" + out, LocalURL(in)}
	if runtime.GOOS == "linux" && os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...) // Chromium runs as root only without its sandbox
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	pdf, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		msg := strings.TrimSpace(lastLine(stderr.String()))
		if runErr != nil {
			return nil, dossier.Err("printing the PDF with {{.Browser}} failed: {{.Error}} {{.Output}}",
				map[string]any{"Browser": filepath.Base(browser), "Error": runErr.Error(), "Output": msg}, nil)
		}
		return nil, dossier.Err("printing the PDF with {{.Browser}} wrote no PDF {{.Output}}", map[string]any{"Browser": filepath.Base(browser), "Output": msg}, nil)
	}
	return pdf, nil
}

// lastLine is the last line of s that says something.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// LocalURL is the file: URL of the local path.
func LocalURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // C:/… on Windows
	}
	return (&url.URL{Scheme: "file", Path: abs}).String()
}

// checkPaper reports a paper size that is neither A4 nor Letter.
func checkPaper(paper string) error {
	if paper != "" && paper != A4 && paper != Letter {
		return dossier.Err(`paper "{{.Paper}}" is not a4 or letter`, map[string]any{"Paper": paper}, proposal.ErrInvalid)
	}
	return nil
}

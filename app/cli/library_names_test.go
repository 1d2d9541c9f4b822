package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kamdesk/proposal"
)

// A section with the ID "readme" was exported as readme.md, which the
// import passes over as the folder's README: 17 sections came back as 16.
func TestLibraryExportImportKeepsEverySection(t *testing.T) {
	dir := demo(t)
	extra := t.TempDir()
	os.WriteFile(filepath.Join(extra, "x.md"), []byte("---\nid: readme\ntitle: Read me first\nkind: cover-letter\n"+
		"audiences: executive 50\nlanguage: en\n---\nHow to read this proposal.\n"), 0o644)
	mustRun(t, dir, "library", "import", extra)
	if n := len(decode[[]proposal.Section](t, mustRun(t, dir, "library", "list", "--json"))); n != 41 {
		t.Fatalf("the library has %d sections, want 41", n)
	}
	files := filepath.Join(t.TempDir(), "library")
	out := mustRun(t, dir, "library", "export", files)
	if !strings.Contains(out, "Exported 41 sections") || !strings.Contains(out, filepath.Join(files, "_readme.md")) {
		t.Errorf("library export printed:\n%s", out)
	}
	fresh := t.TempDir()
	r := run(t, fresh, "library", "import", files)
	if r.code != 0 || strings.TrimSpace(r.stdout) != "Imported 41 sections (41 new, 0 updated)" {
		t.Errorf("import of the exported library: %+v", r)
	}
}

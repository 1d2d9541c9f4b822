package proposal_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"kamdesk/proposal"
)

// A section whose ID is a name the importer passes over (README) or
// Windows refuses (CON, NUL, COM1...) is exported under another name, so
// that the library comes back whole.
func TestSectionFileNameAvoidsReservedNames(t *testing.T) {
	seen := map[string]string{}
	for _, id := range []string{"readme", "con", "nul", "aux", "prn", "com1", "lpt9", "readme-2", "_readme", "cover"} {
		s := proposal.Section{ID: id, Title: "T"}
		name := proposal.SectionFileName(s)
		if other, dup := seen[name]; dup {
			t.Errorf("sections %q and %q share the file %s", other, id, name)
		}
		seen[name] = id
		switch id {
		case "readme", "con", "nul", "aux", "prn", "com1", "lpt9":
			if want := "_" + id + ".md"; name != want {
				t.Errorf("SectionFileName(%q) = %q, want %q", id, name, want)
			}
		case "_readme": // not a valid ID: the name comes from the title
		default:
			if want := id + ".md"; name != want {
				t.Errorf("SectionFileName(%q) = %q, want %q", id, name, want)
			}
		}
	}
}

// 17 sections, one of them "readme", are written as a library folder and
// read back: 17 sections. A README that describes the folder is still
// passed over, and a section saved as README.md by an older kamdesk is
// read.
func TestLibraryRoundTripKeepsEverySection(t *testing.T) {
	var secs []proposal.Section
	for i := range 14 {
		secs = append(secs, proposal.Section{ID: fmt.Sprintf("section-%02d", i), Title: fmt.Sprint("Section ", i)})
	}
	for _, id := range []string{"readme", "con", "nul"} {
		secs = append(secs, proposal.Section{ID: id, Title: "Reserved " + id})
	}
	fsys := fstest.MapFS{}
	for i := range secs {
		secs[i].Kind, secs[i].Language = proposal.KindBenefits, "en"
		secs[i].Audiences = proposal.Weights{proposal.Executive: 50}
		secs[i].Body = "Text of " + secs[i].Title + "."
		fsys[proposal.SectionFileName(secs[i])] = &fstest.MapFile{Data: proposal.FormatSectionFile(secs[i])}
	}
	fsys["sub/README.md"] = &fstest.MapFile{Data: []byte("# Our library\n\nOne file a section.\n")}
	fsys["sub/ReadMe.md"] = &fstest.MapFile{Data: []byte("---\nlayout: page\n---\nA site generator's page.\n")}
	got, err := proposal.ParseLibraryDir(fsys)
	if err != nil || len(got) != 17 {
		t.Fatalf("ParseLibraryDir: %d sections, %v; want 17", len(got), err)
	}
	ids := map[string]bool{}
	for _, s := range got {
		ids[s.ID] = true
	}
	for _, s := range secs {
		if !ids[s.ID] {
			t.Errorf("section %q was lost", s.ID)
		}
	}

	old := fstest.MapFS{"readme.md": libFile("readme", "Exported by an older kamdesk"), "a.md": libFile("a", "A")}
	if got, err := proposal.ParseLibraryDir(old); err != nil || len(got) != 2 {
		t.Errorf("a library with readme.md written before: %d sections, %v; want 2", len(got), err)
	}
}

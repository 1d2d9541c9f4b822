//go:build linux

package pagein

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestPopulateMapsAFile: a file mapped and not read has no page resident;
// populateRange maps all of them at once.
func TestPopulateMapsAFile(t *testing.T) {
	if !kernelAtLeast(5, 14) {
		t.Skip("MADV_POPULATE_READ needs Linux 5.14")
	}
	const size = 4 << 20
	path := filepath.Join(t.TempDir(), "pages")
	if err := os.WriteFile(path, make([]byte, size), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(b)
	start := uintptr(unsafe.Pointer(&b[0]))
	if rss := residentKB(t, start); rss != 0 {
		t.Fatalf("%d kB resident before anything read them", rss)
	}
	if errno := populateRange(start, start+size); errno != 0 {
		t.Fatal(errno)
	}
	if rss := residentKB(t, start); rss != size>>10 {
		t.Errorf("%d kB resident after populateRange, want %d", rss, size>>10)
	}
}

// TestInitPopulatesTheBinary: the package's init asked for the binary's
// read-only mappings (the code, read-only data) and nothing else (an
// anonymous mapping, the stack, the vDSO).
func TestInitPopulatesTheBinary(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	if Populated <= 0 || int64(Populated) > fi.Size()+1<<20 {
		t.Errorf("init asked for %d bytes of a %d-byte binary", Populated, fi.Size())
	}
	if n := Populate(); n != Populated {
		t.Errorf("Populate asked for %d bytes, init for %d", n, Populated)
	}
}

// residentKB is the resident size of the mapping that starts at start,
// from /proc/self/smaps.
func residentKB(t *testing.T, start uintptr) int {
	t.Helper()
	for _, m := range smaps(t) {
		if m.start == start {
			return m.rss
		}
	}
	t.Fatalf("no mapping starts at %x", start)
	return 0
}

func TestParseMapping(t *testing.T) {
	m, ok := parseMapping("00400000-01234000 r-xp 00000000 fe:00 247278                     /tmp/kamdesk-cli")
	if !ok || m.start != 0x400000 || m.end != 0x1234000 || m.perms != "r-xp" || m.dev != "fe:00" || m.inode != "247278" {
		t.Errorf("parseMapping = %+v, %v", m, ok)
	}
	for _, bad := range []string{"", "zz-10 r-xp 0 0 0", "10-0 r-xp 0 0 0", "10-20", "10-20 r 0 0 0"} {
		if _, ok := parseMapping(bad); ok {
			t.Errorf("parseMapping(%q) accepted", bad)
		}
	}
}

type smap struct {
	mapping
	size, rss int // kB
}

// smaps reads the mappings' sizes and resident sizes from /proc/self/smaps.
func smaps(t *testing.T) []smap {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	var out []smap
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if m, ok := parseMapping(line); ok {
			out = append(out, smap{mapping: m})
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || len(out) == 0 {
			continue
		}
		kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(value), " kB"))
		switch name {
		case "Size":
			out[len(out)-1].size = kb
		case "Rss":
			out[len(out)-1].rss = kb
		}
	}
	return out
}

func kernelAtLeast(major, minor int) bool {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	if err != nil {
		return false
	}
	parts := strings.SplitN(strings.TrimSpace(string(b)), ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, _ := strconv.Atoi(parts[0])
	mi, _ := strconv.Atoi(strings.TrimFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	return ma > major || ma == major && mi >= minor
}

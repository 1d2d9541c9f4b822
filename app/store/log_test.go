package store

import (
	"bytes"
	"strings"
	"testing"
)

// TestBadgerLoggerIsTheWorkspaceLog: the options Open gives Badger keep
// the workspace's logger (WithLoggingLevel would put Badger's own, which
// writes to stderr, in its place), and that logger keeps warnings and
// errors and drops Badger's chatter.
func TestBadgerLoggerIsTheWorkspaceLog(t *testing.T) {
	var buf bytes.Buffer
	opt := badgerOptions(t.TempDir(), &buf)
	if _, ok := opt.Logger.(*logger); !ok {
		t.Fatalf("Badger's logger is %T, want the workspace log (*store.logger)", opt.Logger)
	}
	opt.Logger.Errorf("table %d is damaged", 7)
	opt.Logger.Warningf("slow %s", "disk")
	opt.Logger.Infof("replaying %d", 1)
	opt.Logger.Debugf("detail")
	got := buf.String()
	for _, want := range []string{"ERROR: table 7 is damaged", "WARNING: slow disk"} {
		if !strings.Contains(got, want) {
			t.Errorf("log = %q, want a line with %q", got, want)
		}
	}
	if strings.Contains(got, "replaying") || strings.Contains(got, "detail") {
		t.Errorf("log = %q, want no info or debug lines", got)
	}
}

//go:build linux

package store_test

import (
	"os"
	"syscall"
	"testing"
)

// mountOrSkip mounts with mount(2) and unmounts when the test ends. Where
// mounting is not permitted the test is skipped, unless
// KAMDESK_REQUIRE_MOUNT is set (make test sets it: CI machines run as
// root and can).
func mountOrSkip(t *testing.T, source, target, fstype string, flags uintptr, data string) {
	t.Helper()
	if err := syscall.Mount(source, target, fstype, flags, data); err != nil {
		if os.Getenv("KAMDESK_REQUIRE_MOUNT") != "" {
			t.Fatalf("mount %s on %s: %v (KAMDESK_REQUIRE_MOUNT is set)", fstype, target, err)
		}
		t.Skipf("cannot mount here (%v); run as root to test this", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(target, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", target, err)
		}
	})
}

// readOnlyView returns dir mounted read-only at another path: a bind
// mount, remounted read-only.
func readOnlyView(t *testing.T, dir string) string {
	t.Helper()
	view := t.TempDir()
	mountOrSkip(t, dir, view, "", syscall.MS_BIND, "")
	if err := syscall.Mount("", view, "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY, ""); err != nil {
		t.Fatalf("remounting read-only: %v", err)
	}
	return view
}

// tmpfs mounts a tmpfs of size (as mount -o size= takes it) on a new
// directory.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	mountOrSkip(t, "tmpfs", dir, "tmpfs", 0, "size="+size)
	return dir
}

//go:build !linux

package store_test

import "testing"

func readOnlyView(t *testing.T, _ string) string {
	t.Skip("read-only bind mounts are a Linux test")
	return ""
}

func tmpfs(t *testing.T, _ string) string {
	t.Skip("tmpfs is a Linux test")
	return ""
}

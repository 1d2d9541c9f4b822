//go:build unix

package store

import "syscall"

// blocks returns the disk space a file takes, from its stat.
func blocks(info interface{ Sys() any }) (int64, bool) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512, true
	}
	return 0, false
}

// freeSpace returns the space an unprivileged process may still use on
// the file system of path.
func freeSpace(path string) (int64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}

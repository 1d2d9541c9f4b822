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

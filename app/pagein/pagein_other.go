//go:build !linux

package pagein

// Populate does nothing where there is no MADV_POPULATE_READ.
func Populate() int { return 0 }

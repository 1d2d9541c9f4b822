//go:build !linux

package search

import "time"

// threadCPU is not measured here.
func threadCPU() time.Duration { return -1 }

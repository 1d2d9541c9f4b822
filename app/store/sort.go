package store

import (
	"slices"
	"strings"
)

// sortBy orders items by a string key, case-insensitively, keeping the
// order of equal keys.
func sortBy[T any](items []T, key func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int {
		return strings.Compare(strings.ToLower(key(a)), strings.ToLower(key(b)))
	})
}

// invert maps a string so that sorting ascending orders the originals
// descending (for digits and '-', as in dates).
func invert(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '9' - c + '0'
		}
	}
	return string(b)
}

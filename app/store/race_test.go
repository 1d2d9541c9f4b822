//go:build race

package store_test

// raceEnabled tells whether the tests were built with the race detector.
const raceEnabled = true

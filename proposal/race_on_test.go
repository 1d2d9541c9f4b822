//go:build race

package proposal

// raceDetector reports that the race detector is on, which slows
// everything about ten times.
const raceDetector = true

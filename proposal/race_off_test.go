//go:build !race

package proposal

// raceDetector reports that the race detector is on.
const raceDetector = false

//go:build !unix

package proposal

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }

package preview

import (
	"testing"

	"kamdesk/app/ui/uitest"
)

func TestMain(m *testing.M) { uitest.Main(m) }

// Command kamdesk-cli is kamdesk's command line without the desktop app:
// the same commands (kamdesk-cli --help), from a binary that links no
// window system. kamdesk links the desktop, and every command it runs
// pays for that before it starts: the loader maps libGL, libX11 and ten
// other libraries, and Fyne's packages initialise (about 7 ms of a 45 ms
// export on the development machine, and 25 MB of memory). Scripts that
// run many commands use kamdesk-cli. It maps its own code at once as it
// starts (package pagein).
package main

import (
	"fmt"
	"os"

	"kamdesk/app/cli"
	"kamdesk/app/i18n"
	"kamdesk/app/i18n/quiet"
	_ "kamdesk/app/pagein" // the binary mapped at once as it starts
)

func main() {
	quiet.Restore()
	i18n.PlainLocale()
	_, code, ran := cli.Command(os.Args[1:])
	if !ran {
		fmt.Fprintln(os.Stderr, i18n.L("kamdesk-cli runs commands only (kamdesk-cli --help); the desktop app is kamdesk"))
		code = cli.ExitUsage
	}
	os.Exit(code)
}

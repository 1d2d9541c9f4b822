// Package pagein readies the memory a command line start needs, in as
// few steps as it can, from the init function of a package Go
// initialises early: it maps the running program's code and read-only
// data into its address space in one system call, instead of one page
// fault at a time as each part of it first runs, and grows the main
// goroutine's stack once to what the packages initialised after it need
// (growStack).
//
// On the development machine (a virtual machine, where a page fault is
// dear: about 35 µs for the 16 pages the kernel maps around a fault in
// a file) kamdesk-cli faulted about 300 times in its code before its work
// was done; asking the kernel to map all of its 19 MB at once
// (MADV_POPULATE_READ, Linux 5.14) takes about 1.3 ms. A proposal's
// export: 63.8 ms instead of 67.2 ms, 80.9 instead of 83.7 ms of CPU
// time (medians of 41 alternated runs, 2026-12-02); kamdesk-cli --version
// 3 ms less. The pages are the binary's own, shared with the page cache:
// the process's resident size grows by what it had not touched of them
// (about 7 MB for --version, little for the long commands, which touch
// most of it anyway).
//
// Only the command line imports it, for its init function: the desktop
// (kamdesk) links Fyne and a 48 MB binary, most of which a window never
// runs, and its resident memory has a goal of its own.
//
// It imports only syscall and unsafe, so that Go initialises it among the
// first packages (they are initialised in import-path order as their
// imports are ready), before the large ones it is meant to speed up.
package pagein

// Populated is what init asked the kernel to map, in bytes.
var Populated int

func init() {
	Populated = Populate()
	growStack(1)
}

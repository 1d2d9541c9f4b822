package store

import (
	"os"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// checkManifest reads the MANIFEST as Badger does. Badger truncates a
// MANIFEST after its last whole record; a record cut short is damage
// here, since the MANIFEST is written a whole record at a time.
func (st *dbState) checkManifest(opt badger.Options) error {
	f, err := os.Open(st.path(badger.ManifestFilename))
	if err != nil {
		return damaged(err, dossier.Err("its MANIFEST file cannot be read", nil, nil))
	}
	defer f.Close()
	m, end, err := badger.ReplayManifestFile(f, opt.ExternalMagicVersion, opt)
	if err != nil {
		return damaged(err, dossier.Err("its MANIFEST file, the list of its tables, is damaged", nil, nil))
	}
	if end < st.files[badger.ManifestFilename].Size() {
		return damaged(nil, dossier.Err("its MANIFEST file, the list of its tables, is cut short ({{.Count}} of {{.Total}} bytes whole)",
			map[string]any{"Count": int(end), "Total": int(st.files[badger.ManifestFilename].Size())}, nil))
	}
	st.manifest = m
	return nil
}

// levelZeroTables returns the number of tables the MANIFEST puts on
// level 0.
func (st *dbState) levelZeroTables() int {
	n := 0
	for _, tm := range st.manifest.Tables {
		if tm.Level == 0 {
			n++
		}
	}
	return n
}

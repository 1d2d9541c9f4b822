package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
	"kamdesk/proposal"
)

// An export is recorded on its proposal (Proposal.Exports). A command that
// only exports need not open the database for writing to do so, which
// costs a read-write session of Badger (about 20 ms of a 35 ms export on
// this machine: a new memtable file and value log file, the flush and the
// syncs of the close): opened for reading with Options.RecordsExports, the
// store appends the exports to DIR/exports.pending, synced before
// RecordExports returns, and the next open for writing adds them to their
// proposals and removes the file. An open for reading alone (a command
// that lists or shows) finds the file and opens for writing instead, so
// nothing that reads the workspace misses a recorded export.
//
// Each line of the file is one RecordExports call: the CRC-32C of the JSON
// in eight hex digits, a space, the JSON, a newline. A line cut short by a
// crash or damaged is skipped (and logged) when the file is read; a line
// is appended after a newline, so one never runs into the next.
//
// An encrypted workspace never has the file (its proposals' titles must
// not lie in the clear): RecordsExports opens it for writing. A workspace
// that cannot be written (a copy on a read-only disk) shows its proposals
// without the exports still waiting in its file.

const pendingName = "exports.pending"

func pendingPath(dir string) string { return filepath.Join(dir, pendingName) }

// pendingExists reports whether exports wait in dir to be recorded.
func pendingExists(dir string) bool {
	_, err := os.Lstat(pendingPath(dir))
	return err == nil
}

// pendingBatch is one line of the pending-exports file.
type pendingBatch struct {
	Proposal string            `json:"proposal"`
	Exports  []proposal.Export `json:"exports"`
}

// check names what is wrong with b, or returns nil.
func (b *pendingBatch) check() error { return b.checkAs(nil) }

// checkAs is check with errors that wrap why (nil: nothing).
func (b *pendingBatch) checkAs(why error) error {
	if !dossier.ValidID(b.Proposal) {
		return dossier.Err(`proposal "{{.ID}}" is not a valid ID`, map[string]any{"ID": b.Proposal}, why)
	}
	if len(b.Exports) == 0 {
		return dossier.Err("no exports", nil, why)
	}
	for _, e := range b.Exports {
		switch {
		case !slices.Contains(proposal.Variants, e.Audience):
			return dossier.Err(`audience "{{.Audience}}" is not one of the variants`, map[string]any{"Audience": e.Audience}, why)
		case e.Format != "html" && e.Format != "md" && e.Format != "pdf":
			return dossier.Err(`format "{{.Format}}" is not html, md or pdf`, map[string]any{"Format": e.Format}, why)
		case e.File == "":
			return dossier.Err("file is empty", nil, why)
		case e.At.IsZero():
			return dossier.Err("at is not set", nil, why)
		}
	}
	return nil
}

// RecordExports adds exports (as export.Proposal makes them) to the
// proposal id, leaving out any it records already. Open for writing, it
// saves the proposal; open for reading with Options.RecordsExports, it
// appends them, synced, to the pending-exports file (see above). Otherwise
// the error matches ErrReadOnly.
func (s *Store) RecordExports(id string, exports []proposal.Export) error {
	if len(exports) == 0 {
		return nil
	}
	b := pendingBatch{Proposal: id, Exports: exports}
	if err := b.checkAs(dossier.ErrInvalid); err != nil {
		return dossier.Err("recording exports", nil, err)
	}
	if s.ro == nil {
		return s.addExports(id, exports)
	}
	if !s.recordsExports {
		return s.ro.msg()
	}
	return appendPending(s.dir, &b, s.sync)
}

// addExports adds exports to the stored proposal id and saves it, in one
// transaction, unless it records every one of them already.
func (s *Store) addExports(id string, exports []proposal.Export) error {
	touched := func() touch { return touch{proposals: []string{id}} }
	return s.updateOf(saveBudget, touched, func(txn *badger.Txn) error {
		var p proposal.Proposal
		if err := get(txn, kProposal, id, &p); err != nil {
			return err
		}
		n := len(p.Exports)
		for _, e := range exports {
			if !slices.ContainsFunc(p.Exports, func(x proposal.Export) bool { return sameExport(x, e) }) {
				p.Exports = append(p.Exports, e)
			}
		}
		if len(p.Exports) == n {
			return nil
		}
		stamp(&p.Created, &p.Updated, s.now())
		if err := p.Validate(); err != nil {
			return dossier.Err("proposal {{.Proposal}}", map[string]any{"Proposal": label(p.Title, p.ID)}, err)
		}
		return putOwned(txn, kProposal, p.AccountID, p.ID, &p)
	})
}

func sameExport(a, b proposal.Export) bool {
	return a.At.Equal(b.At) && a.Audience == b.Audience && a.Format == b.Format && a.File == b.File
}

// appendPending appends b to the pending-exports file of dir as one line,
// after a newline if the file does not end with one (a line a crash cut
// short), and with sync makes it durable: the file's data, and the
// directory's entry when the file is new.
func appendPending(dir string, b *pendingBatch, sync bool) error {
	line, err := pendingLine(b)
	if err != nil {
		return err
	}
	path := pendingPath(dir)
	_, statErr := os.Lstat(path)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if size := info.Size(); size > 0 {
		var last [1]byte
		if _, err := f.ReadAt(last[:], size-1); err != nil {
			return err
		}
		if last[0] != '\n' {
			line = append([]byte{'\n'}, line...)
		}
	}
	if _, err := f.Write(line); err != nil {
		return err
	}
	if !sync {
		return f.Close()
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if errors.Is(statErr, os.ErrNotExist) {
		return syncDir(dir)
	}
	return nil
}

// pendingLine returns the line of the pending-exports file that holds b.
func pendingLine(b *pendingBatch) ([]byte, error) {
	data, err := json.Marshal(b)
	if err != nil {
		return nil, err
	}
	line := make([]byte, 0, len(data)+10)
	line = fmt.Appendf(line, "%08x ", crc32.Checksum(data, castagnoli))
	return append(append(line, data...), '\n'), nil
}

// parsePending returns the batches of a pending-exports file's content in
// their order, and the 1-based numbers of the lines it skips with why.
func parsePending(data []byte) (batches []pendingBatch, skipped []string) {
	for n := 1; len(data) > 0; n++ {
		line, rest, whole := bytes.Cut(data, []byte{'\n'})
		data = rest
		if len(line) == 0 && whole {
			continue
		}
		b, err := parsePendingLine(line, whole)
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("line %d: %v", n, err))
			continue
		}
		batches = append(batches, b)
	}
	return batches, skipped
}

func parsePendingLine(line []byte, whole bool) (pendingBatch, error) {
	var b pendingBatch
	if !whole {
		return b, errors.New("cut short")
	}
	sum, data, ok := bytes.Cut(line, []byte{' '})
	if !ok || len(sum) != 8 {
		return b, errors.New("no checksum")
	}
	want, err := strconv.ParseUint(string(sum), 16, 32)
	if err != nil {
		return b, errors.New("no checksum")
	}
	if crc32.Checksum(data, castagnoli) != uint32(want) {
		return b, errors.New("damaged (checksum)")
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return b, dossier.Err("damaged ({{.Reason}})", map[string]any{"Reason": err}, nil)
	}
	if err := b.check(); err != nil {
		return b, err
	}
	return b, nil
}

// foldPending adds the exports waiting in the pending-exports file to
// their proposals, then removes the file. Exports of a proposal that no
// longer exists, and lines that cannot be read, are logged and dropped.
// On an error the file stays for the next open for writing.
func (s *Store) foldPending(logline func(string, ...any)) error {
	path := pendingPath(s.dir)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	batches, skipped := parsePending(data)
	for _, why := range skipped {
		logline("%s: %s, skipped", pendingName, why)
	}
	for _, b := range batches {
		err := s.addExports(b.Proposal, b.Exports)
		if errors.Is(err, dossier.ErrNotFound) {
			logline("%s: the proposal %s no longer exists; its %d exports are not recorded", pendingName, b.Proposal, len(b.Exports))
			continue
		}
		if err != nil {
			return dossier.Err("recording the exports of proposal {{.Proposal}}", map[string]any{"Proposal": b.Proposal}, err)
		}
	}
	if err := os.Remove(path); err != nil {
		return err
	}
	return syncDir(s.dir)
}

package cli

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"sync"

	"github.com/klauspost/compress/s2"
)

// elemBuckets holds the elements of the output compressed, filed by
// their place: bucket k holds places k*bucketSize to before
// (k+1)*bucketSize, in blocks compressed as they fill.
type elemBuckets struct {
	restore func() // the memory limit as it was, or nil
	total   int
	buckets []elemBucket
	scratch [][]byte // [worker]
	bufs    byteBufs
}

type elemBucket struct {
	sync.Mutex
	pending []byte   // entries not yet compressed
	blocks  [][]byte // compressed blocks of entries
}

const (
	bucketSize = 1024
	blockSize  = 32 << 10
)

func newElemBuckets(total, workers int) *elemBuckets {
	return &elemBuckets{total: total, buckets: make([]elemBucket, (total+bucketSize-1)/bucketSize),
		scratch: make([][]byte, workers)}
}

// file files the element e of place at; one goroutine per worker. An
// entry is the place within the bucket, the length and the bytes.
func (b *elemBuckets) file(worker, at int, e []byte) {
	k := &b.buckets[at/bucketSize]
	k.Lock()
	defer k.Unlock()
	p := k.pending
	if p == nil {
		p = make([]byte, 0, blockSize+len(e)+2*binary.MaxVarintLen32)
	}
	p = binary.AppendUvarint(p, uint64(at%bucketSize))
	p = binary.AppendUvarint(p, uint64(len(e)))
	p = append(p, e...)
	if len(p) >= blockSize {
		b.scratch[worker] = s2.Encode(b.scratch[worker][:cap(b.scratch[worker])], p)
		k.blocks = append(k.blocks, bytes.Clone(b.scratch[worker]))
		p = p[:0]
	}
	k.pending = p
}

// byteBufs keeps the buffers of the buckets' elements and texts for the
// next buckets. Not a sync.Pool: the collector, which runs often under
// the command's memory limit, emptied it, and at 100,000 people a new
// megabyte for most of the hundred buckets' texts was a twentieth of the
// command's time in clearing new memory.
type byteBufs struct {
	mu   sync.Mutex
	free [][]byte
}

// get returns an empty buffer of at least capacity n.
func (p *byteBufs) get(n int) []byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i, b := range p.free {
		if cap(b) >= n {
			p.free = append(p.free[:i], p.free[i+1:]...)
			return b[:0]
		}
	}
	return make([]byte, 0, max(n+n/8, 1<<20))
}

// put keeps b for another get; a few are kept, as many as the buckets
// made at once use.
func (p *byteBufs) put(b []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if cap(b) > 0 && len(p.free) < 8 {
		p.free = append(p.free, b)
	}
}

// errLostElement: a place of the output has no element (a bug, not a
// damaged workspace).
var errLostElement = errors.New("person list: an element of the list was lost")

// bucket returns the text of bucket k: its elements uncompressed, in
// order, indented and terminal-safe, and lets go of them.
func (b *elemBuckets) bucket(k int) ([]byte, error) {
	n := min(bucketSize, b.total-k*bucketSize)
	elems := make([][]byte, n)
	size := 0
	read := func(entries []byte) error {
		for len(entries) > 0 {
			at, m := binary.Uvarint(entries)
			l, m2 := binary.Uvarint(entries[max(m, 0):])
			if m <= 0 || m2 <= 0 || at >= uint64(n) || uint64(len(entries)-m-m2) < l {
				return errLostElement
			}
			entries = entries[m+m2:]
			elems[at], entries = entries[:l], entries[l:]
			size += int(l)
		}
		return nil
	}
	bk := &b.buckets[k]
	// The blocks decompressed one after the other into one buffer, kept
	// for the next bucket once this one is text (a bucket is about 1 MB:
	// new buffers for each were a tenth of the command's time in the
	// collector and in clearing new memory).
	plain := b.bufs.get(0)
	defer func() { b.bufs.put(plain) }()
	for _, blk := range bk.blocks {
		n, err := s2.DecodedLen(blk)
		if err != nil {
			return nil, err
		}
		if len(plain)+n > cap(plain) {
			// a bigger buffer; the elements read so far stay in the old one
			plain = make([]byte, 0, max(2*cap(plain), len(plain)+n))
		}
		at := len(plain)
		out, err := s2.Decode(plain[at:at+n], blk)
		if err != nil {
			return nil, err
		}
		plain = plain[:at+n]
		if err := read(out); err != nil {
			return nil, err
		}
	}
	if err := read(bk.pending); err != nil {
		return nil, err
	}
	bk.blocks, bk.pending = nil, nil
	text := b.bufs.get(size + size/4) // with the indentation
	var elem []byte
	for i, e := range elems {
		if e == nil {
			return nil, errLostElement
		}
		// The indentation adds spaces and line breaks between tokens
		// only: the element is terminal-safe indented when it is compact,
		// where it is checked without the line breaks.
		safe := terminalSafeBytes(e)
		to := text
		if !safe {
			to = elem[:0]
		}
		to = indentJSON(append(to, "  "...), e, "  ", "  ")
		if k*bucketSize+i < b.total-1 {
			to = append(to, ',')
		}
		to = append(to, '\n')
		if safe {
			text = to
		} else {
			elem = to
			text = append(text, jsonSafe(elem)...)
		}
	}
	return text, nil
}

// write writes the array, each bucket made on its own goroutine, at most
// two ahead of the writing.
func (b *elemBuckets) write(w io.Writer) error {
	if b.total == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	if _, err := io.WriteString(w, "[\n"); err != nil {
		return err
	}
	type piece struct {
		text []byte
		err  error
	}
	pieces := make(chan chan piece, 1)
	go func() {
		defer close(pieces)
		for k := 0; k*bucketSize < b.total; k++ {
			ch := make(chan piece, 1)
			pieces <- ch
			go func() {
				text, err := b.bucket(k)
				ch <- piece{text, err}
			}()
		}
	}()
	var err error
	for ch := range pieces {
		p := <-ch
		if err == nil {
			err = p.err
		}
		if err == nil {
			_, err = w.Write(p.text)
		}
		b.bufs.put(p.text)
		// After an error the rest is made and dropped, so that no
		// goroutine is left waiting.
	}
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "]\n")
	return err
}

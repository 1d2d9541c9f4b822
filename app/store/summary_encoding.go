package store

import (
	"encoding/binary"
	"errors"
	"sync"
	"time"

	"kamdesk/dossier"
)

// The compact encoding of a person's summary row (summary.go).

// summaryVersion is the first byte of an encoded summary: 2 since the
// summary ends with the record's format (summaryOf); 3 for the summary
// of a person with a photo, which carries the photo's reference. The
// summaries of people without a photo stay as version 2 wrote them.
const (
	summaryVersion      = 2
	summaryPhotoVersion = 3
)

// encodeSummary encodes the summary p compactly: decoding it costs a
// tenth of decoding the same fields from JSON, which at 100,000 people is
// most of what opening a list costs. The encoding is the version byte,
// then the fields in order: strings as a length and their bytes, numbers
// as varints, a date as its day number (1 + days since 1970-01-01, 0 when
// unset), the NPS as 0 (not asked) or 1 + the score, time stamps as
// time.Time's binary form with its length; then, in version 3, the
// photo's strings (file ID, name, checksum, type) and numbers (size,
// width, height); last the record's format (summaryOf).
func encodeSummary(p dossier.Person, format byte) ([]byte, error) {
	b := make([]byte, 0, 256)
	if p.Photo != nil {
		b = append(b, summaryPhotoVersion)
	} else {
		b = append(b, summaryVersion)
	}
	for _, s := range summaryStrings(&p) {
		b = binary.AppendUvarint(b, uint64(len(*s)))
		b = append(b, *s...)
	}
	b = binary.AppendVarint(b, int64(p.Birthday.Day))
	b = binary.AppendVarint(b, int64(p.Birthday.Month))
	b = binary.AppendVarint(b, int64(p.Birthday.Year))
	nps := int64(0)
	if p.NPS != nil {
		nps = int64(*p.NPS) + 1
	}
	b = binary.AppendVarint(b, nps)
	b = binary.AppendVarint(b, dayNumber(p.LastContact))
	b = binary.AppendVarint(b, dayNumber(p.NextContact))
	for _, t := range []time.Time{p.Created, p.Updated} {
		tb, err := t.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = binary.AppendUvarint(b, uint64(len(tb)))
		b = append(b, tb...)
	}
	if ph := p.Photo; ph != nil {
		for _, s := range photoStrings(ph) {
			b = binary.AppendUvarint(b, uint64(len(*s)))
			b = append(b, *s...)
		}
		for _, n := range []int64{ph.Size, int64(ph.Width), int64(ph.Height)} {
			b = binary.AppendVarint(b, n)
		}
	}
	return append(b, format), nil
}

// photoStrings are the string fields of a summary's photo, in encoding
// order.
func photoStrings(ph *dossier.Photo) []*string {
	return []*string{&ph.FileID, &ph.Name, &ph.SHA256, &ph.Type}
}

// summaryStrings are the string fields of a summary, in encoding order.
// (The enums are strings too.)
func summaryStrings(p *dossier.Person) []*string {
	return []*string{&p.ID, &p.AccountID, &p.Name, &p.Position, &p.Department,
		(*string)(&p.Role), (*string)(&p.Influence), (*string)(&p.Type), (*string)(&p.Level),
		&p.Email, &p.Phone, (*string)(&p.Channel)}
}

func dayNumber(d dossier.Date) int64 {
	if d.IsZero() {
		return 0
	}
	return d.Time().Unix()/86400 + 1
}

func dateOfNumber(n int64) dossier.Date {
	if n == 0 {
		return dossier.Date{}
	}
	return dossier.DateOf(time.Unix((n-1)*86400, 0).UTC())
}

var errShortSummary = errors.New("cut short")

// enumTexts are the strings of the values of the summary's enums.
var enumTexts = sync.OnceValue(func() map[string]string {
	m := map[string]string{"": ""}
	add := func(s string) { m[s] = s }
	for _, v := range dossier.BuyingRoles {
		add(string(v))
	}
	for _, v := range dossier.Influences {
		add(string(v))
	}
	for _, v := range dossier.StakeholderTypes {
		add(string(v))
	}
	for _, v := range dossier.Ladder {
		add(string(v))
	}
	for _, v := range dossier.Channels {
		add(string(v))
	}
	return m
})

// enumText returns the enum value's own string for s, or s when it is
// none (a value of a newer kamdesk).
func enumText(s string) string {
	if t, ok := enumTexts()[s]; ok {
		return t
	}
	return s
}

// decodeSummary decodes b (encodeSummary) into *p. Its strings share
// one allocation.
func decodeSummary(b []byte, p *dossier.Person) error {
	if len(b) == 0 || b[0] != summaryVersion && b[0] != summaryPhotoVersion {
		return errors.New("unknown summary encoding")
	}
	all := string(b) // one allocation for every string
	at := 1
	uvarint := func() (uint64, error) {
		v, n := binary.Uvarint(b[at:])
		if n <= 0 {
			return 0, errShortSummary
		}
		at += n
		return v, nil
	}
	varint := func() (int64, error) {
		v, n := binary.Varint(b[at:])
		if n <= 0 {
			return 0, errShortSummary
		}
		at += n
		return v, nil
	}
	*p = dossier.Person{}
	str := func(s *string) error {
		n, err := uvarint()
		if err != nil || n > uint64(len(b)-at) {
			return errShortSummary
		}
		*s = all[at : at+int(n)]
		at += int(n)
		return nil
	}
	for _, s := range summaryStrings(p) {
		if err := str(s); err != nil {
			return err
		}
	}
	// The enums are the constants' strings, not parts of all: a map key
	// or a line kept for one of them would keep the whole summary alive.
	p.Role = dossier.BuyingRole(enumText(string(p.Role)))
	p.Influence = dossier.Influence(enumText(string(p.Influence)))
	p.Type = dossier.StakeholderType(enumText(string(p.Type)))
	p.Level = dossier.Level(enumText(string(p.Level)))
	p.Channel = dossier.Channel(enumText(string(p.Channel)))
	var ints [6]int64
	for i := range ints {
		v, err := varint()
		if err != nil {
			return err
		}
		ints[i] = v
	}
	p.Birthday = dossier.Birthday{Day: int(ints[0]), Month: time.Month(ints[1]), Year: int(ints[2])}
	if ints[3] > 0 {
		nps := int(ints[3] - 1)
		p.NPS = &nps
	}
	p.LastContact, p.NextContact = dateOfNumber(ints[4]), dateOfNumber(ints[5])
	for _, t := range []*time.Time{&p.Created, &p.Updated} {
		n, err := uvarint()
		if err != nil || n > uint64(len(b)-at) {
			return errShortSummary
		}
		if err := t.UnmarshalBinary(b[at : at+int(n)]); err != nil {
			return err
		}
		at += int(n)
	}
	if b[0] == summaryPhotoVersion {
		ph := &dossier.Photo{}
		for _, s := range photoStrings(ph) {
			if err := str(s); err != nil {
				return err
			}
		}
		var n [3]int64
		for i := range n {
			v, err := varint()
			if err != nil {
				return err
			}
			n[i] = v
		}
		ph.Size, ph.Width, ph.Height = n[0], int(n[1]), int(n[2])
		p.Photo = ph
	}
	if at != len(b)-1 { // the record's format
		return dossier.Err("{{.Count}} bytes too many", map[string]any{"Count": len(b) - 1 - at}, nil)
	}
	return nil
}

package contacts

import (
	"bytes"
	"encoding/base64"
	"io"
	"strings"

	"github.com/emersion/go-vcard"

	"kamdesk/dossier"
)

// Write writes people as vCard 4.0, one card each: the name (FN, and N
// split at the last space), the position (TITLE), the account's name and
// the department (ORG), e-mail, phone, birthday, notes and photo in
// vCard's own properties, and every other field of the person (ladder
// level, stakeholder type, role, influence, channel, family, hobbies,
// values, NPS, contacts, privacy note, the manager's ID and the person's
// own) in X-KAMDESK- properties, so that Read gives back the same person.
// account names the account of an ID; photo gives the bytes of a
// person's photo (nil: no photo is written). The photo is a data: URI
// with its MEDIATYPE (PHOTO;MEDIATYPE=image/jpeg:data:image/jpeg;base64,…).
// Lines are folded at 75 octets.
func Write(w io.Writer, people []dossier.Person, account func(id string) string, photo func(p *dossier.Photo) ([]byte, error)) error {
	var b, card bytes.Buffer
	for i := range people {
		card.Reset()
		if err := vcard.NewEncoder(&card).Encode(Card4(&people[i], account(people[i].AccountID))); err != nil {
			return err
		}
		for _, l := range strings.SplitAfter(card.String(), "\r\n") {
			if l = strings.TrimSuffix(l, "\r\n"); l == "" {
				continue
			}
			if ph := people[i].Photo; l == "END:VCARD" && ph != nil && photo != nil {
				data, err := photo(ph)
				if err != nil {
					return dossier.Err("the photo of {{.Person}}", map[string]any{"Person": people[i].Name}, err)
				}
				// Written here, not by go-vcard, which would escape the
				// URI's comma as a text's.
				fold(&b, "PHOTO;MEDIATYPE="+ph.Type+":data:"+ph.Type+";base64,"+base64.StdEncoding.EncodeToString(data))
			}
			fold(&b, l)
		}
		if b.Len() > 64<<10 || i == len(people)-1 {
			if _, err := w.Write(b.Bytes()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	return nil
}

// Card4 returns the vCard 4.0 of p, whose account is called account.
func Card4(p *dossier.Person, account string) vcard.Card {
	c := vcard.Card{}
	c.SetValue(vcard.FieldVersion, "4.0")
	c.SetValue(vcard.FieldProductID, "-//kamdesk//kamdesk//EN")
	c.SetValue(vcard.FieldKind, string(vcard.KindIndividual))
	c.SetValue(vcard.FieldFormattedName, p.Name)
	given, family := p.Name, ""
	if i := strings.LastIndexByte(p.Name, ' '); i > 0 {
		given, family = p.Name[:i], p.Name[i+1:]
	}
	c.SetName(&vcard.Name{GivenName: structured(given), FamilyName: structured(family)})
	if p.Position != "" {
		c.SetValue(vcard.FieldTitle, p.Position)
	}
	org := structured(account)
	if p.Department != "" {
		org += ";" + structured(p.Department)
		if structured(p.Department) != p.Department || strings.TrimSpace(p.Department) != p.Department {
			// ORG cannot hold a semicolon (go-vcard writes a backslash
			// as two), and its units are read trimmed: the department
			// as it is
			c.SetValue(kamdeskPrefix+"DEPARTMENT", p.Department)
		}
	}
	if org != "" {
		c.SetValue(vcard.FieldOrganization, org)
	}
	if p.Email != "" {
		c.Set(vcard.FieldEmail, &vcard.Field{Value: p.Email, Params: vcard.Params{vcard.ParamType: {"work"}}})
	}
	if p.Phone != "" {
		c.Set(vcard.FieldTelephone, &vcard.Field{Value: p.Phone, Params: vcard.Params{vcard.ParamType: {"work"}, vcard.ParamValue: {"text"}}})
	}
	if !p.Birthday.IsZero() {
		// RFC 6350's date: 19850415, or --0415 without the year
		if p.Birthday.HasYear() {
			c.SetValue(vcard.FieldBirthday, strings.ReplaceAll(p.Birthday.String(), "-", ""))
		} else {
			c.SetValue(vcard.FieldBirthday, "--"+strings.ReplaceAll(p.Birthday.String()[2:], "-", ""))
		}
	}
	if p.Notes != "" {
		c.SetValue(vcard.FieldNote, p.Notes)
	}
	if p.ID != "" {
		c.SetValue(kamdeskPrefix+"ID", p.ID)
	}
	for _, f := range fields {
		if !strings.HasPrefix(f.prop, kamdeskPrefix) {
			continue
		}
		if v := f.get(p); v != "" {
			c.SetValue(f.prop, v)
		}
	}
	return c
}

// structured is s as a component of N or ORG: go-vcard writes the value
// as given, so a semicolon would start another component (a comma it
// escapes itself).
func structured(s string) string { return strings.ReplaceAll(s, ";", ",") }

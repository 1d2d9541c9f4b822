package contacts

import (
	"bytes"
	"encoding/base64"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-vcard"

	"kamdesk/dossier"
)

// A card's photo: vCard 2.1 and 3.0 carry it as base64 (ENCODING=b or
// BASE64) with its TYPE (JPEG, PNG…), vCard 4.0 as a data: URI
// ("data:image/jpeg;base64,…", the MEDIATYPE beside it or not); either
// may give a link instead, which kamdesk cannot fetch offline.

// photo reads the PHOTO properties fs of the card: the preferred one
// (pref), else the first, becomes the person's photo when it is an image
// kamdesk keeps; a link, an image of another kind (HEIC, WebP…) or one
// too large, and every other photo, go to Ignored. A value that claims
// to be base64 and is not, or that is no image at all, is a problem.
func (r *cardReader) photo(fs []*vcard.Field, pref int) {
	order := make([]int, 0, len(fs))
	if pref >= 0 {
		order = append(order, pref)
	}
	for j := range fs {
		if j != pref {
			order = append(order, j)
		}
	}
	for _, j := range order {
		n := r.line("PHOTO", j)
		data, declared, link, err := r.photoBytes(j, fs[j])
		switch {
		case err != nil:
			r.problem("PHOTO", n, err)
			continue
		case len(data) == 0 && link == "":
			continue // an empty PHOTO
		case link != "":
			r.c.Ignored = append(r.c.Ignored, "PHOTO "+clip(link, 60))
			continue
		case r.c.Person.Photo != nil:
			r.c.Ignored = append(r.c.Ignored, "PHOTO")
			continue
		}
		ph, err := dossier.NewPhoto("", data)
		switch {
		case err == nil:
			r.c.Person.Photo, r.c.Photo = &ph, data
			r.c.Given["photo"] = true
			r.c.lines["photo"] = n
		case ph.Type != "": // an image too large for kamdesk
			r.c.Ignored = append(r.c.Ignored, "PHOTO "+ph.Describe())
		case otherImage(data, declared) != "":
			r.c.Ignored = append(r.c.Ignored, "PHOTO "+otherImage(data, declared))
		default:
			for _, fe := range dossier.ProblemsOf(err) {
				r.problem("PHOTO", n, fe)
			}
		}
	}
}

// photoBytes returns the image of the j-th PHOTO property f and the media
// type it declares ("" when none), or the link it gives instead.
func (r *cardReader) photoBytes(j int, f *vcard.Field) (data []byte, declared, link string, err error) {
	v := f.Value
	if raws := r.raw["PHOTO"]; j < len(raws) {
		v = raws[j]
	}
	v = strings.TrimSpace(v)
	declared = mediaType(f.Params)
	switch enc := strings.ToUpper(f.Params.Get("ENCODING")); {
	case enc == "B" || enc == "BASE64":
		data, err = decodeBase64(v)
		return data, declared, "", err
	case enc != "" && enc != "8BIT" && enc != "7BIT":
		return nil, "", "", dossier.Err("unknown ENCODING {{.Encoding}}", map[string]any{"Encoding": enc}, dossier.ErrInvalid)
	}
	rest, ok := cutPrefixFold(v, "data:")
	if !ok {
		if v == "" {
			return nil, "", "", nil
		}
		if !strings.Contains(v, ":") {
			// base64 without its ENCODING, as some old phones write it
			if b, err := decodeBase64(v); err == nil {
				return b, declared, "", nil
			}
		}
		return nil, "", v, nil // a link (http…, a file, a content ID): nothing to read offline
	}
	// Some writers escape the comma, as in a text value.
	meta, payload, ok := strings.Cut(unescape(rest), ",")
	if !ok {
		return nil, "", "", dossier.Err("not a data: URI (data:image/jpeg;base64,…)", nil, dossier.ErrInvalid)
	}
	params := strings.Split(meta, ";")
	if t := normType(params[0]); t != "" {
		declared = t
	}
	if strings.EqualFold(strings.TrimSpace(params[len(params)-1]), "base64") {
		data, err = decodeBase64(payload)
		return data, declared, "", err
	}
	text, err := url.PathUnescape(payload)
	if err != nil {
		return nil, "", "", dossier.Err("not a data: URI (data:image/jpeg;base64,…)", nil, dossier.ErrInvalid)
	}
	return []byte(text), declared, "", nil
}

// decodeBase64 reads base64 with or without its padding, spaces and line
// breaks aside.
func decodeBase64(v string) ([]byte, error) {
	v = strings.Map(dropSpace, v)
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(v, "="))
	}
	if err != nil {
		return nil, dossier.Err("bad base64 data", nil, dossier.ErrInvalid)
	}
	return b, nil
}

// mediaType is the media type the parameters of a PHOTO declare:
// MEDIATYPE (vCard 4.0), else the TYPE of vCard 2.1 and 3.0 (JPEG, PNG,
// image/png…), in lower case; "" when neither says.
func mediaType(ps vcard.Params) string {
	if t := ps.Get("MEDIATYPE"); t != "" {
		return normType(t)
	}
	for _, t := range ps.Types() {
		t = strings.ToLower(strings.TrimSpace(t))
		switch t {
		case "jpg", "jpeg", "png", "gif", "bmp", "tiff", "heic", "heif", "webp", "avif":
			return normType("image/" + t)
		}
		if strings.Contains(t, "/") {
			return normType(t)
		}
	}
	return ""
}

// normType writes a media type in lower case, image/jpg as image/jpeg.
func normType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if t == "image/jpg" || t == "image/pjpeg" {
		return "image/jpeg"
	}
	return t
}

// otherImage names the kind of an image kamdesk does not keep: what its
// bytes begin with (WebP, HEIC, AVIF, BMP, TIFF), else the image type
// the card declares; "" when neither says it is an image.
func otherImage(data []byte, declared string) string {
	switch {
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "image/webp"
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "avif", "avis":
			return "image/avif"
		case "heic", "heix", "hevc", "heif", "mif1", "msf1":
			return "image/heic"
		}
	case bytes.HasPrefix(data, []byte("BM")) && len(data) > 26:
		return "image/bmp"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "image/tiff"
	}
	if strings.HasPrefix(declared, "image/") && !isPhotoType(declared) && utf8.ValidString(declared) && len(declared) < 40 {
		return declared
	}
	return ""
}

func isPhotoType(t string) bool {
	for _, p := range dossier.PhotoTypes {
		if p == t {
			return true
		}
	}
	return false
}

// clip cuts s to at most n characters, marking the cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

package dossier

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/gif" // the kinds of photo kamdesk shows
	_ "image/jpeg"
	_ "image/png"
	"path/filepath"
	"slices"
	"strings"
)

// Limits of a person's photo. A phone's photo is a few megabytes and 12
// megapixels; the pixel limit also bounds the memory showing a photo
// takes (a small PNG may declare any size).
const (
	MaxPhoto       = 10 << 20   // bytes
	MaxPhotoPixels = 25_000_000 // width × height
)

// Photo is a person's picture: an image file kept in the workspace as an
// event's attachment is (its bytes under FileID, Name the file's name),
// with what kamdesk needs to show and export it without reading it.
type Photo struct {
	Attachment
	Type   string `json:"type"`   // one of PhotoTypes
	Width  int    `json:"width"`  // in pixels
	Height int    `json:"height"` // in pixels
}

// PhotoTypes are the media types of the photos kamdesk keeps: the images
// it can show.
var PhotoTypes = []string{"image/jpeg", "image/png", "image/gif"}

// photoKinds are the image package's format names of PhotoTypes.
var photoKinds = map[string]string{"jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif"}

// NewPhoto checks that data, the contents of the image file named name,
// is a photo kamdesk keeps (a JPEG, PNG or GIF image of at most MaxPhoto
// bytes and MaxPhotoPixels pixels) and returns its Photo, without a
// FileID: the store gives it one as it stores the bytes. Only the image's
// header is read. A problem is a dossier.Problems on the field "photo";
// when the problem is the image's size (bytes or pixels), the Photo
// returned still describes it (its Type is set).
func NewPhoto(name string, data []byte) (Photo, error) {
	var pr Problems
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	typ := photoKinds[format]
	if err != nil || typ == "" || cfg.Width <= 0 || cfg.Height <= 0 {
		pr.Add("photo", "is not a JPEG, PNG or GIF image", nil)
		return Photo{}, pr
	}
	sum := sha256.Sum256(data)
	p := Photo{Attachment: Attachment{Name: photoName(name, typ), Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])},
		Type: typ, Width: cfg.Width, Height: cfg.Height}
	p.check(&pr, false)
	return p, pr.Err()
}

// photoName is name made safe, with the extension of the type typ when
// it has another.
func photoName(name, typ string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "photo"
	}
	name = SafeFileName(name)
	ext, have := PhotoExt(typ), strings.ToLower(filepath.Ext(name))
	if have == ext || typ == "image/jpeg" && have == ".jpeg" {
		return name
	}
	return SafeFileName(strings.TrimSuffix(name, filepath.Ext(name)) + ext)
}

// PhotoExt is the file extension of the photo type typ: ".jpg", ".png"
// or ".gif"; "" for another type.
func PhotoExt(typ string) string {
	switch typ {
	case "image/jpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	}
	return ""
}

// Kind is the photo's format as people name it: JPEG, PNG or GIF.
func (p *Photo) Kind() string {
	if k, ok := strings.CutPrefix(p.Type, "image/"); ok {
		return strings.ToUpper(k)
	}
	return p.Type
}

// KB is the photo's size in kilobytes, rounded up.
func (p *Photo) KB() int64 { return (p.Size + 1023) / 1024 }

// Describe writes the photo short, as an import plan and a person's
// personal data show it: "JPEG 640×480, 48 KB".
func (p *Photo) Describe() string {
	return fmt.Sprintf("%s %d×%d, %d KB", p.Kind(), p.Width, p.Height, p.KB())
}

// check adds the problems of p, as validation names them; stored says
// p must name its file.
func (p *Photo) check(pr *Problems, stored bool) {
	if stored && !ValidID(p.FileID) || p.FileID != "" && !ValidID(p.FileID) {
		pr.Add("photo", "is not a stored file", nil)
	}
	if p.Name == "" || p.Name != SafeFileName(p.Name) {
		pr.Add("photo", "has a file name that is not safe", map[string]any{"Value": p.Name})
	}
	switch {
	case !slices.Contains(PhotoTypes, p.Type), p.Size <= 0, p.Width <= 0, p.Height <= 0:
		pr.Add("photo", "is not a JPEG, PNG or GIF image", nil)
	case p.Size > MaxPhoto:
		pr.Add("photo", "is larger than {{.Max}} MB, the limit for a photo", map[string]any{"Max": MaxPhoto >> 20})
	case int64(p.Width)*int64(p.Height) > MaxPhotoPixels:
		pr.Add("photo", "is {{.Width}}×{{.Height}} pixels, more than the {{.Max}} megapixels a photo may have",
			map[string]any{"Width": p.Width, "Height": p.Height, "Max": MaxPhotoPixels / 1_000_000})
	}
}

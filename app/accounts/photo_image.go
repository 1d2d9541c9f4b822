package accounts

import (
	"bytes"
	"encoding/binary"
	"image"
	_ "image/gif" // the kinds of photo kamdesk keeps (dossier.PhotoTypes)
	_ "image/jpeg"
	_ "image/png"

	"golang.org/x/image/draw"
)

// A photo as the person's screen shows it: decoded off the UI goroutine,
// turned upright and made small once, so that drawing it costs nothing
// whatever the size of the file (a phone's photo is 12 megapixels).

// thumbnail decodes the image data, turns it as its EXIF orientation
// says (a phone's portrait is stored lying on its side) and scales it to
// fit size×size pixels, its aspect kept; a smaller image is not enlarged.
func thumbnail(data []byte, size int) (image.Image, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > size || h > size {
		if w >= h {
			w, h = size, max(1, h*size/w)
		} else {
			w, h = max(1, w*size/h), size
		}
		// First a quick reduction, then a careful one: CatmullRom over
		// 12 megapixels takes a second, over a few hundred thousand a
		// blink.
		if b.Dx() > 4*w {
			mid := image.NewRGBA(image.Rect(0, 0, 4*w, max(1, 4*h)))
			draw.ApproxBiLinear.Scale(mid, mid.Bounds(), src, b, draw.Src, nil)
			src, b = mid, mid.Bounds()
		}
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
		src = dst
	}
	return oriented(src, jpegOrientation(data)), nil
}

// oriented returns img turned as the EXIF orientation o (1–8) asks.
func oriented(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored upside down
				sx, sy = x, h-1-y
			case 5: // mirrored, on its side
				sx, sy = y, x
			case 6: // on its left side: turn clockwise
				sx, sy = y, h-1-x
			case 7: // mirrored, on its other side
				sx, sy = w-1-y, h-1-x
			case 8: // on its right side: turn anticlockwise
				sx, sy = w-1-y, x
			}
			dst.Set(x, y, img.At(b.Min.X+sx, b.Min.Y+sy))
		}
	}
	return dst
}

// jpegOrientation returns the orientation (1–8) the EXIF data of a JPEG
// file gives, 1 when it gives none or data is no JPEG.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		if marker == 0xDA || marker == 0xD9 { // the image itself, or its end
			return 1
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return 1
		}
		if seg := data[i+4 : i+2+n]; marker == 0xE1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation reads the Orientation tag (0x0112) of the first image
// directory of the TIFF structure t.
func tiffOrientation(t []byte) int {
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int(bo.Uint32(t[4:8]))
	if off < 8 || off+2 > len(t) {
		return 1
	}
	n := int(bo.Uint16(t[off:]))
	for k := range n {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			if v := int(bo.Uint16(t[e+8:])); v >= 1 && v <= 8 {
				return v
			}
			return 1
		}
	}
	return 1
}

package proposal

import (
	"encoding/base64"

	"github.com/yuin/goldmark/util"
)

// The HTML export's URL policy, for renderers of other media (the desktop
// preview) that must link and show images exactly as the export does.

// SafeLinkURL returns href as the HTML export writes a link destination
// (URL-escaped), and whether the export's URL policy lets it be a link:
// http, https, mailto and tel URLs and in-document fragments only. A
// refused link is shown as its text.
func SafeLinkURL(href string) (string, bool) {
	dest := string(util.URLEscape([]byte(href), true))
	return dest, allowedLink(dest)
}

// SafeImageData returns the bytes of an image source the export shows as
// an image: a base64 data: URI of a PNG, JPEG, GIF or WebP image. Any
// other source is refused, and the export shows the image's alt text.
func SafeImageData(src string) ([]byte, bool) {
	dest := string(util.URLEscape([]byte(src), true))
	if !allowedImage(dest) {
		return nil, false
	}
	m := imageDataRE().FindStringSubmatch(dest)
	b, err := base64.StdEncoding.DecodeString(m[2])
	if err != nil {
		return nil, false
	}
	return b, true
}

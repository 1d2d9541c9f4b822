package i18n

import (
	"io/fs"
	"maps"
	"testing"

	"kamdesk/assets"
)

// lastWins is msgs as a map, a later message of the same ID replacing an
// earlier one, as encoding/json decodes an object.
func lastWins(msgs []catMessage) map[string]catMessage {
	out := map[string]catMessage{}
	for _, m := range msgs {
		out[m.id] = m
	}
	return out
}

func sameMessages(a, b map[string]catMessage) bool {
	return maps.EqualFunc(a, b, func(x, y catMessage) bool {
		return x.text == y.text && (x.forms == nil) == (y.forms == nil) && maps.Equal(x.forms, y.forms)
	})
}

// Every catalogue kamdesk ships is read by the scanner, not by the slower
// encoding/json it falls back to, and reads the same as with it.
func TestScanCatalogueReadsEveryCatalogue(t *testing.T) {
	for _, code := range Languages {
		data, err := fs.ReadFile(assets.Translations, CatalogueDir+"/"+code+".json")
		if err != nil {
			t.Fatal(err)
		}
		scanned, ok := scanCatalogue(string(data))
		if !ok {
			t.Fatalf("%s.json: the scanner refused it", code)
		}
		decoded, _ := decodeCatalogue(data)
		if len(scanned) < 1000 || !sameMessages(lastWins(scanned), lastWins(decoded)) {
			t.Fatalf("%s.json: the scanner read %d messages, encoding/json %d, not the same", code, len(scanned), len(decoded))
		}
	}
}

// FuzzScanCatalogue: whatever the scanner reads, encoding/json reads the
// same; what it refuses goes to encoding/json.
func FuzzScanCatalogue(f *testing.F) {
	for _, s := range []string{
		`{}`, ` { "a" : "b" } `, `{"a":"b","a":"c"}`, `{"x":{"one":"1 x","other":"{{.N}} x"}}`,
		`{"q\"uote":"\u00e9\ud83d\ude00\n"}`, "{\"bad\":\"\xff\"}", `{"n":null}`, `{"o":{}}`, `{"a":"b"} x`,
		`{"a":1}`, `{"a":{"one":1}}`, "{\"tab\":\"a\tb\"}", `[]`, `{"a":"b",}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		scanned, ok := scanCatalogue(string(data))
		if !ok {
			return
		}
		decoded, jsonOK := decodeCatalogue(data)
		if !jsonOK {
			t.Fatalf("%q: scanned %v, encoding/json refuses it", data, scanned)
		}
		if !sameMessages(lastWins(scanned), lastWins(decoded)) {
			t.Fatalf("%q: scanned %v, encoding/json read %v", data, scanned, decoded)
		}
	})
}

package store_test

import (
	"errors"
	"reflect"
	"testing"

	"kamdesk/dossier"
)

// TestMappingsAreKeptByName: a mapping saved is read back by its name
// and kind, after the workspace is opened again; another name is not
// found, a name that is no ID is refused.
func TestMappingsAreKeptByName(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	m := map[string]string{"First Name": "first", "E-mail Address": "email", "Web Page": "ignore"}
	if err := s.SaveMapping("people", "outlook", m); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveMapping("people", "Outlook CSV", m); !errors.Is(err, dossier.ErrInvalid) {
		t.Errorf("a name with spaces: got %v, want ErrInvalid", err)
	}
	s.Close()
	s = open(t, dir)
	defer s.Close()
	got, err := s.Mapping("people", "outlook")
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Errorf("got %v, %v; want %v", got, err, m)
	}
	if _, err := s.Mapping("accounts", "outlook"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("another kind: got %v, want ErrNotFound", err)
	}
	if names, err := s.Mappings("people"); err != nil || !reflect.DeepEqual(names, []string{"outlook"}) {
		t.Errorf("Mappings: %v, %v", names, err)
	}
}

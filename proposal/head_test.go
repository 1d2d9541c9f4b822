package proposal

import (
	"reflect"
	"testing"
)

// TestHeadFieldsAreProposalFields guards the store's decoding of a head
// from a stored proposal: every field of Head is the field of Proposal of
// the same name, type and JSON name.
func TestHeadFieldsAreProposalFields(t *testing.T) {
	ht, pt := reflect.TypeFor[Head](), reflect.TypeFor[Proposal]()
	for i := range ht.NumField() {
		h := ht.Field(i)
		p, ok := pt.FieldByName(h.Name)
		if !ok {
			t.Errorf("Head.%s: Proposal has no such field", h.Name)
			continue
		}
		if h.Type != p.Type {
			t.Errorf("Head.%s is %v, Proposal.%s is %v", h.Name, h.Type, p.Name, p.Type)
		}
		if h.Tag.Get("json") != p.Tag.Get("json") {
			t.Errorf("Head.%s has JSON %q, Proposal.%s has %q", h.Name, h.Tag.Get("json"), p.Name, p.Tag.Get("json"))
		}
	}
}

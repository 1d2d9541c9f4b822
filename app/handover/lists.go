package handover

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"kamdesk/app/i18n"
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// How the differences of a record read: a field each, a nested object
// (a financial result, a birthday, a referee) field by field
// ("financial.investment"), and a list (a proposal's sections, its
// sendings, a timeline entry's people) as people read it: how many on
// each side and which were added, removed or changed, each named as the
// desk names it ("sendings: 1 here, 2 in the bundle (adds: 2026-11-25 to
// Anna Keller (Executive))").

// namer names an element v of the list field of a record: its key, the
// same on both sides for the same element, and its label.
type namer func(field string, v any) (key, label string)

// diff lists the fields of here and there (as JSON) that differ, but
// for the time stamps, which say when each workspace wrote the record.
func diff(here, there any, name namer) ([]Change, error) {
	a, err := fields(here)
	if err != nil {
		return nil, err
	}
	b, err := fields(there)
	if err != nil {
		return nil, err
	}
	delete(a, "created")
	delete(a, "updated")
	delete(b, "created")
	delete(b, "updated")
	return diffFields("", a, b, name), nil
}

func fields(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return m, d.Decode(&m)
}

// diffFields compares the fields of two objects, those of a nested one
// named prefix+field.
func diffFields(prefix string, a, b map[string]any, name namer) []Change {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []Change
	for _, k := range keys {
		x, y := a[k], b[k]
		if reflect.DeepEqual(x, y) {
			continue
		}
		field := prefix + k
		xl, xok := asList(x)
		yl, yok := asList(y)
		xm, xmok := asMap(x)
		ym, ymok := asMap(y)
		switch {
		case xok && yok:
			out = append(out, listChange(field, xl, yl, name))
		case isFile(x) || isFile(y):
			out = append(out, Change{Field: field, Here: fileLabel(x), There: fileLabel(y)})
		case xmok && ymok:
			out = append(out, diffFields(field+".", xm, ym, name)...)
		default:
			out = append(out, Change{Field: field, Here: short(x), There: short(y)})
		}
	}
	return out
}

// isFile reports a file kept with a record (a person's photo): an
// object with a file_id, which reads as one field, not its parts.
func isFile(v any) bool {
	m, ok := v.(map[string]any)
	_, file := m["file_id"]
	return ok && file
}

// fileLabel names a file as people tell two apart: its name, and its
// pixels when it is a picture ("anna.png (20×30)").
func fileLabel(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return short(v)
	}
	label, _ := m["name"].(string)
	if w, h := m["width"], m["height"]; w != nil && h != nil {
		label += fmt.Sprintf(" (%v×%v)", w, h)
	}
	return clip(dossier.OneLine(label), 60)
}

// asList is v as a list; nothing is an empty one.
func asList(v any) ([]any, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case []any:
		return v, true
	}
	return nil, false
}

// asMap is v as an object; nothing is an empty one.
func asMap(v any) (map[string]any, bool) {
	switch v := v.(type) {
	case nil:
		return nil, true
	case map[string]any:
		return v, true
	}
	return nil, false
}

// short writes a field's value on one line, at most 60 characters.
func short(v any) string {
	var s string
	switch v := v.(type) {
	case nil:
		return "—"
	case string:
		s = v
	default:
		b, _ := json.Marshal(v)
		s = string(b)
	}
	s = dossier.OneLine(s)
	if s == "" || s == "[]" || s == "{}" {
		return "—"
	}
	return clip(s, 60)
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// shownPerPart is how many elements a list's summary names of each part;
// the others are counted.
const shownPerPart = 5

// listChange says how list field differs: here's elements xs and the
// bundle's ys, matched by key. The sendings of a proposal are history,
// never removed by an import: those only here are kept, those only in
// the bundle added.
func listChange(field string, xs, ys []any, name namer) Change {
	kx, labels := keyed(field, xs, name)
	ky, theirs := keyed(field, ys, name)
	for k, l := range theirs {
		labels[k] = l
	}
	inX := map[string]any{}
	for i, k := range kx {
		inX[k] = xs[i]
	}
	inY := map[string]any{}
	for i, k := range ky {
		inY[k] = ys[i]
	}
	var added, removed, changed []string
	for i, k := range ky {
		if x, ok := inX[k]; !ok {
			added = append(added, labels[k])
		} else if !reflect.DeepEqual(x, ys[i]) {
			changed = append(changed, labels[k])
		}
	}
	for _, k := range kx {
		if _, ok := inY[k]; !ok {
			removed = append(removed, labels[k])
		}
	}
	history := field == "sendings"
	sep := ", "
	if history {
		sep = "; " // a sending's label has commas of its own
	}
	var parts []string
	for i, list := range [][]string{added, removed, changed} {
		if len(list) == 0 {
			continue
		}
		shown := list[:min(len(list), shownPerPart)]
		text := strings.Join(shown, sep)
		if more := len(list) - len(shown); more > 0 {
			text += " " + i18n.L("and {{.Count}} more", map[string]any{"Count": more})
		}
		parts = append(parts, listPart(i, history, text))
	}
	if len(parts) == 0 {
		parts = append(parts, i18n.L("the order changed"))
	}
	summary := i18n.L("{{.Here}} here, {{.There}} in the bundle", map[string]any{"Here": len(xs), "There": len(ys)}) +
		" (" + strings.Join(parts, "; ") + ")"
	return Change{Field: field, Here: strconv.Itoa(len(xs)), There: strconv.Itoa(len(ys)), Summary: summary}
}

// listPart is one part of a list's summary: what the bundle adds (0),
// removes (1) or changes (2), or for a history what it adds, what is kept
// and what differs.
func listPart(i int, history bool, list string) string {
	d := map[string]any{"List": list}
	switch {
	case history && i == 0:
		return i18n.L("adds: {{.List}}", d)
	case history && i == 1:
		return i18n.L("keeps: {{.List}}", d)
	case history:
		return i18n.L("differs: {{.List}}", d)
	case i == 0:
		return i18n.L("added: {{.List}}", d)
	case i == 1:
		return i18n.L("removed: {{.List}}", d)
	}
	return i18n.L("changed: {{.List}}", d)
}

// keyed returns the keys of the elements of a list in order (a key met
// again gets its count: two lines of one description are two lines) and
// their labels.
func keyed(field string, list []any, name namer) ([]string, map[string]string) {
	keys := make([]string, len(list))
	labels := map[string]string{}
	seen := map[string]int{}
	for i, v := range list {
		k, l := name(field, v)
		if seen[k]++; seen[k] > 1 {
			k += "#" + strconv.Itoa(seen[k])
		}
		keys[i], labels[k] = k, clip(dossier.OneLine(l), 120)
	}
	return keys, labels
}

// element is how an element of a list is named when its kind of record
// does not say: a text by itself, an object by its ID and its title or
// name (or its JSON).
func element(v any) (key, label string) {
	m, ok := v.(map[string]any)
	if !ok {
		s := str(v)
		return s, s
	}
	for _, f := range []string{"title", "name", "description", "text", "project", "explanation", "file"} {
		if s := str(m[f]); s != "" {
			label = s
			break
		}
	}
	if label == "" {
		label = short(v)
	}
	for _, f := range []string{"id", "key", "file_id", "member_id"} {
		if s := str(m[f]); s != "" {
			return s, label
		}
	}
	return label, label
}

// str is v as text: a string as it is, a number or a flag as written.
func str(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// names finds what the lists of records name, by ID: in the bundle, else
// in the workspace.
type names struct {
	ws Workspace
	b  *Bundle
}

func (n names) person(id string) string {
	for _, p := range n.b.People {
		if p.ID == id {
			return p.Name
		}
	}
	if p, err := n.ws.Person(id); err == nil {
		return p.Name
	}
	return id
}

func (n names) section(id string) string {
	for _, s := range n.b.Sections {
		if s.ID == id {
			return s.Title
		}
	}
	if s, err := n.ws.Section(id); err == nil {
		return s.Title
	}
	return id
}

func (n names) member(id string) string {
	for _, m := range n.b.Team {
		if m.ID == id {
			return m.Name
		}
	}
	if m, err := n.ws.TeamMember(id); err == nil {
		return m.Name
	}
	return id
}

func (n names) reference(id string) string {
	for _, r := range n.b.References {
		if r.ID == id {
			return cmp.Or(r.Project, r.Client)
		}
	}
	if r, err := n.ws.Reference(id); err == nil {
		return cmp.Or(r.Project, r.Client)
	}
	return id
}

// namer is how the lists of a kind of record are named; both are the
// proposal's two versions when kind is KindProposal.
func (n names) namer(kind string, both ...*proposal.Proposal) namer {
	return func(field string, v any) (string, string) {
		m, _ := v.(map[string]any)
		switch kind + "/" + field {
		case KindAccount + "/criteria":
			return str(v), i18n.L(dossier.Criterion(str(v)).Label())
		case KindEvent + "/people", KindPromise + "/people":
			return str(v), n.person(str(v))
		case KindProposal + "/sendings":
			return str(m["id"]), n.sending(m)
		case KindProposal + "/items":
			title := cmp.Or(str(m["title"]), n.section(str(m["section_id"])))
			return cmp.Or(str(m["key"]), str(m["section_id"]), title), title
		case KindProposal + "/tasks":
			k := proposal.TaskKind(str(m["kind"]))
			return str(m["kind"]) + "/" + str(m["due"]), i18n.L(k.Label()) + " " + str(m["due"])
		case KindProposal + "/credits":
			return str(m["member_id"]), n.member(str(m["member_id"]))
		case KindProposal + "/references":
			return str(v), n.reference(str(v))
		case KindProposal + "/exports":
			return str(m["at"]) + str(m["file"]), filepath.Base(str(m["file"])) + " " + strings.Split(str(m["at"]), "T")[0]
		}
		if kind == KindProposal && strings.HasPrefix(field, "orders.") {
			return str(v), itemTitle(str(v), both, n)
		}
		return element(v)
	}
}

// sending names a sending of a proposal: its day and to whom each
// variant went.
func (n names) sending(m map[string]any) string {
	variants, _ := m["variants"].([]any)
	var to []string
	for _, v := range variants {
		vm, _ := v.(map[string]any)
		a := proposal.Audience(str(vm["audience"]))
		var people []string
		if ps, ok := vm["people"].([]any); ok {
			for _, p := range ps {
				people = append(people, str(p))
			}
		}
		if len(people) == 0 {
			to = append(to, i18n.L(a.Label()))
			continue
		}
		to = append(to, i18n.L("{{.People}} ({{.Audience}})", map[string]any{"People": strings.Join(people, ", "), "Audience": a.Label()}))
	}
	return i18n.L("{{.Date}} to {{.Recipients}}", map[string]any{"Date": str(m["on"]), "Recipients": strings.Join(to, ", ")})
}

// itemTitle is the title of the item with key in either version of a
// proposal.
func itemTitle(key string, both []*proposal.Proposal, n names) string {
	for _, p := range both {
		for _, it := range p.Items {
			if it.Key == key {
				return cmp.Or(it.Title, n.section(it.SectionID))
			}
		}
	}
	return key
}

// Package dossier is the domain of key accounts and the people in their
// decision-making groups: accounts and their key-client criteria, people with
// their business and personal facts, the relationship ladder, stakeholder
// types, our team and references, the timeline of events and promises, and
// the agenda rules derived from them.
//
// It uses the standard library only; storage and user interface live
// elsewhere and depend on this package, never the other way round.
//
// User-visible messages produced here (validation problems, labels) are
// English source strings meant to be passed through a translation catalogue
// by the user interface; their template parameters use Go's text/template
// syntax ({{.Max}}), the same as the Fyne lang package.
package dossier

// Package proposal is the domain of commercial proposals: the library of
// reusable sections, proposals assembled from them and from the dossier,
// tailored per stakeholder type (executive, HR, finance, technical, and the
// whole group), with pricing computed in exact decimal arithmetic, a
// quantified financial result, references, team credits, a validity that
// gives the expiry date, the follow-up routine after sending, a readiness
// check, and the export through Markdown to self-contained HTML.
//
// It depends on the dossier package and on goldmark; never on Fyne or the
// store. User-visible messages are English source strings with
// text/template parameters, for the user interface to translate.
package proposal

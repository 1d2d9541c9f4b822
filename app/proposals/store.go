// Package proposals is the proposals area of the desk: the list of
// proposals, the form that starts one, and the builder with a file per
// tab (sections, pricing, financial result, people, validity, audiences,
// readiness, follow-up), its exporter and its revision and sending
// dialogs. Its screens reach the workspace through Store and the rest of
// the desk through ui.Host; they open the places "proposals" and
// "proposal/ID[:tab]". Agenda is its part of the desk's agenda.
package proposals

import (
	"kamdesk/dossier"
	"kamdesk/proposal"
)

// Store is what the proposals area (the list of proposals, the form that
// starts one, the builder with its export and follow-up) needs from the
// workspace.
type Store interface {
	AccountNames() ([]dossier.AccountName, error)
	ProposalHeads(acct string) ([]proposal.Head, error)
	Readiness(today dossier.Date) (map[string]proposal.Readiness, error)
	Proposals(acct string) ([]proposal.Proposal, error)
	Proposal(id string) (proposal.Proposal, error)
	SaveProposal(p *proposal.Proposal) error
	RecordExports(id string, exports []proposal.Export) error
	SendProposal(p *proposal.Proposal, snap *proposal.Snapshot, ev *dossier.Event) error
	Snapshot(prop, snap string) (proposal.Snapshot, error)
	DeleteProposal(id string) (dossier.BinEntry, error)
	Sections() ([]proposal.Section, error)
	Section(id string) (proposal.Section, error)
	SaveSection(s *proposal.Section) error
	CreateSection(s *proposal.Section) error
	DeleteSection(id string) (dossier.BinEntry, error)
	ImportSections(secs []proposal.Section) (added, updated int, err error)
	Context(acct string, today dossier.Date) (*proposal.Context, error)
	Team() ([]dossier.TeamMember, error)
	SaveEvent(e *dossier.Event) error // the follow-up's calls and outcomes
	Restore(id string) error          // undoes a deletion
}

package store

import (
	"github.com/dgraph-io/badger/v4"

	"kamdesk/dossier"
)

// agendaAccount is what the agenda reads of an account
// (dossier.NewAgendaMaker: its name, tier, tender and review; the tier,
// revenue share and name sort the accounts), under the JSON names of
// dossier.Account. Decoding only these skips the account's texts
// (strategy, goals, notes), lists and times.
type agendaAccount struct {
	ID               string       `json:"id"`
	Name             string       `json:"name"`
	Tier             dossier.Tier `json:"tier"`
	RevenueShare     float64      `json:"revenue_share"`
	NextTender       dossier.Date `json:"next_tender"`
	TenderPrepMonths int          `json:"tender_prep_months,omitempty"`
	AnnualReview     dossier.Date `json:"annual_review"`
	Passive          bool         `json:"passive,omitempty"`
}

// agendaPromise is what the agenda reads of a promise: whether it is
// open, when it is due, its account and text.
type agendaPromise struct {
	ID        string                `json:"id"`
	AccountID string                `json:"account_id"`
	Text      string                `json:"text"`
	Due       dossier.Date          `json:"due"`
	Status    dossier.PromiseStatus `json:"status"`
}

// agendaAccountsAndPromises reads every account and promise with the
// fields the agenda reads of them (agendaAccount, agendaPromise), the
// others left zero.
func agendaAccountsAndPromises(txn *badger.Txn, w *dossier.Workspace) error {
	accts, err := list[agendaAccount](txn, kAccount)
	if err != nil {
		return err
	}
	w.Accounts = make([]dossier.Account, len(accts))
	for i, a := range accts {
		w.Accounts[i] = dossier.Account{ID: a.ID, Name: a.Name, Tier: a.Tier, RevenueShare: a.RevenueShare,
			NextTender: a.NextTender, TenderPrepMonths: a.TenderPrepMonths, AnnualReview: a.AnnualReview, Passive: a.Passive}
	}
	proms, err := list[agendaPromise](txn, kPromise)
	if err != nil {
		return err
	}
	w.Promises = make([]dossier.Promise, len(proms))
	for i, p := range proms {
		w.Promises[i] = dossier.Promise{ID: p.ID, AccountID: p.AccountID, Text: p.Text, Due: p.Due, Status: p.Status}
	}
	return nil
}

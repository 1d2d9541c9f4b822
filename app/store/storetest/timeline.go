package storetest

import (
	"kamdesk/dossier"
)

// The timelines: events and promises that name the people of an account.

// some returns up to n people of the group, at least one when there are
// any.
func (g *gen) some(people []dossier.Person, n int) []string {
	if len(people) == 0 {
		return nil
	}
	var ids []string
	for _, i := range g.rng.Perm(len(people))[:min(g.between(1, n), len(people))] {
		ids = append(ids, people[i].ID)
	}
	return ids
}

func (g *gen) event(a *dossier.Account, people []dossier.Person) dossier.Event {
	e := dossier.Event{AccountID: a.ID, Kind: dossier.EventKinds[g.rng.IntN(len(dossier.EventKinds))],
		Date: g.day(-720, 10), People: g.some(people, 3)}
	topic := g.pick(eventTopics)
	who := a.Name
	if len(e.People) > 0 {
		who = nameOf(people, e.People[0])
	}
	switch e.Kind {
	case dossier.EventMeeting:
		e.Title = "Meeting with " + who + " on " + topic
	case dossier.EventCall:
		e.Title = "Call with " + who + " about " + topic
	case dossier.EventLetter:
		e.Title = "Letter to " + who + ": " + topic
	case dossier.EventDocument:
		e.Title = "Document for " + a.Name + ": " + topic
	default:
		e.Title = "Note on " + topic
	}
	e.ID = g.id(e.Title, "event")
	e.Text = g.sentences(eventTexts, g.between(1, 3), " ", a.Name, who)
	return e
}

func nameOf(people []dossier.Person, id string) string {
	for _, p := range people {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

func (g *gen) promise(a *dossier.Account, people []dossier.Person) dossier.Promise {
	pr := dossier.Promise{AccountID: a.ID, People: g.some(people, 2), Made: g.day(-150, 0), Status: dossier.PromiseOpen}
	who := "the client"
	if len(pr.People) > 0 {
		who = nameOf(people, pr.People[0])
	}
	pr.Text = g.fill(g.pick(promiseTexts), a.Name, who)
	pr.ID = g.id(pr.Text, "promise")
	pr.Due = pr.Made.AddDays(g.between(7, 45))
	if g.chance(0.2) {
		newDue := pr.Due.AddDays(g.between(7, 30))
		on := pr.Due.AddDays(-g.between(0, 5))
		if on.Before(pr.Made) {
			on = pr.Made
		}
		pr.Slips = []dossier.Slip{{On: on, Explanation: g.pick(slipReasons), ApologySent: g.chance(0.8), OldDue: pr.Due, NewDue: newDue}}
		pr.Due = newDue
	}
	if pr.Due.Before(g.anchor) {
		switch r := g.rng.Float64(); {
		case r < 0.55:
			pr.Keep(pr.Due.AddDays(-g.between(0, 3)))
		case r < 0.65:
			pr.Drop(pr.Due)
		}
	}
	return pr
}

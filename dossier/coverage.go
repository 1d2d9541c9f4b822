package dossier

import "math"

// Coverage measures how many people of an account's decision-making group
// we know and how well: itself a measure of the relationship's strength.
type Coverage struct {
	People  int                     `json:"people"`   // people known
	ByLevel map[Level]int           `json:"by_level"` // people per ladder level
	ByType  map[StakeholderType]int `json:"by_type"`  // people per stakeholder type
	// Audiences is how many of the four proposal audiences (executive, HR,
	// finance, technical) have at least one known person.
	Audiences int `json:"audiences"`
	// DecisionMakers is how many known people decide the purchase.
	DecisionMakers int `json:"decision_makers"`
	// Warm is how many people stand at customer level or above.
	Warm int `json:"warm"`
	// Strength is 0–100: the mean ladder position of the people, weighted by
	// their influence (high 3, medium 2, low or unknown 1), where expert is
	// 100 and opponent 0.
	Strength int `json:"strength"`
}

// CoverageOf computes the coverage of the people of one account.
func CoverageOf(people []Person) Coverage {
	c := Coverage{ByLevel: map[Level]int{}, ByType: map[StakeholderType]int{}}
	var sum, weights float64
	for _, p := range people {
		c.People++
		c.ByLevel[p.Level]++
		c.ByType[p.Type]++
		if p.Role == RoleDecisionMaker {
			c.DecisionMakers++
		}
		if p.Level.Rank() >= Customer.Rank() {
			c.Warm++
		}
		w := 1.0
		switch p.Influence {
		case InfluenceHigh:
			w = 3
		case InfluenceMedium:
			w = 2
		}
		if r := p.Level.Rank(); r >= 0 {
			sum += w * float64(r) / float64(len(Ladder)-1)
			weights += w
		}
	}
	for _, t := range []StakeholderType{Executive, HR, Finance, Technical} {
		if c.ByType[t] > 0 {
			c.Audiences++
		}
	}
	if weights > 0 {
		c.Strength = int(math.Round(100 * sum / weights))
	}
	return c
}

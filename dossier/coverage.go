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
	var t CoverageTally
	for i := range people {
		t.Add(&people[i])
	}
	return t.Coverage()
}

// CoverageTally computes a coverage one person at a time, for a caller
// that reads people as a stream (the command line's account list at
// 100,000 people) and keeps none of them.
type CoverageTally struct {
	c            Coverage
	sum, weights float64
}

// Add counts p.
func (t *CoverageTally) Add(p *Person) {
	c := &t.c
	if c.ByLevel == nil {
		c.ByLevel, c.ByType = map[Level]int{}, map[StakeholderType]int{}
	}
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
		t.sum += w * float64(r) / float64(len(Ladder)-1)
		t.weights += w
	}
}

// Coverage returns the coverage of the people counted.
func (t *CoverageTally) Coverage() Coverage {
	c := t.c
	if c.ByLevel == nil {
		c.ByLevel, c.ByType = map[Level]int{}, map[StakeholderType]int{}
	}
	c.Audiences = 0
	for _, st := range []StakeholderType{Executive, HR, Finance, Technical} {
		if c.ByType[st] > 0 {
			c.Audiences++
		}
	}
	if t.weights > 0 {
		c.Strength = int(math.Round(100 * t.sum / t.weights))
	}
	return c
}
